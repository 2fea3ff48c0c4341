// What the committee dashboard asks the API, and the shapes it gets back: the index league table and
// trends, targets by status, improvement plans with their checks, and task timeliness counts. Every
// panel has its own query, so one slow or refused panel never holds the others back.
import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { ParDataProvider } from '../dataProvider';
import {
  districtTrendQuery,
  flaggedPlansShown,
  frameworkYearsQuery,
  leaguePageQuery,
  leagueTableQuery,
  plansQuery,
  targetProgressQuery,
  timelinessQuery,
  trendsQuery,
} from './queries';

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

/** One unit's trend at a level ('' waits for the unit). */
export const useTrend = (level: IndexLevel, unitId: string) =>
  useRead(
    ['trends', level, unitId],
    trendsQuery,
    { filter: { level: { equals: level }, unit: { equals: unitId } } },
    (data: { indexTrends: TrendSeries[] }) => data.indexTrends[0] ?? null,
    unitId !== '',
  );

/**
 * The district's trend: of the first district-level unit that one of `measuredUnits` names (the units
 * of PAR index targets), else of the first district-level unit; undefined waits for the units.
 */
export const useDistrictTrend = (measuredUnits: string[] | undefined) =>
  useRead(
    ['trends', 'district', measuredUnits ?? null],
    districtTrendQuery,
    { units: measuredUnits ?? [] },
    (data: { measured: TrendSeries[]; first: TrendSeries[] }) => data.measured[0] ?? data.first[0] ?? null,
    measuredUnits !== undefined,
  );

export const useTargetProgress = () =>
  useRead(['targets'], targetProgressQuery, {}, (data: { targetProgress: TargetSummary }) => data.targetProgress);

export interface PlansSummary {
  /** Plans in all. */
  total: number;
  /** Plans the checks flag. */
  flagged: number;
  /** The latest flagged plans, at most flaggedPlansShown. */
  plans: PlanRow[];
}

export const usePlans = () =>
  useRead(
    ['plans'],
    plansQuery,
    { first: flaggedPlansShown },
    (data: { all: { totalCount: number }; flagged: { totalCount: number; nodes: PlanRow[] } }): PlansSummary => ({
      total: data.all.totalCount,
      flagged: data.flagged.totalCount,
      plans: data.flagged.nodes,
    }),
  );

export const useTimeliness = (groupBy: TaskGrouping, filter: Record<string, unknown>) =>
  useRead(
    ['timeliness', groupBy, filter],
    timelinessQuery,
    { groupBy, filter },
    (data: { taskTimelinessCounts: TimelinessGroup[] }) => data.taskTimelinessCounts,
  );
