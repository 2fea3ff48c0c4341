// N+1 guard: the SQL statements a GraphQL request sends must not grow with the page size or with the
// size of a task's history. Counted through a logging Prisma client on the test database (not timed;
// test/bench measures time). The numbers include the two statements that check the session.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../api/app.ts';
import { loadConfig } from '../../api/config.ts';
import { benchAsOf, benchPassword, loadBenchData } from '../../scripts/bench-data.ts';
import { taskDetailQuery, taskListQuery, taskRow } from '../bench/operations.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases.ts';
import { statementCounter, type StatementCounter } from '../support/query-counter.ts';

/** The task list today: session, tasks, lead units, heads' terms, heads, latest events, their actors, objectives, evidence ids, count. */
const taskListStatements = 10;
/**
 * The task page for the secretariat; a unit head's adds their supporting units' ids to the same queries.
 * The allowedActions of its evidence and extension requests read the task once for each list (2).
 */
const taskDetailStatements = 19;
/**
 * The league table with each result's fields and previous year: session, the level's frameworks up to the
 * year, every result with its unit's name (2) to sort, the page's results and units (2), the previous
 * year's results, both frameworks' trees (2) and the level's years, both years' totals, tasks (2), both
 * years' field points, and the nested results' year and previous result that the Pothos selection loads
 * again (4).
 */
const indexLeagueStatements = 18;

