// Time is bounded (docs/api.md "Bounds while a request runs"): PostgreSQL cancels an API statement after
// STATEMENT_TIMEOUT_MS, a query is stopped at REQUEST_TIMEOUT_MS, both answering REQUEST_TIMEOUT; and
// the HTTP server drops clients that send their headers or body too slowly. A request is made slow by
// holding a table lock (on PGlite, its one connection) from another client for a while.
import { readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareDatabase } from '../../api/bootstrap.ts';
import { defaultTimeouts, loadConfig } from '../../api/config.ts';
import { openDatabase } from '../../api/db.ts';
import { createHttpServer } from '../../api/http-server.ts';
import { PrismaClient } from '../../generated/prisma/client.ts';
import { resetDatabase } from '../../prisma/migrate.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases.ts';
import { expectError, ok, startTestApi, type TestApi } from '../support/api.ts';
import { loadFixture, type Fixture } from '../support/fixture.ts';
import { serve, whileHealthy, type Served } from '../support/server.ts';

const importFiles = path.join(import.meta.dirname, '..', 'fixtures', 'index-import');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Locks `table` from a connection of its own (on PGlite, holds its only connection) for `ms`; resolves
 * once the lock is held, with the promise of its release.
 */
async function holdLock(db: TestDatabase, table: string, ms: number): Promise<{ released: Promise<void> }> {
  const prisma = new PrismaClient({ adapter: db.adapterFactory });
  let held!: () => void;
  const acquired = new Promise<void>((resolve) => (held = resolve));
  const released = prisma
    .$transaction(
      async (tx) => {
        await tx.$executeRawUnsafe(`LOCK TABLE "${table}" IN ACCESS EXCLUSIVE MODE`);
        held();
        await sleep(ms);
      },
      { maxWait: 10_000, timeout: ms + 10_000 },
    )
    .finally(() => prisma.$disconnect());
  await acquired;
  return { released };
}

const taskCount = '{ tasks(first: 5) { totalCount } }';
const comment = 'mutation ($id: ID!, $note: String!) { commentOnTask(id: $id, note: $note) { id } }';

/** Runs `work` and returns its result with the milliseconds it took. */
async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await work();
  return { result, ms: performance.now() - started };
}

describe.each(databaseKinds)('request deadline on %s', (kind) => {
  let api: TestApi;
  let served: Served;
  let fixture: Fixture;
  let token: string;
  beforeAll(async () => {
    api = await startTestApi(kind, { env: { REQUEST_TIMEOUT_MS: '1000' } });
    fixture = await loadFixture(api.db.prisma);
    token = await api.signIn('admin');
    served = await serve(api.app);
  });
  afterAll(async () => {
    await served?.close();
    await api?.close();
  });

  it('answers a query that waits less than REQUEST_TIMEOUT_MS', async () => {
    const { released } = await holdLock(api.db, 'Task', 300);
    const { result, ms } = await timed(() => served.post(taskCount, {}, token));
    expect(ok(result.body)).toEqual({ tasks: { totalCount: 7 } });
    expect(ms).toBeGreaterThanOrEqual(250);
    await released;
  });

  it('stops a query at REQUEST_TIMEOUT_MS with REQUEST_TIMEOUT, and answers /health meanwhile', async () => {
    const { released } = await holdLock(api.db, 'Task', 4_000);
    const { result } = await whileHealthy(served, () => timed(() => served.post(taskCount, {}, token)));
    expect(result.result.body.errors).toEqual([
      {
        message: 'The request took longer than 1000 ms and was stopped; ask for less at a time',
        extensions: { code: 'REQUEST_TIMEOUT', limit: 'deadline', maxMs: 1000 },
      },
    ]);
    // Answered at the deadline, long before the lock is let go.
    expect(result.ms).toBeGreaterThanOrEqual(950);
    expect(result.ms).toBeLessThan(3_000);
    await released;
    expect(ok(await api.gql(taskCount, {}, token))).toEqual({ tasks: { totalCount: 7 } });
  });

  it.runIf(kind === 'postgres')(
    'lets a mutation run past the deadline: its outcome is never left unknown',
    async () => {
      const { released } = await holdLock(api.db, 'TaskEvent', 1_500);
      const { result, ms } = await timed(() =>
        served.post(comment, { id: `Task:${fixture.tasks.overdue.id}`, note: 'Đã họp bàn' }, token),
      );
      expect(ok(result.body)).toMatchObject({ commentOnTask: { id: expect.any(String) } });
      expect(ms).toBeGreaterThan(1_000);
      await released;
    },
  );
});

