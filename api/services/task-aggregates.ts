// Task counts by timeliness category, grouped by lead unit, reform area, objective, or the month or year
// of the deadline: the analysts' aggregates. Counted in the database: one grouped count per category
// (the category's `where` ANDed with the caller's filter), so the number of statements is fixed
// whatever the number of groups, and no task row is loaded into JavaScript.
import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import { timelinessValues, timelinessWhere, type Timeliness } from './timeliness.ts';

export type TaskGrouping = 'UNIT' | 'REFORM_AREA' | 'OBJECTIVE' | 'MONTH' | 'YEAR';

export const taskGroupings: readonly TaskGrouping[] = ['UNIT', 'REFORM_AREA', 'OBJECTIVE', 'MONTH', 'YEAR'];

/** What is counted: the six timeliness categories and the cancelled tasks, which have none. Together they partition every task. */
export type CountedCategory = Timeliness | 'CANCELLED';

export const countedCategories: readonly CountedCategory[] = [...timelinessValues, 'CANCELLED'];

export interface TimelinessCounts {
  onTrack: number;
  dueSoon: number;
  overdue: number;
  completedOnTime: number;
  completedWithinExtension: number;
  completedLate: number;
  cancelled: number;
  /** onTrack + dueSoon + overdue. */
  open: number;
  /** completedOnTime + completedWithinExtension + completedLate. */
  completed: number;
  /** open + completed + cancelled: every task of the group. */
  total: number;
}

const countField: Record<CountedCategory, keyof TimelinessCounts> = {
  ON_TRACK: 'onTrack',
  DUE_SOON: 'dueSoon',
  OVERDUE: 'overdue',
  COMPLETED_ON_TIME: 'completedOnTime',
  COMPLETED_WITHIN_EXTENSION: 'completedWithinExtension',
  COMPLETED_LATE: 'completedLate',
  CANCELLED: 'cancelled',
};

export function emptyCounts(): TimelinessCounts {
  return {
    onTrack: 0,
    dueSoon: 0,
    overdue: 0,
    completedOnTime: 0,
    completedWithinExtension: 0,
    completedLate: 0,
    cancelled: 0,
    open: 0,
    completed: 0,
    total: 0,
  };
}

/** Adds `count` tasks of `category` to `counts`, keeping the sums right. */
export function addCount(counts: TimelinessCounts, category: CountedCategory, count: number): void {
  counts[countField[category]] += count;
  if (category === 'ON_TRACK' || category === 'DUE_SOON' || category === 'OVERDUE') counts.open += count;
  else if (category !== 'CANCELLED') counts.completed += count;
  counts.total += count;
}

/** The group a deadline falls in: its calendar month ("2026-03") or year ("2026"), as the district's day. */
export function periodOf(
  deadline: Date,
  grouping: 'MONTH' | 'YEAR',
): { key: string; year: number; month: number | null } {
  const year = deadline.getUTCFullYear();
  if (grouping === 'YEAR') return { key: String(year), year, month: null };
  const month = deadline.getUTCMonth() + 1;
  return { key: `${year}-${String(month).padStart(2, '0')}`, year, month };
}

/** The `where` clause of a counted category. */
export function categoryWhere(
  category: CountedCategory,
  today: Date,
  dueSoonDays: number,
  fields: Parameters<typeof timelinessWhere>[3],
): Prisma.TaskWhereInput {
  return category === 'CANCELLED' ? { status: 'CANCELLED' } : timelinessWhere(category, today, dueSoonDays, fields);
}

/** The column a grouping counts by in the database; reform areas are counted by objective and rolled up. */
const groupColumn = {
  UNIT: 'leadUnitId',
  OBJECTIVE: 'objectiveId',
  REFORM_AREA: 'objectiveId',
  MONTH: 'deadline',
  YEAR: 'deadline',
} as const satisfies Record<TaskGrouping, keyof Prisma.TaskGroupByOutputType>;

/** A group's counts, keyed by what the database grouped on. */
export interface CountedGroup<K> {
  key: K;
  counts: TimelinessCounts;
}

export interface CountRules {
  today: Date;
  dueSoonDays: number;
}

/**
 * Counts the tasks matching `where` in each category, grouped by the database column of `grouping`
 * (lead unit id, objective id, or deadline day), or all together without one. One statement per
 * category, however many groups there are.
 */
export async function countByColumn(
  prisma: PrismaClient,
  where: Prisma.TaskWhereInput | undefined,
  grouping: TaskGrouping | null,
  rules: CountRules,
): Promise<CountedGroup<number | Date | null>[]> {
  const fields = prisma.task.fields;
  const whereOf = (category: CountedCategory): Prisma.TaskWhereInput => {
    const own = categoryWhere(category, rules.today, rules.dueSoonDays, fields);
    return where ? { AND: [where, own] } : own;
  };
  const groups = new Map<number | string | null, CountedGroup<number | Date | null>>();
  const add = (key: number | Date | null, category: CountedCategory, count: number) => {
    if (count === 0) return;
    const mapKey = key instanceof Date ? key.toISOString() : key;
    let group = groups.get(mapKey);
    if (!group) groups.set(mapKey, (group = { key, counts: emptyCounts() }));
    addCount(group.counts, category, count);
  };
  if (!grouping) {
    const counts = await Promise.all(
      countedCategories.map((category) => prisma.task.count({ where: whereOf(category) })),
    );
    // One group even when nothing matches: the answer to "how many" is then zero, not nothing.
    const all = emptyCounts();
    countedCategories.forEach((category, i) => addCount(all, category, counts[i] ?? 0));
    return [{ key: null, counts: all }];
  }
  const column = groupColumn[grouping];
  const rows = await Promise.all(
    countedCategories.map((category) =>
      prisma.task.groupBy({ by: [column], where: whereOf(category), _count: { _all: true } }),
    ),
  );
  countedCategories.forEach((category, i) => {
    for (const row of rows[i] ?? []) add(row[column], category, row._count._all);
  });
  return [...groups.values()];
}

/** Merges groups that share a key (days into months, objectives into reform areas), in first-seen order. */
export function rollUp<K, G>(groups: CountedGroup<K>[], keyOf: (key: K) => G | undefined): CountedGroup<G>[] {
  const merged = new Map<G, CountedGroup<G>>();
  for (const group of groups) {
    const key = keyOf(group.key);
    if (key === undefined) continue;
    let target = merged.get(key);
    if (!target) merged.set(key, (target = { key, counts: emptyCounts() }));
    for (const category of countedCategories) {
      addCount(target.counts, category, group.counts[countField[category]]);
    }
  }
  return [...merged.values()];
}
