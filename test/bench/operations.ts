// The GraphQL operations the UI and analysts send, as admin/src/dataProvider/resources.ts builds them,
// each with a hand-written Prisma query that returns the same data: the baseline the API is compared
// with (what a developer would write for that one screen, without GraphQL, auth or paging helpers).
import { Prisma, type PrismaClient, type TaskStatus } from '../../generated/prisma/client.ts';
import { addDays } from '../../api/services/calendar.ts';
import { headshipOn } from '../../api/services/headship.ts';
import {
  openStatuses,
  timelinessOf,
  timelinessValues,
  timelinessWhere,
  type Timeliness,
} from '../../api/services/timeliness.ts';

export interface BenchContext {
  /** Today of the data (benchAsOf), as a UTC-midnight day. */
  today: Date;
  dueSoonDays: number;
  /** The task whose detail page is read: one with a long timeline. */
  taskId: number;
  /** The unit whose head reads "my unit". */
  unitId: number;
  /** A commune with index results: the unit trend the dashboard shows. */
  communeId: number;
}

export type Reader = 'admin' | 'committee' | 'analyst' | 'head';

export interface Operation {
  name: string;
  kind: 'list' | 'detail' | 'aggregate';
  /** Who sends it. */
  reader: Reader;
  query: string;
  variables: (context: BenchContext) => Record<string, unknown>;
  handWritten: (prisma: PrismaClient, context: BenchContext) => Promise<unknown>;
}

const unitRef = 'id name';
const personRef = 'id fullName';
const accountRef = 'id displayName';
export const taskRow = `id title status timeliness priority progress deadline daysToDeadline version submittedAt
  leadUnit { ${unitRef} } responsibleHead { ${personRef} } objective { id code }`;
const evidenceRow = `id title kind documentNumber documentDate issuer url fileName fileSize mimeType downloadUrl
  reviewStatus reviewNote reviewedAt submittedAt submittedBy { ${accountRef} } reviewedBy { ${accountRef} }`;
const extensionRow = `id status reason previousDeadline requestedDeadline requestedAt decidedAt decisionNote
  requestedBy { ${accountRef} } decidedBy { ${accountRef} }`;
const taskRef = `task { id title status deadline leadUnit { ${unitRef} } }`;

/** The task list page: the UI's row plus the latest timeline entry and the evidence count. */
export const taskListQuery = `query TaskList($first: Int, $offset: Int, $filter: TaskFilter, $orderBy: [TaskOrder!]) {
  tasks(first: $first, offset: $offset, filter: $filter, orderBy: $orderBy) {
    totalCount
    nodes { ${taskRow} evidenceCount latestEvent { id type at actor { ${accountRef} } } }
  }
}`;

/** The task page, as the UI's show view selects it (timeline: the newest 100 entries). */
export const taskDetailQuery = `query Task($id: ID!) {
  node(id: $id) {
    ... on Task {
      __typename ${taskRow} description startDate originalDeadline completedOn evidenceCount illustrative
      allowedActions statusReason createdAt updatedAt
      supportingUnits { ${unitRef} }
      objective { id code title reformArea { id name nameEn } resolution { id code } }
      evidence { ${evidenceRow} version allowedActions }
      extensionRequests { ${extensionRow} allowedActions }
      timeline(last: 100) { totalCount nodes { id type at actor { ${accountRef} } fromStatus toStatus changes note } }
    }
  }
}`;

const byDeadline = [{ field: 'DEADLINE', direction: 'ASC' }];
const account = { select: { id: true, displayName: true } } as const;

// ---------------------------------------------------------------- hand-written equivalents

const taskRowSelect = {
  id: true,
  title: true,
  status: true,
  priority: true,
  progress: true,
  deadline: true,
  originalDeadline: true,
  completedOn: true,
  version: true,
  submittedAt: true,
  objective: { select: { id: true, code: true } },
  leadUnit: {
    select: {
      id: true,
      name: true,
      headships: { select: { startDate: true, endDate: true, person: { select: { id: true, fullName: true } } } },
    },
  },
} as const;