describe.each(databaseKinds)('statement timeout on %s', (kind) => {
  let api: TestApi;
  let served: Served;
  let fixture: Fixture;
  let token: string;
  beforeAll(async () => {
    api = await startTestApi(kind, { statementTimeoutMs: 1_000 });
    fixture = await loadFixture(api.db.prisma);
    token = await api.signIn('admin');
    served = await serve(api.app);
  });
  afterAll(async () => {
    await served?.close();
    await api?.close();
  });

  it.runIf(kind === 'postgres')('answers a query whose statement waits less than STATEMENT_TIMEOUT_MS', async () => {
    const { released } = await holdLock(api.db, 'Task', 300);
    expect(ok((await served.post(taskCount, {}, token)).body)).toEqual({ tasks: { totalCount: 7 } });
    await released;
  });

  it.runIf(kind === 'postgres')(
    'cancels a statement at STATEMENT_TIMEOUT_MS with REQUEST_TIMEOUT, and answers /health meanwhile',
    async () => {
      const { released } = await holdLock(api.db, 'Task', 4_000);
      const { result } = await whileHealthy(served, () => timed(() => served.post(taskCount, {}, token)));
      expect(result.result.body.errors).toHaveLength(1);
      expect(result.result.body.errors?.[0]).toMatchObject({
        message: 'A database statement took too long and was cancelled; ask for less at a time',
        path: ['tasks', 'totalCount'],
        extensions: { code: 'REQUEST_TIMEOUT', limit: 'statement' },
      });
      expect(result.ms).toBeLessThan(3_000);
      await released;
    },
  );

  it.runIf(kind === 'postgres')('cancels a mutation the same way, and writes nothing', async () => {
    const before = await api.db.prisma.taskEvent.count();
    const { released } = await holdLock(api.db, 'TaskEvent', 4_000);
    const result = await served.post(comment, { id: `Task:${fixture.tasks.overdue.id}`, note: 'Chờ khóa' }, token);
    expectError(result.body, 'REQUEST_TIMEOUT');
    await released;
    expect(await api.db.prisma.taskEvent.count()).toBe(before);
  });

  it.runIf(kind === 'postgres')('lets an index import wait longer than STATEMENT_TIMEOUT_MS', async () => {
    const upload = (mutation: string, input: Record<string, unknown>, file: string) =>
      api.upload<Record<string, { ok: boolean }>>(
        `mutation ($input: ${mutation === 'importIndexFramework' ? 'ImportIndexFrameworkInput' : 'ImportIndexScoresInput'}!) {
          ${mutation}(input: $input) { ok errors { message } } }`,
        { input: { ...input, file: null } },
        { 'input.file': { name: 'file.csv', type: 'text/csv', content: readFileSync(path.join(importFiles, file)) } },
        token,
      );
    await api.db.prisma.unit.create({
      data: { code: 'TT_DATEH', name: 'UBND thị trấn Đạ Tẻh', kind: 'TOWNSHIP', parentId: fixture.units.district.id },
    });
    const level = { level: 'COMMUNE', year: 2025 };
    const framework = await upload(
      'importIndexFramework',
      { ...level, name: 'Bộ chỉ số 2025' },
      'structure-commune.csv',
    );
    expect(ok(framework).importIndexFramework?.ok).toBe(true);
    const { released } = await holdLock(api.db, 'IndexScore', 1_800);
    const scores = await upload('importIndexScores', level, 'scores-commune.csv');
    expect(ok(scores).importIndexScores?.ok).toBe(true);
    await released;
  });

  it.runIf(kind === 'pglite')('is not enforced by PGlite: a statement runs to its end there', async () => {
    // PGlite is PostgreSQL in single-threaded WebAssembly, without the timer that cancels a statement.
    await api.db.prisma.$executeRawUnsafe("SET statement_timeout = '50ms'");
    try {
      const { ms } = await timed(() => api.db.prisma.$queryRawUnsafe('SELECT pg_sleep(0.3)::text'));
      expect(ms).toBeGreaterThanOrEqual(280);
    } finally {
      await api.db.prisma.$executeRawUnsafe('RESET statement_timeout');
    }
  });
});

describe.runIf(databaseKinds.includes('postgres'))('statement timeout and the data scripts', () => {
  it('applies to the API client only: migrations and the demo data load without it', async () => {
    const empty = await createTestDatabase('postgres');
    // Test databases start migrated; empty this one so that the migrations run through `bounded`.
    await resetDatabase(empty.adapterFactory);
    const bounded = await openDatabase({ databaseUrl: empty.url, statementTimeoutMs: 1 });
    try {
      // 1 ms would cut the demo data's bulk inserts were they sent through the API's client.
      await prepareDatabase(
        bounded,
        { environment: 'test', demoData: true, initialAdminPassword: undefined },
        { info() {}, warn() {} },
      );
      expect(await empty.prisma.account.count()).toBeGreaterThan(0);
      await expect(bounded.prisma.$queryRawUnsafe('SELECT pg_sleep(0.05)::text')).rejects.toThrow(/statement timeout/);
    } finally {
      await bounded.close();
      await empty.destroy();
    }
  }, 120_000);
});

