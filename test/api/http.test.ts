// The HTTP side of the API (docs/api.md "Limits", docs/security.md): bodies that are malformed, of the wrong
// type or too large get 4xx, never 5xx; every response carries a request id, which masked errors and
// the logs carry too; CSRF prevention, CORS, the admin UI's security headers; /health, /ready and
// /metrics. In process through app.fetch, and through a real Node server where the transport matters.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminContentSecurityPolicy, createApp, type App } from '../../api/app.ts';
import { loadConfig } from '../../api/config.ts';
import { openDatabase, type Database } from '../../api/db.ts';
import { createTestDatabase, databaseKinds, type DatabaseKind, type TestDatabase } from '../support/databases.ts';
import { fixturePassword, type GraphQLResult } from '../support/api.ts';
import { loadFixture } from '../support/fixture.ts';

type LogLine = Record<string, unknown> & { msg?: string; level?: number; requestId?: string };

/** A pino logger whose lines land in `lines`, parsed. */
function capturedLogger() {
  const lines: LogLine[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n')) if (line) lines.push(JSON.parse(line) as LogLine);
      done();
    },
  });
  return { lines, logger: pino({ level: 'debug' }, stream) };
}

interface TestApp {
  app: App;
  db: TestDatabase;
  lines: LogLine[];
  /** A request to the app in process. */
  send(urlPath: string, init?: RequestInit): Promise<Response>;
  /** A GraphQL POST in process. */
  post(body: unknown, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

async function startApp(kind: DatabaseKind, env: Record<string, string> = {}, db?: TestDatabase): Promise<TestApp> {
  const database = db ?? (await createTestDatabase(kind));
  const filesDir = mkdtempSync(path.join(tmpdir(), 'par-http-'));
  const { lines, logger } = capturedLogger();
  const app = createApp({
    db: database,
    config: loadConfig({ NODE_ENV: 'test', FILES_DIR: filesDir, ...env }),
    logger,
  });
  const send = (urlPath: string, init?: RequestInit) => app.fetch(new Request(`http://test${urlPath}`, init));
  return {
    app,
    db: database,
    lines,
    send,
    post: (body, headers = {}) =>
      send('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    async close() {
      await database.destroy();
      rmSync(filesDir, { recursive: true, force: true });
    },
  };
}

async function listen(app: App): Promise<{ server: Server; base: string; port: number }> {
  const server = createServer(app.handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return { server, port, base: `http://127.0.0.1:${port}` };
}

const closeServer = (server: Server) => new Promise((resolve) => server.close(resolve));

const errorsOf = async (response: Response) => ((await response.json()) as GraphQLResult<unknown>).errors ?? [];

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe.each(databaseKinds)('HTTP hardening on %s', (kind) => {
  let t: TestApp;
  let node: { server: Server; base: string; port: number };
  let token: string;

  beforeAll(async () => {
    t = await startApp(kind);
    await loadFixture(t.db.prisma);
    node = await listen(t.app);
    const login = await t.post({
      query: 'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
      variables: { u: 'analyst', p: fixturePassword },
    });
    expect(login.headers.get('set-cookie'), 'bearer tokens, never cookies').toBeNull();
    token = ((await login.json()) as { data: { login: { token: string } } }).data.login.token;
  });
  afterAll(async () => {
    await closeServer(node.server);
    await t.close();
  });

  describe('request bodies', () => {
    it('answers malformed JSON with 400', async () => {
      const response = await t.post('{"query": "{ me { id } }"');
      expect(response.status).toBe(400);
      expect((await errorsOf(response))[0]).toMatchObject({
        message: 'POST body sent invalid JSON.',
        extensions: { code: 'BAD_REQUEST' },
      });
      const viaNode = await fetch(`${node.base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"query": ',
      });
      expect(viaNode.status).toBe(400);
    });

    it('answers JSON that is not an object with 400', async () => {
      expect((await t.post('"{ me { id } }"')).status).toBe(400);
      expect((await t.post('null')).status).toBe(400);
    });

    it('answers bodies of a type GraphQL does not take with 4xx', async () => {
      const csrf = { 'x-graphql-yoga-csrf': '1' };
      const xml = await t.send('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'text/xml', ...csrf },
        body: '<q/>',
      });
      expect(xml.status).toBe(415);
      const text = await t.send('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'text/plain', ...csrf },
        body: '{ me { id } }',
      });
      expect(text.status).toBe(415);
      const none = await t.send('/graphql', { method: 'POST', headers: csrf, body: new Uint8Array([1, 2, 3]) });
      expect(none.status).toBeGreaterThanOrEqual(400);
      expect(none.status).toBeLessThan(500);
      const put = await t.send('/graphql', {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      expect(put.status).toBe(405);
    });

    it('takes a JSON body up to 1 MB and refuses a larger one with 413 before parsing it', async () => {
      // Padded with white space, which JSON allows between tokens: nothing else holds the body's size.
      const body = (size: number) => {
        const start = '{"query":"{ me { id } }"';
        return start + ' '.repeat(size - start.length - 1) + '}';
      };
      const fits = await t.post(body(1024 * 1024));
      expect(fits.status).toBe(200);
      const over = await t.post(body(1024 * 1024 + 1));
      expect(over.status).toBe(413);
      expect((await errorsOf(over))[0]?.extensions?.code).toBe('REQUEST_ENTITY_TOO_LARGE');
    });

    it('stops reading a chunked JSON body (no Content-Length) at 1 MB (Node server)', async () => {
      const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = httpRequest({
          host: '127.0.0.1',
          port: node.port,
          method: 'POST',
          path: '/graphql',
          headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
        });
        req.on('response', (response) => {
          let text = '';
          response.on('data', (chunk: Buffer) => (text += chunk.toString()));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
        });
        req.on('error', reject);
        req.write('{"query":"{ me { id } }","variables":{"pad":"');
        for (let i = 0; i < 40; i++) req.write('x'.repeat(64 * 1024));
        req.end('"}}');
      });
      expect(status).toBe(413);
      expect(body).toContain('REQUEST_ENTITY_TOO_LARGE');
    });
  });

  describe('request ids', () => {
    it('puts an x-request-id on every /graphql response, refusals included', async () => {
      const responses = [
        await t.post({ query: '{ me { id } }' }),
        await t.post({ query: '{ mee }' }),
        await t.post('{'),
        await t.post([{ query: '{ me { id } }' }]),
        await t.send('/graphql?query=%7B__typename%7D'),
        await t.send('/graphql', { method: 'OPTIONS', headers: { origin: 'https://elsewhere.example' } }),
        await t.post({ query: '{ me { id } }', variables: { pad: 'x'.repeat(2 * 1024 * 1024) } }),
      ];
      expect(responses.map((r) => r.status)).toEqual([200, 200, 400, 400, 403, 405, 413]);
      for (const response of responses) expect(response.headers.get('x-request-id')).toMatch(uuid);
    });

    it("keeps a caller's well-formed request id and replaces any other", async () => {
      const kept = await t.post({ query: '{ me { id } }' }, { 'x-request-id': 'lb-7f3a9c21.0042' });
      expect(kept.headers.get('x-request-id')).toBe('lb-7f3a9c21.0042');
      const longest = `lb-${'7f3a9c21'.repeat(7)}.0042`;
      expect(longest).toHaveLength(64);
      const kept64 = await t.post({ query: '{ me { id } }' }, { 'x-request-id': longest });
      expect(kept64.headers.get('x-request-id')).toBe(longest);
      for (const bad of [
        'short',
        `${longest}1`,
        'x'.repeat(101),
        'has spaces in it',
        '<script>alert(1)</script>',
        '-starts-with-a-dash',
        '../../etc/passwd',
        'id\twith-a-tab',
        'café-request-0001',
      ]) {
        const replaced = await t.post({ query: '{ me { id } }' }, { 'x-request-id': bad });
        expect(replaced.headers.get('x-request-id')).toMatch(uuid);
      }
    });

    it('sends exactly one x-request-id through the Node server too, on every route', async () => {
      for (const urlPath of ['/graphql?query=%7B__typename%7D', '/health', '/ready', '/metrics', '/files/evidence/1']) {
        const response = await fetch(`${node.base}${urlPath}`, {
          headers: { 'x-request-id': 'node-route-0001', 'x-graphql-yoga-csrf': '1' },
        });
        await response.arrayBuffer();
        expect(response.headers.get('x-request-id'), urlPath).toBe('node-route-0001');
      }
    });

    it('logs one JSON line per request with its id, method, path, status and time, and ids every line', async () => {
      const from = t.lines.length;
      await t.post({ query: 'query Me { me { id } }', operationName: 'Me' }, { 'x-request-id': 'log-line-00001' });
      const during = t.lines.slice(from);
      expect(during.length).toBeGreaterThan(0);
      for (const line of during) expect(line.requestId).toBe('log-line-00001');
      const request = during.find((line) => line.msg === 'request');
      expect(request).toMatchObject({ level: 30, method: 'POST', path: '/graphql', status: 200, operation: 'Me' });
      expect(typeof request?.ms).toBe('number');
    });
  });

  describe('CSRF prevention', () => {
    const upload = (headers: Record<string, string>) => {
      const form = new FormData();
      form.append(
        'operations',
        JSON.stringify({
          query: 'mutation ($file: File!) { uploadEvidence(taskId: "Task:1", title: "x", file: $file) { id } }',
          variables: { file: null },
        }),
      );
      form.append('map', JSON.stringify({ 0: ['variables.file'] }));
      form.append('0', new Blob(['%PDF-1.4'], { type: 'application/pdf' }), 'a.pdf');
      return t.send('/graphql', { method: 'POST', headers, body: form });
    };

    it('refuses a multipart request without the x-graphql-yoga-csrf header, before it runs', async () => {
      const refused = await upload({});
      expect(refused.status).toBe(403);
      expect((await errorsOf(refused))[0]).toMatchObject({ extensions: { code: 'CSRF_HEADER_MISSING' } });
      // With the header (as the admin UI sends it) the operation runs: here, refused to an anonymous caller.
      const anonymous = await upload({ 'x-graphql-yoga-csrf': '1' });
      expect((await errorsOf(anonymous))[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      // A bearer token is a header no page can add without a preflight either.
      const signedIn = await upload({ authorization: `Bearer ${token}` });
      expect((await errorsOf(signedIn))[0]?.extensions?.code).not.toBe('CSRF_HEADER_MISSING');
    });

    it('refuses a GET or a form post without the header, and never asks it of a JSON post', async () => {
      const get = await t.send('/graphql?query=%7Bme%7Bid%7D%7D');
      expect(get.status).toBe(403);
      const getWithHeader = await t.send('/graphql?query=%7Bme%7Bid%7D%7D', {
        headers: { 'x-graphql-yoga-csrf': '1' },
      });
      expect(getWithHeader.status).toBe(200);
      const form = await t.send('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'query=%7Bme%7Bid%7D%7D',
      });
      expect(form.status).toBe(403);
      expect((await t.post({ query: '{ me { id } }' })).status).toBe(200);
    });
  });

  describe('CORS', () => {
    const preflight = (app: TestApp, origin: string) =>
      app.send('/graphql', {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization, content-type',
        },
      });

    it('allows no other origin by default: no Access-Control-* header at all', async () => {
      const response = await preflight(t, 'https://evil.example');
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      const post = await t.post({ query: '{ me { id } }' }, { origin: 'https://evil.example' });
      expect(post.headers.get('access-control-allow-origin')).toBeNull();
    });

    it('allows exactly the CORS_ORIGINS, without credentials', async () => {
      const allowed = await startApp(kind, { CORS_ORIGINS: 'https://par.example.gov.vn, https://bi.example.gov.vn' });
      try {
        const response = await preflight(allowed, 'https://bi.example.gov.vn');
        expect(response.status).toBe(204);
        expect(response.headers.get('access-control-allow-origin')).toBe('https://bi.example.gov.vn');
        expect(response.headers.get('access-control-allow-headers')).toContain('authorization');
        expect(response.headers.get('access-control-allow-headers')).toContain('x-graphql-yoga-csrf');
        expect(response.headers.get('access-control-allow-credentials')).toBeNull();
        const post = await allowed.post({ query: '{ me { id } }' }, { origin: 'https://par.example.gov.vn' });
        expect(post.headers.get('access-control-allow-origin')).toBe('https://par.example.gov.vn');
        expect(post.headers.get('access-control-expose-headers')).toContain('x-request-id');
        const other = await preflight(allowed, 'https://par.example.gov.vn.evil.example');
        expect(other.headers.get('access-control-allow-origin')).toBeNull();
      } finally {
        await allowed.close();
      }
    });
  });

  describe('security headers', () => {
    let ui: { server: Server; base: string };
    let uiApp: TestApp;
    let dist: string;
    beforeAll(async () => {
      dist = mkdtempSync(path.join(tmpdir(), 'par-dist-'));
      mkdirSync(path.join(dist, 'assets'));
      writeFileSync(
        path.join(dist, 'index.html'),
        '<!doctype html><script type="module" src="/assets/app-1a2b.js"></script>',
      );
      writeFileSync(path.join(dist, 'assets', 'app-1a2b.js'), 'console.log(1)');
      uiApp = await startApp(kind, { ADMIN_DIST: dist }, await createTestDatabase(kind));
      ui = await listen(uiApp.app);
    });
    afterAll(async () => {
      await closeServer(ui.server);
      await uiApp.close();
      rmSync(dist, { recursive: true, force: true });
    });

    it('sends a Content-Security-Policy and the other headers with every page of the admin UI', async () => {
      for (const urlPath of ['/', '/tasks/12/show', '/assets/app-1a2b.js', '/assets/missing-3c4d.js']) {
        const response = await fetch(`${ui.base}${urlPath}`);
        await response.arrayBuffer();
        expect(response.headers.get('content-security-policy'), urlPath).toBe(adminContentSecurityPolicy);
        expect(response.headers.get('x-content-type-options')).toBe('nosniff');
        expect(response.headers.get('referrer-policy')).toBe('no-referrer');
        expect(response.headers.get('x-frame-options')).toBe('DENY');
        expect(response.headers.get('set-cookie')).toBeNull();
      }
      expect(adminContentSecurityPolicy).toContain("script-src 'self'");
      expect(adminContentSecurityPolicy).not.toMatch(/script-src[^;]*unsafe/);
      expect(adminContentSecurityPolicy).toContain("frame-ancestors 'none'");
    });

    it('caches the hashed assets for good and the page never', async () => {
      const asset = await fetch(`${ui.base}/assets/app-1a2b.js`);
      expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      const page = await fetch(`${ui.base}/tasks`);
      expect(page.status).toBe(200);
      expect(page.headers.get('cache-control')).toBe('no-cache');
      expect((await fetch(`${ui.base}/assets/missing-3c4d.js`)).status).toBe(404);
    });

    it('marks API answers nosniff and not to be stored', async () => {
      const response = await fetch(`${ui.base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ me { id } }' }),
      });
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('cache-control')).toBe('no-store');
    });
  });

  describe('health, readiness and metrics', () => {
    it('answers /health while the process is up', async () => {
      const response = await t.send('/health');
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok' });
    });

    it('is ready when the database answers and every migration is applied', async () => {
      const response = await fetch(`${node.base}/ready`);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ status: 'ready', database: 'ok', migrations: 'ok' });
    });

    it('is not ready (503) while a migration is pending', async () => {
      const behind = await startApp(kind);
      try {
        const [last] = await behind.db.prisma.$queryRawUnsafe<{ migration_name: string }[]>(
          'SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name DESC LIMIT 1',
        );
        await behind.db.prisma.$executeRawUnsafe(
          'DELETE FROM "_prisma_migrations" WHERE migration_name = $1',
          last?.migration_name,
        );
        const response = await behind.send('/ready');
        expect(response.status).toBe(503);
        expect(await response.json()).toMatchObject({
          status: 'not ready',
          database: 'ok',
          migrations: 'pending',
          pending: [last?.migration_name],
        });
      } finally {
        await behind.close();
      }
    });

    it('is not ready (503) once stopping, so a load balancer sends nothing new while requests finish', async () => {
      const leaving = await startApp(kind);
      try {
        expect((await leaving.send('/ready')).status).toBe(200);
        leaving.app.stopping();
        const response = await leaving.send('/ready');
        expect(response.status).toBe(503);
        expect(await response.json()).toEqual({ status: 'stopping', ready: false });
        expect((await leaving.send('/health')).status).toBe(200);
      } finally {
        await leaving.close();
      }
    });

    it('is not ready (503) when the database does not answer', async () => {
      let unreachable: Database;
      if (kind === 'postgres') {
        unreachable = await openDatabase({ databaseUrl: 'postgres://postgres@127.0.0.1:1/nothing' });
      } else {
        unreachable = await openDatabase({ dataDir: 'memory://' });
        await unreachable.close();
      }
      const down = await startApp(kind, {}, { ...unreachable, destroy: async () => {} });
      try {
        const response = await down.send('/ready');
        expect(response.status).toBe(503);
        expect(await response.json()).toMatchObject({ status: 'not ready', database: 'unreachable' });
        expect(down.lines.some((line) => line.msg === 'not ready: the database does not answer')).toBe(true);
      } finally {
        await down.close();
        if (kind === 'postgres') await unreachable.close();
      }
    });

    it('serves Prometheus metrics: requests, errors and latency histograms, without client-chosen labels', async () => {
      await t.post({ query: 'query Named { me { id } }' }, { authorization: `Bearer ${token}` });
      await t.post({ query: '{ tasks { totalCount } }' });
      const response = await t.send('/metrics');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
      const text = await response.text();
      expect(text).toMatch(/^http_requests_total\{route="graphql",method="POST",status="200"\} \d+$/m);
      expect(text).toMatch(/^http_request_duration_seconds_bucket\{le="0.1",route="graphql",method="POST"\} \d+$/m);
      expect(text).toMatch(/^graphql_envelop_request\{operationType="query"\} \d+$/m);
      expect(text).toMatch(/^graphql_envelop_error_result\{operationType="query",phase="execute",path="tasks"\} \d+$/m);
      expect(text).toMatch(/^graphql_yoga_http_duration_bucket\{/m);
      expect(text).toMatch(/^graphql_envelop_phase_execute_bucket\{/m);
      expect(text).not.toContain('operationName');
      expect(text).not.toContain('Named');
    });

    it('keeps /metrics for the bearer of METRICS_TOKEN when it is set', async () => {
      const secret = 'a-metrics-token-of-some-length';
      const guarded = await startApp(kind, { METRICS_TOKEN: secret });
      try {
        expect((await guarded.send('/metrics')).status).toBe(401);
        const wrong = await guarded.send('/metrics', { headers: { authorization: 'Bearer not-the-metrics-token' } });
        expect(wrong.status).toBe(401);
        const right = await guarded.send('/metrics', { headers: { authorization: `Bearer ${secret}` } });
        expect(right.status).toBe(200);
        expect(await right.text()).toContain('http_requests_total');
        const { server, base } = await listen(guarded.app);
        try {
          expect((await fetch(`${base}/metrics`)).status).toBe(401);
          expect((await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${secret}` } })).status).toBe(200);
        } finally {
          await closeServer(server);
        }
      } finally {
        await guarded.close();
      }
    });

    it('lets many apps live in one process, each with metrics of its own', async () => {
      const apps = [
        t.app,
        createApp({ db: t.db, config: loadConfig({ NODE_ENV: 'test' }) }),
        createApp({ db: t.db, config: loadConfig({ NODE_ENV: 'test' }) }),
      ];
      const [, second, third] = apps;
      await second?.fetch(new Request('http://test/health'));
      await second?.fetch(new Request('http://test/health'));
      const count = async (app: App | undefined) => {
        const text = await (await app!.fetch(new Request('http://test/metrics'))).text();
        return Number(/^http_requests_total\{route="health",method="GET",status="200"\} (\d+)$/m.exec(text)?.[1] ?? 0);
      };
      expect(await count(second)).toBe(2);
      expect(await count(third)).toBe(0);
      expect(apps[0]?.metrics).not.toBe(second?.metrics);
    });
  });
});

describe.each(databaseKinds)('errors in production on %s', (kind) => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await startApp(kind, { NODE_ENV: 'production' });
    await loadFixture(t.db.prisma);
    const login = await t.post({
      query: 'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
      variables: { u: 'analyst', p: fixturePassword },
    });
    token = ((await login.json()) as { data: { login: { token: string } } }).data.login.token;
  });
  afterAll(() => t.close());

  it('masks an unexpected error: no stack, no SQL, the request id to quote; the log has the details', async () => {
    await t.db.prisma.$executeRawUnsafe('ALTER TABLE "ReformArea" RENAME TO "ReformArea_moved"');
    try {
      const from = t.lines.length;
      const response = await t.post(
        { query: '{ reformAreas { nodes { id name } } }' },
        { authorization: `Bearer ${token}`, 'x-request-id': 'masked-error-0001' },
      );
      const text = await response.text();
      const body = JSON.parse(text) as GraphQLResult<unknown>;
      expect(response.headers.get('x-request-id')).toBe('masked-error-0001');
      expect(body.errors).toEqual([
        expect.objectContaining({
          message: 'Unexpected error.',
          path: ['reformAreas'],
          extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'masked-error-0001' },
        }),
      ]);
      // Nothing of the cause: no stack, no table, no SQL, no Prisma (the field's own name aside).
      expect(text.replace('"reformAreas"', '')).not.toMatch(/stack|ReformArea|relation|prisma|select|invocation/i);
      const logged = t.lines.slice(from).filter((line) => line.msg === 'unexpected error');
      expect(logged).toHaveLength(1);
      expect(logged[0]).toMatchObject({ level: 50, requestId: 'masked-error-0001', path: ['reformAreas'] });
      expect(JSON.stringify(logged[0]?.err)).toMatch(/ReformArea/);
      // Logged once, not again by yoga.
      expect(t.lines.slice(from).filter((line) => line.level === 50)).toHaveLength(1);
    } finally {
      await t.db.prisma.$executeRawUnsafe('ALTER TABLE "ReformArea_moved" RENAME TO "ReformArea"');
    }
  });

  it('keeps the codes of expected errors, and logs none of them as errors', async () => {
    const from = t.lines.length;
    const anonymous = await errorsOf(await t.post({ query: '{ tasks { totalCount } }' }));
    expect(anonymous[0]).toMatchObject({ message: 'Sign in first', extensions: { code: 'UNAUTHENTICATED' } });
    const tooMany = await errorsOf(
      await t.post({ query: '{ tasks(first: 101) { totalCount } }' }, { authorization: `Bearer ${token}` }),
    );
    expect(tooMany[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const missing = await errorsOf(
      await t.post({ query: '{ node(id: "Task:999999") { id } }' }, { authorization: `Bearer ${token}` }),
    );
    expect(missing.every((e) => e.extensions?.code !== 'INTERNAL_SERVER_ERROR')).toBe(true);
    expect(t.lines.slice(from).filter((line) => (line.level ?? 0) >= 50)).toEqual([]);
  });
});
