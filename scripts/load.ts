// A load test of the whole API over HTTP, and a check that no update was lost under it:
//   npm run load -- [--duration 60] [--connections N] [--keep]
// Starts the app in this process on an ephemeral port of 127.0.0.1, on the embedded database (a
// temporary data directory) or, when DATABASE_URL is set, on a scratch database created on that
// PostgreSQL server and dropped afterwards (--keep keeps it; --in-place uses DATABASE_URL's own
// database, which must be empty or hold the demo data). Loads the demo data, gives each of the two
// demo unit heads a few fresh tasks, signs in five demo accounts and runs autocannon from N
// connections (50 on PostgreSQL, 10 on the embedded database, which serves one query at a time), each
// repeating: a page of the task list with nested fields, a task's detail with its timeline (as its
// unit head), reportProgress on it naming the version just read (CONFLICT when another connection
// got there first: expected, counted apart), and a comment. Prints requests per second, latency
// percentiles overall and per operation, non-2xx answers and GraphQL errors by code; then checks
// the database: every acknowledged progress report is in the task's timeline and in the audit log,
// nothing else is, and each task's version is 1 + its changes. Exits 1 on any error other than the
// expected conflicts, or on any check that fails.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import pino from 'pino';
import { createApp } from '../api/app.ts';
import { prepareDatabase } from '../api/bootstrap.ts';
import { loadConfig } from '../api/config.ts';
import { openDatabase } from '../api/db.ts';
import { createHttpServer } from '../api/http-server.ts';

const { values: flags } = parseArgs({
  options: {
    duration: { type: 'string' },
    connections: { type: 'string' },
    keep: { type: 'boolean', default: false },
    'in-place': { type: 'boolean', default: false },
  },
});
const serverUrl = process.env.DATABASE_URL || undefined;
const duration = Number(flags.duration ?? 60);
const connections = Number(flags.connections ?? (serverUrl ? 50 : 10));
if (!(duration > 0) || !Number.isInteger(connections) || connections < 1) {
  console.error('Usage: npm run load -- [--duration <seconds>] [--connections <n>] [--keep] [--in-place]');
  process.exit(2);
}
const password = 'DaTeh@PAR2022';
const quiet = { info: () => {}, warn: (message: string) => console.warn(message) };

