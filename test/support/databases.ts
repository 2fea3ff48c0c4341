// The databases every data-touching suite runs against: the embedded PGlite always, and PostgreSQL
// when TEST_DATABASE_URL names a server (always under CI). Each test file gets a database of its own,
// made fresh and dropped afterwards: a copy of the migrated snapshot or template that global-setup.ts
// made once for the run.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../api/db.ts';
import { applyMigrations } from '../../prisma/migrate.ts';

export type DatabaseKind = 'pglite' | 'postgres';

const serverUrl = process.env.TEST_DATABASE_URL;

if (process.env.CI === 'true' && !serverUrl) {
  throw new Error('CI=true needs TEST_DATABASE_URL: the PostgreSQL suites may not be skipped in CI');
}

/** The kinds to run suites on; PostgreSQL only when a server is configured. */
export const databaseKinds: DatabaseKind[] = serverUrl ? ['pglite', 'postgres'] : ['pglite'];

export interface TestDatabase extends Database {
  /** Closes the connection and, on PostgreSQL, drops the test's database. */
  destroy(): Promise<void>;
  /** The PostgreSQL database's URL (none for PGlite). */
  url?: string;
}

function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

let snapshot: Promise<Blob> | undefined;

/** The migrated PGlite snapshot of this run, read once per test file. */
function migratedSnapshot(): Promise<Blob> {
  snapshot ??= readFile(inject('pgliteSnapshot')).then((bytes) => new Blob([new Uint8Array(bytes)]));
  return snapshot;
}

/** A new, migrated, empty database of the given kind (the API's client with a statement timeout, if given). */
export async function createTestDatabase(
  kind: DatabaseKind,
  options: { statementTimeoutMs?: number } = {},
): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const db = await openDatabase({ dataDir: 'memory://', loadDataDir: await migratedSnapshot(), ...options });
    return { ...db, destroy: () => db.close() };
  }
  if (!serverUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `par_test_${randomBytes(6).toString('hex')}`;
  const template = inject('postgresTemplate');
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`);
  await admin.end();
  const url = withDatabaseName(serverUrl, name);
  const db = await openDatabase({ databaseUrl: url, ...options });
  if (!template) await applyMigrations(db.adapterFactory);
  return {
    ...db,
    url,
    destroy: async () => {
      await db.close();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
