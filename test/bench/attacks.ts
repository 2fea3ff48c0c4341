// What one hostile signed-in account can make the server do: `npm run bench:attacks -- [flags]`. Not part
// of `npm test` (the limits' own tests are in test/api/); this measures, for the closing note and
// docs/, the largest response and time of each attack class, the server's peak memory, and how long
// `/health` takes to answer meanwhile.
//
//   --db pglite|postgres   database of the server (default postgres); S bench data is loaded into a
//                          scratch database, dropped afterwards
//   --server-url URL       where the scratch PostgreSQL database is made (default: TEST_DATABASE_URL, or
//                          postgres://postgres@127.0.0.1:5432/postgres)
//   --only A,B             only the attacks whose names contain one of these words
//
// The server runs in a process of its own, with the limits of a production server (bench/server.ts with
// `limits: "production"`), so that this process polls `/health` from another event loop.
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openDatabase } from '../../api/db.ts';
import { applyMigrations } from '../../prisma/migrate.ts';
import { benchAsOf, benchPassword, benchUsers, loadBenchData } from '../../scripts/bench-data.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const option = (name: string) => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
};
const kind = (option('--db') ?? 'postgres') as 'pglite' | 'postgres';
const serverUrl =
  option('--server-url') ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const only = option('--only')?.split(',');

interface Attack {
  name: string;
  /** Sends the attack; resolves with what came back. */
  send: (url: string, token: string) => Promise<Outcome>;
}

interface Outcome {
  status: number;
  /** extensions.code of the first error, or "data" when the answer has data and no error. */
  code: string;
  bytes: number;
}

const timeoutMs = 120_000;

async function post(url: string, token: string, body: string): Promise<Outcome> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body,
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  let code = 'data';
  try {
    const parsed = JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] };
    if (parsed.errors?.length) code = parsed.errors[0]?.extensions?.code ?? 'no code';
  } catch {
    code = 'not JSON';
  }
  return { status: response.status, code, bytes: Buffer.byteLength(text) };
}

const graphql = (name: string, query: string, variables: () => Record<string, unknown> = () => ({})): Attack => ({
  name,
  send: (url, token) => post(url, token, JSON.stringify({ query, variables: variables() })),
});

/** `count` aliases of a field, each a copy of `body` (the aliases limit allows 15). */
const aliases = (count: number, body: string) =>
  Array.from({ length: count }, (_, i) => `a${i}: ${body.replace(/\$OFFSET/g, String(i * 100))}`).join('\n');

const attacks: Attack[] = [
  graphql(
    'nested pages through a variable page size (15 aliases)',
    `query ($n: Int) { ${aliases(
      15,
      `tasks(first: $n, offset: $OFFSET) { nodes { id title description leadUnit { name } timeline(first: $n) { nodes { id type note at changes actor { displayName } } } } }`,
    )} }`,
    () => ({ n: 100 }),
  ),
  graphql(
    'plain lists: every framework, result and score (15 aliases)',
    `{ ${aliases(
      15,
      `indexFrameworks { nodes { nodes { id code name maxPoints } results { unit { name } percent scores { points node { code name maxPoints } } } } }`,
    )} }`,
  ),
  graphql('nodes(ids:) with 20,000 ids', 'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', () => ({
    ids: Array.from({ length: 20_000 }, (_, i) => `Task:${i + 1}`),
  })),
  graphql(
    'filter with 25,000 OR terms in a variable',
    'query ($f: TaskFilter) { tasks(filter: $f) { totalCount } }',
    () => ({ f: { OR: Array.from({ length: 25_000 }, (_, i) => ({ progress: { equals: i % 101 } })) } }),
  ),
  ...[1_000, 20_000].map((depth): Attack => ({
    name: `filter with NOT nested ${depth.toLocaleString('en')} deep in a variable`,
    // Written out by hand: JSON.stringify of so deep an object overflows this process's stack first.
    send: (url, token) =>
      post(
        url,
        token,
        `{"query":"query ($f: TaskFilter) { tasks(filter: $f) { totalCount } }","variables":{"f":${'{"NOT":'.repeat(
          depth,
        )}{"progress":{"equals":1}}${'}'.repeat(depth)}}}`,
      ),
  })),
  graphql(
    'text filter of 900,000 characters',
    'query ($t: String) { tasks(filter: { title: { contains: $t } }) { totalCount } }',
    () => ({ t: 'x'.repeat(900_000) }),
  ),
  graphql(
    'the widest filter allowed, 15 times: 25 OR-ed filters on relations in each alias',
    `query ($f: TaskFilter) { ${aliases(15, 'tasks(filter: $f) { totalCount }')} }`,
    () => ({
      f: {
        OR: Array.from({ length: 25 }, (_, i) =>
          i % 2 ? { reformArea: { equals: `ReformArea:${i + 1}` } } : { resolution: { equals: `Resolution:${i + 1}` } },
        ),
      },
    }),
  ),
  ...[400, 700].map((count): Attack => ({
    name: `flood: ${count} task lists of 100 rows, 50 at a time`,
    send: async (url, token) => {
      const body = JSON.stringify({
        query: '{ tasks(first: 100) { totalCount nodes { id title deadline leadUnit { name } } } }',
      });
      let bytes = 0;
      const statuses = new Map<string, number>();
      let next = 0;
      const worker = async () => {
        while (next < count) {
          next += 1;
          const outcome = await post(url, token, body);
          bytes += outcome.bytes;
          const key = `${outcome.status} ${outcome.code}`;
          statuses.set(key, (statuses.get(key) ?? 0) + 1);
        }
      };
      await Promise.all(Array.from({ length: 50 }, worker));
      const summary = [...statuses].map(([key, n]) => `${n}× ${key}`).join(', ');
      return { status: 0, code: summary, bytes };
    },
  })),
];

