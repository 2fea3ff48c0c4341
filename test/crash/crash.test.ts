// Crash safety of the real server process, on the embedded database in a data directory and on
// PostgreSQL: writes from several clients, SIGKILL in the middle, a restart on the same data; then
// every acknowledged write must be there and no write half there (a task without its CREATED event or
// its audit row, a progress report without its audit row or the other way round, a version that does
// not count its changes). Then SIGTERM with requests in flight: they complete and the process exits 0.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../api/db.ts';
import { migrationStatus } from '../../prisma/migrate.ts';
import { databaseKinds } from '../support/databases.ts';
import { client, scratchPostgres, startServer, type Reply, type ServerProcess } from './server.ts';

const adminClients = 4;
const headClients = 2;

type Ack =
  | { op: 'createTask'; taskId: number; title: string }
  | { op: 'reportProgress'; taskId: number; note: string; version: number }
  | { op: 'commentOnTask'; taskId: number; eventId: number; note: string };

const numberOf = (globalId: string) => Number(globalId.split(':')[1]);

const createTaskMutation = `mutation ($input: CreateTaskInput!) { createTask(input: $input) { id title version } }`;
const reportMutation = `mutation ($id: ID!, $version: Int!, $progress: Int, $note: String) {
  reportProgress(id: $id, version: $version, progress: $progress, note: $note) { id version progress }
}`;
const commentMutation = `mutation ($id: ID!, $note: String!) { commentOnTask(id: $id, note: $note) { id note } }`;

function firstError(reply: Reply<unknown>): string {
  return `${reply.status} ${JSON.stringify(reply.errors ?? reply.data)}`;
}

interface World {
  objectiveId: string;
  unitId: string;
  /** The unit head's open tasks: global id → version before the test. */
  headTasks: Map<string, number>;
}

async function discover(api: ReturnType<typeof client>, headToken: string): Promise<World> {
  const me = await api.gql<{ me: { unit: { id: string } } }>('{ me { unit { id } } }', {}, headToken);
  const unitId = me.data?.me.unit.id as string;
  const found = await api.gql<{
    objectives: { nodes: { id: string }[] };
    tasks: { nodes: { id: string; version: number; allowedActions: string[] }[] };
  }>(
    `query ($unit: ID!) {
      objectives(first: 1) { nodes { id } }
      tasks(first: 100, filter: { leadUnit: { equals: $unit }, status: { in: [NOT_STARTED, IN_PROGRESS, RETURNED] } }) {
        nodes { id version allowedActions }
      }
    }`,
    { unit: unitId },
    headToken,
  );
  const tasks = found.data?.tasks.nodes.filter((task) => task.allowedActions.includes('REPORT_PROGRESS')) ?? [];
  expect(tasks.length, 'the demo data gives the head open tasks').toBeGreaterThanOrEqual(headClients);
  return {
    objectiveId: found.data?.objectives.nodes[0]?.id as string,
    unitId,
    headTasks: new Map(tasks.map((task) => [task.id, task.version])),
  };
}

