// Runs once before every test file: migrates one embedded database and dumps it to a snapshot, and on
// PostgreSQL migrates one template database. Each test file's databases start from these (see
// databases.ts) rather than migrating their own: migrating took seconds per database, times every
// file and both kinds.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../api/db.ts';
import { applyMigrations } from '../../prisma/migrate.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A migrated PGlite data directory, dumped as a tarball. */
    pgliteSnapshot: string;
    /** A migrated PostgreSQL database to copy (CREATE DATABASE ... TEMPLATE), when a server is configured. */
    postgresTemplate: string | null;
  }
}

async function pgliteSnapshot(file: string): Promise<void> {
  const db = await openDatabase({ dataDir: 'memory://' });
  try {
    await applyMigrations(db.adapterFactory);
    // The adapter keeps its PGlite as `client`; dumpDataDir is the way PGlite copies a database.
    const pglite = (db.adapterFactory as unknown as { client: PGlite }).client;
    const tarball = await pglite.dumpDataDir('none');
    writeFileSync(file, new Uint8Array(await tarball.arrayBuffer()));
  } finally {
    await db.close();
  }
}

async function admin<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function postgresTemplate(serverUrl: string, name: string): Promise<void> {
  await admin(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ databaseUrl: url.toString() });
  try {
    await applyMigrations(db.adapterFactory);
  } finally {
    await db.close();
  }
}

interface Databases {
  snapshot: string;
  template: string | null;
  dispose: () => Promise<void>;
}

async function prepare(): Promise<Databases> {
  const dir = mkdtempSync(path.join(tmpdir(), 'par-test-snapshot-'));
  const snapshot = path.join(dir, 'migrated.tar');
  const serverUrl = process.env.TEST_DATABASE_URL;
  const template = serverUrl ? `par_template_${randomBytes(6).toString('hex')}` : null;
  await Promise.all([pgliteSnapshot(snapshot), serverUrl && template ? postgresTemplate(serverUrl, template) : null]);
  return {
    snapshot,
    template,
    dispose: async () => {
      rmSync(dir, { recursive: true, force: true });
      if (serverUrl && template) {
        await admin(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`));
      }
    },
  };
}

// Two projects (node, latency) use this setup, each loading it afresh, in one process. They share one
// preparation through globalThis: migrating a second time in the same process breaks Prisma's
// WebAssembly schema engine (invalid UTF-8 in its messages), and once is all the files need.
const shared = globalThis as typeof globalThis & { parTestDatabases?: { users: number; ready: Promise<Databases> } };

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const databases = (shared.parTestDatabases ??= { users: 0, ready: prepare() });
  databases.users += 1;
  const { snapshot, template, dispose } = await databases.ready;
  project.provide('pgliteSnapshot', snapshot);
  project.provide('postgresTemplate', template);
  return async () => {
    databases.users -= 1;
    if (databases.users === 0) {
      shared.parTestDatabases = undefined;
      await dispose();
    }
  };
}
