import { ExtensionStatus, type Prisma } from '../../generated/prisma/client.ts';
import { builder } from '../builder.ts';
import { listSize } from '../cost.ts';
import {
  allowedExtensionActions,
  decideExtension,
  extensionRules,
  extensionStepRules,
  requestExtension,
  withdrawExtension,
  type ExtensionStep,
} from '../services/deadline-extension.ts';
import { runMutation } from '../services/mutation.ts';
import {
  DateTimeFilter,
  IDFilter,
  decodeId,
  enumFilter,
  enumWhere,
  idWhere,
  logicalFields,
  logicalWhere,
  rangeWhere,
  type EnumFilterValue,
  type IdFilterValue,
  type Logical,
  type RangeFilterValue,
} from './filters.ts';
import { rolesFor } from './access.ts';
import { countBesidePage, offsetArgOptions, orderInput, withOffset } from './lists.ts';
import { taskPartiesSelection, taskPartiesOf } from './task.ts';
import { dateInput, optionalText, requiredText } from './validation.ts';

export const ExtensionStatusEnum = builder.enumType(ExtensionStatus, {
  name: 'ExtensionStatus',
  description: 'Where a deadline extension request stands.',
});

const extensionStepDescriptions: Record<ExtensionStep, string> = {
  WITHDRAW: 'Withdraw the pending request (withdrawExtension).',
  DECIDE: 'Approve or reject the pending request (decideExtension).',
};

export const ExtensionActionEnum = builder.enumType('ExtensionAction', {
  description:
    "Something a signed-in account may do to an extension request, as allowed by its role, its unit and the status of the request and its task. Asking for one is the task's REQUEST_EXTENSION.",
  values: Object.fromEntries(
    Object.entries(extensionStepDescriptions).map(([value, description]) => [value, { value, description }]),
  ) as Record<ExtensionStep, { value: ExtensionStep; description: string }>,
});

export const DeadlineExtensionRef = builder.prismaNode('DeadlineExtension', {
  id: { field: 'id' },
  description: "A unit's request to move a task's deadline, and the committee's decision.",
  fields: (t) => ({
    task: t.relation('task'),
    requestedBy: t.relation('requestedBy', { nullable: true }),
    requestedAt: t.expose('requestedAt', { type: 'DateTime' }),
    previousDeadline: t.expose('previousDeadline', { type: 'Date', description: 'The deadline in force when asked.' }),
    requestedDeadline: t.expose('requestedDeadline', { type: 'Date' }),
    reason: t.exposeString('reason'),
    status: t.expose('status', { type: ExtensionStatusEnum }),
    decidedBy: t.relation('decidedBy', { nullable: true }),
    decidedAt: t.expose('decidedAt', { type: 'DateTime', nullable: true }),
    decisionNote: t.exposeString('decisionNote', { nullable: true }),
    allowedActions: t.field({
      type: [ExtensionActionEnum],
      description:
        'What the signed-in account may do to the request now (nothing once it is settled); the server enforces the same rules.',
      extensions: listSize(Object.keys(extensionStepDescriptions).length),
      select: (_args, ctx) => ({ status: true, task: { select: taskPartiesSelection(ctx, extensionStepRules) } }),
      resolve: (request, _args, ctx) => allowedExtensionActions(ctx.viewer, taskPartiesOf(request.task), request),
    }),
  }),
});

interface DeadlineExtensionFilterValue extends Logical<DeadlineExtensionFilterValue> {
  task?: IdFilterValue | null;
  status?: EnumFilterValue<ExtensionStatus> | null;
  requestedAt?: RangeFilterValue<Date> | null;
  leadUnit?: IdFilterValue | null;
}

const ExtensionStatusFilter = enumFilter<ExtensionStatus>(
  'ExtensionStatusFilter',
  ExtensionStatusEnum,
  'Matches extension statuses.',
);

export const DeadlineExtensionFilter = builder
  .inputRef<DeadlineExtensionFilterValue>('DeadlineExtensionFilter')
  .implement({
    description: 'Selects extension requests.',
    fields: (t) => ({
      task: t.field({ type: IDFilter }),
      status: t.field({ type: ExtensionStatusFilter }),
      requestedAt: t.field({ type: DateTimeFilter }),
      leadUnit: t.field({ type: IDFilter, description: 'The lead unit of the task.' }),
      ...logicalFields(t, DeadlineExtensionFilter),
    }),
  });