/** Checks the database itself; returns how many acknowledged writes were found and what else was there. */
async function verify(db: Database, acks: Ack[], world: World) {
  const tasks = await db.prisma.$queryRawUnsafe<{ id: number; title: string; version: number }[]>(
    `SELECT id, title, version FROM "Task"`,
  );
  const events = await db.prisma.$queryRawUnsafe<{ id: number; taskId: number; type: string; note: string | null }[]>(
    `SELECT id, "taskId", type::text AS type, note FROM "TaskEvent"`,
  );
  const audit = await db.prisma.$queryRawUnsafe<
    { operation: string; entity: string; entityId: number; note: string | null }[]
  >(`SELECT operation, entity, "entityId", note FROM "AuditEntry"`);
  const ours = (text: string | null) => text?.startsWith('crash:') ?? false;

  // Every task has exactly one CREATED event; every task made here has its createTask audit row, and
  // every createTask audit row its task.
  const taskById = new Map(tasks.map((task) => [task.id, task]));
  const created = new Map<number, number>();
  for (const event of events)
    if (event.type === 'CREATED') created.set(event.taskId, (created.get(event.taskId) ?? 0) + 1);
  expect(
    tasks.filter((task) => created.get(task.id) !== 1).map((task) => task.id),
    'tasks without one CREATED event',
  ).toEqual([]);
  const createAudits = new Set(
    audit.filter((a) => a.operation === 'createTask' && a.entity === 'Task').map((a) => a.entityId),
  );
  const ourTasks = tasks.filter((task) => ours(task.title));
  expect(
    ourTasks.filter((task) => !createAudits.has(task.id)).map((task) => task.id),
    'tasks without their audit row',
  ).toEqual([]);
  expect(
    [...createAudits].filter((id) => !taskById.has(id)),
    'createTask audit rows without their task',
  ).toEqual([]);

  // Progress reports: timeline event and audit row, one for one.
  const key = (taskId: number, note: string | null) => `${taskId}|${note}`;
  const reportEvents = events.filter((e) => e.type === 'PROGRESS_REPORTED' && ours(e.note));
  const reportAudits = audit.filter((a) => a.operation === 'reportProgress' && ours(a.note));
  const reportEventKeys = reportEvents.map((e) => key(e.taskId, e.note)).sort();
  const reportAuditKeys = reportAudits.map((a) => key(a.entityId, a.note)).sort();
  expect(reportEventKeys, 'progress events and their audit rows').toEqual(reportAuditKeys);
  expect(new Set(reportEventKeys).size).toBe(reportEventKeys.length);

  // Comments: timeline event and audit row, one for one.
  const commentEvents = events.filter((e) => e.type === 'COMMENTED' && ours(e.note));
  const commentAudits = audit.filter((a) => a.operation === 'commentOnTask' && ours(a.note));
  expect(
    commentEvents.map((e) => e.id).sort((a, b) => a - b),
    'comments and their audit rows',
  ).toEqual(commentAudits.map((a) => a.entityId).sort((a, b) => a - b));

  // Versions count the changes: 1 + reports for tasks made here; the version before + reports for the
  // head's tasks.
  const reportsOf = (taskId: number) => reportEvents.filter((e) => e.taskId === taskId).length;
  for (const task of ourTasks) expect(task.version, `Task:${task.id} version`).toBe(1 + reportsOf(task.id));
  for (const [id, before] of world.headTasks) {
    expect(taskById.get(numberOf(id))?.version, `${id} version`).toBe(before + reportsOf(numberOf(id)));
  }

  // Every acknowledged write, by id and content.
  const eventById = new Map(events.map((event) => [event.id, event]));
  const reportKeys = new Set(reportEventKeys);
  const missing = acks.filter((ack) => {
    if (ack.op === 'createTask') return taskById.get(ack.taskId)?.title !== ack.title;
    if (ack.op === 'reportProgress') {
      return !reportKeys.has(key(ack.taskId, ack.note)) || (taskById.get(ack.taskId)?.version ?? 0) < ack.version;
    }
    const event = eventById.get(ack.eventId);
    return event?.note !== ack.note || event.taskId !== ack.taskId || event.type !== 'COMMENTED';
  });
  expect(missing, 'acknowledged writes missing after the restart').toEqual([]);
  const found = {
    createTask: ourTasks.length,
    reportProgress: reportEvents.length,
    commentOnTask: commentEvents.length,
  };
  return { found: acks.length - missing.length, rows: found };
}

function tally(acks: Ack[]) {
  const counts = { createTask: 0, reportProgress: 0, commentOnTask: 0 };
  for (const ack of acks) counts[ack.op] += 1;
  return counts;
}

