// `npm start` in production (the bundled server it runs, as a process of its own): it refuses to start with the demo
// accounts or a well-known first password, and otherwise serves /ready, with a JSON log line per request.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../scripts/build-server.ts';

// Inside the project, so that the bundle's packages resolve from node_modules as dist/server.js's do.
const bundle = path.resolve('node_modules', '.cache', `par-server-test-${process.pid}`, 'server.js');

interface Started {
  child: ChildProcess;
  /** Parsed JSON log lines so far. */
  lines: Record<string, unknown>[];
  exited: Promise<number | null>;
}

function start(env: Record<string, string>, filesDir: string): Started {
  const child = spawn(process.execPath, ['--enable-source-maps', bundle], {
    // Nothing from the test's own environment (no DATABASE_URL): an in-memory database, any free port.
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      DATA_DIR: 'memory://',
      HOST: '127.0.0.1',
      PORT: '0',
      FILES_DIR: filesDir,
      ADMIN_DIST: path.join(filesDir, 'no-ui'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: Record<string, unknown>[] = [];
  let rest = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    const text = rest + chunk.toString();
    const parts = text.split('\n');
    rest = parts.pop() ?? '';
    for (const part of parts) {
      try {
        lines.push(JSON.parse(part) as Record<string, unknown>);
      } catch {
        lines.push({ text: part });
      }
    }
  });
  child.stderr?.on('data', (chunk: Buffer) => lines.push({ stderr: chunk.toString() }));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, lines, exited };
}

async function waitFor<T>(find: () => T | undefined, ms: number): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('starting in production', () => {
  let filesDir: string;
  beforeAll(async () => {
    filesDir = mkdtempSync(path.join(tmpdir(), 'par-start-'));
    await buildServer(bundle);
  });
  afterAll(() => {
    rmSync(filesDir, { recursive: true, force: true });
    rmSync(path.dirname(bundle), { recursive: true, force: true });
  });

  it('refuses to start with the demo data (DEMO_DATA is on unless set to false)', async () => {
    const started = start({}, filesDir);
    expect(await started.exited).toBe(1);
    const fatal = started.lines.find((line) => line.level === 60);
    expect(fatal?.msg).toMatch(/DEMO_DATA=false/);
  });

  it("refuses to start with the demo accounts' password as the first password", async () => {
    const started = start({ DEMO_DATA: 'false', INITIAL_ADMIN_PASSWORD: 'DaTeh@PAR2022' }, filesDir);
    expect(await started.exited).toBe(1);
    expect(started.lines.find((line) => line.level === 60)?.msg).toMatch(/INITIAL_ADMIN_PASSWORD/);
  });

  it('starts with a password of its own, is ready, logs each request with its id, and stops on SIGTERM', async () => {
    const started = start({ DEMO_DATA: 'false', INITIAL_ADMIN_PASSWORD: 'a long first password' }, filesDir);
    try {
      const ready = await waitFor(
        () => started.lines.find((line) => typeof line.msg === 'string' && line.msg.startsWith('ready:')),
        60_000,
      );
      const port = /localhost:(\d+)/.exec(String(ready.msg))?.[1];
      const response = await fetch(`http://127.0.0.1:${port}/ready`, {
        headers: { 'x-request-id': 'startup-ready-01' },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('x-request-id')).toBe('startup-ready-01');
      const graphql = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'startup-graphql-01' },
        body: JSON.stringify({ query: '{ me { id } }' }),
      });
      expect(await graphql.json()).toEqual({ data: { me: null } });
      const line = await waitFor(
        () => started.lines.find((l) => l.requestId === 'startup-graphql-01' && l.msg === 'request'),
        5_000,
      );
      expect(line).toMatchObject({ level: 30, method: 'POST', path: '/graphql', status: 200 });
      started.child.kill('SIGTERM');
      expect(await started.exited).toBe(0);
    } finally {
      started.child.kill('SIGKILL');
    }
  });
});
