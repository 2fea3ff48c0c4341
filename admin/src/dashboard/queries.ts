// The committee dashboard's GraphQL documents (sent by api.ts and SatisfactionPanel.tsx). Each stays
// within the API's cost budget for one request (test/unit/cost.test.ts computes them): lists that grow
// with the data are paged, and trends ask for one series at a time.

const leagueRowFields = `unit { id name }
  result { id publishedPercent }
  points maxPoints percent rank rankOf previousPercent delta previousRank rankChange
  weakestField { code name pointsLost }
  overdueTasks openTasks`;

/** One page of the league table and, for the pager, how many results the framework has (no rows read). */
export const leaguePageQuery = `query DashboardLeagueTable($level: IndexLevel!, $year: Int!, $first: Int!, $offset: Int!) {
  indexLeagueTable(level: $level, year: $year, first: $first, offset: $offset) { ${leagueRowFields} }
  indexResults(first: 0, filter: { level: { equals: $level }, year: { equals: $year } }) { totalCount }
}`;

/** Every row of the league table: what an export holds. */
export const leagueTableQuery = `query DashboardLeagueExport($level: IndexLevel!, $year: Int!) {
  indexLeagueTable(level: $level, year: $year) { ${leagueRowFields} }
}`;

/** The years that have a framework for the level, newest first: the league table's choices. */
export const frameworkYearsQuery = `query DashboardYears($level: IndexLevel!) {
  indexFrameworks(first: 100, filter: { level: { equals: $level } }, orderBy: [{ field: YEAR, direction: DESC }]) {
    nodes { id year }
  }
}`;

const trendFields = `unit { id name } level
  points {
    year percent rank rankOf result { id publishedPercent }
    nodes { code name maxPoints points percent pointsLost }
  }`;

/** One unit's trend at a level (the filter names both): one series. */
export const trendsQuery = `query DashboardTrends($filter: IndexResultFilter) {
  indexTrends(filter: $filter, first: 1) { ${trendFields} }
}`;

/**
 * The district's trend: the first district-level unit that a PAR index target measures (`units`),
 * else the first district-level unit.
 */
export const districtTrendQuery = `query DashboardDistrictTrend($units: [ID!]!) {
  measured: indexTrends(filter: { level: { equals: DISTRICT }, unit: { in: $units } }, first: 1) { ${trendFields} }
  first: indexTrends(filter: { level: { equals: DISTRICT } }, first: 1) { ${trendFields} }
}`;

const targetFields = `id code indicator measure comparator targetValue targetYear metric status statusReason
  unit { id name }
  progress { year plannedValue actualValue status final }
  projection { method projectedValue }`;

export const targetProgressQuery = `query DashboardTargets {
  targetProgress {
    total achieved missed onCourse atRisk noData
    targets { ${targetFields} }
  }
}`;

/** How many plans there are, and the latest flagged ones with their checks. */
export const plansQuery = `query DashboardPlans($first: Int!) {
  all: improvementPlans(first: 0) { totalCount }
  flagged: improvementPlans(first: $first, filter: { flagged: true }, orderBy: [{ field: YEAR, direction: DESC }, { field: UNIT }]) {
    totalCount
    nodes {
      id year status targetPercent flagged unit { id name }
      checks { code message node { id code name } }
      comparison { lastPercent }
    }
  }
}`;

/** Flagged plans the panel lists. */
export const flaggedPlansShown = 10;

export const timelinessQuery = `query DashboardTimeliness($filter: TaskFilter, $groupBy: TaskGrouping) {
  taskTimelinessCounts(filter: $filter, groupBy: $groupBy) {
    key unit { id name } year month
    onTrack dueSoon overdue completedOnTime completedWithinExtension completedLate open total
  }
}`;

/** The unit's overall figure per sector, newest years first (a year has at most one row per sector). */
export const satisfactionQuery = `query DashboardSatisfaction($unit: ID!) {
  satisfactionResults(
    first: 100
    filter: { unit: { equals: $unit }, element: { equals: OVERALL } }
    orderBy: [{ field: YEAR, direction: DESC }, { field: SECTOR }]
  ) {
    nodes { id year sector satisfactionPercent targetValue meetsTarget unit { id name } }
  }
}`;
