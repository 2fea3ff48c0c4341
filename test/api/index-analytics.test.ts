// Index scores through the GraphQL API: totals from the tree, ranks with ties, published ranks, deltas,
// the league table and index trends, on a small fixed world with every answer worked out by hand.
//
// Four communes (An Phú, Bình Minh, Cát Tiên, Đạ Lây) under a COMMUNE framework in 2023, 2024 and 2025,
// each year with the same tree: field 1 (max 10; criteria 1.1 max 4, 1.2 max 6), field 2 (max 20;
// criteria 2.1 max 8, 2.2 max 12) and field 3 (max 50, no criteria): 80 points in all.
//
//            2023                         2024                         2025 (ranks published)
//   A  1=8 (1.1=3,1.2=5) 2=- (2.1=6,   1=9 (1.1=3.5) 2=18 3=45      1=9.5 (1.1=4) 2=18.25 3=46
//      2.2=10 → 16) 3=40 → 64, 80%      → 72, 90%                    → 73.75, 92.19%  published 1 of 4
//   B  1=9 2=15 (2.1=7,2.2=9 ignored)  no result                    1=8 2=14 3=38 → 60, 75%  published 4
//      3=36 → 60, 75%
//   C  1=7 2=17 3=40 → 64, 80%         1=- (1.1=3,1.2=5 → 8) 2=16   1=9 2=19 3=49 → 77, 96.25%  published 2
//                                      3=42 → 66, 82.5%
//   D  1=10 2=18 3=44 → 72, 90%        1=10 2=18 3=44 → 72, 90%     1=7 2=15 3=41 → 63, 78.75%  published 3
//
// Computed ranks: 2023 D 1, A 2, C 2, B 4; 2024 A 1, D 1, C 3 (of 3); 2025 C 1, A 2, D 3, B 4.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { expectError, ok, startTestApi, type TestApi } from '../support/api.ts';
import { databaseKinds } from '../support/databases.ts';
import { loadFixture } from '../support/fixture.ts';

const day = (text: string) => new Date(`${text}T00:00:00.000Z`);

type Code = '1' | '1.1' | '1.2' | '2' | '2.1' | '2.2' | '3';
type Scores = Partial<Record<Code, number>>;

const scores: Record<number, Record<'A' | 'B' | 'C' | 'D', Scores | null>> = {
  2023: {
    A: { '1': 8, '1.1': 3, '1.2': 5, '2.1': 6, '2.2': 10, '3': 40 },
    B: { '1': 9, '2': 15, '2.1': 7, '2.2': 9, '3': 36 },
    C: { '1': 7, '2': 17, '3': 40 },
    D: { '1': 10, '2': 18, '3': 44 },
  },
  2024: {
    A: { '1': 9, '1.1': 3.5, '2': 18, '3': 45 },
    B: null,
    C: { '1.1': 3, '1.2': 5, '2': 16, '3': 42 },
    D: { '1': 10, '2': 18, '3': 44 },
  },
  2025: {
    A: { '1': 9.5, '1.1': 4, '2': 18.25, '3': 46 },
    B: { '1': 8, '2': 14, '3': 38 },
    C: { '1': 9, '2': 19, '3': 49 },
    D: { '1': 7, '2': 15, '3': 41 },
  },
};
const published2025 = { A: 1, C: 2, D: 3, B: 4 } as const;