// --- The database and the app -------------------------------------------------------------------
let databaseUrl: string | undefined;
let dropDatabase = async () => {};
let where: string;
const scratch = await mkdtemp(path.join(tmpdir(), 'par-load-'));
if (serverUrl && !flags['in-place']) {
  const name = `par_load_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  databaseUrl = url.toString();
  where = `PostgreSQL, scratch database ${name}${flags.keep ? ' (kept)' : ''}`;
  if (!flags.keep) {
    dropDatabase = async () => {
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await cleanup.end();
    };
  }
} else if (serverUrl) {
  databaseUrl = serverUrl;
  where = 'PostgreSQL, the database of DATABASE_URL';
} else {
  where = `embedded PGlite in ${path.join(scratch, 'pglite')}${flags.keep ? ' (kept)' : ''}`;
}
const db = await openDatabase(databaseUrl ? { databaseUrl } : { dataDir: path.join(scratch, 'pglite') });
await prepareDatabase(db, { environment: 'development', demoData: true, initialAdminPassword: undefined }, quiet);
const config = loadConfig({
  ...process.env,
  NODE_ENV: 'production',
  ALLOW_DEMO_IN_PRODUCTION: 'true',
  FILES_DIR: path.join(scratch, 'files'),
  LOG_LEVEL: 'warn',
  // Five accounts send the whole load: the rate limit still counts every request, but lets it through.
  RATE_LIMIT_REQUESTS_PER_MINUTE: '1000000000',
  RATE_LIMIT_COST_PER_MINUTE: '1000000000',
});
const app = createApp({ db, config, logger: pino({ level: 'warn' }) });
let active = 0;
const server = createHttpServer(config.timeouts, (req, res) => {
  active += 1;
  res.on('close', () => (active -= 1));
  app.handle(req, res);
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

async function gql<T>(query: string, variables: object, token?: string): Promise<T> {
  const response = await fetch(`${origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const result = (await response.json()) as { data?: T; errors?: unknown[] };
  if (!result.data || result.errors) throw new Error(`setup failed: ${JSON.stringify(result.errors)}`);
  return result.data;
}

// --- Accounts and the tasks the load works on ------------------------------------------------------
// One after the other: parallel sign-ins of one name count as failures until each succeeds.
const tokens: Record<string, string> = {};
for (const username of ['admin', 'committee', 'analyst', 'head.pnv', 'head.annhon']) {
  const data = await gql<{ login: { token: string } }>(
    'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
    { u: username, p: password },
  );
  tokens[username] = data.login.token;
}
const heads = ['head.pnv', 'head.annhon'];
const readers = ['analyst', 'committee', 'admin', ...heads];
const objective = await gql<{ objectives: { nodes: { id: string }[] } }>(
  '{ objectives(first: 1) { nodes { id } } }',
  {},
  tokens.admin,
);
const perHead = Math.max(3, Math.ceil(connections / 4));
const tasks: { id: string; head: string }[] = [];
for (const head of heads) {
  const me = await gql<{ me: { unit: { id: string } } }>('{ me { unit { id } } }', {}, tokens[head]);
  for (let i = 0; i < perHead; i++) {
    const created = await gql<{ createTask: { id: string } }>(
      'mutation ($input: CreateTaskInput!) { createTask(input: $input) { id } }',
      {
        input: {
          title: `Tải thử ${head} ${i + 1}`,
          objectiveId: objective.objectives.nodes[0]?.id,
          leadUnitId: me.me.unit.id,
          deadline: '2030-12-31',
        },
      },
      tokens.admin,
    );
    tasks.push({ id: created.createTask.id, head });
  }
}

// --- The workload ----------------------------------------------------------------------------------
const listQuery = `query ($offset: Int) {
  tasks(first: 20, offset: $offset, orderBy: [{ field: DEADLINE }]) {
    totalCount
    nodes {
      id title status timeliness progress deadline daysToDeadline version
      leadUnit { id name } responsibleHead { id fullName } objective { id code }
      latestEvent { type at }
    }
  }
}`;
const detailQuery = `query ($id: ID!) {
  node(id: $id) {
    ... on Task {
      id title description status progress version deadline originalDeadline timeliness allowedActions
      leadUnit { name } supportingUnits { name } responsibleHead { fullName }
      timeline(last: 20) { totalCount nodes { type at fromStatus toStatus note actor { displayName } } }
    }
  }
}`;
const reportMutation = `mutation ($id: ID!, $version: Int!, $progress: Int, $note: String) {
  reportProgress(id: $id, version: $version, progress: $progress, note: $note) { id version progress }
}`;
const commentMutation = `mutation ($id: ID!, $note: String!) { commentOnTask(id: $id, note: $note) { id } }`;

type Operation = 'task list' | 'task detail' | 'reportProgress' | 'commentOnTask';
const operations: Operation[] = ['task list', 'task detail', 'reportProgress', 'commentOnTask'];
const latencies = new Map<Operation, number[]>(operations.map((op) => [op, []]));
const errorsByCode = new Map<string, number>();
const failures: string[] = [];
let conflicts = 0;
/** Set at the end of the run: connections then send only /health until every real request is answered. */
let ended = false;
let outstanding = 0;
let lastAnswerAt = 0;
let cycles = 0;
let notes = 0;
/** Progress reports and comments sent and not (yet) answered. */
const pending = new Set<string>();
const acknowledged: { taskId: number; note: string; version: number }[] = [];
const comments: { taskId: number; eventId: number; note: string }[] = [];

interface Cycle {
  /** This request is a /health filler sent after the run's end (see below), not part of the load. */
  filler?: boolean;
  task: { id: string; head: string };
  reader: string;
  sentAt: number;
  version?: number;
  progress?: number;
  note?: string;
}

const numberOf = (globalId: string) => Number(globalId.split(':')[1]);

function request(
  operation: Operation,
  build: (cycle: Cycle) => { token: string; query: string; variables: object } | null,
) {
  return {
    method: 'POST' as const,
    path: '/graphql',
    setupRequest: (req: autocannon.Request, context: object) => {
      const cycle = context as Cycle;
      cycle.filler = ended;
      if (ended) return { ...req, method: 'GET' as const, path: '/health', headers: {}, body: '' };
      if (operation === 'task list') {
        const n = cycles++;
        cycle.task = tasks[n % tasks.length] as Cycle['task'];
        cycle.reader = readers[n % readers.length] as string;
      }
      const built = build(cycle);
      if (!built) return null as unknown as autocannon.Request; // skips the rest of the cycle
      cycle.sentAt = performance.now();
      outstanding += 1;
      return {
        ...req,
        headers: { ...req.headers, 'content-type': 'application/json', authorization: `Bearer ${built.token}` },
        body: JSON.stringify({ query: built.query, variables: built.variables }),
      };
    },
    onResponse: (status: number, body: string, context: object) => {
      const cycle = context as Cycle;
      if (cycle.filler) return;
      outstanding -= 1;
      lastAnswerAt = performance.now();
      latencies.get(operation)?.push(lastAnswerAt - cycle.sentAt);
      let result: {
        data?: {
          node?: { version: number; progress: number };
          reportProgress?: { version: number };
          commentOnTask?: { id: string };
        } | null;
        errors?: { message: string; extensions?: { code?: string } }[];
      };
      try {
        result = JSON.parse(body) as typeof result;
      } catch {
        failures.push(`${operation}: HTTP ${status}, not JSON: ${body.slice(0, 200)}`);
        return;
      }
      for (const error of result.errors ?? []) {
        const code = error.extensions?.code ?? 'NO_CODE';
        errorsByCode.set(code, (errorsByCode.get(code) ?? 0) + 1);
        if (code === 'CONFLICT' && operation === 'reportProgress') conflicts += 1;
        else if (failures.length < 20) failures.push(`${operation}: ${code} ${error.message}`);
      }
      if (status !== 200 && !result.errors) failures.push(`${operation}: HTTP ${status}`);
      const data = result.data;
      if (operation === 'task detail' && data?.node) {
        cycle.version = data.node.version;
        cycle.progress = data.node.progress;
      }
      if (operation === 'reportProgress' && cycle.note) {
        pending.delete(cycle.note);
        if (data?.reportProgress) {
          acknowledged.push({
            taskId: numberOf(cycle.task.id),
            note: cycle.note,
            version: data.reportProgress.version,
          });
        }
      }
      if (operation === 'commentOnTask' && cycle.note) {
        pending.delete(cycle.note);
        if (data?.commentOnTask) {
          comments.push({
            taskId: numberOf(cycle.task.id),
            eventId: numberOf(data.commentOnTask.id),
            note: cycle.note,
          });
        }
      }
    },
  };
}

const requests = [
  request('task list', (cycle) => ({
    token: tokens[cycle.reader] as string,
    query: listQuery,
    variables: { offset: (cycles % 3) * 20 },
  })),
  request('task detail', (cycle) => ({
    token: tokens[cycle.task.head] as string,
    query: detailQuery,
    variables: { id: cycle.task.id },
  })),
  request('reportProgress', (cycle) => {
    if (cycle.version === undefined) return null;
    cycle.note = `load:${notes++}`;
    pending.add(cycle.note);
    return {
      token: tokens[cycle.task.head] as string,
      query: reportMutation,
      variables: {
        id: cycle.task.id,
        version: cycle.version,
        progress: Math.min(99, (cycle.progress ?? 0) + 1),
        note: cycle.note,
      },
    };
  }),
  request('commentOnTask', (cycle) => {
    cycle.note = `load-comment:${notes++}`;
    pending.add(cycle.note);
    // The unit head or the committee comments, in turn.
    const author = notes % 2 ? cycle.task.head : 'committee';
    return {
      token: tokens[author] as string,
      query: commentMutation,
      variables: { id: cycle.task.id, note: cycle.note },
    };
  }),
];

console.log(
  `Load: ${where}; demo data and ${tasks.length} tasks for ${heads.join(', ')}; ${connections} connections for ${duration} s ...`,
);
// The run ends without abandoning a request: after `duration` seconds each connection sends only
// /health (not counted), and autocannon is stopped once every real request has its answer, so that
// every write's outcome is known when the database is checked.
const startedAt = performance.now();
const result = await new Promise<autocannon.Result>((resolve, reject) => {
  const instance = autocannon(
    {
      url: origin,
      connections,
      duration: duration + 300,
      timeout: 30,
      requests,
    },
    (error, finished) => (error ? reject(error) : resolve(finished)),
  );
  setTimeout(() => {
    ended = true;
    const endedAt = Date.now();
    const waiting = setInterval(() => {
      if (outstanding <= 0 || Date.now() - endedAt > 120_000) {
        clearInterval(waiting);
        instance.stop();
      }
    }, 20);
  }, duration * 1000);
});
const elapsed = (lastAnswerAt - startedAt) / 1000;
// A request cut by a timeout may still be running in the server: let it finish before checking.
const waitStarted = Date.now();
while (active > 0 && Date.now() - waitStarted < 60_000) await new Promise((resolve) => setTimeout(resolve, 50));

// --- Figures ----------------------------------------------------------------------------------------
function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}
const ms = (value: number) => value.toFixed(1).padStart(8);
const all = [...latencies.values()].flat().sort((a, b) => a - b);
const answered = all.length;
console.log(
  `\n${answered} requests answered in ${elapsed.toFixed(1)} s: ${(answered / elapsed).toFixed(0)} requests/s; ` +
    `non-2xx ${result.non2xx}, connection errors ${result.errors}, timeouts ${result.timeouts}` +
    (outstanding > 0 ? `, ${outstanding} never answered` : ''),
);
console.log(
  `${'latency (ms)'.padEnd(16)}${'count'.padStart(8)}${'p50'.padStart(8)}${'p95'.padStart(8)}${'p99'.padStart(8)}${'max'.padStart(8)}`,
);
for (const [name, values] of [['all', all] as const, ...[...latencies].map(([op, v]) => [op, v] as const)]) {
  const sorted = [...values].sort((a, b) => a - b);
  console.log(
    `${name.padEnd(16)}${String(sorted.length).padStart(8)}${ms(percentile(sorted, 50))}${ms(percentile(sorted, 95))}${ms(percentile(sorted, 99))}${ms(sorted.at(-1) ?? 0)}`,
  );
}
console.log(
  `GraphQL errors by code: ${errorsByCode.size ? [...errorsByCode].map(([code, n]) => `${code} ${n}`).join(', ') : 'none'}` +
    ` (CONFLICT on reportProgress is expected: ${conflicts} of ${conflicts + acknowledged.length} progress reports lost the race and changed nothing)`,
);