interface TaskRowData {
  status: TaskStatus;
  deadline: Date;
  originalDeadline: Date;
  completedOn: Date | null;
  leadUnit: { headships: { startDate: Date; endDate: Date | null; person: unknown }[] };
}

/** What the API derives for a row: timeliness, days to the deadline, the responsible head. */
function derive<T extends TaskRowData>(task: T, context: BenchContext) {
  return {
    ...task,
    timeliness: timelinessOf(task, context.today, context.dueSoonDays),
    responsibleHead: headshipOn(task.leadUnit.headships, task.completedOn ?? context.today)?.person ?? null,
  };
}

function timelinessFilter(values: Timeliness[], context: BenchContext, prisma: PrismaClient) {
  return { OR: values.map((value) => timelinessWhere(value, context.today, context.dueSoonDays, prisma.task.fields)) };
}

async function taskPage(
  prisma: PrismaClient,
  context: BenchContext,
  where: object,
  orderBy: object[],
  extra: object = {},
) {
  const [count, rows] = await Promise.all([
    prisma.task.count({ where }),
    prisma.task.findMany({
      where,
      orderBy: [...orderBy, { id: 'asc' }],
      take: 100,
      select: { ...taskRowSelect, ...extra },
    }),
  ]);
  return { count, rows: rows.map((row) => derive(row as unknown as TaskRowData, context)) };
}

// Evidence counted from the ids of the page's evidence (one indexed query): Prisma's _count in a list
// aggregates the whole Evidence table first.
const latestEventAndCount = {
  evidence: { select: { id: true } },
  timeline: {
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    take: 1,
    select: { id: true, type: true, at: true, actor: account },
  },
} satisfies Prisma.TaskSelect;

const timelinessCountFields = `onTrack dueSoon overdue completedOnTime completedWithinExtension completedLate cancelled
  open completed total`;

/** The baseline of the timeliness aggregates: one SQL statement, a conditional count per category. */
function timelinessCountsSql(context: BenchContext, key: Prisma.Sql, join: Prisma.Sql, orderBy: Prisma.Sql) {
  const soon = addDays(context.today, context.dueSoonDays);
  const open = Prisma.sql`t."status" IN ('NOT_STARTED', 'IN_PROGRESS', 'SUBMITTED', 'RETURNED')`;
  return Prisma.sql`SELECT ${key},
      count(*) FILTER (WHERE ${open} AND t."deadline" > ${soon})::int AS "onTrack",
      count(*) FILTER (WHERE ${open} AND t."deadline" >= ${context.today} AND t."deadline" <= ${soon})::int AS "dueSoon",
      count(*) FILTER (WHERE ${open} AND t."deadline" < ${context.today})::int AS "overdue",
      count(*) FILTER (WHERE t."status" = 'COMPLETED' AND t."completedOn" <= t."originalDeadline")::int AS "completedOnTime",
      count(*) FILTER (WHERE t."status" = 'COMPLETED' AND t."completedOn" > t."originalDeadline"
        AND t."completedOn" <= t."deadline")::int AS "completedWithinExtension",
      count(*) FILTER (WHERE t."status" = 'COMPLETED' AND t."completedOn" > t."deadline")::int AS "completedLate",
      count(*) FILTER (WHERE t."status" = 'CANCELLED')::int AS "cancelled",
      count(*) FILTER (WHERE ${open})::int AS "open",
      count(*) FILTER (WHERE t."status" = 'COMPLETED')::int AS "completed",
      count(*)::int AS "total"
    FROM "Task" t ${join} GROUP BY 1, 2 ORDER BY ${orderBy}`;
}