async function loadIndex(prisma: PrismaClient, objectiveId: number) {
  const parent = await prisma.unit.findFirstOrThrow({ where: { kind: 'DISTRICT' } });
  const unit = (code: string, name: string) =>
    prisma.unit.create({ data: { code, name, kind: 'COMMUNE', parentId: parent.id } });
  // Created out of name order, so the tables' order comes from rank and name, not insertion.
  const units = {
    D: await unit('XA_DALAY', 'Xã Đạ Lây'),
    B: await unit('XA_BINHMINH', 'Xã Bình Minh'),
    A: await unit('XA_ANPHU', 'Xã An Phú'),
    C: await unit('XA_CATTIEN', 'Xã Cát Tiên'),
  };
  const results: Record<string, number> = {};
  for (const year of [2023, 2024, 2025]) {
    const framework = await prisma.indexFramework.create({
      data: { level: 'COMMUNE', year, name: `Bộ chỉ số CCHC cấp xã năm ${year}` },
    });
    const node = (code: string, maxPoints: number, sortOrder: number, parentId?: number) =>
      prisma.indexNode.create({
        data: { frameworkId: framework.id, code, name: `Tiêu chí ${code}`, maxPoints, sortOrder, parentId },
      });
    // Fields created in reverse: code order, not insertion order, decides.
    const f3 = await node('3', 50, 3);
    const f2 = await node('2', 20, 2);
    const f1 = await node('1', 10, 1);
    const ids: Record<Code, number> = {
      '1': f1.id,
      '1.1': (await node('1.1', 4, 1, f1.id)).id,
      '1.2': (await node('1.2', 6, 2, f1.id)).id,
      '2': f2.id,
      '2.1': (await node('2.1', 8, 1, f2.id)).id,
      '2.2': (await node('2.2', 12, 2, f2.id)).id,
      '3': f3.id,
    };
    for (const key of ['A', 'B', 'C', 'D'] as const) {
      const points = scores[year]?.[key];
      if (!points) continue;
      const rank = year === 2025 ? published2025[key] : null;
      const result = await prisma.indexResult.create({
        data: {
          unitId: units[key].id,
          frameworkId: framework.id,
          publishedRank: rank,
          publishedOf: rank ? 4 : null,
          scores: {
            create: Object.entries(points).map(([code, value]) => ({ nodeId: ids[code as Code], points: value })),
          },
        },
      });
      results[`${key}${year}`] = result.id;
    }
  }
  // Tasks led by the communes, as of 2026-03-10 (the tests' clock).
  const task = (
    leadUnitId: number,
    status: 'NOT_STARTED' | 'IN_PROGRESS' | 'SUBMITTED' | 'RETURNED' | 'COMPLETED' | 'CANCELLED',
    deadline: string,
  ) =>
    prisma.task.create({
      data: {
        title: `Nhiệm vụ ${status} ${deadline}`,
        objectiveId,
        leadUnitId,
        startDate: day('2026-01-02'),
        deadline: day(deadline),
        originalDeadline: day(deadline),
        status,
        completedOn: status === 'COMPLETED' ? day('2026-02-01') : null,
        statusReason: status === 'CANCELLED' || status === 'RETURNED' ? 'Lý do theo quy định' : null,
        progress: status === 'COMPLETED' ? 100 : 0,
        submittedAt: status === 'SUBMITTED' ? new Date('2026-03-05T03:00:00Z') : null,
      },
    });
  await task(units.A.id, 'IN_PROGRESS', '2026-03-01'); // open, overdue
  await task(units.A.id, 'NOT_STARTED', '2026-06-30'); // open
  await task(units.A.id, 'COMPLETED', '2026-02-15'); // neither
  await task(units.B.id, 'RETURNED', '2026-02-01'); // open, overdue
  await task(units.B.id, 'CANCELLED', '2026-01-31'); // neither
  await task(units.D.id, 'SUBMITTED', '2026-03-10'); // open, due today: not overdue
  return { units, results };
}

const nodeFields = 'code name maxPoints points percent pointsLost previousPoints delta node { id code }';

const leagueQuery = `query ($level: IndexLevel!, $year: Int!, $filter: IndexResultFilter, $first: Int, $offset: Int) {
  indexLeagueTable(level: $level, year: $year, filter: $filter, first: $first, offset: $offset) {
    unit { code } points maxPoints percent rank rankOf previousPercent delta previousRank rankChange
    weakestField { code points maxPoints pointsLost }
    overdueTasks openTasks
    result { id year computedRank rank rankOf }
  }
}`;

const trendsQuery = `query ($filter: IndexResultFilter, $nodeCodes: [String!], $first: Int) {
  indexTrends(filter: $filter, nodeCodes: $nodeCodes, first: $first) {
    unit { code } level
    points { year percent points maxPoints rank rankOf result { id } nodes { code points maxPoints previousPoints delta } }
  }
}`;