/** Resident memory of a process in MB, from /proc (Linux). */
function rssMb(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** Polls /health every 50 ms until stopped; reports the slowest answer and the failures. */
function watchHealth(base: string, pid: number) {
  let worst = 0;
  let failures = 0;
  let peakRss = rssMb(pid);
  let running = true;
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      try {
        const response = await fetch(`${base}/health`, { signal: AbortSignal.timeout(timeoutMs) });
        await response.text();
        if (!response.ok) failures += 1;
      } catch {
        failures += 1;
      }
      worst = Math.max(worst, performance.now() - started);
      peakRss = Math.max(peakRss, rssMb(pid));
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  return async () => {
    running = false;
    await loop;
    return { worst, failures, peakRss };
  };
}

async function startServer(location: { databaseUrl?: string; dataDir?: string }) {
  const child = fork(
    path.join(here, 'server.ts'),
    [JSON.stringify({ ...location, now: `${benchAsOf}T10:00:00Z`, limits: 'production' })],
    { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
  );
  const { appPort } = await new Promise<{ appPort: number }>((resolve, reject) => {
    child.once('message', (message) => resolve(message as { appPort: number }));
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  return { child, base: `http://127.0.0.1:${appPort}` };
}

async function signIn(base: string): Promise<string> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
      variables: { u: benchUsers.analyst, p: benchPassword },
    }),
  });
  const body = (await response.json()) as { data?: { login: { token: string } } };
  if (!body.data) throw new Error(`sign-in failed: ${JSON.stringify(body)}`);
  return body.data.login.token;
}

async function scratchDatabase(): Promise<{
  location: { databaseUrl?: string; dataDir?: string };
  drop: () => Promise<void>;
}> {
  if (kind === 'pglite') {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'par-attacks-'));
    return { location: { dataDir }, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const name = `par_attacks_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    location: { databaseUrl: url.toString() },
    drop: async () => {
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

async function main() {
  const scratch = await scratchDatabase();
  let child: ChildProcess | undefined;
  try {
    const db = await openDatabase(scratch.location);
    await applyMigrations(db.adapterFactory);
    const loaded = await loadBenchData(db.prisma, 'S');
    await db.close();
    console.log(`S data on ${kind} loaded in ${(loaded.ms / 1000).toFixed(1)} s`);

    const server = await startServer(scratch.location);
    child = server.child;
    const token = await signIn(server.base);
    const idle = watchHealth(server.base, child.pid as number);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const baseline = await idle();
    console.log(`idle: /health ${baseline.worst.toFixed(0)} ms at worst, server ${baseline.peakRss.toFixed(0)} MB`);
    console.log('| attack | answer | response | time | /health worst | server peak RSS |');
    console.log('|---|---|---|---|---|---|');
    for (const attack of attacks) {
      if (only && !only.some((word) => attack.name.includes(word))) continue;
      const stop = watchHealth(server.base, child.pid as number);
      const started = performance.now();
      let outcome: Outcome;
      try {
        outcome = await attack.send(`${server.base}/graphql`, token);
      } catch (error) {
        const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
        outcome = { status: 0, code: error instanceof Error ? `${error.message}${cause}` : String(error), bytes: 0 };
      }
      const ms = performance.now() - started;
      const health = await stop();
      const answer = outcome.status ? `${outcome.status} ${outcome.code}` : outcome.code;
      const size =
        outcome.bytes >= 1e6
          ? `${(outcome.bytes / 1e6).toFixed(1)} MB`
          : outcome.bytes >= 1e4
            ? `${(outcome.bytes / 1e3).toFixed(0)} kB`
            : `${outcome.bytes} B`;
      console.log(
        `| ${attack.name} | ${answer} | ${size} | ${(ms / 1000).toFixed(2)} s | ${health.worst.toFixed(0)} ms${
          health.failures ? ` (${health.failures} failed)` : ''
        } | ${health.peakRss.toFixed(0)} MB |`,
      );
      // Let the server settle (and collect garbage) before the next attack.
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  } finally {
    child?.disconnect();
    await new Promise((resolve) => setTimeout(resolve, 500));
    await scratch.drop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
