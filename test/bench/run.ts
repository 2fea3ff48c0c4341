// The benchmark suite: `npm run bench -- [flags]`. Not part of `npm test`.
//
//   --size S|L            data size (scripts/bench-data.ts); default S
//   --db pglite,postgres  databases to run on; default both
//   --database-url URL    use this PostgreSQL database, already loaded with `npm run bench:data`, instead
//                         of loading a scratch one (the way to run L without reloading it every time)
//   --data-dir DIR        the same for the embedded database: a data directory loaded with bench:data
//   --server-url URL      where scratch PostgreSQL databases are made (default: TEST_DATABASE_URL, or
//                         postgres://postgres@127.0.0.1:5432/postgres)
//   --iterations N        timed runs per operation (default 40 for S, 20 for L)
//   --duration S          seconds per autocannon run (default 8); --no-http skips the HTTP part
//   --only A,B            only the operations whose names contain one of these words
//   --drop-indexes        measure without the indexes of the bench_indexes migration (the "before")
//
// For each operation it prints the SQL statements sent (through a logging Prisma client), the median
// and p95 of the in-process time through app.fetch, the same for a hand-written Prisma query returning
// the same data, and their ratio; then autocannon's throughput and p95 over HTTP for the task list
// next to a bare graphql-yoga server answering a constant query.
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import pino from 'pino';
import { createApp, type App } from '../../api/app.ts';
import { loadConfig } from '../../api/config.ts';
import { openDatabase, type Database } from '../../api/db.ts';
import { applyMigrations } from '../../prisma/migrate.ts';
import {
  benchAsOf,
  benchPassword,
  benchSpecs,
  benchUsers,
  loadBenchData,
  type BenchSize,
} from '../../scripts/bench-data.ts';
import { statementCounter } from '../support/query-counter.ts';
import { operations, taskListQuery, type BenchContext, type Reader } from './operations.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const option = (name: string) => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
};

const size = (option('--size') ?? 'S').toUpperCase() as BenchSize;
if (!(size in benchSpecs)) throw new Error('--size is S or L');
const kinds = (option('--db') ?? 'pglite,postgres').split(',') as ('pglite' | 'postgres')[];
const existingUrl = option('--database-url');
const existingDir = option('--data-dir');
const only = option('--only')?.split(',');
const serverUrl =
  option('--server-url') ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const iterations = Number(option('--iterations') ?? (size === 'L' ? 20 : 40));
const duration = Number(option('--duration') ?? 8);
const withHttp = !flag('--no-http');
const dropIndexes = flag('--drop-indexes');
/** The clock of every request: the end of the data's working day, so timeliness is the same on every run. */
const now = new Date(`${benchAsOf}T10:00:00Z`);
const today = new Date(`${benchAsOf}T00:00:00Z`);

// ---------------------------------------------------------------- helpers

const median = (values: number[]) => percentile(values, 0.5);
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? NaN;
}
const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
const pad = (text: string | number, width: number) => String(text).padStart(width);

