// One account cannot starve the others (docs/security.md "Rate limit"): each account, and each client
// address for anonymous requests, may send RATE_LIMIT_REQUESTS_PER_MINUTE GraphQL requests and
// RATE_LIMIT_COST_PER_MINUTE of query cost a minute; one more is refused with HTTP 429, Retry-After and
// RATE_LIMITED with retryAfterSeconds. The counts live in the database, or in Redis with REDIS_URL,
// so that several API processes share them. Each test runs in a minute of its own (the clock is the
// app's), which keeps its Redis keys apart from other tests'.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'graphql';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../api/app.ts';
import { loadConfig } from '../../api/config.ts';
import { operationCost } from '../../api/cost.ts';
import type { CostOf } from '../../api/rate-limiter.ts';
import { schema } from '../../api/schema/index.ts';
import { databaseKinds } from '../support/databases.ts';
import { expectError, ok, startTestApi, type TestApi } from '../support/api.ts';
import { loadFixture } from '../support/fixture.ts';
import { serve, whileHealthy, type Served } from '../support/server.ts';

const redisUrl = 'redis://127.0.0.1:6379';

async function redisAnswers(): Promise<boolean> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 1_000 });
  redis.on('error', () => {});
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

const redisUp = await redisAnswers();
if (!redisUp && process.env.CI === 'true') {
  throw new Error('CI=true needs Redis at 127.0.0.1:6379: the Redis rate limit may not be skipped in CI');
}
const stores: ('database' | 'redis')[] = redisUp ? ['database', 'redis'] : ['database'];

let lastMinute = Math.floor(Date.UTC(2031, 0, 1) / 60_000) + Math.floor(Math.random() * 5_000_000);

/**
 * 15 s into a minute of its own, later than the previous test's (time goes forward) and far from any
 * other test file's: Retry-After is then 45 s.
 */
function freshMinute(): Date {
  lastMinute += 10;
  return new Date(lastMinute * 60_000 + 15_000);
}

/** The test's cost function: what the request's variables say, so that a test can spend exactly. */
const costFromVariables: CostOf = ({ variables }) => Number(variables?.cost ?? 0);

const me = '{ me { id } }';

