import { ExtensionStatus, type Prisma } from '../../generated/prisma/client.ts';
import { builder } from '../builder.ts';
import {
  DateTimeFilter,
  IDFilter,
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
import { offsetArgOptions, orderInput, withOffset } from './lists.ts';

export const ExtensionStatusEnum = builder.enumType(ExtensionStatus, {
  name: 'ExtensionStatus',
  description: 'Where a deadline extension request stands.',
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
    totalCount: (_parent, args, ctx) => ctx.prisma.deadlineExtension.count({ where: extensionWhere(args.filter) }),
    resolve: (query, _parent, args, ctx) =>
      ctx.prisma.deadlineExtension.findMany({
        ...withOffset(query, args),
        where: extensionWhere(args.filter),
        orderBy: DeadlineExtensionOrder.toOrderBy(args.orderBy ?? [{ field: 'REQUESTED_AT', direction: 'desc' }]),
      }),
  }),
);