/** The league table's baseline: one statement with window-function ranks (what a report writer would do). */
function leagueTableSql(context: BenchContext, level: string, year: number, first?: number) {
  const open = Prisma.sql`t."status" IN ('NOT_STARTED', 'IN_PROGRESS', 'SUBMITTED', 'RETURNED')`;
  return Prisma.sql`
    WITH fw AS (
      SELECT f.id, f.year, (SELECT sum(n."maxPoints") FROM "IndexNode" n WHERE n."frameworkId" = f.id AND n."parentId" IS NULL) AS max
      FROM "IndexFramework" f
      WHERE f.level = ${level}::"IndexLevel" AND f.year IN (${year}, (
        SELECT max(year) FROM "IndexFramework" WHERE level = ${level}::"IndexLevel" AND year < ${year}))
    ), totals AS (
      SELECT r.id, r."unitId", fw.year, r."publishedRank", r."publishedOf", sum(s.points) AS points,
        round(100 * sum(s.points) / fw.max, 2) AS percent
      FROM fw JOIN "IndexResult" r ON r."frameworkId" = fw.id
      JOIN "IndexNode" n ON n."frameworkId" = fw.id AND n."parentId" IS NULL
      JOIN "IndexScore" s ON s."resultId" = r.id AND s."nodeId" = n.id
      GROUP BY r.id, fw.year, fw.max
    ), ranked AS (
      SELECT totals.*, rank() OVER (PARTITION BY year ORDER BY percent DESC) AS computed,
        count(*) OVER (PARTITION BY year) AS ranked
      FROM totals
    ), weakest AS (
      SELECT DISTINCT ON (s."resultId") s."resultId", n.code, n."maxPoints" - s.points AS lost
      FROM ranked JOIN "IndexScore" s ON s."resultId" = ranked.id
      JOIN "IndexNode" n ON n.id = s."nodeId" AND n."parentId" IS NULL
      WHERE ranked.year = ${year}
      ORDER BY s."resultId", n."maxPoints" - s.points DESC, s.points / n."maxPoints", n.code
    ), tasks AS (
      SELECT t."leadUnitId", count(*) FILTER (WHERE t."deadline" < ${context.today})::int AS overdue, count(*)::int AS open
      FROM "Task" t WHERE ${open} AND t."leadUnitId" IN (SELECT "unitId" FROM ranked WHERE year = ${year})
      GROUP BY 1
    )
    SELECT u.id, u.name, cur.points, cur.percent, coalesce(cur."publishedRank", cur.computed) AS rank,
      coalesce(cur."publishedOf", cur.ranked) AS "rankOf", prev.percent AS "previousPercent",
      cur.percent - prev.percent AS delta, coalesce(prev."publishedRank", prev.computed) AS "previousRank",
      weakest.code AS "weakestField", weakest.lost, coalesce(tasks.overdue, 0) AS "overdueTasks",
      coalesce(tasks.open, 0) AS "openTasks"
    FROM ranked cur JOIN "Unit" u ON u.id = cur."unitId"
    LEFT JOIN ranked prev ON prev."unitId" = cur."unitId" AND prev.year < ${year}
    LEFT JOIN weakest ON weakest."resultId" = cur.id
    LEFT JOIN tasks ON tasks."leadUnitId" = cur."unitId"
    WHERE cur.year = ${year}
    ORDER BY rank, u.name
    ${first === undefined ? Prisma.empty : Prisma.sql`LIMIT ${first}`}`;
}