const resultQuery = `query ($id: ID!) {
  node(id: $id) {
    ... on IndexResult {
      year totalPoints percent rank rankOf computedRank percentDelta
      previous { id year percent }
      fields { ${nodeFields} }
      nodes(depth: 2) { code points previousPoints delta }
    }
  }
}`;

interface LeagueRow {
  unit: { code: string };
  points: number | null;
  maxPoints: number;
  percent: number | null;
  rank: number | null;
  rankOf: number;
  previousPercent: number | null;
  delta: number | null;
  previousRank: number | null;
  rankChange: number | null;
  weakestField: { code: string; points: number; maxPoints: number; pointsLost: number } | null;
  overdueTasks: number;
  openTasks: number;
  result: { id: string; year: number; computedRank: number | null; rank: number | null; rankOf: number | null };
}

describe.each(databaseKinds)('index scores and analytics on %s', (kind) => {
  let api: TestApi;
  let units: Awaited<ReturnType<typeof loadIndex>>['units'];
  let results: Record<string, number>;
  const tokens: Record<'admin' | 'committee' | 'head' | 'analyst', string> = {
    admin: '',
    committee: '',
    head: '',
    analyst: '',
  };
  const unitId = (key: 'A' | 'B' | 'C' | 'D') => `Unit:${units[key].id}`;
  const resultId = (key: string) => `IndexResult:${results[key]}`;

  beforeAll(async () => {
    api = await startTestApi(kind);
    const fixture = await loadFixture(api.db.prisma);
    ({ units, results } = await loadIndex(api.db.prisma, fixture.objectives.oneStop.id));
    tokens.admin = await api.signIn('admin');
    tokens.committee = await api.signIn('committee');
    tokens.head = await api.signIn('head.pnv');
    tokens.analyst = await api.signIn('analyst');
  });

  afterAll(async () => {
    await api?.close();
  });

  const league = async (year: number, filter?: unknown) =>
    ok(
      await api.gql<{ indexLeagueTable: LeagueRow[] }>(leagueQuery, { level: 'COMMUNE', year, filter }, tokens.analyst),
    ).indexLeagueTable;

  it('ranks 2025 by the published ranks, with computed ranks, deltas, weakest fields and tasks', async () => {
    const rows = await league(2025);
    expect(rows.map((row) => row.unit.code)).toEqual(['XA_ANPHU', 'XA_CATTIEN', 'XA_DALAY', 'XA_BINHMINH']);
    const [a, c, d, b] = rows as [LeagueRow, LeagueRow, LeagueRow, LeagueRow];
    expect(a).toMatchObject({
      points: 73.75,
      maxPoints: 80,
      percent: 92.19,
      rank: 1,
      rankOf: 4,
      previousPercent: 90,
      delta: 2.19,
      previousRank: 1,
      rankChange: 0,
      weakestField: { code: '3', points: 46, maxPoints: 50, pointsLost: 4 },
      overdueTasks: 1,
      openTasks: 2,
      result: { id: resultId('A2025'), year: 2025, computedRank: 2, rank: 1, rankOf: 4 },
    });
    // Loses 1 point on every field: field 1 has the lowest share (9/10).
    expect(c).toMatchObject({
      points: 77,
      percent: 96.25,
      rank: 2,
      previousPercent: 82.5,
      delta: 13.75,
      previousRank: 3,
      rankChange: 1,
      weakestField: { code: '1', points: 9, pointsLost: 1 },
      overdueTasks: 0,
      openTasks: 0,
      result: { computedRank: 1 },
    });
    expect(d).toMatchObject({
      points: 63,
      percent: 78.75,
      rank: 3,
      previousPercent: 90,
      delta: -11.25,
      previousRank: 1,
      rankChange: -2,
      weakestField: { code: '3', pointsLost: 9 },
      overdueTasks: 0,
      openTasks: 1,
      result: { computedRank: 3 },
    });
    // No 2024 result: no previous year, no delta.
    expect(b).toMatchObject({
      points: 60,
      percent: 75,
      rank: 4,
      rankOf: 4,
      previousPercent: null,
      delta: null,
      previousRank: null,
      rankChange: null,
      weakestField: { code: '3', pointsLost: 12 },
      overdueTasks: 1,
      openTasks: 1,
      result: { computedRank: 4 },
    });
  });

  it('ranks with ties (1, 1, 3 in 2024; 1, 2, 2, 4 in 2023) and counts a parent by its children', async () => {
    const rows2024 = await league(2024);
    expect(rows2024.map((row) => [row.unit.code, row.rank, row.rankOf, row.percent])).toEqual([
      ['XA_ANPHU', 1, 3, 90],
      ['XA_DALAY', 1, 3, 90],
      ['XA_CATTIEN', 3, 3, 82.5],
    ]);
    const rows2023 = await league(2023);
    expect(rows2023.map((row) => [row.unit.code, row.rank, row.points, row.percent, row.previousPercent])).toEqual([
      ['XA_DALAY', 1, 72, 90, null],
      ['XA_ANPHU', 2, 64, 80, null],
      ['XA_CATTIEN', 2, 64, 80, null],
      ['XA_BINHMINH', 4, 60, 75, null],
    ]);
    expect(await league(2030)).toEqual([]);
  });

  it('filters the league table with OR and NOT, ranking among the whole framework', async () => {
    const notBD = await league(2025, { NOT: { unit: { in: [unitId('B'), unitId('D')] } } });
    expect(notBD.map((row) => [row.unit.code, row.rank, row.rankOf])).toEqual([
      ['XA_ANPHU', 1, 4],
      ['XA_CATTIEN', 2, 4],
    ]);
    const bOrD = await league(2024, { OR: [{ unit: { equals: unitId('B') } }, { unit: { equals: unitId('D') } }] });
    expect(bOrD.map((row) => [row.unit.code, row.rank, row.rankOf, row.delta])).toEqual([['XA_DALAY', 1, 3, 0]]);
  });

  it('pages the league table in table order, each page with the same figures as the whole table', async () => {
    const page = async (year: number, first?: number, offset?: number) =>
      ok(
        await api.gql<{ indexLeagueTable: LeagueRow[] }>(
          leagueQuery,
          { level: 'COMMUNE', year, first, offset },
          tokens.analyst,
        ),
      ).indexLeagueTable;
    const whole = await league(2025);
    expect(await page(2025, 2)).toEqual(whole.slice(0, 2));
    expect(await page(2025, 2, 2)).toEqual(whole.slice(2, 4));
    expect(await page(2025, undefined, 3)).toEqual(whole.slice(3));
    expect(await page(2025, 10, 4)).toEqual([]);
    // Tied ranks keep the name order across the page break: An Phú and Đạ Lây share 1st in 2024.
    const ties = await league(2024);
    expect([...(await page(2024, 1)), ...(await page(2024, 1, 1))]).toEqual(ties.slice(0, 2));
    const notB = { NOT: { unit: { equals: unitId('B') } } };
    const filtered = ok(
      await api.gql<{ indexLeagueTable: LeagueRow[] }>(
        leagueQuery,
        { level: 'COMMUNE', year: 2025, filter: notB, first: 1, offset: 2 },
        tokens.analyst,
      ),
    ).indexLeagueTable;
    expect(filtered.map((row) => [row.unit.code, row.rank, row.rankOf])).toEqual([['XA_DALAY', 3, 4]]);
  });

  it('refuses a page size below 1 or a negative offset, naming the argument', async () => {
    expectError(
      await api.gql(leagueQuery, { level: 'COMMUNE', year: 2025, first: 0 }, tokens.analyst),
      'BAD_USER_INPUT',
      'first',
    );
    expectError(
      await api.gql(leagueQuery, { level: 'COMMUNE', year: 2025, offset: -1 }, tokens.analyst),
      'BAD_USER_INPUT',
      'offset',
    );
  });

  it('gives a result its tree totals, ranks, previous year and per-node deltas', async () => {
    // C 2024: field 1 has no stored score, its criteria give 3 + 5 = 8.
    const c = ok(
      await api.gql<{ node: Record<string, unknown> }>(resultQuery, { id: resultId('C2024') }, tokens.analyst),
    );
    expect(c.node).toMatchObject({
      year: 2024,
      totalPoints: 66,
      percent: 82.5,
      rank: 3,
      rankOf: 3,
      computedRank: 3,
      percentDelta: 2.5,
      previous: { id: resultId('C2023'), year: 2023, percent: 80 },
    });
    expect(c.node.fields).toEqual([
      expect.objectContaining({
        code: '1',
        maxPoints: 10,
        points: 8,
        percent: 80,
        pointsLost: 2,
        previousPoints: 7,
        delta: 1,
      }),
      expect.objectContaining({
        code: '2',
        maxPoints: 20,
        points: 16,
        percent: 80,
        pointsLost: 4,
        previousPoints: 17,
        delta: -1,
      }),
      expect.objectContaining({
        code: '3',
        maxPoints: 50,
        points: 42,
        percent: 84,
        pointsLost: 8,
        previousPoints: 40,
        delta: 2,
      }),
    ]);
    expect(c.node.nodes).toEqual([
      { code: '1', points: 8, previousPoints: 7, delta: 1 },
      { code: '1.1', points: 3, previousPoints: null, delta: null },
      { code: '1.2', points: 5, previousPoints: null, delta: null },
      { code: '2', points: 16, previousPoints: 17, delta: -1 },
      { code: '2.1', points: null, previousPoints: null, delta: null },
      { code: '2.2', points: null, previousPoints: null, delta: null },
      { code: '3', points: 42, previousPoints: 40, delta: 2 },
    ]);
    // A 2023: field 2 unscored, criteria 6 + 10; no earlier framework.
    const a = ok(
      await api.gql<{ node: Record<string, unknown> }>(resultQuery, { id: resultId('A2023') }, tokens.analyst),
    );
    expect(a.node).toMatchObject({
      totalPoints: 64,
      percent: 80,
      rank: 2,
      rankOf: 4,
      computedRank: 2,
      previous: null,
      percentDelta: null,
    });
    // B 2025: the 2024 framework exists but B has no result in it.
    const b = ok(
      await api.gql<{ node: Record<string, unknown> }>(resultQuery, { id: resultId('B2025') }, tokens.analyst),
    );
    expect(b.node).toMatchObject({ rank: 4, computedRank: 4, previous: null, percentDelta: null });
  });

  it('lists results with the computed figures', async () => {
    const data = ok(
      await api.gql<{
        indexResults: { nodes: { unit: { code: string }; percent: number; rank: number; computedRank: number }[] };
      }>(
        `query { indexResults(first: 10, filter: { year: { equals: 2023 } }, orderBy: [{ field: UNIT }]) {
          nodes { unit { code } percent rank computedRank } } }`,
        {},
        tokens.analyst,
      ),
    );
    expect(data.indexResults.nodes.map((r) => [r.unit.code, r.percent, r.rank, r.computedRank])).toEqual([
      ['XA_ANPHU', 80, 2, 2],
      ['XA_BINHMINH', 75, 4, 4],
      ['XA_CATTIEN', 80, 2, 2],
      ['XA_DALAY', 90, 1, 1],
    ]);
  });

  it('draws trends per unit over the years with nodes by code, filtered with OR and NOT', async () => {
    const data = ok(
      await api.gql<{ indexTrends: unknown[] }>(
        trendsQuery,
        {
          filter: {
            level: { equals: 'COMMUNE' },
            OR: [{ unit: { equals: unitId('A') } }, { unit: { equals: unitId('B') } }],
            NOT: { year: { equals: 2024 } },
          },
          nodeCodes: ['2', '1.1', '9'],
          // Units chosen by OR are not bounded in the cost: a page of series is.
          first: 5,
        },
        tokens.analyst,
      ),
    );
    expect(data.indexTrends).toEqual([
      {
        unit: { code: 'XA_ANPHU' },
        level: 'COMMUNE',
        points: [
          {
            year: 2023,
            percent: 80,
            points: 64,
            maxPoints: 80,
            rank: 2,
            rankOf: 4,
            result: { id: resultId('A2023') },
            nodes: [
              { code: '2', points: 16, maxPoints: 20, previousPoints: null, delta: null },
              { code: '1.1', points: 3, maxPoints: 4, previousPoints: null, delta: null },
            ],
          },
          {
            year: 2025,
            percent: 92.19,
            points: 73.75,
            maxPoints: 80,
            rank: 1,
            rankOf: 4,
            result: { id: resultId('A2025') },
            // The deltas are from 2024, which the filter leaves out of the series but not out of the history.
            nodes: [
              { code: '2', points: 18.25, maxPoints: 20, previousPoints: 18, delta: 0.25 },
              { code: '1.1', points: 4, maxPoints: 4, previousPoints: 3.5, delta: 0.5 },
            ],
          },
        ],
      },
      {
        unit: { code: 'XA_BINHMINH' },
        level: 'COMMUNE',
        points: [
          {
            year: 2023,
            percent: 75,
            points: 60,
            maxPoints: 80,
            rank: 4,
            rankOf: 4,
            result: { id: resultId('B2023') },
            // Field 2 stored as 15: its criteria's 7 + 9 do not count.
            nodes: [
              { code: '2', points: 15, maxPoints: 20, previousPoints: null, delta: null },
              { code: '1.1', points: null, maxPoints: 4, previousPoints: null, delta: null },
            ],
          },
          {
            year: 2025,
            percent: 75,
            points: 60,
            maxPoints: 80,
            rank: 4,
            rankOf: 4,
            result: { id: resultId('B2025') },
            nodes: [
              { code: '2', points: 14, maxPoints: 20, previousPoints: null, delta: null },
              { code: '1.1', points: null, maxPoints: 4, previousPoints: null, delta: null },
            ],
          },
        ],
      },
    ]);
  });

  it('pages the series with first and offset, and takes at most 12 node codes', async () => {
    const series = async (variables: Record<string, unknown>) =>
      ok(
        await api.gql<{ indexTrends: { unit: { code: string } }[] }>(
          `query ($filter: IndexResultFilter, $first: Int, $offset: Int) {
            indexTrends(filter: $filter, first: $first, offset: $offset) { unit { code } } }`,
          variables,
          tokens.analyst,
        ),
      ).indexTrends.map((s) => s.unit.code);
    const filter = { level: { equals: 'COMMUNE' } };
    expect(await series({ filter })).toEqual(['XA_ANPHU', 'XA_BINHMINH', 'XA_CATTIEN', 'XA_DALAY']);
    expect(await series({ filter, first: 2, offset: 1 })).toEqual(['XA_BINHMINH', 'XA_CATTIEN']);
    const codes = Array.from({ length: 13 }, (_, i) => String(i + 1));
    expectError(
      await api.gql(trendsQuery, { filter, first: 1, nodeCodes: codes }, tokens.analyst),
      'BAD_USER_INPUT',
      'nodeCodes',
    );
  });

  it('follows the top-level fields when no node codes are given', async () => {
    const data = ok(
      await api.gql<{
        indexTrends: {
          unit: { code: string };
          points: { year: number; nodes: { code: string; points: number }[] }[];
        }[];
      }>(trendsQuery, { filter: { unit: { equals: unitId('C') } } }, tokens.analyst),
    );
    expect(
      data.indexTrends.map((s) => [s.unit.code, s.points.map((p) => [p.year, p.nodes.map((n) => n.points)])]),
    ).toEqual([
      [
        'XA_CATTIEN',
        [
          [2023, [7, 17, 40]],
          [2024, [8, 16, 42]],
          [2025, [9, 19, 49]],
        ],
      ],
    ]);
  });

  it('is readable by every signed-in role and no one else', async () => {
    for (const token of Object.values(tokens)) {
      const rows = ok(
        await api.gql<{ indexLeagueTable: unknown[] }>(leagueQuery, { level: 'COMMUNE', year: 2025 }, token),
      ).indexLeagueTable;
      expect(rows).toHaveLength(4);
      ok(await api.gql(trendsQuery, { first: 5 }, token));
    }
    expectError(await api.gql(leagueQuery, { level: 'COMMUNE', year: 2025 }), 'UNAUTHENTICATED');
    expectError(await api.gql(trendsQuery, { first: 5 }), 'UNAUTHENTICATED');
  });

  it('refuses a depth below 1', async () => {
    expectError(
      await api.gql(
        `query ($id: ID!) { node(id: $id) { ... on IndexResult { nodes(depth: 0) { code } } } }`,
        { id: resultId('A2025') },
        tokens.analyst,
      ),
      'BAD_USER_INPUT',
    );
  });
});