describe.each(databaseKinds)('rate limit on %s', (kind) => {
  describe.each(stores)('counted in the %s', (store) => {
    const env = {
      RATE_LIMIT_REQUESTS_PER_MINUTE: '5',
      RATE_LIMIT_COST_PER_MINUTE: '500',
      TRUST_PROXY: 'true',
      ...(store === 'redis' ? { REDIS_URL: redisUrl } : {}),
    };
    let api: TestApi;
    let served: Served;
    let analyst: string;
    let committee: string;

    beforeAll(async () => {
      api = await startTestApi(kind, { env, costOf: costFromVariables, now: freshMinute() });
      await loadFixture(api.db.prisma);
      served = await serve(api.app);
    });
    afterAll(async () => {
      await served?.close();
      await api?.close();
    });
    beforeEach(async () => {
      // Signing in counts against nobody's account (it is anonymous, and in process it has no address).
      api.clock.now = freshMinute();
      analyst = await api.signIn('analyst');
      committee = await api.signIn('committee');
    });

    it('accepts an account’s 5th request of a minute, refuses the 6th with 429 and Retry-After, and answers /health meanwhile', async () => {
      for (let i = 0; i < 5; i++) ok((await served.post(me, {}, analyst)).body);
      const { result } = await whileHealthy(served, () => served.post(me, {}, analyst));
      expect(result.status).toBe(429);
      expect(result.headers.get('retry-after')).toBe('45');
      expect(result.body).toEqual({
        errors: [
          {
            message: 'More than 5 requests a minute; try again in 45 seconds',
            extensions: { code: 'RATE_LIMITED', limit: 'requests', max: 5, retryAfterSeconds: 45 },
          },
        ],
      });
      // Another account is not held back, and the next minute the first one may go on.
      ok((await served.post(me, {}, committee)).body);
      api.clock.now = new Date(api.clock.now.getTime() + 45_000);
      ok((await served.post(me, {}, analyst)).body);
    });

    it('accepts a minute’s cost up to RATE_LIMIT_COST_PER_MINUTE and refuses one more', async () => {
      ok(await api.gql(me, { cost: 300 }, analyst));
      ok(await api.gql(me, { cost: 200 }, analyst));
      const refused = expectError(await api.gql(me, { cost: 1 }, analyst), 'RATE_LIMITED');
      expect(refused.extensions).toEqual({ code: 'RATE_LIMITED', limit: 'cost', max: 500, retryAfterSeconds: 45 });
      ok(await api.gql(me, { cost: 500 }, committee));
    });

    it('counts anonymous requests per client address', async () => {
      const from = (address: string) => ({ 'x-forwarded-for': address });
      for (let i = 0; i < 5; i++) ok(await api.gql('{ __typename }', {}, null, from('198.51.100.7')));
      const refused = expectError(await api.gql('{ __typename }', {}, null, from('198.51.100.7')), 'RATE_LIMITED');
      expect(refused.extensions).toMatchObject({ limit: 'requests', retryAfterSeconds: 45 });
      ok(await api.gql('{ __typename }', {}, null, from('198.51.100.8')));
      // Signed in, the same address counts against the account instead.
      ok(await api.gql(me, {}, analyst, from('198.51.100.7')));
    });

    it('is shared by two API processes on one database', async () => {
      const filesDir = mkdtempSync(path.join(tmpdir(), 'par-rate-'));
      const other: App = createApp({
        db: api.db,
        config: loadConfig({ NODE_ENV: 'test', FILES_DIR: filesDir, ...env }),
        now: () => api.clock.now,
        costOf: costFromVariables,
      });
      try {
        const viaOther = async (variables: Record<string, unknown> = {}) => {
          const response = await other.fetch(
            new Request('http://other/graphql', {
              method: 'POST',
              headers: { 'content-type': 'application/json', authorization: `Bearer ${analyst}` },
              body: JSON.stringify({ query: me, variables }),
            }),
          );
          return { status: response.status, body: (await response.json()) as Parameters<typeof ok>[0] };
        };
        ok(await api.gql(me, {}, analyst));
        ok((await viaOther()).body);
        ok(await api.gql(me, {}, analyst));
        ok((await viaOther()).body);
        ok(await api.gql(me, {}, analyst));
        const refused = await viaOther();
        expect(refused.status).toBe(429);
        expectError(refused.body, 'RATE_LIMITED');
        expectError(await api.gql(me, {}, analyst), 'RATE_LIMITED');
      } finally {
        await other.close();
        rmSync(filesDir, { recursive: true, force: true });
      }
    });

    it.runIf(store === 'database')(
      'forgets the counts of past minutes, so an anonymous flood leaves few rows',
      async () => {
        const from = (address: string) => ({ 'x-forwarded-for': address });
        for (const address of ['203.0.113.1', '203.0.113.2', '203.0.113.3']) {
          ok(await api.gql('{ __typename }', {}, null, from(address)));
        }
        const keys = async () => (await api.db.prisma.rateLimit.findMany({ select: { key: true } })).map((r) => r.key);
        expect(await keys()).toEqual(expect.arrayContaining(['address:203.0.113.1', 'address:203.0.113.3']));
        api.clock.now = new Date(api.clock.now.getTime() + 3 * 60_000);
        ok(await api.gql('{ __typename }', {}, null, from('203.0.113.4')));
        expect(await keys()).toEqual(['address:203.0.113.4']);
      },
    );

    it.runIf(store === 'redis')('keeps the counts in Redis, not in the database', async () => {
      ok(await api.gql(me, {}, analyst));
      expect(await api.db.prisma.rateLimit.count()).toBe(0);
    });
  });

  it('counts in the database while Redis does not answer', async () => {
    const api = await startTestApi(kind, {
      env: { RATE_LIMIT_REQUESTS_PER_MINUTE: '2', REDIS_URL: 'redis://127.0.0.1:1' },
      now: freshMinute(),
    });
    try {
      await loadFixture(api.db.prisma);
      const token = await api.signIn('analyst');
      ok(await api.gql(me, {}, token));
      ok(await api.gql(me, {}, token));
      expectError(await api.gql(me, {}, token), 'RATE_LIMITED');
      expect(await api.db.prisma.rateLimit.count()).toBe(1);
    } finally {
      await api.close();
    }
  });

  it("charges each request its query cost, a page size in a variable as in the text, and a refused query's none", async () => {
    const literal = '{ tasks(first: 40) { nodes { id title } } }';
    const variable = 'query ($n: Int) { tasks(first: $n) { nodes { id title } } }';
    const cost = Math.ceil(operationCost(schema, parse(literal), {}));
    expect(Math.ceil(operationCost(schema, parse(variable), { n: 40 }))).toBe(cost);
    const api = await startTestApi(kind, {
      env: { RATE_LIMIT_COST_PER_MINUTE: String(2 * cost), MAX_QUERY_COST: String(2 * cost) },
      now: freshMinute(),
    });
    try {
      await loadFixture(api.db.prisma);
      const token = await api.signIn('analyst');
      ok(await api.gql(literal, {}, token));
      // Over the cost budget: refused before it runs, and not charged against the minute's cost.
      const overBudget = await api.gql(variable, { n: 100 }, token);
      expect(overBudget.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_LIMIT_EXCEEDED', limit: 'cost' });
      ok(await api.gql(variable, { n: 40 }, token));
      const refused = expectError(await api.gql('{ me { id } }', {}, token), 'RATE_LIMITED');
      expect(refused.extensions).toMatchObject({ limit: 'cost', max: 2 * cost });
    } finally {
      await api.close();
    }
  });
});