/** The trends' baseline: totals and top-level fields of every result of a level, ranked per year. */
function trendsSql(level: string, unitId?: number) {
  return Prisma.sql`
    WITH totals AS (
      SELECT r.id, r."unitId", f.year, r."publishedRank", r."publishedOf", sum(s.points) AS points,
        round(100 * sum(s.points) / (SELECT sum(m."maxPoints") FROM "IndexNode" m
          WHERE m."frameworkId" = f.id AND m."parentId" IS NULL), 2) AS percent
      FROM "IndexFramework" f JOIN "IndexResult" r ON r."frameworkId" = f.id
      JOIN "IndexNode" n ON n."frameworkId" = f.id AND n."parentId" IS NULL
      JOIN "IndexScore" s ON s."resultId" = r.id AND s."nodeId" = n.id
      WHERE f.level = ${level}::"IndexLevel"
      GROUP BY r.id, f.id
    ), ranked AS (
      SELECT totals.*, rank() OVER (PARTITION BY year ORDER BY percent DESC) AS computed FROM totals
    )
    SELECT u.name, ranked.year, ranked.percent, ranked.points, coalesce(ranked."publishedRank", ranked.computed) AS rank,
      json_agg(json_build_object('code', n.code, 'max', n."maxPoints", 'points', s.points) ORDER BY n."sortOrder") AS fields
    FROM ranked JOIN "Unit" u ON u.id = ranked."unitId"
    JOIN "IndexScore" s ON s."resultId" = ranked.id
    JOIN "IndexNode" n ON n.id = s."nodeId" AND n."parentId" IS NULL
    ${unitId === undefined ? Prisma.empty : Prisma.sql`WHERE ranked."unitId" = ${unitId}`}
    GROUP BY u.name, u.id, ranked.id, ranked.year, ranked.percent, ranked.points, ranked."publishedRank", ranked.computed
    ORDER BY u.name, u.id, ranked.year`;
}

const leagueRow = `unit { ${'id name'} } points maxPoints percent rank rankOf previousPercent delta previousRank rankChange
  overdueTasks openTasks weakestField { code name pointsLost }`;

const trendFields = `unit { id name } level points { year percent rank rankOf result { id publishedPercent }
  nodes { code name maxPoints points percent pointsLost } }`;

/**
 * The committee dashboard's first load, as one document: the three task counts, the league table's
 * years and table (communes, latest year), the district trends, one unit's trend, targets, plans and
 * timeliness by unit (admin/src/dashboard/api.ts sends the same fields, as separate requests).
 */
const dashboardQuery = `query Dashboard($year: Int!, $unit: ID!) {
  open: tasks(first: 1, filter: { timeliness: [ON_TRACK, DUE_SOON, OVERDUE] }) { totalCount nodes { id } }
  dueSoon: tasks(first: 1, filter: { timeliness: [DUE_SOON] }) { totalCount nodes { id } }
  overdue: tasks(first: 1, filter: { timeliness: [OVERDUE] }) { totalCount nodes { id } }
  indexFrameworks(first: 100, filter: { level: { equals: COMMUNE } }, orderBy: [{ field: YEAR, direction: DESC }]) {
    nodes { id year }
  }
  indexLeagueTable(level: COMMUNE, year: $year, first: 25) { ${'result { id publishedPercent }'} ${leagueRow} }
  indexResults(first: 0, filter: { level: { equals: COMMUNE }, year: { equals: $year } }) { totalCount }
  district: indexTrends(filter: { level: { equals: DISTRICT } }, first: 100) { ${trendFields} }
  unit: indexTrends(filter: { level: { equals: COMMUNE }, unit: { equals: $unit } }) { ${trendFields} }
  targetProgress { total achieved missed onCourse atRisk noData targets {
    id code indicator measure comparator targetValue targetYear metric status statusReason unit { id name }
    progress { year plannedValue actualValue status final } projection { method projectedValue } } }
  plans: improvementPlans(first: 0) { totalCount }
  flagged: improvementPlans(first: 10, filter: { flagged: true }, orderBy: [{ field: YEAR, direction: DESC }, { field: UNIT }]) {
    totalCount nodes { id year status targetPercent flagged unit { id name } checks { code message node { id code name } }
      comparison { lastPercent } } }
  taskTimelinessCounts(groupBy: UNIT) { key unit { id name } year month ${timelinessCountFields} }
}`;

function leagueTable(label: string, level: string, year: number, first?: number): Operation {
  return {
    name: `league table (${label})`,
    kind: 'aggregate',
    reader: 'committee',
    query: `query League($level: IndexLevel!, $year: Int!, $first: Int) {
      indexLeagueTable(level: $level, year: $year, first: $first) { ${leagueRow} } }`,
    variables: () => ({ level, year, first }),
    handWritten: (prisma, context) => prisma.$queryRaw(leagueTableSql(context, level, year, first)),
  };
}

