// Target progress, satisfaction against targets, and improvement-plan checks through the real GraphQL
// layer, on a fixed fixture with hand-computed numbers. "Today" is 10 March 2026: 2025 and earlier
// have ended, 2026 has not.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import { loadConfig } from '../../api/config.ts';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { expectError, ok, startTestApi, type TestApi } from '../support/api.ts';
import { databaseKinds } from '../support/databases.ts';
import { loadFixture, type Fixture } from '../support/fixture.ts';
import { statementCounter } from '../support/query-counter.ts';

const g = (type: string, id: number) => `${type}:${id}`;

/** A DISTRICT framework of two top-level fields: 1 (40 points) and 2 (60 points). */
async function districtFramework(prisma: PrismaClient, year: number) {
  const framework = await prisma.indexFramework.create({
    data: { level: 'DISTRICT', year, name: `Bộ chỉ số CCHC cấp huyện năm ${year}` },
  });
  const field = (code: string, maxPoints: number, sortOrder: number) =>
    prisma.indexNode.create({
      data: { frameworkId: framework.id, code, name: `Lĩnh vực ${code}`, maxPoints, sortOrder },
    });
  return { framework, one: await field('1', 40, 1), two: await field('2', 60, 2) };
}

type Framework = Awaited<ReturnType<typeof districtFramework>>;

async function result(
  prisma: PrismaClient,
  unitId: number,
  f: Framework,
  points: [number, number],
  published?: { percent: number; rank: number },
) {
  return prisma.indexResult.create({
    data: {
      unitId,
      frameworkId: f.framework.id,
      publishedPercent: published?.percent ?? null,
      publishedRank: published?.rank ?? null,
      publishedOf: published ? 12 : null,
      scores: {
        create: [
          { nodeId: f.one.id, points: points[0] },
          { nodeId: f.two.id, points: points[1] },
        ],
      },
    },
  });
}

const targetFields = `code metric sector status statusReason
  projection { method slope intercept projectedValue years }
  progress { year plannedValue actualValue status final }
  years { year actualValue }`;

interface TargetShape {
  code: string;
  metric: string;
  sector: string | null;
  status: string;
  statusReason: string;
  projection: { method: string; slope: number; intercept: number; projectedValue: number; years: number[] } | null;
  progress: { year: number; plannedValue: number | null; actualValue: number | null; status: string; final: boolean }[];
  years: { year: number; actualValue: number | null }[];
}

