// What the committee dashboard asks the API, and the shapes it gets back: the index league table and
// trends, targets by status, improvement plans with their checks, and task timeliness counts. Every
// panel has its own query, so one slow or refused panel never holds the others back.
import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { ParDataProvider } from '../dataProvider';

export type IndexLevel = 'DISTRICT' | 'AGENCY' | 'COMMUNE';
export type TargetStatus = 'ACHIEVED' | 'MISSED' | 'ON_COURSE' | 'AT_RISK' | 'NO_DATA';
export type TaskGrouping = 'UNIT' | 'MONTH';

export interface UnitRef {
  id: string;
  name: string;
}

export interface IndexNodeResult {
  code: string;
  name: string;
  maxPoints: number;
  points: number | null;
  percent: number | null;
  pointsLost: number | null;
}

export interface LeagueRow {
  unit: UnitRef;
  result: { id: string; publishedPercent: number | null };
  points: number | null;
  maxPoints: number;
  percent: number | null;
  rank: number | null;
  rankOf: number;
  previousPercent: number | null;
  delta: number | null;
  previousRank: number | null;
  rankChange: number | null;
  weakestField: Pick<IndexNodeResult, 'code' | 'name' | 'pointsLost'> | null;
  overdueTasks: number;
  openTasks: number;
}

export interface TrendPoint {
  year: number;
  percent: number | null;
  rank: number | null;
  rankOf: number | null;
  result: { id: string; publishedPercent: number | null };
  /** The top-level fields: where points were lost that year. */
  nodes: IndexNodeResult[];
}

export interface TrendSeries {
  unit: UnitRef;
  level: IndexLevel;
  points: TrendPoint[];
}

export interface TargetRow {
  id: string;
  code: string;
  indicator: string;
  measure: string;
  comparator: string;
  targetValue: number;
  targetYear: number;
  metric: string;
  status: TargetStatus;
  statusReason: string | null;
  unit: UnitRef | null;
  /** Each year's planned and actual value, oldest first (actuals of index targets come from the results). */
  progress: { year: number; plannedValue: number | null; actualValue: number | null; status: string; final: boolean }[];
  projection: { method: string; projectedValue: number | null } | null;
}

export interface TargetSummary {
  total: number;
  achieved: number;
  missed: number;
  onCourse: number;
  atRisk: number;
  noData: number;
  targets: TargetRow[];
}

export interface PlanRow {
  id: string;
  year: number;
  status: string;
  targetPercent: number;
  flagged: boolean;
  unit: UnitRef;
  checks: { code: string; message: string; node: { id: string; code: string; name: string } | null }[];
  comparison: { lastPercent: number | null };
}

export interface TimelinessGroup {
  key: string;
  unit: UnitRef | null;
  year: number | null;
  month: number | null;
  onTrack: number;
  dueSoon: number;
  overdue: number;
  completedOnTime: number;
  completedWithinExtension: number;
  completedLate: number;
  open: number;
  total: number;
}

const leagueRowFields = `unit { id name }
  result { id publishedPercent }
  points maxPoints percent rank rankOf previousPercent delta previousRank rankChange
  weakestField { code name pointsLost }
  overdueTasks openTasks`;

/** One page of the league table and, for the pager, how many results the framework has (no rows read). */
const leaguePageQuery = `query DashboardLeagueTable($level: IndexLevel!, $year: Int!, $first: Int!, $offset: Int!) {
  indexLeagueTable(level: $level, year: $year, first: $first, offset: $offset) { ${leagueRowFields} }
  indexResults(first: 0, filter: { level: { equals: $level }, year: { equals: $year } }) { totalCount }
}`;

/** Every row of the league table: what an export holds. */
const leagueTableQuery = `query DashboardLeagueExport($level: IndexLevel!, $year: Int!) {
  indexLeagueTable(level: $level, year: $year) { ${leagueRowFields} }
}`;

/** The years that have a framework for the level, newest first: the league table's choices. */
const frameworkYearsQuery = `query DashboardYears($level: IndexLevel!) {
  indexFrameworks(first: 100, filter: { level: { equals: $level } }, orderBy: [{ field: YEAR, direction: DESC }]) {
    nodes { id year }
  }
}`;

const trendFields = `unit { id name } level
  points {
    year percent rank rankOf result { id publishedPercent }
    nodes { code name maxPoints points percent pointsLost }
  }`;

const trendsQuery = `query DashboardTrends($filter: IndexResultFilter) {
  indexTrends(filter: $filter) { ${trendFields} }
}`;

