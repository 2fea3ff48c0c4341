import { z } from 'zod';
import { type Prisma, TaskPriority, TaskStatus } from '../../generated/prisma/client.ts';
import { builder } from '../builder.ts';
import { listSize } from '../cost.ts';
import * as sizes from '../list-sizes.ts';
import type { Context } from '../context.ts';
import { daysBetween } from '../services/calendar.ts';
import { accountableDay, headshipOn } from '../services/headship.ts';
import { runMutation } from '../services/mutation.ts';
import { createTask, updateTask, type TaskPlan } from '../services/task.ts';
import { allowedTaskActions, taskActionRules, taskActions, type TaskAction } from '../services/task-actions.ts';
import { taskRules, type TaskParties, type TaskRule } from '../services/task-workflow.ts';
import { timelinessOf, timelinessValues, timelinessWhere, type Timeliness } from '../services/timeliness.ts';
import {
  DateFilter,
  IDFilter,
  IntFilter,
  StringFilter,
  containing,
  decodeId,
  decodeOptionalId,
  enumFilter,
  enumWhere,
  idWhere,
  logicalFields,
  logicalWhere,
  rangeWhere,
  stringWhere,
  type EnumFilterValue,
  type IdFilterValue,
  type Logical,
  type RangeFilterValue,
  type StringFilterValue,
} from './filters.ts';
import { countBesidePage, offsetArgOptions, orderInput, withOffset } from './lists.ts';
import { adminOnly, rolesFor } from './access.ts';
import { PersonRef } from './person.ts';
import { dateInput, notNull, optionalText, requiredText } from './validation.ts';

export const TaskStatusEnum = builder.enumType(TaskStatus, {
  name: 'TaskStatus',
  description:
    'Where a task is in its workflow: NOT_STARTED → IN_PROGRESS → SUBMITTED (with evidence) → COMPLETED, or RETURNED to the unit; CANCELLED by the secretariat.',
});

export const TaskPriorityEnum = builder.enumType(TaskPriority, {
  name: 'TaskPriority',
  description: 'How urgent a task is, LOW to URGENT.',
});

const timelinessDescriptions: Record<Timeliness, string> = {
  ON_TRACK: 'Open, deadline more than the due-soon window away.',
  DUE_SOON: 'Open, deadline within the due-soon window (7 days unless configured).',
  OVERDUE: 'Open and past its deadline.',
  COMPLETED_ON_TIME: 'Completed by its original deadline.',
  COMPLETED_WITHIN_EXTENSION: 'Completed after the original deadline but within an approved extension.',
  COMPLETED_LATE: 'Completed after its deadline.',
};

export const TimelinessEnum = builder.enumType('Timeliness', {
  description:
    "How a task stands against its deadline, derived from its dates in the district's time zone (never typed in). Cancelled tasks have none.",
  values: Object.fromEntries(
    timelinessValues.map((value) => [value, { value, description: timelinessDescriptions[value] }]),
  ) as Record<Timeliness, { value: Timeliness; description: string }>,
});

const taskActionDescriptions: Record<TaskAction, string> = {
  EDIT: 'Change the plan of the task (updateTask).',
  START: 'Start work (startTask).',
  REPORT_PROGRESS: 'Report progress or what was done (reportProgress).',
  SUBMIT: 'Submit the work with its evidence for review (submitTask).',
  APPROVE: 'Accept the submitted work as completed (approveTask).',
  RETURN: 'Send the submitted work back with a reason (returnTask).',
  CANCEL: 'Cancel the task with a reason (cancelTask).',
  COMMENT: 'Add a comment to the timeline (commentOnTask).',
  ADD_EVIDENCE: 'Add evidence (addEvidence, uploadEvidence).',
  REVIEW_EVIDENCE: 'Accept or reject evidence (reviewEvidence).',
  REQUEST_EXTENSION: 'Ask for a later deadline (requestExtension).',
  DECIDE_EXTENSION: 'Approve or reject an extension request (decideExtension).',
};

export const TaskActionEnum = builder.enumType('TaskAction', {
  description: 'Something a signed-in account may do to a task, as allowed by its role, its unit and the status.',
  values: Object.fromEntries(
    taskActions.map((value) => [value, { value, description: taskActionDescriptions[value] }]),
  ) as Record<TaskAction, { value: TaskAction; description: string }>,
});

const evidenceOrder = [{ submittedAt: 'asc' }, { id: 'asc' }] satisfies Prisma.EvidenceOrderByWithRelationInput[];
const supportingUnitOrder = { name: 'asc' } satisfies Prisma.UnitOrderByWithRelationInput;

