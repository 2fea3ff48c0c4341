// `npm run db:backup` and `npm run db:restore`, run as the commands they are, on the embedded database
// and on PostgreSQL: the demo data and an uploaded evidence file go into one archive and come back
// into a fresh database and files folder, every row of every table and every file byte equal.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import { prepareDatabase } from '../../api/bootstrap.ts';
import { loadConfig } from '../../api/config.ts';
import { openDatabase, type Database } from '../../api/db.ts';
import { migrationStatus } from '../../prisma/migrate.ts';
import { scratchPostgres } from '../crash/server.ts';
import { databaseKinds } from '../support/databases.ts';
import { snapshotDatabase } from '../support/snapshot.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const quiet = { info: () => {}, warn: () => {} };
const pdf = Buffer.from(
  '%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\n' +
    'trailer <</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

interface Target {
  env: Record<string, string>;
  open(): Promise<Database>;
  drop(): Promise<void>;
}

/** Runs `npm run db:<command> -- ...args` the way npm does (tsx), in the given environment. */
function command(script: 'backup' | 'restore', args: string[], env: Record<string, string>) {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  if (!env.DATABASE_URL) delete childEnv.DATABASE_URL;
  return new Promise<{ code: number; output: string }>((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', `scripts/${script}.ts`, ...args],
      { cwd: root, env: childEnv },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, output: `${stdout}${stderr}` }),
    );
  });
}

async function filesUnder(dir: string): Promise<Record<string, string>> {
  const found: Record<string, string> = {};
  const walk = async (folder: string) => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) await walk(full);
      else found[path.relative(dir, full)] = (await readFile(full)).toString('base64');
    }
  };
  if (existsSync(dir)) await walk(dir);
  return found;
}

type Data = {
  login: { token: string };
  me: { unit: { id: string } };
  tasks: { nodes: { id: string }[] };
  objectives: { nodes: { id: string }[] };
};