async function post(app: App, query: string, variables: Record<string, unknown>, token?: string) {
  const response = await app.fetch(
    new Request('http://bench/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    }),
  );
  const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors).slice(0, 500)}`);
  return body.data;
}

const loginQuery = 'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token } }';

interface IndexChange {
  name: string;
  /** The CREATE INDEX statement that makes it. */
  create: string;
}

/**
 * The indexes the bench_indexes migration creates and those it drops (with the statements of the
 * earlier migrations that made them), to put a database back as it was before it.
 */
function benchIndexChanges(): { created: IndexChange[]; dropped: IndexChange[] } {
  const dir = path.join(here, '../../prisma/migrations');
  const folders = readdirSync(dir)
    .filter((name) => /^\d{14}_/.test(name))
    .sort();
  const sqlOf = (folder: string) => readFileSync(path.join(dir, folder, 'migration.sql'), 'utf8');
  const creates = (sql: string) =>
    [...sql.matchAll(/CREATE (?:UNIQUE )?INDEX "([^"]+)"[^;]*;/g)].map((m) => ({ name: m[1] as string, create: m[0] }));
  const bench = folders.find((name) => name.endsWith('_bench_indexes'));
  if (!bench) return { created: [], dropped: [] };
  const earlier = folders.filter((name) => name < bench).flatMap((folder) => creates(sqlOf(folder)));
  const droppedNames = [...sqlOf(bench).matchAll(/DROP INDEX "([^"]+)"/g)].map((m) => m[1] as string);
  return {
    created: creates(sqlOf(bench)),
    dropped: earlier.filter((index) => droppedNames.includes(index.name)),
  };
}

/** Puts the database as it was before the bench_indexes migration (`before`), or back after it. */
async function setIndexes(db: Database, state: 'before' | 'after'): Promise<void> {
  const { created, dropped } = benchIndexChanges();
  const [remove, add] = state === 'before' ? [created, dropped] : [dropped, created];
  for (const index of remove) await db.prisma.$executeRawUnsafe(`DROP INDEX IF EXISTS "${index.name}"`);
  for (const index of add) await db.prisma.$executeRawUnsafe(index.create.replace(/INDEX "/, 'INDEX IF NOT EXISTS "'));
  await db.prisma.$executeRawUnsafe('ANALYZE');
}

// ---------------------------------------------------------------- databases

interface Target {
  label: string;
  open(): Promise<Database>;
  /** What the HTTP server process opens. */
  location: { databaseUrl?: string; dataDir?: string };
  loadMs: number | null;
  cleanup(): Promise<void>;
}

async function prepare(kind: 'pglite' | 'postgres'): Promise<Target> {
  const existing =
    kind === 'postgres' && existingUrl
      ? { databaseUrl: existingUrl }
      : kind === 'pglite' && existingDir
        ? { dataDir: existingDir }
        : null;
  if (existing) {
    // Loaded before, perhaps under older migrations: bring its indexes up to date first.
    const db = await openDatabase(existing);
    await applyMigrations(db.adapterFactory);
    await db.close();
    return {
      label: `${kind === 'pglite' ? 'PGlite' : 'PostgreSQL'} ${size} (existing)`,
      open: () => openDatabase(existing),
      location: existing,
      loadMs: null,
      cleanup: async () => {},
    };
  }
  let location: { databaseUrl?: string; dataDir?: string };
  let cleanup: () => Promise<void>;
  if (kind === 'pglite') {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'par-bench-pglite-'));
    location = { dataDir };
    cleanup = async () => rmSync(dataDir, { recursive: true, force: true });
  } else {
    const name = `par_bench_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    location = { databaseUrl: url.toString() };
    cleanup = async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    };
  }
  const open = () => openDatabase(location);
  const db = await open();
  await applyMigrations(db.adapterFactory);
  const report = await loadBenchData(db.prisma, size);
  await db.close();
  return {
    label: `${kind === 'pglite' ? 'PGlite' : 'PostgreSQL'} ${size}`,
    open,
    location,
    loadMs: report.ms,
    cleanup,
  };
}

// ---------------------------------------------------------------- in-process timing

interface Row {
  name: string;
  kind: string;
  statements: number;
  handStatements: number;
  median: number;
  p95: number;
  handMedian: number;
  handP95: number;
}

