// Analysts' aggregates over tasks: counts by timeliness category, grouped. The counting rules are in
// api/services/task-aggregates.ts; this file only reads the filter, loads the groups' labels (one
// query per kind, with whatever the request selects of them) and sorts.
import { queryFromInfo } from '@pothos/plugin-prisma';
import type { GraphQLResolveInfo } from 'graphql';
import type { Objective, ReformArea, Unit } from '../../generated/prisma/client.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { leftOut, listSize } from '../cost.ts';
import { encodeGlobalId } from '../global-id.ts';
import * as sizes from '../list-sizes.ts';
import { compareVietnamese } from '../services/collation.ts';
import {
  countByColumn,
  periodOf,
  rollUp,
  taskGroupings,
  type CountedGroup,
  type TaskGrouping,
  type TimelinessCounts,
} from '../services/task-aggregates.ts';
import { ObjectiveRef } from './objective.ts';
import { ReformAreaRef } from './reform-area.ts';
import { TaskFilter, taskWhere } from './task.ts';
import { UnitRef } from './unit.ts';

/** The most groups each grouping gives (one group without groupBy). */
const groupsBy: Record<TaskGrouping, number> = {
  UNIT: sizes.units,
  REFORM_AREA: sizes.reformAreas,
  OBJECTIVE: sizes.objectives,
  MONTH: sizes.deadlineMonths,
  YEAR: sizes.deadlineYears,
};

const groupingDescriptions: Record<TaskGrouping, string> = {
  UNIT: 'By lead unit (the unit that answers for the task); sorted by unit name.',
  REFORM_AREA: "By the reform area of the task's objective; sorted by the areas' list position, then code.",
  OBJECTIVE: 'By objective; sorted by list position, then code.',
  MONTH: "By the calendar month of the task's current deadline (a district day); oldest first.",
  YEAR: "By the calendar year of the task's current deadline; oldest first.",
};

export const TaskGroupingEnum = builder.enumType('TaskGrouping', {
  description: 'How taskTimelinessCounts groups tasks.',
  values: Object.fromEntries(
    taskGroupings.map((value) => [value, { value, description: groupingDescriptions[value] }]),
  ) as Record<TaskGrouping, { value: TaskGrouping; description: string }>,
});

interface TaskTimelinessGroupShape extends TimelinessCounts {
  key: string;
  unit: Unit | null;
  reformArea: ReformArea | null;
  objective: Objective | null;
  year: number | null;
  month: number | null;
}

const noLabels = { unit: null, reformArea: null, objective: null, year: null, month: null };

export const TaskTimelinessGroupRef = builder.objectRef<TaskTimelinessGroupShape>('TaskTimelinessGroup').implement({
  description:
    'Tasks of one group counted by timeliness as of today. The seven categories onTrack … cancelled partition the group: open + completed + cancelled = total.',
  fields: (t) => ({
    key: t.exposeString('key', {
      description:
        'Identifies the group: the global id of the unit, reform area or objective ("Unit:3"), "2026-03" for a month, "2026" for a year, "ALL" without grouping.',
    }),
    unit: t.field({
      type: UnitRef,
      nullable: true,
      description: 'The lead unit, when grouped by UNIT.',
      resolve: (group) => group.unit,
    }),
    reformArea: t.field({
      type: ReformAreaRef,
      nullable: true,
      description: 'The reform area, when grouped by REFORM_AREA.',
      resolve: (group) => group.reformArea,
    }),
    objective: t.field({
      type: ObjectiveRef,
      nullable: true,
      description: 'The objective, when grouped by OBJECTIVE.',
      resolve: (group) => group.objective,
    }),
    year: t.exposeInt('year', { nullable: true, description: "The deadline's year, when grouped by MONTH or YEAR." }),
    month: t.exposeInt('month', {
      nullable: true,
      description: "The deadline's month, 1 to 12, when grouped by MONTH.",
    }),
    onTrack: t.exposeInt('onTrack', { description: 'Open, deadline beyond the due-soon window.' }),
    dueSoon: t.exposeInt('dueSoon', { description: 'Open, deadline within the due-soon window.' }),
    overdue: t.exposeInt('overdue', { description: 'Open and past the deadline.' }),
    completedOnTime: t.exposeInt('completedOnTime', { description: 'Completed by the original deadline.' }),
    completedWithinExtension: t.exposeInt('completedWithinExtension', {
      description: 'Completed after the original deadline but by the extended one.',
    }),
    completedLate: t.exposeInt('completedLate', { description: 'Completed after the current deadline.' }),
    cancelled: t.exposeInt('cancelled', { description: 'Cancelled (no timeliness).' }),
    open: t.exposeInt('open', { description: 'Still open: onTrack + dueSoon + overdue.' }),
    completed: t.exposeInt('completed', {
      description: 'Completed: completedOnTime + completedWithinExtension + completedLate.',
    }),
    total: t.exposeInt('total', { description: 'Every task of the group: open + completed + cancelled.' }),
  }),
});