describe.each(databaseKinds)('the server process on %s', (kind) => {
  let env: Record<string, string>;
  let workDir: string;
  let dropDatabase: (() => Promise<void>) | undefined;
  let world: World;
  const acks: Ack[] = [];
  const servers: ServerProcess[] = [];
  const start = async () => {
    const server = await startServer(env);
    servers.push(server);
    return server;
  };

  beforeAll(async () => {
    workDir = await mkdtemp(path.join(tmpdir(), 'par-crash-'));
    env = {
      FILES_DIR: path.join(workDir, 'files'),
      ADMIN_DIST: path.join(workDir, 'no-ui'),
      DEMO_DATA: 'true',
      // A few accounts write as fast as they can: the rate limit still counts, but lets them through.
      RATE_LIMIT_REQUESTS_PER_MINUTE: '1000000000',
      RATE_LIMIT_COST_PER_MINUTE: '1000000000',
    };
    if (kind === 'pglite') {
      env.DATA_DIR = path.join(workDir, 'pglite');
    } else {
      const database = await scratchPostgres(process.env.TEST_DATABASE_URL as string, 'par_crash');
      env.DATABASE_URL = database.url;
      dropDatabase = database.drop;
    }
  });
  afterAll(async () => {
    // A failed test may leave its server running.
    for (const server of servers)
      if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
    await dropDatabase?.();
    await rm(workDir, { recursive: true, force: true });
  });

  const openDirectly = () =>
    kind === 'pglite' ? openDatabase({ dataDir: env.DATA_DIR }) : openDatabase({ databaseUrl: env.DATABASE_URL });

  it('after SIGKILL in the middle of writes, restarts cleanly with every acknowledged write and none half-written', async () => {
    const first = await start();
    const api = client(first.port, adminClients + headClients);
    expect((await api.request('/health')).status).toBe(200);
    expect((await api.request('/')).status, 'the UI is not built: 503').toBe(503);

    // One after the other: parallel sign-ins of one name count as failures until each succeeds.
    const adminTokens: string[] = [];
    for (let c = 0; c < adminClients; c++) adminTokens.push(await api.signIn('admin'));
    const headTokens: string[] = [];
    for (let c = 0; c < headClients; c++) headTokens.push(await api.signIn('head.pnv'));
    world = await discover(api, headTokens[0] as string);

    let inFlight = 0;
    let killed = false;
    const unexpected: string[] = [];
    const lostAtKill: string[] = [];
    const send = async <T>(query: string, variables: Record<string, unknown>, token: string) => {
      inFlight += 1;
      try {
        return await api.gql<T>(query, variables, token);
      } finally {
        inFlight -= 1;
      }
    };
    const failed = (error: unknown) => {
      // Before the kill nothing may fail; after it, requests in flight end with a reset.
      (killed ? lostAtKill : unexpected).push(String((error as NodeJS.ErrnoException).code ?? error));
    };

    // Secretariat clients: create tasks, report progress on them, comment on them.
    const adminLoop = async (c: number) => {
      const token = adminTokens[c] as string;
      const mine: { id: string; version: number }[] = [];
      for (let i = 0; !killed; i++) {
        const label = `crash:${c}:${i}`;
        try {
          const current = mine[mine.length - 1];
          if (!current || i % 3 === 0) {
            const reply = await send<{ createTask: { id: string; title: string; version: number } }>(
              createTaskMutation,
              {
                input: {
                  title: label,
                  objectiveId: world.objectiveId,
                  leadUnitId: world.unitId,
                  deadline: '2030-12-31',
                },
              },
              token,
            );
            if (reply.status !== 200 || !reply.data?.createTask) throw new Error(firstError(reply));
            mine.push({ id: reply.data.createTask.id, version: reply.data.createTask.version });
            acks.push({ op: 'createTask', taskId: numberOf(reply.data.createTask.id), title: label });
          } else if (i % 3 === 1) {
            const reply = await send<{ reportProgress: { id: string; version: number } }>(
              reportMutation,
              { id: current.id, version: current.version, progress: Math.min(90, current.version * 10), note: label },
              token,
            );
            if (reply.status !== 200 || !reply.data?.reportProgress) throw new Error(firstError(reply));
            current.version = reply.data.reportProgress.version;
            acks.push({ op: 'reportProgress', taskId: numberOf(current.id), note: label, version: current.version });
          } else {
            const target = mine[i % mine.length] as { id: string };
            const reply = await send<{ commentOnTask: { id: string } }>(
              commentMutation,
              { id: target.id, note: label },
              token,
            );
            if (reply.status !== 200 || !reply.data?.commentOnTask) throw new Error(firstError(reply));
            acks.push({
              op: 'commentOnTask',
              taskId: numberOf(target.id),
              eventId: numberOf(reply.data.commentOnTask.id),
              note: label,
            });
          }
        } catch (error) {
          failed(error);
          return;
        }
      }
    };
    // Unit-head clients: report progress and comment on the unit's own tasks, each on its share of them.
    const headIds = [...world.headTasks.keys()];
    const headLoop = async (c: number) => {
      const token = headTokens[c] as string;
      const share = headIds.filter((_, index) => index % headClients === c);
      const versions = new Map(share.map((id) => [id, world.headTasks.get(id) as number]));
      for (let i = 0; !killed; i++) {
        const id = share[i % share.length] as string;
        const label = `crash:head${c}:${i}`;
        try {
          if (i % 2 === 0) {
            const reply = await send<{ reportProgress: { version: number } }>(
              reportMutation,
              { id, version: versions.get(id), note: label },
              token,
            );
            if (reply.status !== 200 || !reply.data?.reportProgress) throw new Error(firstError(reply));
            versions.set(id, reply.data.reportProgress.version);
            acks.push({
              op: 'reportProgress',
              taskId: numberOf(id),
              note: label,
              version: reply.data.reportProgress.version,
            });
          } else {
            const reply = await send<{ commentOnTask: { id: string } }>(commentMutation, { id, note: label }, token);
            if (reply.status !== 200 || !reply.data?.commentOnTask) throw new Error(firstError(reply));
            acks.push({
              op: 'commentOnTask',
              taskId: numberOf(id),
              eventId: numberOf(reply.data.commentOnTask.id),
              note: label,
            });
          }
        } catch (error) {
          failed(error);
          return;
        }
      }
    };

    const started = Date.now();
    const loops = [
      ...Array.from({ length: adminClients }, (_, c) => adminLoop(c)),
      ...Array.from({ length: headClients }, (_, c) => headLoop(c)),
    ];
    while ((acks.length < 60 || Date.now() - started < 2000) && Date.now() - started < 30_000 && !unexpected.length) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const inFlightAtKill = inFlight;
    const acknowledgedAtKill = acks.length;
    killed = true;
    first.child.kill('SIGKILL');
    expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
    await Promise.all(loops);
    api.close();
    expect(unexpected, 'writes refused before the kill').toEqual([]);

    // Restart on the same data: recovery, migrations already applied, health, sign-in, reads.
    const restartedAt = Date.now();
    const second = await start();
    const restartMs = Date.now() - restartedAt;
    const logged = second.lines.map((line) => JSON.parse(line) as { level: number; msg: string });
    expect(
      logged.filter((line) => line.level >= 40),
      'warnings or errors on restart',
    ).toEqual([]);
    expect(
      logged.some((line) => line.msg === 'migrations applied'),
      'no migration left to apply',
    ).toBe(false);
    const again = client(second.port, 2);
    const health = await again.request('/health');
    expect(health).toEqual({ status: 200, text: '{"status":"ok"}' });
    const token = await again.signIn('admin');
    const created = acks.filter((ack) => ack.op === 'createTask').slice(-100);
    const read = await again.gql<{ nodes: ({ id: string; title: string } | null)[] }>(
      'query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Task { id title } } }',
      { ids: created.map((ack) => `Task:${ack.taskId}`) },
      token,
    );
    expect(read.data?.nodes.map((node) => node?.title)).toEqual(created.map((ack) => ack.title));
    again.close();
    second.child.kill('SIGTERM');
    expect(await second.exited).toEqual({ code: 0, signal: null });

    const db = await openDirectly();
    try {
      expect((await migrationStatus(db.adapterFactory)).applied).toBe(true);
      const { found, rows } = await verify(db, acks, world);
      console.log(
        `[crash ${kind}] acknowledged ${acks.length} (${acknowledgedAtKill} before the kill signal) ${JSON.stringify(tally(acks))}, ` +
          `found ${found}; in flight at kill ${inFlightAtKill} (${lostAtKill.length} ended with ${[...new Set(lostAtKill)].join('/') || '-'}); ` +
          `committed but never acknowledged ${Object.values(rows).reduce((a, b) => a + b, 0) - found}; restart took ${restartMs} ms`,
      );
      expect(found).toBe(acks.length);
      expect(acks.length).toBeGreaterThanOrEqual(60);
    } finally {
      await db.close();
    }
  }, 120_000);

  it('on SIGTERM finishes the requests in flight with 200 and exits 0, while clients keep sending', async () => {
    const server = await start();
    const clients = 8;
    const api = client(server.port, clients);
    const token = await api.signIn('admin');
    // Open every connection first, as a reverse proxy keeps its own open, then keep them busy.
    await Promise.all(Array.from({ length: clients }, () => api.request('/health')));
    const commentTarget = [...world.headTasks.keys()][0] as string;
    let terminated = false;
    let sentBeforeTerm = 0;
    let answeredBeforeTerm = 0;
    const refusedAfterTerm: string[] = [];
    const failures: string[] = [];
    const loop = async (c: number) => {
      for (let i = 0; ; i++) {
        const label = `crash:term:${c}:${i}`;
        let sentEarly = false;
        const onSent = () => {
          sentEarly = !terminated;
          if (sentEarly) sentBeforeTerm += 1;
        };
        try {
          if (i % 2 === 0) {
            const reply = await api.gql<{ createTask: { id: string } }>(
              createTaskMutation,
              {
                input: {
                  title: label,
                  objectiveId: world.objectiveId,
                  leadUnitId: world.unitId,
                  deadline: '2030-12-31',
                },
              },
              token,
              onSent,
            );
            if (reply.status !== 200 || !reply.data?.createTask) throw new Error(firstError(reply));
            acks.push({ op: 'createTask', taskId: numberOf(reply.data.createTask.id), title: label });
          } else {
            const reply = await api.gql<{ commentOnTask: { id: string } }>(
              commentMutation,
              { id: commentTarget, note: label },
              token,
              onSent,
            );
            if (reply.status !== 200 || !reply.data?.commentOnTask) throw new Error(firstError(reply));
            const eventId = numberOf(reply.data.commentOnTask.id);
            acks.push({ op: 'commentOnTask', taskId: numberOf(commentTarget), eventId, note: label });
          }
          if (!terminated) answeredBeforeTerm += 1;
        } catch (error) {
          const failure = error as NodeJS.ErrnoException & { reusedSocket?: boolean };
          const code = String(failure.code ?? error);
          // Only a request sent after SIGTERM on a new connection may be refused: the server no longer
          // listens. One sent before, or on a connection already open, must be answered.
          if (terminated && !sentEarly && !failure.reusedSocket && /^ECONN(REFUSED|RESET)$/.test(code)) {
            refusedAfterTerm.push(code);
          } else failures.push(`${label}: ${code}${failure.reusedSocket ? ' on an open connection' : ''}`);
          return;
        }
      }
    };
    const loops = Array.from({ length: clients }, (_, c) => loop(c));
    const started = Date.now();
    while (answeredBeforeTerm < 3 * clients && Date.now() - started < 20_000 && !failures.length) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    terminated = true;
    const inFlightAtTerm = sentBeforeTerm - answeredBeforeTerm;
    const termAt = Date.now();
    server.child.kill('SIGTERM');
    const exit = await server.exited;
    const exitMs = Date.now() - termAt;
    await Promise.all(loops);
    api.close();
    console.log(
      `[sigterm ${kind}] ${inFlightAtTerm} requests in flight at SIGTERM; ${acks.filter((a) => a.op !== 'reportProgress' && /^crash:term:/.test('title' in a ? a.title : a.note)).length} answered 200 in all, ` +
        `${refusedAfterTerm.length} sent afterwards on a new connection refused; exit ${exit.code} after ${exitMs} ms`,
    );
    expect(failures, 'requests sent before SIGTERM, or on an open connection, that failed').toEqual([]);
    expect(inFlightAtTerm).toBeGreaterThan(0);
    expect(exit).toEqual({ code: 0, signal: null });
    expect(exitMs, 'keep-alive clients do not hold the server open').toBeLessThan(15_000);
    expect(server.lines.some((line) => line.includes('stopping: finishing requests in flight'))).toBe(true);

    const db = await openDirectly();
    try {
      const { found } = await verify(db, acks, world);
      expect(found).toBe(acks.length);
    } finally {
      await db.close();
    }
  }, 120_000);
});
