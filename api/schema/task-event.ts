import { type Prisma, TaskEventType } from '../../generated/prisma/client.ts';
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
import { countBesidePage, offsetArgOptions, orderInput, withOffset } from './lists.ts';
import { TaskStatusEnum } from './task.ts';

export const TaskEventTypeEnum = builder.enumType(TaskEventType, {
  name: 'TaskEventType',
  description: 'What kind of change a timeline entry records.',
});

export const TaskEventRef = builder.prismaNode('TaskEvent', {
  id: { field: 'id' },
  description: "One entry of a task's append-only timeline: who changed what, when, from what to what.",
  fields: (t) => ({
    task: t.relation('task'),
    type: t.expose('type', { type: TaskEventTypeEnum }),
    actor: t.relation('actor', { nullable: true, description: 'The account that made the change.' }),
    at: t.expose('at', { type: 'DateTime' }),
    fromStatus: t.expose('fromStatus', { type: TaskStatusEnum, nullable: true }),
    toStatus: t.expose('toStatus', { type: TaskStatusEnum, nullable: true }),
    changes: t.expose('changes', {
      type: 'JSON',
      nullable: true,
      description: 'Changed fields as { field: { before, after } }; the whole task for CREATED.',
    }),
    note: t.exposeString('note', { nullable: true }),
  }),
});

// The task's own fields of its timeline live here, so that task.ts need not import this file.
builder.prismaObjectFields('Task', (t) => ({
  latestEvent: t.field({
    type: TaskEventRef,
    nullable: true,
    description: 'The most recent entry of the timeline.',
    select: (_args, _ctx, nestedSelection) => ({
      timeline: nestedSelection({ orderBy: [{ at: 'desc' as const }, { id: 'desc' as const }], take: 1 }),
    }),
    resolve: (task) => task.timeline[0] ?? null,
  }),
  timeline: t.relatedConnection('timeline', {
    cursor: 'id',
    totalCount: true,
    description: "The task's append-only timeline, oldest first.",
    query: { orderBy: [{ at: 'asc' }, { id: 'asc' }] },
  }),
}));

interface TaskEventFilterValue extends Logical<TaskEventFilterValue> {
  task?: IdFilterValue | null;
  actor?: IdFilterValue | null;
  type?: EnumFilterValue<TaskEventType> | null;
  at?: RangeFilterValue<Date> | null;
}

const TaskEventTypeFilter = enumFilter<TaskEventType>('TaskEventTypeFilter', TaskEventTypeEnum, 'Matches event types.');

export const TaskEventFilter = builder.inputRef<TaskEventFilterValue>('TaskEventFilter').implement({
  description: 'Selects timeline entries across tasks.',
  fields: (t) => ({
    task: t.field({ type: IDFilter }),
    actor: t.field({ type: IDFilter, description: 'The account that made the change.' }),
    type: t.field({ type: TaskEventTypeFilter }),
    at: t.field({ type: DateTimeFilter }),
    ...logicalFields(t, TaskEventFilter),
  }),
});

function taskEventWhere(filter: TaskEventFilterValue | null | undefined): Prisma.TaskEventWhereInput | undefined {
  return logicalWhere(filter, (f): Prisma.TaskEventWhereInput => ({
    ...(f.task && { taskId: idWhere(f.task, 'Task', 'filter.task') }),
    ...(f.actor && { actorId: idWhere(f.actor, 'Account', 'filter.actor') }),
    ...(f.type && { type: enumWhere(f.type) }),
    ...(f.at && { at: rangeWhere(f.at) }),
  }));
}

const TaskEventOrder = orderInput<Prisma.TaskEventOrderByWithRelationInput>()('TaskEvent', {
  AT: { description: 'Time of the change.', orderBy: (d) => ({ at: d }) },
});

const taskEventsCount = countBesidePage((args: { filter?: Parameters<typeof taskEventWhere>[0] }, ctx) =>
  ctx.prisma.taskEvent.count({ where: taskEventWhere(args.filter) }),
);

builder.queryField('taskEvents', (t) =>
  t.prismaConnection({
    type: 'TaskEvent',
    cursor: 'id',
    description: 'Timeline entries of all tasks, latest first unless told otherwise.',
    args: {
      filter: t.arg({ type: TaskEventFilter }),
      orderBy: t.arg({ type: [TaskEventOrder.ref] }),
      offset: t.arg.int(offsetArgOptions),
    },
    totalCount: taskEventsCount.totalCount,
    resolve: (query, _parent, args, ctx, info) => {
      taskEventsCount.start(args, ctx, info);
      return ctx.prisma.taskEvent.findMany({
        ...withOffset(query, args),
        where: taskEventWhere(args.filter),
        orderBy: TaskEventOrder.toOrderBy(args.orderBy ?? [{ field: 'AT', direction: 'desc' }]),
      });
    },
  }),
);