async function measure(target: Target): Promise<{ rows: Row[]; context: BenchContext }> {
  const db = await target.open();
  const counter = statementCounter(db.adapterFactory);
  const filesDir = mkdtempSync(path.join(tmpdir(), 'par-bench-files-'));
  // The dashboard's full set (several of the UI's requests in one document) and a whole level's trends
  // cost more than one request may (api/cost.ts): the bench lifts the limit to measure them.
  const config = loadConfig({
    NODE_ENV: 'production',
    MAX_QUERY_COST: '1000000',
    FILES_DIR: filesDir,
  });
  const logger = pino({ level: 'error' });
  const app = createApp({ db, config, now: () => now, logger });
  const countingApp = createApp({ db: { ...db, prisma: counter.prisma }, config, now: () => now, logger });
  try {
    const [busiest] = await db.prisma.$queryRawUnsafe<{ taskId: number }[]>(
      'SELECT "taskId" FROM "TaskEvent" GROUP BY "taskId" ORDER BY count(*) DESC, "taskId" LIMIT 1',
    );
    const [unit] = await db.prisma.$queryRawUnsafe<{ id: number; code: string }[]>(
      `SELECT u.id, u.code FROM "Unit" u JOIN "Task" t ON t."leadUnitId" = u.id
       WHERE t.status IN ('NOT_STARTED', 'IN_PROGRESS', 'SUBMITTED', 'RETURNED')
       GROUP BY u.id, u.code ORDER BY count(*) DESC, u.id LIMIT 1`,
    );
    const [commune] = await db.prisma.$queryRawUnsafe<{ id: number }[]>(
      `SELECT r."unitId" AS id FROM "IndexResult" r JOIN "IndexFramework" f ON f.id = r."frameworkId"
       WHERE f.level = 'COMMUNE' ORDER BY f.year DESC, r."unitId" LIMIT 1`,
    );
    if (!busiest || !unit || !commune) {
      throw new Error('The database holds no bench data: run npm run bench:data first');
    }
    const context: BenchContext = {
      today,
      dueSoonDays: config.dueSoonDays,
      taskId: busiest.taskId,
      unitId: unit.id,
      communeId: commune.id,
    };
    const usernames: Record<Reader, string> = { ...benchUsers, head: `head.${unit.code.toLowerCase()}` };
    const tokens = {} as Record<Reader, string>;
    for (const reader of Object.keys(usernames) as Reader[]) {
      const data = (await post(app, loginQuery, { u: usernames[reader], p: benchPassword })) as {
        login: { token: string };
      };
      tokens[reader] = data.login.token;
    }

    const rows: Row[] = [];
    for (const operation of operations.filter((op) => !only || only.some((word) => op.name.includes(word)))) {
      const variables = operation.variables(context);
      const token = tokens[operation.reader];
      const graphql = () => post(app, operation.query, variables, token);
      const hand = () => operation.handWritten(db.prisma, context);
      const counted = await counter.count(() => post(countingApp, operation.query, variables, token));
      const handCounted = await counter.count(() => operation.handWritten(counter.prisma, context));
      for (let i = 0; i < 3; i++) {
        await graphql();
        await hand();
      }
      const times: number[] = [];
      const handTimes: number[] = [];
      for (let i = 0; i < iterations; i++) {
        let started = performance.now();
        await graphql();
        times.push(performance.now() - started);
        started = performance.now();
        await hand();
        handTimes.push(performance.now() - started);
      }
      rows.push({
        name: operation.name,
        kind: operation.kind,
        statements: counted.statements.length,
        handStatements: handCounted.statements.length,
        median: median(times),
        p95: percentile(times, 0.95),
        handMedian: median(handTimes),
        handP95: percentile(handTimes, 0.95),
      });
      process.stderr.write('.');
    }
    process.stderr.write('\n');
    return { rows, context };
  } finally {
    await counter.close();
    await db.close();
    rmSync(filesDir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- HTTP

interface HttpRow {
  name: string;
  connections: number;
  rps: number;
  p50: number;
  p95: number;
  errors: number;
}

function cannon(name: string, url: string, body: string, connections: number, headers: Record<string, string> = {}) {
  return new Promise<HttpRow>((resolve, reject) => {
    const latencies: number[] = [];
    const instance = autocannon(
      { url, connections, duration, method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body },
      (error, result) => {
        if (error) return reject(error);
        resolve({
          name,
          connections,
          rps: result.requests.average,
          p50: median(latencies),
          p95: percentile(latencies, 0.95),
          errors: result.errors + result.non2xx + result.timeouts,
        });
      },
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
}

async function http(target: Target): Promise<HttpRow[]> {
  const child = fork(path.join(here, 'server.ts'), [JSON.stringify({ ...target.location, now: now.toISOString() })], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  try {
    const { appPort, barePort } = await new Promise<{ appPort: number; barePort: number }>((resolve, reject) => {
      child.once('message', (message) => resolve(message as { appPort: number; barePort: number }));
      child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
    });
    const appUrl = `http://127.0.0.1:${appPort}/graphql`;
    const login = await fetch(appUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: loginQuery, variables: { u: benchUsers.analyst, p: benchPassword } }),
    });
    const token = ((await login.json()) as { data: { login: { token: string } } }).data.login.token;
    const listBody = JSON.stringify({
      query: taskListQuery,
      variables: { first: 100, offset: 0, orderBy: [{ field: 'DEADLINE', direction: 'ASC' }] },
    });
    const headers = { authorization: `Bearer ${token}` };
    const check = await (
      await fetch(appUrl, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: listBody,
      })
    ).json();
    if ((check as { errors?: unknown }).errors)
      throw new Error(`task list over HTTP: ${JSON.stringify(check).slice(0, 300)}`);
    const bareBody = JSON.stringify({ query: '{ hello }' });
    // Where the gap to the floor goes: the app's own fixed cost per request (sign-in check, plugins)
    // on a constant query, and the task list at 10 rows against 100 (the cost per row).
    const floorBody = JSON.stringify({ query: '{ __typename }' });
    const shortListBody = JSON.stringify({
      query: taskListQuery,
      variables: { first: 10, offset: 0, orderBy: [{ field: 'DEADLINE', direction: 'ASC' }] },
    });
    const rows: HttpRow[] = [];
    for (const connections of [10, 50]) {
      rows.push(await cannon('task list (100)', appUrl, listBody, connections, headers));
      rows.push(await cannon('task list (10)', appUrl, shortListBody, connections, headers));
      rows.push(await cannon('app { __typename }', appUrl, floorBody, connections, headers));
      rows.push(await cannon('bare yoga { hello }', `http://127.0.0.1:${barePort}/graphql`, bareBody, connections));
    }
    return rows;
  } finally {
    child.disconnect();
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

// ---------------------------------------------------------------- report

function printTable(target: Target, rows: Row[], context: BenchContext) {
  const spec = benchSpecs[size];
  const load = target.loadMs === null ? 'loaded before' : `loaded in ${(target.loadMs / 1000).toFixed(1)} s`;
  console.log(
    `\n## ${target.label}: ${spec.tasks.toLocaleString('en')} tasks, ${load}; ${iterations} runs each; task detail = Task:${context.taskId}${dropIndexes ? '; WITHOUT the bench_indexes indexes' : ''}`,
  );
  console.log(
    `${'operation'.padEnd(28)} ${pad('SQL', 4)} ${pad('hand', 4)} ${pad('median', 7)} ${pad('p95', 7)} ${pad('hand med', 8)} ${pad('hand p95', 8)} ${pad('ratio', 6)}`,
  );
  for (const row of rows) {
    console.log(
      `${row.name.padEnd(28)} ${pad(row.statements, 4)} ${pad(row.handStatements, 4)} ${pad(ms(row.median), 7)} ${pad(ms(row.p95), 7)} ${pad(ms(row.handMedian), 8)} ${pad(ms(row.handP95), 8)} ${pad((row.median / row.handMedian).toFixed(2), 6)}`,
    );
  }
  console.log(
    '(times in ms through app.fetch, sign-in checks included; SQL = statements of the GraphQL request, hand = of the hand-written Prisma query; ratio = median / hand median)',
  );
}

function printHttp(rows: HttpRow[]) {
  console.log(`\nHTTP, autocannon ${duration} s per run (server in its own process):`);
  console.log(
    `${'endpoint'.padEnd(22)} ${pad('conns', 5)} ${pad('req/s', 8)} ${pad('p50 ms', 7)} ${pad('p95 ms', 7)} ${pad('errors', 6)}`,
  );
  for (const row of rows) {
    console.log(
      `${row.name.padEnd(22)} ${pad(row.connections, 5)} ${pad(row.rps.toFixed(0), 8)} ${pad(ms(row.p50), 7)} ${pad(ms(row.p95), 7)} ${pad(row.errors, 6)}`,
    );
  }
  for (const connections of [10, 50]) {
    const bare = rows.find((r) => r.connections === connections && r.name.startsWith('bare'));
    if (!bare) continue;
    for (const row of rows.filter((r) => r.connections === connections && r !== bare)) {
      console.log(`${row.name} / bare yoga at ${connections} connections: ${((row.rps / bare.rps) * 100).toFixed(1)}%`);
    }
  }
}

function printTargets(target: Target, rows: Row[], httpRows: HttpRow[]) {
  const check = (ok: boolean) => (ok ? 'met' : 'NOT met');
  const list = rows.find((r) => r.name === 'task list (100)');
  const lists = rows.filter((r) => r.kind !== 'aggregate');
  const aggregates = rows.filter((r) => r.kind === 'aggregate');
  console.log(`\nTargets (${target.label}):`);
  if (list) console.log(`  task list statements <= 5: ${list.statements} (${check(list.statements <= 5)})`);
  if (lists.length) {
    const worstRatio = lists.reduce((worst, r) =>
      r.median / r.handMedian > worst.median / worst.handMedian ? r : worst,
    );
    console.log(
      `  lists/detail within 2x of hand-written: worst ${worstRatio.name} ${(worstRatio.median / worstRatio.handMedian).toFixed(2)}x (${check(worstRatio.median / worstRatio.handMedian <= 2)})`,
    );
  }
  if (aggregates.length) {
    const slowestAggregate = aggregates.reduce((worst, r) => (r.p95 > worst.p95 ? r : worst));
    console.log(
      `  aggregates p95 < 100 ms: worst ${slowestAggregate.name} ${ms(slowestAggregate.p95)} ms (${check(slowestAggregate.p95 < 100)})`,
    );
  }
  if (target.label.startsWith('PGlite') && rows.length) {
    const worst = rows.reduce((w, r) => (r.p95 > w.p95 ? r : w));
    console.log(`  PGlite p95 < 50 ms: worst ${worst.name} ${ms(worst.p95)} ms (${check(worst.p95 < 50)})`);
  }
  const list50 = httpRows.find((r) => r.connections === 50 && r.name === 'task list (100)');
  const bare50 = httpRows.find((r) => r.connections === 50 && r.name.startsWith('bare'));
  if (list50 && bare50) {
    const share = list50.rps / bare50.rps;
    console.log(
      `  task list throughput at 50 connections >= 40% of bare yoga: ${(share * 100).toFixed(1)}% (${check(share >= 0.4)})`,
    );
  }
}

async function main() {
  for (const kind of kinds) {
    process.stderr.write(`${kind} ${size}: loading\n`);
    const target = await prepare(kind);
    try {
      if (dropIndexes) {
        if (benchIndexChanges().created.length === 0) console.warn('No bench_indexes migration: nothing to drop');
        const db = await target.open();
        await setIndexes(db, 'before');
        await db.close();
      }
      process.stderr.write(`${kind} ${size}: in process `);
      const { rows, context } = await measure(target);
      const httpRows = withHttp ? await http(target) : [];
      printTable(target, rows, context);
      if (withHttp) printHttp(httpRows);
      printTargets(target, rows, httpRows);
    } finally {
      if (dropIndexes && target.loadMs === null) {
        // An existing database gets its indexes back.
        const db = await target.open();
        await setIndexes(db, 'after');
        await db.close();
      }
      await target.cleanup();
    }
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