async function gql(app: ReturnType<typeof createApp>, query: string, variables: object, token?: string) {
  const response = await app.fetch(
    new Request('http://test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    }),
  );
  return (await response.json()) as { data?: Data; errors?: unknown[] };
}

async function signIn(app: ReturnType<typeof createApp>, username: string): Promise<string> {
  const result = await gql(app, 'mutation ($u: String!) { login(username: $u, password: "DaTeh@PAR2022") { token } }', {
    u: username,
  });
  return result.data?.login.token as string;
}

describe.each(databaseKinds)('backup and restore on %s', (kind) => {
  let work: string;
  const targets: Target[] = [];

  async function newTarget(name: string): Promise<Target> {
    const filesDir = path.join(work, `${name}-files`);
    let target: Target;
    if (kind === 'pglite') {
      const dataDir = path.join(work, `${name}-pglite`);
      target = {
        env: { DATA_DIR: dataDir, FILES_DIR: filesDir },
        open: () => openDatabase({ dataDir }),
        drop: async () => {},
      };
    } else {
      const database = await scratchPostgres(process.env.TEST_DATABASE_URL as string, `par_backup_${name}`);
      target = {
        env: { DATABASE_URL: database.url, FILES_DIR: filesDir },
        open: () => openDatabase({ databaseUrl: database.url }),
        drop: database.drop,
      };
    }
    targets.push(target);
    return target;
  }

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'par-backup-test-'));
  });
  afterAll(async () => {
    for (const target of targets) await target.drop();
    await rm(work, { recursive: true, force: true });
  });

  it('puts every row of every table and every evidence file back into a fresh database', async () => {
    // The source: the demo data and one uploaded file.
    const source = await newTarget('source');
    const sourceDb = await source.open();
    await prepareDatabase(sourceDb, { environment: 'test', demoData: true, initialAdminPassword: undefined }, quiet);
    const sourceApp = createApp({ db: sourceDb, config: loadConfig({ NODE_ENV: 'test', ...source.env }) });
    const head = await signIn(sourceApp, 'head.pnv');
    const task = (await gql(sourceApp, '{ me { unit { id } } }', {}, head)).data?.me.unit.id as string;
    const open = await gql(
      sourceApp,
      'query ($u: ID!) { tasks(first: 1, filter: { leadUnit: { equals: $u }, status: { in: [IN_PROGRESS, NOT_STARTED] } }) { nodes { id } } }',
      { u: task },
      head,
    );
    const form = new FormData();
    form.append(
      'operations',
      JSON.stringify({
        query:
          'mutation ($t: ID!, $f: File!) { uploadEvidence(taskId: $t, title: "Báo cáo", file: $f) { id downloadUrl } }',
        variables: { t: open.data?.tasks.nodes[0]?.id, f: null },
      }),
    );
    form.append('map', JSON.stringify({ 0: ['variables.f'] }));
    form.append('0', new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }), 'bao-cao.pdf');
    const uploaded = (await (
      await sourceApp.fetch(
        new Request('http://test/graphql', {
          method: 'POST',
          headers: { authorization: `Bearer ${head}` },
          body: form,
        }),
      )
    ).json()) as { data?: { uploadEvidence: { downloadUrl: string } }; errors?: unknown };
    expect(uploaded.errors).toBeUndefined();
    const before = await snapshotDatabase(sourceDb.prisma);
    expect(before.Task?.length).toBeGreaterThanOrEqual(40);
    await sourceDb.close();
    const sourceFiles = await filesUnder(source.env.FILES_DIR as string);
    expect(Object.keys(sourceFiles)).toHaveLength(1);

    const archive = path.join(work, 'backups', 'par.tar');
    const backedUp = await command('backup', [archive], source.env);
    expect(backedUp, backedUp.output).toMatchObject({ code: 0 });
    expect(backedUp.output).toMatch(/1 evidence files/);
    const again = await command('backup', [archive], source.env);
    expect(again.code, 'an existing archive is not overwritten without --force').toBe(2);

    const restored = await newTarget('restored');
    const done = await command('restore', [archive], restored.env);
    expect(done, done.output).toMatchObject({ code: 0 });
    expect(done.output).toMatch(/rows checked against the manifest; 1 evidence files added/);

    const restoredDb = await restored.open();
    try {
      expect(await snapshotDatabase(restoredDb.prisma)).toEqual(before);
      expect((await migrationStatus(restoredDb.adapterFactory)).applied).toBe(true);
      expect(await filesUnder(restored.env.FILES_DIR as string)).toEqual(sourceFiles);

      // The restored database works on: a new task gets the next id, the file downloads.
      const app = createApp({ db: restoredDb, config: loadConfig({ NODE_ENV: 'test', ...restored.env }) });
      const admin = await signIn(app, 'admin');
      const refs = await gql(app, '{ objectives(first: 1) { nodes { id } } }', {}, admin);
      const created = await gql(
        app,
        'mutation ($o: ID!, $u: ID!) { createTask(input: { title: "Sau khôi phục", objectiveId: $o, leadUnitId: $u, deadline: "2030-12-31" }) { id } }',
        { o: refs.data?.objectives.nodes[0]?.id, u: task },
        admin,
      );
      expect(created.errors).toBeUndefined();
      const download = await app.fetch(
        new Request(`http://test${uploaded.data?.uploadEvidence.downloadUrl}`, {
          headers: { authorization: `Bearer ${admin}` },
        }),
      );
      expect(download.status).toBe(200);
      expect(Buffer.from(await download.arrayBuffer())).toEqual(pdf);
    } finally {
      await restoredDb.close();
    }

    // A database that is not empty is left alone without --force, and replaced with it.
    const refused = await command('restore', [archive], restored.env);
    expect(refused.code, refused.output).toBe(2);
    expect(refused.output).toMatch(kind === 'pglite' ? /is not empty/ : /already holds \d+ tables/);
    const forced = await command('restore', [archive, '--force'], restored.env);
    expect(forced, forced.output).toMatchObject({ code: 0 });
    const replacedDb = await restored.open();
    try {
      expect(await snapshotDatabase(replacedDb.prisma)).toEqual(before);
    } finally {
      await replacedDb.close();
    }
    if (kind === 'pglite') expect(forced.output).toMatch(/The data directory it replaced is now .*\.replaced-/);
  }, 120_000);
});