/**
 * What tells how the viewer stands to a task and what its status allows, for the allowedActions of
 * the task and of its evidence and extension requests. Supporting units matter to unit heads only,
 * and only where a rule names the supporting units' heads; for the task the selection is the
 * supportingUnits field's own, so that asking for both loads them once.
 */
export function taskPartiesSelection(ctx: Context, rules: readonly TaskRule[]) {
  const supportingUnitsMatter = rules.some((rule) => rule.parties.includes('SUPPORT_HEAD'));
  return {
    status: true,
    leadUnitId: true,
    ...(ctx.viewer?.role === 'UNIT_HEAD' &&
      supportingUnitsMatter && {
        supportingUnits: { select: { id: true }, orderBy: supportingUnitOrder },
      }),
  } as const;
}

export function taskPartiesOf(task: { status: TaskStatus; leadUnitId: number }): TaskParties & { status: TaskStatus } {
  const supportingUnits = (task as { supportingUnits?: { id: number }[] }).supportingUnits;
  return {
    status: task.status,
    leadUnitId: task.leadUnitId,
    supportingUnitIds: supportingUnits?.map((u) => u.id) ?? [],
  };
}

export const TaskRef = builder.prismaNode('Task', {
  id: { field: 'id' },
  // Only the columns a request asks for are read (a list row needs about half of them).
  select: { id: true },
  description: 'A task (nhiệm vụ) assigned to a lead unit, serving an objective, due by a deadline.',
  fields: (t) => ({
    title: t.exposeString('title'),
    description: t.exposeString('description', { nullable: true }),
    objective: t.relation('objective'),
    leadUnit: t.relation('leadUnit', { description: 'The unit that leads the task and answers for it.' }),
    supportingUnits: t.relation('supportingUnits', {
      description: 'Units that support the lead unit.',
      extensions: listSize(sizes.supportingUnits),
      query: { orderBy: supportingUnitOrder },
    }),
    responsibleHead: t.field({
      type: PersonRef,
      nullable: true,
      description:
        'The accountable person: the head of the lead unit on the day the task was completed, or today while it is open.',
      select: (_args, _ctx, nestedSelection) => ({
        completedOn: true,
        leadUnit: {
          select: { headships: { select: { startDate: true, endDate: true, person: nestedSelection(true) } } },
        },
      }),
      resolve: (task, _args, ctx) =>
        headshipOn(task.leadUnit.headships, accountableDay(task, ctx.today))?.person ?? null,
    }),
    startDate: t.expose('startDate', { type: 'Date' }),
    deadline: t.expose('deadline', {
      type: 'Date',
      description: 'Current deadline (moved only by approved extensions).',
    }),
    originalDeadline: t.expose('originalDeadline', {
      type: 'Date',
      description: 'The deadline as first assigned, kept for reporting.',
    }),
    completedOn: t.expose('completedOn', {
      type: 'Date',
      nullable: true,
      description: 'Day the task counts as completed: the day of the submission the committee accepted.',
    }),
    submittedAt: t.expose('submittedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When the unit last submitted the task for review.',
    }),
    statusReason: t.exposeString('statusReason', {
      nullable: true,
      description: 'The reason given with the last return or cancellation.',
    }),
    status: t.expose('status', { type: TaskStatusEnum }),
    allowedActions: t.field({
      type: [TaskActionEnum],
      description: 'What the signed-in account may do to the task now; the server enforces the same rules.',
      extensions: listSize(taskActions.length),
      select: (_args, ctx) => taskPartiesSelection(ctx, taskActionRules),
      resolve: (task, _args, ctx) => allowedTaskActions(ctx.viewer, taskPartiesOf(task)),
    }),
    progress: t.exposeInt('progress', { description: 'Progress in percent, 0 to 100.' }),
    priority: t.expose('priority', { type: TaskPriorityEnum }),
    version: t.exposeInt('version', {
      description: 'Name this version when updating; an update against an older one fails with CONFLICT.',
    }),
    illustrative: t.exposeBoolean('illustrative', { description: 'True for illustrative demo data.' }),
    timeliness: t.field({
      type: TimelinessEnum,
      description: 'How the task stands against its deadline today; null when cancelled.',
      nullable: true,
      select: { status: true, deadline: true, originalDeadline: true, completedOn: true },
      resolve: (task, _args, ctx) => timelinessOf(task, ctx.today, ctx.dueSoonDays),
    }),
    daysToDeadline: t.int({
      nullable: true,
      description: 'Days from today to the deadline while open; negative when overdue.',
      select: { status: true, deadline: true },
      resolve: (task, _args, ctx) =>
        task.status === 'COMPLETED' || task.status === 'CANCELLED' ? null : daysBetween(ctx.today, task.deadline),
    }),
    evidenceCount: t.int({
      description: 'Number of pieces of evidence.',
      // Not a relationCount: Prisma counts a relation in a list by joining an aggregate of the whole
      // Evidence table (half a second at 300,000 tasks); the ids of the page's evidence come from one
      // indexed query instead, and merge with the `evidence` field's own query when both are asked.
      select: { evidence: { select: { id: true }, orderBy: evidenceOrder } },
      resolve: (task) => task.evidence.length,
    }),
    evidence: t.relation('evidence', { query: { orderBy: evidenceOrder }, extensions: listSize(sizes.taskEvidence) }),
    extensionRequests: t.relation('extensionRequests', {
      description: 'Deadline extension requests, latest first.',
      extensions: listSize(sizes.taskExtensions),
      query: { orderBy: [{ requestedAt: 'desc' }, { id: 'desc' }] },
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

export interface TaskFilterValue extends Logical<TaskFilterValue> {
  id?: IdFilterValue | null;
  title?: StringFilterValue | null;
  q?: string | null;
  status?: EnumFilterValue<TaskStatus> | null;
  priority?: EnumFilterValue<TaskPriority> | null;
  timeliness?: Timeliness[] | null;
  objective?: IdFilterValue | null;
  reformArea?: IdFilterValue | null;
  resolution?: IdFilterValue | null;
  leadUnit?: IdFilterValue | null;
  supportingUnit?: IdFilterValue | null;
  unit?: IdFilterValue | null;
  startDate?: RangeFilterValue<Date> | null;
  deadline?: RangeFilterValue<Date> | null;
  originalDeadline?: RangeFilterValue<Date> | null;
  completedOn?: RangeFilterValue<Date> | null;
  progress?: RangeFilterValue<number> | null;
  extended?: boolean | null;
  illustrative?: boolean | null;
}

export const TaskStatusFilter = enumFilter<TaskStatus>('TaskStatusFilter', TaskStatusEnum, 'Matches task statuses.');
const TaskPriorityFilter = enumFilter<TaskPriority>('TaskPriorityFilter', TaskPriorityEnum, 'Matches priorities.');

export const TaskFilter = builder.inputRef<TaskFilterValue>('TaskFilter').implement({
  description: 'Selects tasks; fields combine with AND, and AND, OR and NOT nest.',
  fields: (t) => ({
    id: t.field({ type: IDFilter, description: 'The tasks themselves.' }),
    title: t.field({ type: StringFilter }),
    q: t.string({ description: 'Words anywhere in the title or description.' }),
    status: t.field({ type: TaskStatusFilter }),
    priority: t.field({ type: TaskPriorityFilter }),
    timeliness: t.field({ type: [TimelinessEnum], description: 'Any of these timeliness categories, as of today.' }),
    objective: t.field({ type: IDFilter }),
    reformArea: t.field({ type: IDFilter, description: "The reform area of the task's objective." }),
    resolution: t.field({ type: IDFilter, description: "The resolution of the task's objective." }),
    leadUnit: t.field({ type: IDFilter }),
    supportingUnit: t.field({ type: IDFilter, description: 'A unit among the supporting units.' }),
    unit: t.field({ type: IDFilter, description: 'Tasks a unit leads or supports.' }),
    startDate: t.field({ type: DateFilter }),
    deadline: t.field({ type: DateFilter }),
    originalDeadline: t.field({ type: DateFilter }),
    completedOn: t.field({ type: DateFilter }),
    progress: t.field({ type: IntFilter }),
    extended: t.boolean({ description: 'Tasks whose deadline was moved by an approved extension (true) or not.' }),
    illustrative: t.boolean(),
    ...logicalFields(t, TaskFilter),
  }),
});

export function taskWhere(
  filter: TaskFilterValue | null | undefined,
  ctx: Pick<Context, 'today' | 'dueSoonDays' | 'prisma'>,
): Prisma.TaskWhereInput | undefined {
  const fields = ctx.prisma.task.fields;
  return logicalWhere(filter, (f): Prisma.TaskWhereInput => {
    const and: Prisma.TaskWhereInput[] = [];
    if (f.q) {
      and.push({
        OR: [{ title: containing(f.q) }, { description: containing(f.q) }],
      });
    }
    if (f.timeliness) {
      and.push({ OR: f.timeliness.map((value) => timelinessWhere(value, ctx.today, ctx.dueSoonDays, fields)) });
    }
    if (f.unit) {
      const unit = idWhere(f.unit, 'Unit', 'filter.unit');
      and.push({ OR: [{ leadUnitId: unit }, { supportingUnits: { some: { id: unit } } }] });
    }
    if (f.extended != null) {
      and.push(
        f.extended ? { deadline: { gt: fields.originalDeadline } } : { deadline: { equals: fields.originalDeadline } },
      );
    }
    return {
      ...(f.id && { id: idWhere(f.id, 'Task', 'filter.id') }),
      ...(f.title && { title: stringWhere(f.title) }),
      ...(f.status && { status: enumWhere(f.status) }),
      ...(f.priority && { priority: enumWhere(f.priority) }),
      ...(f.objective && { objectiveId: idWhere(f.objective, 'Objective', 'filter.objective') }),
      ...((f.reformArea || f.resolution) && {
        objective: {
          ...(f.reformArea && { reformAreaId: idWhere(f.reformArea, 'ReformArea', 'filter.reformArea') }),
          ...(f.resolution && { resolutionId: idWhere(f.resolution, 'Resolution', 'filter.resolution') }),
        },
      }),
      ...(f.leadUnit && { leadUnitId: idWhere(f.leadUnit, 'Unit', 'filter.leadUnit') }),
      ...(f.supportingUnit && {
        supportingUnits: { some: { id: idWhere(f.supportingUnit, 'Unit', 'filter.supportingUnit') } },
      }),
      ...(f.startDate && { startDate: rangeWhere(f.startDate) }),
      ...(f.deadline && { deadline: rangeWhere(f.deadline) }),
      ...(f.originalDeadline && { originalDeadline: rangeWhere(f.originalDeadline) }),
      ...(f.completedOn && { completedOn: rangeWhere(f.completedOn) }),
      ...(f.progress && { progress: rangeWhere(f.progress) }),
      ...(f.illustrative != null && { illustrative: f.illustrative }),
      ...(and.length > 0 && { AND: and }),
    };
  });
}

export const TaskOrder = orderInput<Prisma.TaskOrderByWithRelationInput>()('Task', {
  DEADLINE: { description: 'Current deadline.', orderBy: (d) => ({ deadline: d }) },
  ORIGINAL_DEADLINE: { description: 'Original deadline.', orderBy: (d) => ({ originalDeadline: d }) },
  START_DATE: { description: 'Start date.', orderBy: (d) => ({ startDate: d }) },
  COMPLETED_ON: { description: 'Completion day.', orderBy: (d) => ({ completedOn: { sort: d, nulls: 'last' } }) },
  SUBMITTED_AT: {
    description: 'Time of the last submission for review.',
    orderBy: (d) => ({ submittedAt: { sort: d, nulls: 'last' } }),
  },
  TITLE: { description: 'Title.', orderBy: (d) => ({ title: d }) },
  STATUS: { description: 'Status, in workflow order.', orderBy: (d) => ({ status: d }) },
  PRIORITY: { description: 'Priority, LOW to URGENT.', orderBy: (d) => ({ priority: d }) },
  PROGRESS: { description: 'Progress.', orderBy: (d) => ({ progress: d }) },
  LEAD_UNIT: { description: 'Name of the lead unit.', orderBy: (d) => ({ leadUnit: { name: d } }) },
  OBJECTIVE: { description: 'Code of the objective.', orderBy: (d) => ({ objective: { code: d } }) },
  CREATED_AT: { description: 'Creation time.', orderBy: (d) => ({ createdAt: d }) },
  UPDATED_AT: { description: 'Last change.', orderBy: (d) => ({ updatedAt: d }) },
});

const taskCount = countBesidePage((args: { filter?: TaskFilterValue | null }, ctx) =>
  ctx.prisma.task.count({ where: taskWhere(args.filter, ctx) }),
);

builder.queryField('tasks', (t) =>
  t.prismaConnection({
    type: 'Task',
    cursor: 'id',
    description: 'Tasks, filtered and sorted; deadline order unless told otherwise.',
    args: {
      filter: t.arg({ type: TaskFilter }),
      orderBy: t.arg({ type: [TaskOrder.ref] }),
      offset: t.arg.int(offsetArgOptions),
    },
    totalCount: taskCount.totalCount,
    resolve: (query, _parent, args, ctx, info) => {
      taskCount.start(args, ctx, info);
      return ctx.prisma.task.findMany({
        ...withOffset(query, args),
        where: taskWhere(args.filter, ctx),
        orderBy: TaskOrder.toOrderBy(args.orderBy ?? [{ field: 'DEADLINE' }]),
      });
    },
  }),
);

const taskInputFields = {
  title: requiredText(500),
  description: optionalText(10_000),
  progress: z.number().int().min(0, 'Progress is at least 0').max(100, 'Progress is at most 100'),
};

export const CreateTaskInput = builder.inputType('CreateTaskInput', {
  description: 'A new task. It starts NOT_STARTED (IN_PROGRESS when progress is above 0).',
  fields: (t) => ({
    title: t.string({ required: true, validate: taskInputFields.title }),
    description: t.string({ validate: taskInputFields.description }),
    objectiveId: t.id({ required: true, description: 'Global id of the objective the task serves.' }),
    leadUnitId: t.id({ required: true, description: 'Global id of the lead unit.' }),
    supportingUnitIds: t.idList({
      description: 'Global ids of supporting units.',
      validate: z.array(z.string()).max(50),
    }),
    startDate: t.field({ type: 'Date', description: 'Defaults to today.', validate: dateInput }),
    deadline: t.field({ type: 'Date', required: true, validate: dateInput }),
    priority: t.field({ type: TaskPriorityEnum }),
    progress: t.int({ validate: taskInputFields.progress }),
  }),
});

export const UpdateTaskInput = builder.inputType('UpdateTaskInput', {
  validate: notNull(
    'title',
    'objectiveId',
    'leadUnitId',
    'supportingUnitIds',
    'startDate',
    'deadline',
    'priority',
    'progress',
  ),
  description:
    'Changes to the plan of an open task; omitted fields stay. The deadline changes here only before work starts; later it moves through extensions. Units report progress with reportProgress.',
  fields: (t) => ({
    title: t.string({ validate: taskInputFields.title }),
    description: t.string({ validate: taskInputFields.description }),
    objectiveId: t.id(),
    leadUnitId: t.id(),
    supportingUnitIds: t.idList({ validate: z.array(z.string()).max(50) }),
    startDate: t.field({ type: 'Date', validate: dateInput }),
    deadline: t.field({ type: 'Date', validate: dateInput }),
    priority: t.field({ type: TaskPriorityEnum }),
    progress: t.int({ validate: taskInputFields.progress }),
  }),
});

function taskPlan(input: typeof UpdateTaskInput.$inferInput): TaskPlan {
  return {
    title: input.title,
    description: input.description,
    objectiveId: decodeOptionalId(input.objectiveId, 'Objective', 'input.objectiveId'),
    leadUnitId: decodeOptionalId(input.leadUnitId, 'Unit', 'input.leadUnitId'),
    supportingUnitIds: input.supportingUnitIds?.map((id, i) => decodeId(id, 'Unit', `input.supportingUnitIds.${i}`)),
    startDate: input.startDate,
    deadline: input.deadline,
    priority: input.priority,
    progress: input.progress,
  };
}

builder.mutationFields((t) => ({
  createTask: t.prismaField({
    type: 'Task',
    description: 'Assigns a new task to a lead unit. Secretariat only.',
    authScopes: adminOnly,
    args: { input: t.arg({ type: CreateTaskInput, required: true }) },
    resolve: (query, _root, { input }, ctx, info) =>
      runMutation(ctx, info, (w) =>
        createTask(
          w,
          {
            ...taskPlan(input),
            title: input.title,
            deadline: input.deadline,
            objectiveId: decodeId(input.objectiveId, 'Objective', 'input.objectiveId'),
            leadUnitId: decodeId(input.leadUnitId, 'Unit', 'input.leadUnitId'),
          },
          query,
        ),
      ),
  }),
  updateTask: t.prismaField({
    type: 'Task',
    description:
      'Changes the plan of a task. Fails with CONFLICT when `version` is not the current one. Secretariat only.',
    authScopes: rolesFor(taskRules, 'EDIT'),
    args: {
      id: t.arg.id({ required: true }),
      version: t.arg.int({ required: true, description: 'The version the change is based on.' }),
      input: t.arg({ type: UpdateTaskInput, required: true }),
    },
    resolve: (query, _root, args, ctx, info) =>
      runMutation(ctx, info, (w) =>
        updateTask(w, decodeId(args.id, 'Task'), args.version, taskPlan(args.input), query),
      ),
  }),
}));