/** A raw client connection: what it received, and when the server closed it. */
function rawClient(port: number) {
  const socket: Socket = connect(port, '127.0.0.1');
  let received = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => (received += chunk));
  const closed = new Promise<number>((resolve) => {
    const started = performance.now();
    socket.on('close', () => resolve(performance.now() - started));
  });
  socket.on('error', () => {});
  return {
    socket,
    closed,
    received: () => received,
    /** Writes `text` a few characters at a time, every `everyMs`, until done or the server hangs up. */
    async trickle(text: string, everyMs: number, size = 4) {
      for (let at = 0; at < text.length && !socket.destroyed; at += size) {
        socket.write(text.slice(at, at + size));
        await sleep(everyMs);
      }
    },
  };
}

describe('HTTP server timeouts', () => {
  let api: TestApi;
  let served: Served;
  const timeouts = { ...defaultTimeouts, httpHeadersMs: 1_000, httpRequestMs: 2_000, httpKeepAliveMs: 500 };
  beforeAll(async () => {
    api = await startTestApi('pglite');
    served = await serve(api.app, timeouts);
  });
  afterAll(async () => {
    await served?.close();
    await api?.close();
  });

  const headers = 'GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: a-slow-client-sending-its-headers\r\n\r\n';

  it('are explicit, not Node defaults (5 minutes for a request)', () => {
    const config = loadConfig({});
    expect(config.timeouts).toEqual(defaultTimeouts);
    const server = createHttpServer(config.timeouts, () => {});
    expect([server.headersTimeout, server.requestTimeout, server.keepAliveTimeout]).toEqual([10_000, 120_000, 5_000]);
    expect(() => loadConfig({ HTTP_HEADERS_TIMEOUT_MS: '5000', HTTP_REQUEST_TIMEOUT_MS: '1000' })).toThrow(
      /HTTP_HEADERS_TIMEOUT_MS/,
    );
  });

  it('answer a client whose headers arrive within HTTP_HEADERS_TIMEOUT_MS', async () => {
    const client = rawClient(served.port);
    await client.trickle(headers, 25, 8);
    await sleep(100);
    expect(client.received()).toMatch(/^HTTP\/1\.1 200 OK/);
    client.socket.destroy();
  });

  it('drop a client still sending its headers after HTTP_HEADERS_TIMEOUT_MS with 408, and serve others', async () => {
    const client = rawClient(served.port);
    const { result: closedAfter } = await whileHealthy(served, async () => {
      void client.trickle(headers.repeat(10), 100);
      return client.closed;
    });
    expect(client.received()).toMatch(/^HTTP\/1\.1 408 Request Timeout/);
    // Cut at the timeout, give or take Node's check every second; not after minutes.
    expect(closedAfter).toBeGreaterThanOrEqual(900);
    expect(closedAfter).toBeLessThan(3_000);
  });

  it('drop a client still sending its body after HTTP_REQUEST_TIMEOUT_MS with 408', async () => {
    const body = JSON.stringify({ query: `{ __typename }${' '.repeat(200)}` });
    const head = `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`;
    const quick = rawClient(served.port);
    quick.socket.write(head);
    await quick.trickle(body, 5, 32);
    await sleep(200);
    expect(quick.received()).toMatch(/^HTTP\/1\.1 200 OK/);
    quick.socket.destroy();

    const slow = rawClient(served.port);
    slow.socket.write(head);
    void slow.trickle(body, 100, 2);
    const closedAfter = await slow.closed;
    expect(slow.received()).toMatch(/^HTTP\/1\.1 408 Request Timeout/);
    expect(closedAfter).toBeGreaterThanOrEqual(1_900);
    expect(closedAfter).toBeLessThan(4_000);
  });

  it('close an idle keep-alive connection after HTTP_KEEP_ALIVE_TIMEOUT_MS', async () => {
    const client = rawClient(served.port);
    client.socket.write(headers);
    const closedAfter = await client.closed;
    expect(client.received()).toMatch(/^HTTP\/1\.1 200 OK/);
    expect(closedAfter).toBeGreaterThanOrEqual(450);
    expect(closedAfter).toBeLessThan(2_000);
  });
});