const targetFields = `id code indicator measure comparator targetValue targetYear metric status statusReason
  unit { id name }
  progress { year plannedValue actualValue status final }
  projection { method projectedValue }`;

const targetProgressQuery = `query DashboardTargets {
  targetProgress {
    total achieved missed onCourse atRisk noData
    targets { ${targetFields} }
  }
}`;

const plansQuery = `query DashboardPlans {
  improvementPlans(first: 100, orderBy: [{ field: YEAR, direction: DESC }, { field: UNIT }]) {
    nodes {
      id year status targetPercent flagged unit { id name }
      checks { code message node { id code name } }
      comparison { lastPercent }
    }
  }
}`;

const timelinessQuery = `query DashboardTimeliness($filter: TaskFilter, $groupBy: TaskGrouping) {
  taskTimelinessCounts(filter: $filter, groupBy: $groupBy) {
    key unit { id name } year month
    onTrack dueSoon overdue completedOnTime completedWithinExtension completedLate open total
  }
}`;

/** One read-only query through the data provider (an expired session signs out, as everywhere). */
function useRead<T, R>(
  key: unknown[],
  query: string,
  variables: Record<string, unknown>,
  pick: (data: T) => R,
  enabled = true,
  /** Whether the data of the query before (by its key) stays on screen while this one loads. */
  keepPrevious?: (previousKey: readonly unknown[]) => boolean,
) {
  const dataProvider = useDataProvider<ParDataProvider>();
  return useQuery({
    queryKey: ['dashboard', ...key],
    retry: 1,
    enabled,
    // Generic in the data, as react-query's own keepPreviousData is: its option type wants no particular one.
    placeholderData: <D>(previous: D | undefined, previousQuery?: { queryKey: readonly unknown[] }) =>
      previousQuery && keepPrevious?.(previousQuery.queryKey) ? previous : undefined,
    queryFn: async () => pick(await dataProvider.readQuery<T>(query, variables)),
  });
}

export const useFrameworkYears = (level: IndexLevel) =>
  useRead(
    ['years', level],
    frameworkYearsQuery,
    { level },
    (data: { indexFrameworks: { nodes: { year: number }[] } }) =>
      [...new Set(data.indexFrameworks.nodes.map((node) => node.year))].sort((a, b) => b - a),
  );

export interface LeaguePage {
  rows: LeagueRow[];
  /** Rows in the whole table. */
  total: number;
}

/** Page `page` (from 0) of the league table, `perPage` rows long. */
export const useLeagueTable = (level: IndexLevel, year: number | undefined, page: number, perPage: number) =>
  useRead(
    ['league', level, year, page, perPage],
    leaguePageQuery,
    { level, year, first: perPage, offset: page * perPage },
    (data: { indexLeagueTable: LeagueRow[]; indexResults: { totalCount: number } }): LeaguePage => ({
      rows: data.indexLeagueTable,
      total: data.indexResults.totalCount,
    }),
    year !== undefined,
    // The page shown stays while the next one of the same table loads, so the pager does not jump
    // away; another level or year shows the spinner instead of the old table's rows.
    (previousKey) => previousKey[2] === level && previousKey[3] === year,
  );

/** Reads the whole league table, for an export (the screen holds one page). */
export const useWholeLeagueTable = () => {
  const dataProvider = useDataProvider<ParDataProvider>();
  return async (level: IndexLevel, year: number) =>
    (await dataProvider.readQuery<{ indexLeagueTable: LeagueRow[] }>(leagueTableQuery, { level, year }))
      .indexLeagueTable;
};

/** The trend of every unit of a level, or of one unit when `unitId` is given ('' waits for one). */
export const useTrends = (level: IndexLevel, unitId?: string) =>
  useRead(
    ['trends', level, unitId ?? null],
    trendsQuery,
    { filter: { level: { equals: level }, ...(unitId ? { unit: { equals: unitId } } : {}) } },
    (data: { indexTrends: TrendSeries[] }) => data.indexTrends,
    unitId !== '',
  );

export const useTargetProgress = () =>
  useRead(['targets'], targetProgressQuery, {}, (data: { targetProgress: TargetSummary }) => data.targetProgress);

export const usePlans = () =>
  useRead(['plans'], plansQuery, {}, (data: { improvementPlans: { nodes: PlanRow[] } }) => data.improvementPlans.nodes);

export const useTimeliness = (groupBy: TaskGrouping, filter: Record<string, unknown>) =>
  useRead(
    ['timeliness', groupBy, filter],
    timelinessQuery,
    { groupBy, filter },
    (data: { taskTimelinessCounts: TimelinessGroup[] }) => data.taskTimelinessCounts,
  );
