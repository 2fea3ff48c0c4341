// The last line of defence if a cost estimate is wrong (docs/api.md "Bounds while a request runs"): a request may
// resolve at most MAX_RESPONSE_ROWS list items (20,000) in all its lists together; one more and it is
// stopped, answering RESPONSE_TOO_LARGE alone instead of a large body. The cost limit is lifted here to
// stand for an estimate that let such a request through.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultLimits } from '../../api/config.ts';
import { databaseKinds } from '../support/databases.ts';
import { ok, startTestApi, type TestApi } from '../support/api.ts';
import { loadFixture } from '../support/fixture.ts';
import { serve, whileHealthy, type Served } from '../support/server.ts';

const day = (text: string) => new Date(`${text}T00:00:00.000Z`);

/**
 * 200 tasks with 100 timeline entries each: `p0` … `p3` page through them 50 at a time (pages of 50
 * keep each statement short: PGlite blocks the event loop while it runs one), `extra` adds rows.
 */
const pages = `query ($first: Int!, $extra: Int!) {
  ${[0, 50, 100, 150]
    .map(
      (offset) =>
        `p${offset}: tasks(first: 50, offset: ${offset}, filter: { illustrative: true }) { nodes { timeline(first: $first) { nodes { id } } } }`,
    )
    .join('\n  ')}
  extra: tasks(first: $extra, filter: { illustrative: true }) { nodes { id } }
}`;

type Pages = Record<string, { nodes: { id?: string; timeline?: { nodes: { id: string }[] } }[] }>;

describe.each(databaseKinds)('response rows on %s', (kind) => {
  let api: TestApi;
  let served: Served;
  let token: string;

  beforeAll(async () => {
    api = await startTestApi(kind, { env: { MAX_QUERY_COST: '1000000' } });
    const fixture = await loadFixture(api.db.prisma);
    const tasks = await api.db.prisma.task.createManyAndReturn({
      data: Array.from({ length: 200 }, (_, i) => ({
        title: `Nhiệm vụ số ${i + 1}`,
        objectiveId: fixture.objectives.oneStop.id,
        leadUnitId: fixture.units.justice.id,
        startDate: day('2026-01-01'),
        deadline: day('2026-12-31'),
        originalDeadline: day('2026-12-31'),
        illustrative: true,
      })),
      select: { id: true },
    });
    await api.db.prisma.taskEvent.createMany({
      data: tasks.flatMap((task) =>
        Array.from({ length: 100 }, (_, i) => ({ taskId: task.id, type: 'COMMENTED' as const, note: `Ghi chú ${i}` })),
      ),
    });
    token = await api.signIn('analyst');
    served = await serve(api.app);
  }, 120_000);
  afterAll(async () => {
    await served?.close();
    await api?.close();
  });

  it('answers a request of exactly 20,000 list items, and /health meanwhile', async () => {
    expect(defaultLimits.maxResponseRows).toBe(20_000);
    // 50 + 50 × 99 in each of the 4 pages: 20,000.
    const { result } = await whileHealthy(served, () => served.post<Pages>(pages, { first: 99, extra: 0 }, token));
    const data = ok(result.body);
    const rows = ['p0', 'p50', 'p100', 'p150'].flatMap((page) => data[page]?.nodes ?? []);
    expect(rows).toHaveLength(200);
    expect(rows.every((task) => task.timeline?.nodes.length === 99)).toBe(true);
    expect(data.extra?.nodes).toHaveLength(0);
  });

  it('stops a request at 20,001 list items with RESPONSE_TOO_LARGE alone, and /health meanwhile', async () => {
    const { result } = await whileHealthy(served, () => served.post<Pages>(pages, { first: 99, extra: 1 }, token));
    expect(result.status).toBe(200);
    expect(result.body.data ?? null).toBeNull();
    expect(result.body.errors).toEqual([
      {
        message: 'The response would hold more than 20000 list items; ask for fewer rows or fields',
        extensions: { code: 'RESPONSE_TOO_LARGE', limit: 'rows', max: 20_000 },
      },
    ]);
    // Far more than 20,000 rows is stopped the same way, with a small answer.
    const far = await served.post(pages, { first: 100, extra: 100 }, token);
    expect(far.body.errors?.map((e) => e.extensions?.code)).toEqual(['RESPONSE_TOO_LARGE']);
    expect(JSON.stringify(far.body).length).toBeLessThan(1_000);
  });

  it('counts every list of the request, lists of scalars included, and takes MAX_RESPONSE_ROWS', async () => {
    const small = await startTestApi(kind, { env: { MAX_RESPONSE_ROWS: '100', MAX_QUERY_COST: '1000000' } });
    try {
      await loadFixture(small.db.prisma);
      const analyst = await small.signIn('analyst');
      // 7 tasks with 4 actions each (allowedActions is a list of enum values): 7 + 28 = 35 per alias.
      const tasks = (n: number) =>
        `{ ${Array.from({ length: n }, (_, i) => `t${i}: tasks(first: 10) { nodes { id allowedActions } }`).join(' ')} }`;
      const one = ok(await small.gql<Record<string, { nodes: { allowedActions: string[] }[] }>>(tasks(1), {}, analyst));
      const perAlias = one.t0!.nodes.length + one.t0!.nodes.reduce((sum, t) => sum + t.allowedActions.length, 0);
      const fits = Math.floor(100 / perAlias);
      ok(await small.gql(tasks(fits), {}, analyst));
      const over = await small.gql(tasks(fits + 1), {}, analyst);
      expect(over.errors?.map((e) => e.extensions)).toEqual([{ code: 'RESPONSE_TOO_LARGE', limit: 'rows', max: 100 }]);
    } finally {
      await small.close();
    }
  });
});