// --- No lost update -----------------------------------------------------------------------------------
const taskIds = tasks.map((task) => numberOf(task.id));
const events = await db.prisma.taskEvent.findMany({
  where: { taskId: { in: taskIds }, type: { in: ['PROGRESS_REPORTED', 'COMMENTED'] } },
  select: { id: true, taskId: true, type: true, note: true },
});
const audits = await db.prisma.auditEntry.findMany({
  where: { operation: { in: ['reportProgress', 'commentOnTask'] }, note: { startsWith: 'load' } },
  select: { operation: true, entityId: true, note: true },
});
const rows = await db.prisma.task.findMany({ where: { id: { in: taskIds } }, select: { id: true, version: true } });
const problems: string[] = [];
const key = (taskId: number, note: string | null) => `${taskId}|${note}`;
const reportEvents = events.filter((event) => event.type === 'PROGRESS_REPORTED');
const reportEventKeys = new Set(reportEvents.map((event) => key(event.taskId, event.note)));
const reportAuditKeys = new Set(
  audits.filter((audit) => audit.operation === 'reportProgress').map((audit) => key(audit.entityId, audit.note)),
);
for (const ack of acknowledged) {
  if (!reportEventKeys.has(key(ack.taskId, ack.note)))
    problems.push(`acknowledged ${ack.note} on Task:${ack.taskId} is not in its timeline`);
  if (!reportAuditKeys.has(key(ack.taskId, ack.note)))
    problems.push(`acknowledged ${ack.note} on Task:${ack.taskId} is not in the audit log`);
}
const acknowledgedNotes = new Set(acknowledged.map((ack) => ack.note));
let committedUnanswered = 0;
for (const event of reportEvents) {
  if (acknowledgedNotes.has(event.note ?? '')) continue;
  if (pending.has(event.note ?? '')) committedUnanswered += 1;
  else problems.push(`${event.note} on Task:${event.taskId} is in the timeline but was refused or never sent`);
}
if (reportEventKeys.size !== reportEvents.length || reportAuditKeys.size !== reportEventKeys.size) {
  problems.push(
    `progress events ${reportEvents.length} and their audit rows ${reportAuditKeys.size} do not match one for one`,
  );
}
for (const row of rows) {
  const changes = reportEvents.filter((event) => event.taskId === row.id).length;
  if (row.version !== 1 + changes) problems.push(`Task:${row.id} has version ${row.version} after ${changes} changes`);
  const versions = acknowledged.filter((ack) => ack.taskId === row.id).map((ack) => ack.version);
  if (new Set(versions).size !== versions.length)
    problems.push(`Task:${row.id}: two acknowledged reports got the same version`);
}
const commentIds = new Set(events.filter((event) => event.type === 'COMMENTED').map((event) => event.id));
const commentAudits = new Set(
  audits.filter((audit) => audit.operation === 'commentOnTask').map((audit) => audit.entityId),
);
for (const comment of comments) {
  if (!commentIds.has(comment.eventId) || !commentAudits.has(comment.eventId)) {
    problems.push(`acknowledged comment ${comment.note} (TaskEvent:${comment.eventId}) is missing`);
  }
}
const inFlightAtEnd = [...pending].filter((note) => note.startsWith('load:')).length;
console.log(
  `No lost update: ${acknowledged.length} acknowledged progress reports and ${comments.length} comments checked in the timeline and the audit log; ` +
    `${rows.length} tasks' versions = 1 + their changes; ${inFlightAtEnd} reports never answered (${committedUnanswered} of them committed)` +
    (problems.length ? ` — FAILED:\n  ${problems.slice(0, 20).join('\n  ')}` : ' — ok'),
);

server.closeAllConnections();
server.close();
await db.close();
await dropDatabase();
if (!flags.keep) await rm(scratch, { recursive: true, force: true });

const unexpected =
  failures.length +
  problems.length +
  result.non2xx +
  result.errors +
  result.timeouts +
  Math.max(0, outstanding) +
  (acknowledged.length ? 0 : 1);
if (failures.length) console.error(`Unexpected errors:\n  ${failures.slice(0, 20).join('\n  ')}`);
if (!acknowledged.length) console.error('No progress report was acknowledged.');
console.log(unexpected ? 'FAILED' : 'PASSED');
process.exit(unexpected ? 1 : 0);