describe.each(databaseKinds)('SQL statements per request (%s)', (kind) => {
  let db: TestDatabase;
  let counter: StatementCounter;
  let app: App;
  let filesDir: string;
  const tokens: Record<string, string> = {};

  const send = async (query: string, variables: Record<string, unknown>, token?: string) => {
    const response = await app.fetch(
      new Request('http://test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
        body: JSON.stringify({ query, variables }),
      }),
    );
    const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    return body.data as Record<string, unknown>;
  };

  /** Statements sent by one request, with its data. */
  const statements = async (query: string, variables: Record<string, unknown>, reader = 'analyst') => {
    const {
      result,
      statements: sent,
      startedAt,
    } = await counter.count(() => send(query, variables, tokens[reader] as string));
    return { data: result, count: sent.length, sent, startedAt };
  };

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    await loadBenchData(db.prisma, 'S');
    counter = statementCounter(db.adapterFactory);
    filesDir = mkdtempSync(path.join(tmpdir(), 'par-statements-'));
    // The task page as the UI asks for it costs more than graphql-armor's default limit allows; this
    // test counts statements, so it lifts the limit.
    // Its requests all fall in one minute of a standing clock: lift the rate limit's cost with the cost limit.
    const config = loadConfig({
      NODE_ENV: 'test',
      FILES_DIR: filesDir,
      MAX_QUERY_COST: '1000000',
      RATE_LIMIT_COST_PER_MINUTE: '1000000000',
    });
    const now = new Date(`${benchAsOf}T03:00:00Z`);
    app = createApp({
      db: { ...db, prisma: counter.prisma },
      config,
      now: () => now,
      logger: pino({ level: 'silent' }),
    });
    for (const username of ['analyst', 'admin', 'committee', 'head.h01-p01']) {
      const data = await send('mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', {
        u: username,
        p: benchPassword,
      });
      tokens[username] = (data.login as { token: string }).token;
    }
  });

  afterAll(async () => {
    await counter?.close();
    await db?.destroy();
    if (filesDir) rmSync(filesDir, { recursive: true, force: true });
  });

  const pageOf = (data: Record<string, unknown>, field = 'tasks') => (data[field] as { nodes: unknown[] }).nodes;

  it('the task list sends as many statements for 100 tasks as for 10', async () => {
    const order = [{ field: 'DEADLINE', direction: 'ASC' }];
    const ten = await statements(taskListQuery, { first: 10, offset: 0, orderBy: order });
    const hundred = await statements(taskListQuery, { first: 100, offset: 0, orderBy: order });
    expect(pageOf(ten.data)).toHaveLength(10);
    expect(pageOf(hundred.data)).toHaveLength(100);
    expect(hundred.count).toBe(ten.count);
    expect(hundred.count).toBeLessThanOrEqual(taskListStatements);
  });

  it('so do the filtered lists and the review queue', async () => {
    const lists: [string, string, Record<string, unknown>, string][] = [
      ['tasks', taskListQuery, { filter: { timeliness: ['COMPLETED_ON_TIME', 'OVERDUE'] } }, 'analyst'],
      [
        'evidence',
        `query ($first: Int) { evidence(first: $first, filter: { reviewStatus: { in: [PENDING] } }) {
          totalCount nodes { id title submittedBy { id displayName } reviewedBy { id displayName }
            task { id title status deadline leadUnit { id name } } } } }`,
        {},
        'committee',
      ],
      [
        'deadlineExtensions',
        `query ($first: Int) { deadlineExtensions(first: $first) {
          totalCount nodes { id status requestedBy { id displayName } decidedBy { id displayName }
            task { id title status deadline leadUnit { id name } } } } }`,
        {},
        'committee',
      ],
      [
        'indexResults',
        `query ($first: Int) { indexResults(first: $first) {
          totalCount nodes { id year percent totalPoints unit { id name } framework { id name level } } } }`,
        {},
        'analyst',
      ],
      [
        'auditEntries',
        `query ($first: Int) { auditEntries(first: $first) { totalCount nodes { id at record actor { id displayName } } } }`,
        {},
        'admin',
      ],
    ];
    for (const [field, query, variables, reader] of lists) {
      const ten = await statements(query, { ...variables, first: 10 }, reader);
      const hundred = await statements(query, { ...variables, first: 100 }, reader);
      expect(pageOf(hundred.data, field).length, field).toBeGreaterThan(pageOf(ten.data, field).length);
      expect(hundred.count, field).toBe(ten.count);
    }
  });

  it("sends a list's count beside its page, before the page's rows load their relations", async () => {
    const lists: [string, string, RegExp, string][] = [
      ['tasks', taskListQuery, /FROM "public"."Unit"/, 'analyst'],
      [
        'evidence',
        'query { evidence(first: 50) { totalCount nodes { id title task { id title } } } }',
        /FROM "public"."Task"/,
        'committee',
      ],
    ];
    for (const [field, query, relation, reader] of lists) {
      const { data, sent, startedAt } = await statements(query, { first: 100 }, reader);
      expect((data[field] as { totalCount: number }).totalCount, field).toBeGreaterThan(0);
      const count = sent.findIndex((sql) => /SELECT COUNT\(\*\)/i.test(sql));
      const related = sent.findIndex((sql) => relation.test(sql) && !/COUNT\(/i.test(sql));
      expect(count, field).toBeGreaterThanOrEqual(0);
      expect(related, field).toBeGreaterThanOrEqual(0);
      expect(startedAt[count], field).toBeLessThan(startedAt[related] as number);
    }
  });

  it('the index league table and trends send as many statements for 2 units as for all of a level', async () => {
    const [latest] = await db.prisma.indexFramework.findMany({
      where: { level: 'COMMUNE' },
      orderBy: { year: 'desc' },
      take: 1,
    });
    const communes = await db.prisma.indexResult.findMany({
      where: { frameworkId: latest?.id },
      select: { unitId: true },
      orderBy: { unitId: 'asc' },
    });
    expect(communes.length).toBeGreaterThan(5);
    const two = { unit: { in: communes.slice(0, 2).map((r) => `Unit:${r.unitId}`) } };
    const node = 'code points maxPoints percent pointsLost previousPoints delta node { id code }';
    const league = `query ($year: Int!, $filter: IndexResultFilter) {
      indexLeagueTable(level: COMMUNE, year: $year, filter: $filter) {
        unit { id name } points maxPoints percent rank rankOf previousPercent delta previousRank rankChange
        weakestField { ${node} } overdueTasks openTasks
        result { id year computedRank percentDelta fields { ${node} } previous { id year percent rank } } } }`;
    const few = await statements(league, { year: latest?.year, filter: two });
    const all = await statements(league, { year: latest?.year });
    expect(few.data.indexLeagueTable as unknown[]).toHaveLength(2);
    expect(all.data.indexLeagueTable as unknown[]).toHaveLength(communes.length);
    expect(all.count).toBe(few.count);
    expect(all.count).toBeLessThanOrEqual(indexLeagueStatements);

    const trends = `query ($filter: IndexResultFilter) {
      indexTrends(filter: $filter, nodeCodes: ["1", "2"], first: 50) {
        unit { id name } level points { year percent rank rankOf nodes { ${node} } } } }`;
    const fewSeries = await statements(trends, { filter: { level: { equals: 'COMMUNE' }, ...two } });
    const allSeries = await statements(trends, { filter: { level: { equals: 'COMMUNE' } } });
    expect(allSeries.data.indexTrends as unknown[]).toHaveLength(communes.length);
    expect(allSeries.count).toBe(fewSeries.count);
  });

  it('the task page sends a fixed number of statements, however long its history', async () => {
    const [busiest] = await db.prisma.$queryRawUnsafe<{ taskId: number; events: number }[]>(
      'SELECT "taskId", count(*)::int AS events FROM "TaskEvent" GROUP BY "taskId" ORDER BY count(*) DESC, "taskId" LIMIT 1',
    );
    const quiet = await db.prisma.task.findFirstOrThrow({ where: { status: 'NOT_STARTED' }, select: { id: true } });
    expect(busiest?.events).toBeGreaterThan(5);
    for (const reader of ['admin', 'head.h01-p01']) {
      const long = await statements(taskDetailQuery, { id: `Task:${busiest?.taskId}` }, reader);
      const short = await statements(taskDetailQuery, { id: `Task:${quiet.id}` }, reader);
      const timeline = (long.data.node as { timeline: { nodes: unknown[] } }).timeline.nodes;
      expect(timeline.length).toBe(busiest?.events);
      expect(long.count, reader).toBe(short.count);
      expect(long.count, reader).toBeLessThanOrEqual(taskDetailStatements);
    }
  });

  it('the timeliness counts send a fixed number of statements, however many groups there are', async () => {
    const query = `query ($filter: TaskFilter, $groupBy: TaskGrouping) {
      taskTimelinessCounts(filter: $filter, groupBy: $groupBy) {
        key unit { id name } reformArea { id code } objective { id code reformArea { code } } year month total
      }
    }`;
    // Session (1), one grouped count per category (7), the labels (1; objectives 2 with their reform
    // areas asked for; reform areas 2, their objectives being counted and rolled up).
    const expected = { UNIT: 9, OBJECTIVE: 10, REFORM_AREA: 10, MONTH: 8, YEAR: 8 };
    const few = {
      UNIT: { leadUnit: { in: ['Unit:2', 'Unit:3'] } },
      OBJECTIVE: { deadline: { gte: '2025-03-01', lte: '2025-03-31' } },
      REFORM_AREA: { deadline: { gte: '2025-03-01', lte: '2025-03-03' } },
      MONTH: { deadline: { gte: '2025-03-01', lte: '2025-03-31' } },
      YEAR: { deadline: { gte: '2025-03-01', lte: '2025-03-31' } },
    };
    for (const [groupBy, statementsExpected] of Object.entries(expected) as [keyof typeof few, number][]) {
      const all = await statements(query, { groupBy });
      const some = await statements(query, { groupBy, filter: few[groupBy] });
      const groups = (data: Record<string, unknown>) => (data.taskTimelinessCounts as unknown[]).length;
      expect(groups(all.data), groupBy).toBeGreaterThan(groups(some.data));
      expect(groups(some.data), groupBy).toBeGreaterThan(0);
      expect(all.count, groupBy).toBe(some.count);
      expect(all.count, groupBy).toBeLessThanOrEqual(statementsExpected);
    }
    expect((await statements(query, {})).count).toBeLessThanOrEqual(8);
  });

  it('a unit head sees the same list rows with the actions it may take', async () => {
    const query = `query { tasks(first: 100, filter: { leadUnit: { equals: "Unit:2" } }) {
      nodes { ${taskRow} allowedActions supportingUnits { id } } } }`;
    const ten = await statements(query.replace('first: 100', 'first: 10'), {}, 'head.h01-p01');
    const hundred = await statements(query, {}, 'head.h01-p01');
    expect(hundred.count).toBe(ten.count);
    const rows = pageOf(hundred.data) as { status: string; allowedActions: string[] }[];
    expect(rows.some((row) => row.allowedActions.includes('COMMENT'))).toBe(true);
  });
});