// ---------------------------------------------------------------- the operations

const open = [...openStatuses];

export const operations: Operation[] = [
  {
    name: 'task list (100)',
    kind: 'list',
    reader: 'analyst',
    query: taskListQuery,
    variables: () => ({ first: 100, offset: 0, orderBy: byDeadline }),
    handWritten: (prisma, context) => taskPage(prisma, context, {}, [{ deadline: 'asc' }], latestEventAndCount),
  },
  {
    name: 'task list, page 20',
    kind: 'list',
    reader: 'analyst',
    query: taskListQuery,
    variables: () => ({ first: 100, offset: 1900, orderBy: byDeadline }),
    handWritten: (prisma, context) =>
      Promise.all([
        prisma.task.count(),
        prisma.task.findMany({
          orderBy: [{ deadline: 'asc' }, { id: 'asc' }],
          skip: 1900,
          take: 100,
          select: { ...taskRowSelect, ...latestEventAndCount },
        }),
      ]).then(([count, rows]) => ({ count, rows: rows.map((row) => derive(row as unknown as TaskRowData, context)) })),
  },
  {
    name: 'task detail + timeline',
    kind: 'detail',
    reader: 'admin',
    query: taskDetailQuery,
    variables: (context) => ({ id: `Task:${context.taskId}` }),
    handWritten: async (prisma, context) => {
      const task = await prisma.task.findUniqueOrThrow({
        where: { id: context.taskId },
        select: {
          ...taskRowSelect,
          description: true,
          startDate: true,
          illustrative: true,
          statusReason: true,
          createdAt: true,
          updatedAt: true,
          leadUnitId: true,
          _count: { select: { evidence: true, timeline: true } },
          supportingUnits: { select: { id: true, name: true }, orderBy: { name: 'asc' } },
          objective: {
            select: {
              id: true,
              code: true,
              title: true,
              reformArea: { select: { id: true, name: true, nameEn: true } },
              resolution: { select: { id: true, code: true } },
            },
          },
          evidence: {
            orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }],
            include: { submittedBy: account, reviewedBy: account },
          },
          extensionRequests: {
            orderBy: [{ requestedAt: 'desc' }, { id: 'desc' }],
            include: { requestedBy: account, decidedBy: account },
          },
          timeline: { orderBy: [{ at: 'desc' }, { id: 'desc' }], take: 100, include: { actor: account } },
        },
      });
      return { ...derive(task, context), timeline: task.timeline.reverse() };
    },
  },
  {
    name: 'tasks overdue (100)',
    kind: 'list',
    reader: 'analyst',
    query: taskListQuery,
    variables: () => ({ first: 100, offset: 0, filter: { timeliness: ['OVERDUE'] }, orderBy: byDeadline }),
    handWritten: (prisma, context) =>
      taskPage(
        prisma,
        context,
        timelinessFilter(['OVERDUE'], context, prisma),
        [{ deadline: 'asc' }],
        latestEventAndCount,
      ),
  },
  {
    name: 'my unit: due soon',
    kind: 'list',
    reader: 'head',
    query: `query MyUnit($filter: TaskFilter, $orderBy: [TaskOrder!]) {
      tasks(first: 100, filter: $filter, orderBy: $orderBy) { totalCount nodes { ${taskRow} } }
    }`,
    variables: (context) => ({
      filter: { unit: { equals: `Unit:${context.unitId}` }, timeliness: ['DUE_SOON'] },
      orderBy: byDeadline,
    }),
    handWritten: (prisma, context) =>
      taskPage(
        prisma,
        context,
        {
          AND: [
            { OR: [{ leadUnitId: context.unitId }, { supportingUnits: { some: { id: context.unitId } } }] },
            timelinessFilter(['DUE_SOON'], context, prisma),
          ],
        },
        [{ deadline: 'asc' }],
      ),
  },
  {
    name: 'timeliness counts (6)',
    kind: 'aggregate',
    reader: 'analyst',
    query: `query Counts {
      ${timelinessValues.map((value) => `${value}: tasks(first: 1, filter: { timeliness: [${value}] }) { totalCount }`).join('\n')}
    }`,
    variables: () => ({}),
    handWritten: (prisma, context) =>
      Promise.all(
        timelinessValues.map((value) => prisma.task.count({ where: timelinessFilter([value], context, prisma) })),
      ),
  },
  {
    name: 'late last year (count)',
    kind: 'aggregate',
    reader: 'analyst',
    query: `query LateLastYear($from: Date!, $to: Date!) {
      tasks(first: 1, filter: { timeliness: [COMPLETED_LATE], completedOn: { gte: $from, lte: $to } }) { totalCount }
    }`,
    variables: (context) => {
      const year = context.today.getUTCFullYear() - 1;
      return { from: `${year}-01-01`, to: `${year}-12-31` };
    },
    handWritten: (prisma, context) => {
      const year = context.today.getUTCFullYear() - 1;
      return prisma.task.count({
        where: {
          AND: [
            timelinessFilter(['COMPLETED_LATE'], context, prisma),
            { completedOn: { gte: new Date(`${year}-01-01`), lte: new Date(`${year}-12-31`) } },
          ],
        },
      });
    },
  },
  {
    name: 'timeliness by unit',
    kind: 'aggregate',
    reader: 'analyst',
    query: `query ByUnit { taskTimelinessCounts(groupBy: UNIT) { key unit { ${unitRef} } ${timelinessCountFields} } }`,
    variables: () => ({}),
    handWritten: (prisma, context) =>
      prisma.$queryRaw(
        timelinessCountsSql(
          context,
          Prisma.sql`u."id", u."name"`,
          Prisma.sql`JOIN "Unit" u ON u."id" = t."leadUnitId"`,
          Prisma.sql`u."name", u."id"`,
        ),
      ),
  },
  {
    name: 'timeliness by month',
    kind: 'aggregate',
    reader: 'analyst',
    query: `query ByMonth { taskTimelinessCounts(groupBy: MONTH) { key year month ${timelinessCountFields} } }`,
    variables: () => ({}),
    handWritten: (prisma, context) =>
      prisma.$queryRaw(
        timelinessCountsSql(
          context,
          Prisma.sql`extract(year FROM t."deadline")::int AS "year", extract(month FROM t."deadline")::int AS "month"`,
          Prisma.empty,
          Prisma.sql`1, 2`,
        ),
      ),
  },
  leagueTable('districts', 'DISTRICT', 2025),
  leagueTable('agencies', 'AGENCY', 2025),
  leagueTable('communes', 'COMMUNE', 2025),
  leagueTable('communes, first 25', 'COMMUNE', 2025, 25),
  {
    name: 'index trends (districts, fields)',
    kind: 'aggregate',
    reader: 'analyst',
    query: `query Trends { indexTrends(filter: { level: { in: [DISTRICT] } }, first: 100) {
      unit { id name } level points { year percent points maxPoints rank rankOf nodes { code name maxPoints points delta } } } }`,
    variables: () => ({}),
    handWritten: (prisma) => prisma.$queryRaw(trendsSql('DISTRICT')),
  },
  {
    name: 'dashboard (full set)',
    kind: 'aggregate',
    reader: 'committee',
    query: dashboardQuery,
    variables: (context) => ({ year: 2025, unit: `Unit:${context.communeId}` }),
    // The same answers, one hand-written statement or Prisma query each, one after the other.
    handWritten: async (prisma, context) => {
      const counts = await Promise.all(
        [['ON_TRACK', 'DUE_SOON', 'OVERDUE'], ['DUE_SOON'], ['OVERDUE']].map((values) =>
          prisma.task.count({ where: timelinessFilter(values as Timeliness[], context, prisma) }),
        ),
      );
      const frameworks = await prisma.indexFramework.findMany({
        where: { level: 'COMMUNE' },
        orderBy: { year: 'desc' },
        select: { id: true, year: true },
      });
      const league = await prisma.$queryRaw(leagueTableSql(context, 'COMMUNE', 2025, 25));
      const leagueSize = await prisma.indexResult.count({ where: { framework: { level: 'COMMUNE', year: 2025 } } });
      const district = await prisma.$queryRaw(trendsSql('DISTRICT'));
      const unit = await prisma.$queryRaw(trendsSql('COMMUNE', context.communeId));
      const targets = await prisma.target.findMany({ include: { unit: true, years: { orderBy: { year: 'asc' } } } });
      const plans = await prisma.improvementPlan.findMany({
        take: 100,
        orderBy: [{ year: 'desc' }, { unit: { name: 'asc' } }],
        include: { unit: true, targets: { include: { node: true } }, actions: { include: { node: true } } },
      });
      const timeliness = await prisma.$queryRaw(
        timelinessCountsSql(
          context,
          Prisma.sql`u."id", u."name"`,
          Prisma.sql`JOIN "Unit" u ON u."id" = t."leadUnitId"`,
          Prisma.sql`u."name", u."id"`,
        ),
      );
      return { counts, frameworks, league, leagueSize, district, unit, targets, plans, timeliness };
    },
  },
  {
    name: 'index results (100)',
    kind: 'aggregate',
    reader: 'analyst',
    query: `query IndexResults {
      indexResults(first: 100) {
        totalCount
        nodes { id year publishedPercent publishedRank publishedOf publishedOn percent totalPoints
          rank rankOf computedRank percentDelta illustrative unit { ${unitRef} } framework { id name level } }
      }
    }`,
    variables: () => ({}),
    // One statement: the page, every result of its frameworks and of the frameworks before them ranked by
    // a window function, and the previous year's percent.
    handWritten: (prisma) =>
      prisma.$queryRaw`
        WITH page AS (
          SELECT r.id, r."unitId", r."frameworkId", f.level, f.year, u.name
          FROM "IndexResult" r JOIN "IndexFramework" f ON f.id = r."frameworkId" JOIN "Unit" u ON u.id = r."unitId"
          ORDER BY f.year DESC, u.name, r.id LIMIT 100
        ), frameworks AS (
          SELECT f.id, f.level, f.year,
            (SELECT sum(n."maxPoints") FROM "IndexNode" n WHERE n."frameworkId" = f.id AND n."parentId" IS NULL) AS max
          FROM "IndexFramework" f
          WHERE f.id IN (SELECT "frameworkId" FROM page)
            OR (f.level, f.year) IN (SELECT level, year - 1 FROM page)
        ), totals AS (
          SELECT r.id, r."unitId", fw.level, fw.year, sum(s.points) AS points,
            round(100 * sum(s.points) / fw.max, 2) AS percent,
            rank() OVER (PARTITION BY fw.id ORDER BY round(100 * sum(s.points) / fw.max, 2) DESC) AS computed,
            count(*) OVER (PARTITION BY fw.id) AS ranked
          FROM frameworks fw JOIN "IndexResult" r ON r."frameworkId" = fw.id
          JOIN "IndexNode" n ON n."frameworkId" = fw.id AND n."parentId" IS NULL
          JOIN "IndexScore" s ON s."resultId" = r.id AND s."nodeId" = n.id
          GROUP BY r.id, fw.id, fw.level, fw.year, fw.max
        )
        SELECT p.id, p.year, p.name, r."publishedPercent", r."publishedRank", r."publishedOf", r."publishedOn",
          t.points AS "totalPoints", t.percent, coalesce(r."publishedRank", t.computed) AS rank,
          coalesce(r."publishedOf", t.ranked) AS "rankOf", t.computed AS "computedRank",
          t.percent - prev.percent AS "percentDelta", (SELECT count(*) FROM "IndexResult") AS "totalCount"
        FROM page p JOIN "IndexResult" r ON r.id = p.id
        LEFT JOIN totals t ON t.id = p.id
        LEFT JOIN totals prev ON prev."unitId" = p."unitId" AND prev.level = p.level AND prev.year = p.year - 1
        ORDER BY p.year DESC, p.name, p.id`,
  },
  {
    name: 'review: submitted tasks',
    kind: 'list',
    reader: 'committee',
    query: `query Submitted($filter: TaskFilter, $orderBy: [TaskOrder!]) {
      tasks(first: 100, offset: 0, filter: $filter, orderBy: $orderBy) { totalCount nodes { ${taskRow} } }
    }`,
    variables: () => ({
      filter: { status: { in: ['SUBMITTED'] } },
      orderBy: [{ field: 'SUBMITTED_AT', direction: 'ASC' }],
    }),
    handWritten: (prisma, context) =>
      taskPage(prisma, context, { status: { in: ['SUBMITTED'] } }, [{ submittedAt: { sort: 'asc', nulls: 'last' } }]),
  },
  {
    name: 'review: extension requests',
    kind: 'list',
    reader: 'committee',
    query: `query Extensions($filter: DeadlineExtensionFilter, $orderBy: [DeadlineExtensionOrder!]) {
      deadlineExtensions(first: 100, offset: 0, filter: $filter, orderBy: $orderBy) {
        totalCount nodes { ${extensionRow} ${taskRef} }
      }
    }`,
    variables: () => ({
      filter: { status: { in: ['PENDING'] } },
      orderBy: [{ field: 'REQUESTED_AT', direction: 'ASC' }],
    }),
    handWritten: (prisma) => {
      const where = { status: 'PENDING' as const };
      return Promise.all([
        prisma.deadlineExtension.count({ where }),
        prisma.deadlineExtension.findMany({
          where,
          orderBy: [{ requestedAt: 'asc' }, { id: 'asc' }],
          take: 100,
          include: {
            requestedBy: account,
            decidedBy: account,
            task: {
              select: {
                id: true,
                title: true,
                status: true,
                deadline: true,
                leadUnit: { select: { id: true, name: true } },
              },
            },
          },
        }),
      ]);
    },
  },
  {
    name: 'review: evidence to review',
    kind: 'list',
    reader: 'committee',
    query: `query Evidence($filter: EvidenceFilter, $orderBy: [EvidenceOrder!]) {
      evidence(first: 100, offset: 0, filter: $filter, orderBy: $orderBy) { totalCount nodes { ${evidenceRow} ${taskRef} } }
    }`,
    variables: () => ({
      filter: { reviewStatus: { in: ['PENDING'] }, taskStatus: { in: open } },
      orderBy: [{ field: 'SUBMITTED_AT', direction: 'ASC' }],
    }),
    handWritten: (prisma) => {
      const where = { reviewStatus: 'PENDING' as const, task: { status: { in: open } } };
      return Promise.all([
        prisma.evidence.count({ where }),
        prisma.evidence.findMany({
          where,
          orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }],
          take: 100,
          include: {
            submittedBy: account,
            reviewedBy: account,
            task: {
              select: {
                id: true,
                title: true,
                status: true,
                deadline: true,
                leadUnit: { select: { id: true, name: true } },
              },
            },
          },
        }),
      ]);
    },
  },
  {
    name: 'audit log (100)',
    kind: 'list',
    reader: 'admin',
    query: `query Audit {
      auditEntries(first: 100, offset: 0) {
        totalCount nodes { id at action operation entity entityId record changes note actor { ${accountRef} } }
      }
    }`,
    variables: () => ({}),
    handWritten: (prisma) =>
      Promise.all([
        prisma.auditEntry.count(),
        prisma.auditEntry.findMany({
          orderBy: [{ at: 'desc' }, { id: 'desc' }],
          take: 100,
          include: { actor: account },
        }),
      ]),
  },
];