function extensionWhere(
  filter: DeadlineExtensionFilterValue | null | undefined,
): Prisma.DeadlineExtensionWhereInput | undefined {
  return logicalWhere(filter, (f): Prisma.DeadlineExtensionWhereInput => ({
    ...(f.task && { taskId: idWhere(f.task, 'Task', 'filter.task') }),
    ...(f.status && { status: enumWhere(f.status) }),
    ...(f.requestedAt && { requestedAt: rangeWhere(f.requestedAt) }),
    ...(f.leadUnit && { task: { leadUnitId: idWhere(f.leadUnit, 'Unit', 'filter.leadUnit') } }),
  }));
}

const DeadlineExtensionOrder = orderInput<Prisma.DeadlineExtensionOrderByWithRelationInput>()('DeadlineExtension', {
  REQUESTED_AT: { description: 'Time of the request.', orderBy: (d) => ({ requestedAt: d }) },
  REQUESTED_DEADLINE: { description: 'The date asked for.', orderBy: (d) => ({ requestedDeadline: d }) },
  STATUS: { description: 'Status.', orderBy: (d) => ({ status: d }) },
});

const deadlineExtensionsCount = countBesidePage((args: { filter?: Parameters<typeof extensionWhere>[0] }, ctx) =>
  ctx.prisma.deadlineExtension.count({ where: extensionWhere(args.filter) }),
);

builder.queryField('deadlineExtensions', (t) =>
  t.prismaConnection({
    type: 'DeadlineExtension',
    cursor: 'id',
    description: 'Deadline extension requests, latest first unless told otherwise.',
    args: {
      filter: t.arg({ type: DeadlineExtensionFilter }),
      orderBy: t.arg({ type: [DeadlineExtensionOrder.ref] }),
      offset: t.arg.int(offsetArgOptions),
    },
    totalCount: deadlineExtensionsCount.totalCount,
    resolve: (query, _parent, args, ctx, info) => {
      deadlineExtensionsCount.start(args, ctx, info);
      return ctx.prisma.deadlineExtension.findMany({
        ...withOffset(query, args),
        where: extensionWhere(args.filter),
        orderBy: DeadlineExtensionOrder.toOrderBy(args.orderBy ?? [{ field: 'REQUESTED_AT', direction: 'desc' }]),
      });
    },
  }),
);

export const ExtensionDecisionEnum = builder.enumType('ExtensionDecision', {
  description: "The committee's decision on an extension request.",
  values: {
    APPROVED: { description: 'The deadline moves to the date asked for; the original deadline is kept.' },
    REJECTED: { description: 'The deadline stays; a reason is required.' },
  } as const,
});

builder.mutationFields((t) => ({
  requestExtension: t.prismaField({
    type: 'DeadlineExtension',
    description:
      'Asks for a later deadline, with a reason, while the task is with the unit; one pending request per task. The head of the lead unit or the secretariat.',
    authScopes: rolesFor(extensionRules, 'REQUEST'),
    args: {
      taskId: t.arg.id({ required: true, description: 'Global id of the task.' }),
      requestedDeadline: t.arg({
        type: 'Date',
        required: true,
        description: 'The new deadline asked for; after the current one.',
        validate: dateInput,
      }),
      reason: t.arg.string({ required: true, description: 'Why more time is needed.', validate: requiredText(5_000) }),
    },
    resolve: (query, _root, args, ctx, info) =>
      runMutation(ctx, info, (w) =>
        requestExtension(w, decodeId(args.taskId, 'Task', 'taskId'), args.requestedDeadline, args.reason, query),
      ),
  }),
  withdrawExtension: t.prismaField({
    type: 'DeadlineExtension',
    description: 'Withdraws a pending request. The head of the lead unit or the secretariat.',
    authScopes: rolesFor(extensionRules, 'WITHDRAW'),
    args: { id: t.arg.id({ required: true, description: 'Global id of the request.' }) },
    resolve: (query, _root, args, ctx, info) =>
      runMutation(ctx, info, (w) => withdrawExtension(w, decodeId(args.id, 'DeadlineExtension'), query)),
  }),
  decideExtension: t.prismaField({
    type: 'DeadlineExtension',
    description:
      "Approves (the task's deadline moves; its original deadline stays for reporting) or rejects a pending request. The committee or the secretariat.",
    authScopes: rolesFor(extensionRules, 'DECIDE'),
    args: {
      id: t.arg.id({ required: true, description: 'Global id of the request.' }),
      decision: t.arg({ type: ExtensionDecisionEnum, required: true, description: 'Approve or reject.' }),
      note: t.arg.string({ description: 'The reason; required when rejecting.', validate: optionalText(5_000) }),
    },
    resolve: (query, _root, args, ctx, info) =>
      runMutation(ctx, info, (w) =>
        decideExtension(w, decodeId(args.id, 'DeadlineExtension'), args.decision, args.note ?? null, query),
      ),
  }),
}));