describe.each(databaseKinds)('targets, satisfaction and plan checks on %s', (kind) => {
  let api: TestApi;
  let fixture: Fixture;
  let admin: string;
  let analyst: string;
  let f2023: Framework;
  let f2024: Framework;
  const planIds: Record<string, number> = {};
  let pctTargetId: number;

  beforeAll(async () => {
    api = await startTestApi(kind);
    const prisma = api.db.prisma;
    fixture = await loadFixture(prisma);
    admin = await api.signIn('admin');
    analyst = await api.signIn('analyst');
    const district = fixture.units.district.id;
    const other = (
      await prisma.unit.create({ data: { code: 'DAHUOAI', name: 'UBND huyện Đạ Huoai', kind: 'DISTRICT' } })
    ).id;

    // 2022 published 90% rank 3; 2023 unpublished 36 + 55 = 91% (the other district 95%: rank 2);
    // 2024 unpublished 37 + 55.5 = 92.5% (the other 80%: rank 1).
    const f2022 = await districtFramework(prisma, 2022);
    f2023 = await districtFramework(prisma, 2023);
    f2024 = await districtFramework(prisma, 2024);
    await result(prisma, district, f2022, [36, 54], { percent: 90, rank: 3 });
    await result(prisma, district, f2023, [36, 55]);
    await result(prisma, other, f2023, [38, 57]);
    await result(prisma, district, f2024, [37, 55.5]);
    await result(prisma, other, f2024, [30, 50]);

    const satisfaction = (year: number, sector: 'LAND' | 'HEALTH', element: 'OVERALL' | 'PROCEDURE', value: number) =>
      prisma.satisfactionResult.create({
        data: { unitId: district, year, sector, element, satisfactionPercent: value },
      });
    await satisfaction(2023, 'LAND', 'OVERALL', 86.9);
    await satisfaction(2024, 'LAND', 'OVERALL', 88.4);
    await satisfaction(2024, 'LAND', 'PROCEDURE', 87.5);
    await satisfaction(2024, 'HEALTH', 'OVERALL', 90);

    const target = (data: {
      code: string;
      metric: 'MANUAL' | 'PAR_INDEX_PERCENT' | 'PAR_INDEX_RANK' | 'SATISFACTION_PERCENT';
      sector?: 'LAND';
      comparator: 'GT' | 'GTE' | 'LTE' | 'EQ';
      targetValue: number;
      targetYear: number;
      baselineYear?: number;
      years?: { year: number; plannedValue?: number; actualValue?: number }[];
    }) =>
      prisma.target.create({
        data: {
          objectiveId: fixture.objectives.online.id,
          unitId: data.metric === 'MANUAL' ? null : district,
          code: data.code,
          indicator: data.code,
          measure: '%',
          comparator: data.comparator,
          metric: data.metric,
          sector: data.sector ?? null,
          targetValue: data.targetValue,
          targetYear: data.targetYear,
          baselineValue: data.baselineYear ? 90 : null,
          baselineYear: data.baselineYear ?? null,
          years: { create: data.years ?? [] },
        },
      });
    // A stored actual value of a derived target is ignored: 2023 reads 91 from the results, not 50.
    pctTargetId = (
      await target({
        code: 'PCT-94',
        metric: 'PAR_INDEX_PERCENT',
        comparator: 'GTE',
        targetValue: 94,
        targetYear: 2026,
        baselineYear: 2022,
        years: [
          { year: 2023, plannedValue: 91, actualValue: 50 },
          { year: 2025, plannedValue: 93 },
        ],
      })
    ).id;
    await target({
      code: 'PCT-96',
      metric: 'PAR_INDEX_PERCENT',
      comparator: 'GTE',
      targetValue: 96,
      targetYear: 2026,
      baselineYear: 2022,
    });
    await target({ code: 'RANK-2', metric: 'PAR_INDEX_RANK', comparator: 'LTE', targetValue: 2, targetYear: 2024 });
    await target({
      code: 'SAT-LAND',
      metric: 'SATISFACTION_PERCENT',
      sector: 'LAND',
      comparator: 'GTE',
      targetValue: 88,
      targetYear: 2025,
      years: [2023, 2024, 2025].map((year) => ({ year, plannedValue: 88 })),
    });
    await target({
      code: 'MAN-100',
      metric: 'MANUAL',
      comparator: 'EQ',
      targetValue: 100,
      targetYear: 2023,
      years: [{ year: 2022, plannedValue: 100, actualValue: 99 }],
    });
    await target({ code: 'MAN-NODATA', metric: 'MANUAL', comparator: 'GT', targetValue: 10, targetYear: 2030 });

    // Plans of the district: 2024 (checked against 2023, scored in 2024) and 2025 (against 2024).
    const plan = async (
      key: string,
      unitId: number,
      year: number,
      targetPercent: number,
      targets: { nodeId: number; targetPoints: number }[],
      actionNodes: number[],
    ) => {
      const row = await prisma.improvementPlan.create({
        data: {
          unitId,
          year,
          targetPercent,
          targets: { create: targets },
          actions: { create: actionNodes.map((nodeId, i) => ({ nodeId, title: `Hành động ${i + 1}`, sortOrder: i })) },
        },
      });
      planIds[key] = row.id;
    };
    await plan('weak', district, 2024, 91, [{ nodeId: f2023.one.id, targetPoints: 35 }], [f2023.one.id]);
    await plan(
      'sound',
      district,
      2025,
      93.5,
      [
        { nodeId: f2024.one.id, targetPoints: 38 },
        { nodeId: f2024.two.id, targetPoints: 55.5 },
      ],
      [f2024.one.id, f2024.two.id],
    );
    await plan('none', fixture.units.homeAffairs.id, 2025, 90, [], []);
  });
  afterAll(() => api.close());

  const targetsQuery = `query ($filter: TargetFilter) {
    targets(filter: $filter, first: 50) { nodes { ${targetFields} } }
  }`;
  const targets = async (filter?: Record<string, unknown>) =>
    ok(await api.gql<{ targets: { nodes: TargetShape[] } }>(targetsQuery, { filter }, analyst)).targets.nodes;
  const byCode = async (code: string) => {
    const found = (await targets({ code: { equals: code } }))[0];
    if (!found) throw new Error(`no target ${code}`);
    return found;
  };

  it('derives PAR index percents (published, else computed) and projects the trend: ON_COURSE', async () => {
    const t = await byCode('PCT-94');
    expect(t.metric).toBe('PAR_INDEX_PERCENT');
    expect(t.progress).toEqual([
      { year: 2022, plannedValue: null, actualValue: 90, status: 'NO_INTERIM_TARGET', final: false },
      { year: 2023, plannedValue: 91, actualValue: 91, status: 'MET', final: false },
      { year: 2024, plannedValue: null, actualValue: 92.5, status: 'NO_INTERIM_TARGET', final: false },
      { year: 2025, plannedValue: 93, actualValue: null, status: 'AWAITING_RESULT', final: false },
      { year: 2026, plannedValue: 94, actualValue: null, status: 'NOT_YET_DUE', final: true },
    ]);
    // The stored 50 is ignored: the year shows the derived value.
    expect(t.years).toEqual([
      { year: 2023, actualValue: 91 },
      { year: 2025, actualValue: null },
    ]);
    // 90, 91, 92.5: x̄ 2023, ȳ 91.1667, slope 2.5 / 2 = 1.25; 2026: 91.1667 + 3 × 1.25 = 94.92.
    expect(t.projection?.method).toBe('LEAST_SQUARES_LINEAR');
    expect(t.projection?.slope).toBeCloseTo(1.25, 10);
    expect(t.projection?.intercept).toBeCloseTo(91.1667 - 1.25 * 2023, 3);
    expect(t.projection?.projectedValue).toBe(94.92);
    expect(t.projection?.years).toEqual([2022, 2023, 2024]);
    expect(t.status).toBe('ON_COURSE');
    expect(t.statusReason).toBe('The trend of 2022–2024 projects 94.92 in 2026, target ≥ 94');
  });

  it('flags AT_RISK when the same trend misses a higher target', async () => {
    const t = await byCode('PCT-96');
    expect(t.status).toBe('AT_RISK');
    expect(t.statusReason).toBe('The trend of 2022–2024 projects 94.92 in 2026, target ≥ 96');
  });

  it('derives ranks: published 3, then computed 2 and 1; ACHIEVED by ≤ 2', async () => {
    const t = await byCode('RANK-2');
    expect(t.progress.map((p) => [p.year, p.actualValue, p.status])).toEqual([
      [2022, 3, 'NO_INTERIM_TARGET'],
      [2023, 2, 'NO_INTERIM_TARGET'],
      [2024, 1, 'MET'],
    ]);
    expect(t.status).toBe('ACHIEVED');
    expect(t.statusReason).toBe('2024: 1, target ≤ 2');
    expect(t.projection?.slope).toBeCloseTo(-1, 10);
  });

  it('derives satisfaction of the sector, overall element only', async () => {
    const t = await byCode('SAT-LAND');
    expect(t.sector).toBe('LAND');
    expect(t.progress.map((p) => [p.year, p.actualValue, p.status])).toEqual([
      [2023, 86.9, 'MISSED'],
      [2024, 88.4, 'MET'],
      [2025, null, 'AWAITING_RESULT'],
    ]);
    // Two years: slope 1.5; 2025: 88.4 + 1.5 = 89.9.
    expect(t.projection?.projectedValue).toBe(89.9);
    expect(t.status).toBe('ON_COURSE');
    expect(t.statusReason).toBe(
      'The trend of 2023–2024 projects 89.9 in 2025, target ≥ 88; interim value missed in 2023',
    );
  });

  it('reads manual actuals as recorded; without any value the target has NO_DATA', async () => {
    const manual = await byCode('MAN-100');
    expect(manual.progress.map((p) => [p.year, p.plannedValue, p.actualValue, p.status])).toEqual([
      [2022, 100, 99, 'MISSED'],
      [2023, 100, null, 'AWAITING_RESULT'],
    ]);
    expect(manual.status).toBe('AT_RISK');
    expect(manual.statusReason).toBe('Only 2022 is known (99), target = 100 in 2023; interim value missed in 2022');
    const none = await byCode('MAN-NODATA');
    expect(none.status).toBe('NO_DATA');
    expect(none.projection).toBeNull();
    expect(none.progress).toEqual([
      { year: 2030, plannedValue: 10, actualValue: null, status: 'NOT_YET_DUE', final: true },
    ]);
  });

  it('summarises progress with the list filter, status included', async () => {
    const summary = `query ($filter: TargetFilter) {
      targetProgress(filter: $filter) { total achieved missed onCourse atRisk noData targets { code status } }
    }`;
    type Summary = { targetProgress: Record<string, number> & { targets: { code: string; status: string }[] } };
    const all = ok(await api.gql<Summary>(summary, {}, analyst)).targetProgress;
    expect({ ...all, targets: all.targets.map((t) => t.code) }).toEqual({
      total: 6,
      achieved: 1,
      missed: 0,
      onCourse: 2,
      atRisk: 2,
      noData: 1,
      targets: ['MAN-100', 'MAN-NODATA', 'PCT-94', 'PCT-96', 'RANK-2', 'SAT-LAND'],
    });
    const atRisk = ok(await api.gql<Summary>(summary, { filter: { status: ['AT_RISK'] } }, analyst)).targetProgress;
    expect(atRisk.targets.map((t) => t.code)).toEqual(['MAN-100', 'PCT-96']);
    expect(atRisk.total).toBe(2);
    const combined = await targets({ metric: ['MANUAL'], NOT: { status: ['AT_RISK'] } });
    expect(combined.map((t) => t.code)).toEqual(['MAN-NODATA']);
    const either = await targets({ OR: [{ status: ['ACHIEVED'] }, { code: { equals: 'SAT-LAND' } }] });
    expect(either.map((t) => t.code)).toEqual(['RANK-2', 'SAT-LAND']);
  });

  it('measures every element of a sector against its target, and leaves sectors without one alone', async () => {
    const query = `{ satisfactionResults(first: 20, orderBy: [{ field: YEAR }, { field: SECTOR }, { field: ELEMENT }]) {
      nodes { year sector element satisfactionPercent targetValue meetsTarget target { code } } } }`;
    const rows = ok(await api.gql<{ satisfactionResults: { nodes: Record<string, unknown>[] } }>(query, {}, analyst))
      .satisfactionResults.nodes;
    expect(rows.map((r) => [r.year, r.sector, r.element, r.targetValue, r.meetsTarget, r.target])).toEqual([
      [2023, 'LAND', 'OVERALL', 88, false, { code: 'SAT-LAND' }],
      [2024, 'HEALTH', 'OVERALL', null, null, null],
      [2024, 'LAND', 'OVERALL', 88, true, { code: 'SAT-LAND' }],
      [2024, 'LAND', 'PROCEDURE', 88, false, { code: 'SAT-LAND' }],
    ]);
  });

  it('checks plans against the last result and compares them with the year scored', async () => {
    const query = `query ($filter: ImprovementPlanFilter) { improvementPlans(filter: $filter, first: 10, orderBy: [{ field: YEAR }, { field: UNIT }]) {
      nodes { year unit { code } flagged baseline { year percent }
        checks { code node { code } message }
        comparison { lastPercent targetPercent actualPercent met
          fields { code name maxPoints lastPoints targetPoints actualPoints met node { code framework { year } } } } } } }`;
    type PlanRow = {
      year: number;
      unit: { code: string };
      flagged: boolean;
      baseline: { year: number; percent: number } | null;
      checks: { code: string; node: { code: string } | null; message: string }[];
      comparison: Record<string, unknown> & { fields: Record<string, unknown>[] };
    };
    const plans = async (filter?: Record<string, unknown>) =>
      ok(await api.gql<{ improvementPlans: { nodes: PlanRow[] } }>(query, { filter }, analyst)).improvementPlans.nodes;
    const [weak, none, sound] = await plans();
    expect(weak?.baseline).toEqual({ year: 2023, percent: 91 });
    expect(weak?.flagged).toBe(true);
    expect(weak?.checks).toEqual([
      { code: 'NOT_ABOVE_LAST_RESULT', node: null, message: 'The plan aims at 91%, not above the last result of 91%' },
      {
        code: 'WEAKEST_FIELD_WITHOUT_ACTION',
        node: { code: '2' },
        message: 'Field 2 (Lĩnh vực 2) is among the weakest last time (55 of 60, 91.67%) and no action aims at it',
      },
      {
        code: 'FIELD_TARGET_BELOW_LAST_RESULT',
        node: { code: '1' },
        message: '1 aims at 35 points, below the 36 scored last time',
      },
    ]);
    // Scored in 2024: 37 + 55.5 = 92.5%.
    expect(weak?.comparison).toEqual({
      lastPercent: 91,
      targetPercent: 91,
      actualPercent: 92.5,
      met: true,
      fields: [
        {
          code: '1',
          name: 'Lĩnh vực 1',
          maxPoints: 40,
          lastPoints: 36,
          targetPoints: 35,
          actualPoints: 37,
          met: true,
          node: { code: '1', framework: { year: 2024 } },
        },
        {
          code: '2',
          name: 'Lĩnh vực 2',
          maxPoints: 60,
          lastPoints: 55,
          targetPoints: null,
          actualPoints: 55.5,
          met: null,
          node: { code: '2', framework: { year: 2024 } },
        },
      ],
    });
    expect(sound).toMatchObject({ year: 2025, flagged: false, checks: [], baseline: { year: 2024, percent: 92.5 } });
    expect(sound?.comparison).toMatchObject({ lastPercent: 92.5, targetPercent: 93.5, actualPercent: null, met: null });
    expect(sound?.comparison.fields.map((f) => [f.code, f.lastPoints, f.targetPoints, f.actualPoints])).toEqual([
      ['1', 37, 38, null],
      ['2', 55.5, 55.5, null],
    ]);
    expect(none).toMatchObject({ unit: { code: 'PNV' }, flagged: true, baseline: null });
    expect(none?.checks.map((c) => c.code)).toEqual(['NO_BASELINE']);
    expect(none?.comparison).toEqual({
      lastPercent: null,
      targetPercent: 90,
      actualPercent: null,
      met: null,
      fields: [],
    });

    expect((await plans({ flagged: true })).map((p) => `${p.unit.code} ${p.year}`)).toEqual(['DATEH 2024', 'PNV 2025']);
    expect((await plans({ flagged: false, year: { equals: 2025 } })).map((p) => `${p.unit.code} ${p.year}`)).toEqual([
      'DATEH 2025',
    ]);
  });

  describe('writing metrics', () => {
    const create = `mutation ($input: CreateTargetInput!) { createTarget(input: $input) { code metric sector status } }`;
    const update = `mutation ($id: ID!, $input: UpdateTargetInput!) { updateTarget(id: $id, input: $input) { metric sector } }`;
    const setYear = `mutation ($id: ID!, $input: TargetYearInput!) { setTargetYear(targetId: $id, input: $input) { year plannedValue actualValue } }`;
    const input = (overrides: Record<string, unknown>) => ({
      objectiveId: g('Objective', fixture.objectives.online.id),
      unitId: g('Unit', fixture.units.district.id),
      code: 'NEW',
      indicator: 'Mức độ hài lòng về đất đai',
      measure: '%',
      comparator: 'GTE',
      targetValue: 90,
      targetYear: 2027,
      ...overrides,
    });

    it('refuses a satisfaction target without a sector, a sector on another metric, a derived one without a unit', async () => {
      expectError(
        await api.gql(create, { input: input({ metric: 'SATISFACTION_PERCENT' }) }, admin),
        'BAD_USER_INPUT',
        'input.sector',
      );
      expectError(
        await api.gql(create, { input: input({ metric: 'PAR_INDEX_PERCENT', sector: 'LAND' }) }, admin),
        'BAD_USER_INPUT',
        'input.sector',
      );
      expectError(await api.gql(create, { input: input({ sector: 'LAND' }) }, admin), 'BAD_USER_INPUT', 'input.sector');
      expectError(
        await api.gql(create, { input: input({ metric: 'PAR_INDEX_RANK', unitId: null }) }, admin),
        'BAD_USER_INPUT',
        'input.unitId',
      );
    });

    it('creates a satisfaction target and refuses a recorded actual value on it', async () => {
      const data = ok(
        await api.gql<{ createTarget: Record<string, unknown> }>(
          create,
          { input: input({ code: 'SAT-NEW', metric: 'SATISFACTION_PERCENT', sector: 'LAND' }) },
          admin,
        ),
      );
      // The 2023 and 2024 land results (86.9, 88.4) project 91.35 in 2027: ≥ 90.
      expect(data.createTarget).toEqual({
        code: 'SAT-NEW',
        metric: 'SATISFACTION_PERCENT',
        sector: 'LAND',
        status: 'ON_COURSE',
      });
      const id = (await api.db.prisma.target.findUniqueOrThrow({ where: { code: 'SAT-NEW' } })).id;
      expectError(
        await api.gql(setYear, { id: g('Target', id), input: { year: 2026, actualValue: 90 } }, admin),
        'BAD_USER_INPUT',
        'input.actualValue',
      );
      const planned = ok(
        await api.gql(setYear, { id: g('Target', id), input: { year: 2026, plannedValue: 89 } }, admin),
      );
      expect(planned).toEqual({ setTargetYear: { year: 2026, plannedValue: 89, actualValue: null } });
    });

    it('changes the metric with the sector, and refuses leaving a sector behind', async () => {
      const id = g('Target', pctTargetId);
      expectError(
        await api.gql(update, { id, input: { metric: 'SATISFACTION_PERCENT' } }, admin),
        'BAD_USER_INPUT',
        'input.sector',
      );
      expectError(await api.gql(update, { id, input: { sector: 'LAND' } }, admin), 'BAD_USER_INPUT', 'input.sector');
      expectError(await api.gql(update, { id, input: { unitId: null } }, admin), 'BAD_USER_INPUT', 'input.unitId');
      expect(
        ok(await api.gql(update, { id, input: { metric: 'SATISFACTION_PERCENT', sector: 'LAND' } }, admin)),
      ).toEqual({
        updateTarget: { metric: 'SATISFACTION_PERCENT', sector: 'LAND' },
      });
      expect(ok(await api.gql(update, { id, input: { metric: 'PAR_INDEX_PERCENT', sector: null } }, admin))).toEqual({
        updateTarget: { metric: 'PAR_INDEX_PERCENT', sector: null },
      });
    });

    it('the database refuses a sector on a manual target and a derived target without a unit', async () => {
      const base = {
        objectiveId: fixture.objectives.online.id,
        indicator: 'x',
        measure: '%',
        comparator: 'GTE' as const,
        targetValue: 1,
        targetYear: 2026,
      };
      await expect(api.db.prisma.target.create({ data: { ...base, code: 'DB-1', sector: 'LAND' } })).rejects.toThrow();
      await expect(
        api.db.prisma.target.create({ data: { ...base, code: 'DB-2', metric: 'PAR_INDEX_PERCENT' } }),
      ).rejects.toThrow();
    });
  });

  it('loads target progress and plan checks in a number of statements that does not grow with the page', async () => {
    const counter = statementCounter(api.db.adapterFactory);
    const filesDir = mkdtempSync(path.join(tmpdir(), 'par-targets-'));
    try {
      const config = loadConfig({ NODE_ENV: 'test', FILES_DIR: filesDir, MAX_QUERY_COST: '1000000' });
      const now = new Date('2026-03-10T03:00:00Z');
      const app = createApp({
        db: { ...api.db, prisma: counter.prisma },
        config,
        now: () => now,
        logger: pino({ level: 'silent' }),
      });
      const send = async (query: string) => {
        const { statements } = await counter.count(async () => {
          const response = await app.fetch(
            new Request('http://test/graphql', {
              method: 'POST',
              headers: { 'content-type': 'application/json', authorization: `Bearer ${analyst}` },
              body: JSON.stringify({ query }),
            }),
          );
          const body = (await response.json()) as { errors?: unknown };
          expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
        });
        return statements.length;
      };
      const targetPage = (n: number) =>
        `{ targets(first: ${n}) { nodes { status statusReason projection { projectedValue } progress { status } years { actualValue } } } }`;
      const planPage = (n: number) =>
        `{ improvementPlans(first: ${n}, orderBy: [{ field: YEAR }]) { nodes { flagged baseline { percent } checks { node { code } } comparison { fields { node { code } } } } } }`;
      // Session (1), targets, their years, then the loader: targets, units, years; index results; the
      // index loaders' frameworks, their nodes, the frameworks of the same levels, and every result's total
      // summed in the database; satisfaction. One statement per kind of source, whatever the number of
      // targets (four of the six are derived).
      expect(await send(targetPage(6))).toBe(13);
      // Session (1), the page; the plan values: plans, units, targets, actions, their nodes' codes (2),
      // each plan's baseline and actual result; the index loaders' frameworks, their nodes, the frameworks
      // of the same levels, and the checked nodes' points (all scored: no tree walk); the baseline's row,
      // the checks' nodes, the baseline framework's totals. The first plan (2024) has a baseline and an
      // actual result: every query of the loader runs for it.
      expect([await send(planPage(1)), await send(planPage(3))]).toEqual([16, 16]);
    } finally {
      await counter.close();
      rmSync(filesDir, { recursive: true, force: true });
    }
  });

  it("checks a plan against the unit's latest result before the plan year at its level, among many years", async () => {
    const prisma = api.db.prisma;
    // Fields 1 (40 points: criteria 1.1 and 1.2, 20 each; the field itself never scored) and 2 (60).
    const framework = async (level: 'COMMUNE' | 'AGENCY', year: number) => {
      const { id } = await prisma.indexFramework.create({ data: { level, year, name: `${level} ${year}` } });
      const node = (code: string, maxPoints: number, sortOrder: number, parentId: number | null = null) =>
        prisma.indexNode.create({
          data: { frameworkId: id, parentId, code, name: `Lĩnh vực ${code}`, maxPoints, sortOrder },
        });
      const one = await node('1', 40, 1);
      return {
        id,
        a: await node('1.1', 20, 1, one.id),
        b: await node('1.2', 20, 2, one.id),
        two: await node('2', 60, 2),
      };
    };
    const scored = async (
      unitId: number,
      f: Awaited<ReturnType<typeof framework>>,
      [a, b, two]: [number, number, number],
    ) =>
      prisma.indexResult.create({
        data: {
          unitId,
          frameworkId: f.id,
          scores: {
            create: [
              { nodeId: f.a.id, points: a },
              { nodeId: f.b.id, points: b },
              { nodeId: f.two.id, points: two },
            ],
          },
        },
      });
    const commune = fixture.units.anNhon.id;
    const committee = (
      await prisma.unit.create({ data: { code: 'BCD_CCHC', name: 'Ban chỉ đạo CCHC', kind: 'COMMITTEE' } })
    ).id;
    // The commune: 50% in 2019, 75% in 2021, 88% in 2023, 100% in 2024; 96% under the agencies' 2022
    // framework, the wrong level for a commune (the committee, which has no level, is checked against it).
    const c2023 = await framework('COMMUNE', 2023);
    await scored(commune, await framework('COMMUNE', 2019), [10, 10, 30]);
    await scored(commune, await framework('COMMUNE', 2021), [15, 12, 48]);
    const a2022 = await framework('AGENCY', 2022);
    await scored(commune, a2022, [19, 19, 58]);
    await scored(committee, a2022, [19, 19, 58]);
    await scored(commune, c2023, [18, 16, 54]);
    await scored(commune, await framework('COMMUNE', 2024), [20, 20, 60]);
    const plan = (
      unitId: number,
      year: number,
      targetPercent: number,
      targets: [number, number][],
      actions: number[],
    ) =>
      prisma.improvementPlan.create({
        data: {
          unitId,
          year,
          targetPercent,
          targets: { create: targets.map(([nodeId, targetPoints]) => ({ nodeId, targetPoints })) },
          actions: { create: actions.map((nodeId, i) => ({ nodeId, title: `Hành động ${i + 1}`, sortOrder: i })) },
        },
      });
    await plan(
      commune,
      2023,
      80,
      [
        [c2023.b.id, 11],
        [c2023.two.id, 50],
      ],
      [c2023.a.id],
    );
    await plan(commune, 2020, 45, [], [c2023.a.id, c2023.two.id]);
    await plan(committee, 2023, 97, [], []);

    const query = `query ($unit: ID!) { improvementPlans(filter: { unit: { equals: $unit } }, orderBy: [{ field: YEAR }]) {
      nodes { year baseline { year percent } checks { code node { code } message }
        comparison { lastPercent actualPercent met fields { code lastPoints targetPoints actualPoints met } } } } }`;
    const plansOf = async (unitId: number) =>
      ok(
        await api.gql<{ improvementPlans: { nodes: Record<string, unknown>[] } }>(
          query,
          { unit: g('Unit', unitId) },
          analyst,
        ),
      ).improvementPlans.nodes;
    const [before2021, in2023] = await plansOf(commune);
    // 2019, not 2021 or later; no 2020 result, so no actual (2021 is not the plan year's).
    expect(before2021).toEqual({
      year: 2020,
      baseline: { year: 2019, percent: 50 },
      checks: [
        {
          code: 'NOT_ABOVE_LAST_RESULT',
          node: null,
          message: 'The plan aims at 45%, not above the last result of 50%',
        },
      ],
      comparison: {
        lastPercent: 50,
        actualPercent: null,
        met: null,
        fields: [
          { code: '1', lastPoints: 20, targetPoints: null, actualPoints: null, met: null },
          { code: '2', lastPoints: 30, targetPoints: null, actualPoints: null, met: null },
        ],
      },
    });
    // 2021, not 2019 (older), 2022 (another level), 2023 (the plan year) or 2024 (later); actual 2023.
    expect(in2023).toEqual({
      year: 2023,
      baseline: { year: 2021, percent: 75 },
      checks: [
        {
          code: 'WEAKEST_FIELD_WITHOUT_ACTION',
          node: { code: '2' },
          message: 'Field 2 (Lĩnh vực 2) is among the weakest last time (48 of 60, 80%) and no action aims at it',
        },
        {
          code: 'FIELD_TARGET_BELOW_LAST_RESULT',
          node: { code: '1.2' },
          message: '1.2 aims at 11 points, below the 12 scored last time',
        },
      ],
      comparison: {
        lastPercent: 75,
        actualPercent: 88,
        met: true,
        fields: [
          { code: '1', lastPoints: 27, targetPoints: null, actualPoints: 34, met: null },
          { code: '2', lastPoints: 48, targetPoints: 50, actualPoints: 54, met: true },
        ],
      },
    });
    const [committeePlan] = await plansOf(committee);
    expect(committeePlan).toMatchObject({
      baseline: { year: 2022, percent: 96 },
      comparison: { lastPercent: 96, actualPercent: null },
    });
  });
});
