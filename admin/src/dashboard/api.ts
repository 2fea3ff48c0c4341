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

const leagueTableQuery = `query DashboardLeagueTable($level: IndexLevel!, $year: Int!) {
  indexLeagueTable(level: $level, year: $year) {
    unit { id name }
    result { id publishedPercent }
    points maxPoints percent rank rankOf previousPercent delta previousRank rankChange
    weakestField { code name pointsLost }
    overdueTasks openTasks
  }
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
) {
  const dataProvider = useDataProvider<ParDataProvider>();
  return useQuery({
    queryKey: ['dashboard', ...key],
    retry: 1,
    enabled,
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

export const useLeagueTable = (level: IndexLevel, year: number | undefined) =>
  useRead(
    ['league', level, year],
    leagueTableQuery,
    { level, year },
    (data: { indexLeagueTable: LeagueRow[] }) => data.indexLeagueTable,
    year !== undefined,
  );

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