const bySortOrder = (a: { sortOrder: number; code: string; id: number }, b: typeof a) =>
  a.sortOrder - b.sortOrder || a.code.localeCompare(b.code) || a.id - b.id;

/** Loads the rows labelling entity groups, with the nested selection the request asks of `field`. */
function labelQuery(ctx: Context, info: GraphQLResolveInfo, field: 'unit' | 'reformArea' | 'objective', ids: number[]) {
  return { ...queryFromInfo({ context: ctx, info, path: [field] }), where: { id: { in: ids } } };
}

async function groupsOf(
  grouping: TaskGrouping | null,
  counted: CountedGroup<number | Date | null>[],
  ctx: Context,
  info: GraphQLResolveInfo,
): Promise<TaskTimelinessGroupShape[]> {
  const ids = counted.map((g) => g.key as number);
  switch (grouping) {
    case null:
      return counted.map((g) => ({ key: 'ALL', ...noLabels, ...g.counts }));
    case 'UNIT': {
      const units = await ctx.prisma.unit.findMany(labelQuery(ctx, info, 'unit', ids));
      const byId = new Map(units.map((u) => [u.id, u]));
      return counted
        .flatMap((g) => {
          const unit = byId.get(g.key as number);
          return unit ? [{ key: encodeGlobalId('Unit', unit.id), ...noLabels, unit, ...g.counts }] : [];
        })
        .sort((a, b) => compareVietnamese(a.unit.name, b.unit.name) || a.unit.id - b.unit.id);
    }
    case 'OBJECTIVE': {
      const objectives = await ctx.prisma.objective.findMany(labelQuery(ctx, info, 'objective', ids));
      const byId = new Map(objectives.map((o) => [o.id, o]));
      return counted
        .flatMap((g) => {
          const objective = byId.get(g.key as number);
          return objective
            ? [{ key: encodeGlobalId('Objective', objective.id), ...noLabels, objective, ...g.counts }]
            : [];
        })
        .sort((a, b) => bySortOrder(a.objective, b.objective));
    }
    case 'REFORM_AREA': {
      // Counted by objective (Prisma groups by the task's own columns only), rolled up here: at most
      // one row per objective and category.
      const objectives = await ctx.prisma.objective.findMany({
        where: { id: { in: ids } },
        select: { id: true, reformAreaId: true },
      });
      const areaOf = new Map(objectives.map((o) => [o.id, o.reformAreaId]));
      const byArea = rollUp(counted, (key) => areaOf.get(key as number));
      const areas = await ctx.prisma.reformArea.findMany(
        labelQuery(
          ctx,
          info,
          'reformArea',
          byArea.map((g) => g.key),
        ),
      );
      const byId = new Map(areas.map((a) => [a.id, a]));
      return byArea
        .flatMap((g) => {
          const reformArea = byId.get(g.key);
          return reformArea
            ? [{ key: encodeGlobalId('ReformArea', reformArea.id), ...noLabels, reformArea, ...g.counts }]
            : [];
        })
        .sort((a, b) => bySortOrder(a.reformArea, b.reformArea));
    }
    case 'MONTH':
    case 'YEAR': {
      // Counted by deadline day in the database, rolled up into months or years here: at most one row
      // per distinct deadline day and category.
      const periods = new Map<string, { year: number; month: number | null }>();
      const byPeriod = rollUp(counted, (day) => {
        const period = periodOf(day as Date, grouping);
        periods.set(period.key, period);
        return period.key;
      });
      return byPeriod
        .map((g) => {
          const period = periods.get(g.key) as { year: number; month: number | null };
          return { key: g.key, ...noLabels, year: period.year, month: period.month, ...g.counts };
        })
        .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    }
  }
}

builder.queryField('taskTimelinessCounts', (t) =>
  t.field({
    type: [TaskTimelinessGroupRef],
    extensions: listSize(({ groupBy }) =>
      leftOut(groupBy) ? 1 : (groupsBy[groupBy as TaskGrouping] ?? Math.max(...Object.values(groupsBy))),
    ),
    description:
      'Task counts by timeliness category as of today, for the tasks the filter selects (the same filter as `tasks`, AND, OR and NOT included), one group per lead unit, reform area, objective, or month or year of the current deadline; without groupBy one group "ALL" for everything. Groups without tasks are left out (the "ALL" group is always there). Counted in the database.',
    args: {
      filter: t.arg({ type: TaskFilter }),
      groupBy: t.arg({ type: TaskGroupingEnum, description: 'How to group; omit for one group of every task.' }),
    },
    resolve: async (_root, args, ctx, info) => {
      const grouping = args.groupBy ?? null;
      const counted = await countByColumn(ctx.prisma, taskWhere(args.filter, ctx), grouping, ctx);
      return groupsOf(grouping, counted, ctx, info);
    },
  }),
);
