// Backs up the database and the evidence files into one archive (a tar file):
//   npm run db:backup -- <file> [--force]
// The database is the one the server would use: PostgreSQL when DATABASE_URL is set (pg_dump, custom
// format: a consistent snapshot, so the server may keep running), else the embedded database in
// DATA_DIR (PGlite's own dump of its data directory: the server must be stopped, as only one process
// may open it). The evidence files in FILES_DIR go in beside it. `npm run db:restore -- <file>` puts
// both back. The archive holds:
//   manifest.json             what it is: database kind, applied migrations, rows per table, files
//   database/pglite.tar.gz    or database/postgres.pgdump
//   files/                    FILES_DIR as it was (content-addressed: <2 hex>/<sha256>)
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rename, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { loadConfig } from '../api/config.ts';

export const run = promisify(execFile);

export const manifestName = 'manifest.json';
export const pgliteDumpName = 'database/pglite.tar.gz';
export const postgresDumpName = 'database/postgres.pgdump';

export interface Manifest {
  format: 'par-tracker-backup';
  formatVersion: 1;
  createdAt: string;
  database: 'pglite' | 'postgres';
  /** Migrations applied to the database backed up, oldest first. */
  migrations: string[];
  /** Rows per table, to check a restore against. */
  rows: Record<string, number>;
  files: { count: number; bytes: number };
}

/** Anything that runs SQL and returns rows: a PGlite instance or a pg client. */
export interface Sql {
  query<T>(text: string): Promise<{ rows: T[] }>;
}

/**
 * Rows per table of the current schema and the migrations applied. The migration table is left out,
 * and so are unlogged tables (the rate limit's counts of the last minute): a copy of PGlite's data
 * directory does not keep their rows, and nothing needs them back.
 */
export async function describeDatabase(sql: Sql): Promise<Pick<Manifest, 'migrations' | 'rows'>> {
  const tables = await sql.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables t
     WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
       AND NOT EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                       WHERE n.nspname = t.table_schema AND c.relname = t.table_name AND c.relpersistence = 'u')
     ORDER BY table_name`,
  );
  const rows: Record<string, number> = {};
  let migrations: string[] = [];
  for (const { table_name: table } of tables.rows) {
    if (table === '_prisma_migrations') {
      const applied = await sql.query<{ migration_name: string }>(
        `SELECT migration_name FROM "_prisma_migrations"
         WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
      );
      migrations = applied.rows.map((row) => row.migration_name);
      continue;
    }
    const counted = await sql.query<{ n: number | string }>(`SELECT count(*) AS n FROM "${table}"`);
    rows[table] = Number(counted.rows[0]?.n ?? 0);
  }
  return { migrations, rows };
}

/** A PostgreSQL URL as libpq (pg_dump, pg_restore) takes it: without Prisma's own parameters and
 * without the password, which goes in the environment instead of the process list. */
export function libpqTarget(databaseUrl: string): { url: string; env: NodeJS.ProcessEnv; schema: string | null } {
  const url = new URL(databaseUrl);
  const schema = url.searchParams.get('schema');
  for (const prismaOnly of [
    'schema',
    'connection_limit',
    'pool_timeout',
    'pgbouncer',
    'statement_cache_size',
    'socket_timeout',
  ]) {
    url.searchParams.delete(prismaOnly);
  }
  const password = decodeURIComponent(url.password);
  url.password = '';
  return { url: url.toString(), env: password ? { ...process.env, PGPASSWORD: password } : process.env, schema };
}

/** A PGlite data directory holds postmaster.pid while open, and still after a crash. */
export function pgliteInUse(dataDir: string): boolean {
  return existsSync(path.join(dataDir, 'postmaster.pid'));
}

export async function isEmptyDir(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).length === 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
}

async function countFiles(dir: string): Promise<{ count: number; bytes: number }> {
  let count = 0;
  let bytes = 0;
  const walk = async (folder: string) => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile()) {
        count += 1;
        bytes += (await stat(full)).size;
      }
    }
  };
  if (existsSync(dir)) await walk(dir);
  return { count, bytes };
}

export interface BackupOptions {
  file: string;
  databaseUrl: string | undefined;
  dataDir: string;
  filesDir: string;
  /** Overwrite an existing archive; back up an embedded database whose postmaster.pid is left over. */
  force?: boolean;
}

export async function backup(options: BackupOptions): Promise<Manifest> {
  const file = path.resolve(options.file);
  if (existsSync(file) && !options.force) {
    throw new UsageError(`${file} exists; choose another name or add --force to overwrite it`);
  }
  const staging = await mkdtemp(path.join(tmpdir(), 'par-backup-'));
  try {
    await mkdir(path.join(staging, 'database'));
    let described: Pick<Manifest, 'migrations' | 'rows'>;
    let database: Manifest['database'];
    if (options.databaseUrl) {
      database = 'postgres';
      const target = libpqTarget(options.databaseUrl);
      const client = new pg.Client({ connectionString: options.databaseUrl });
      await client.connect();
      try {
        described = await describeDatabase(client);
      } finally {
        await client.end();
      }
      await run(
        'pg_dump',
        [
          '--format=custom',
          `--file=${path.join(staging, postgresDumpName)}`,
          ...(target.schema ? [`--schema=${target.schema}`] : []),
          `--dbname=${target.url}`,
        ],
        { env: target.env, maxBuffer: 64 * 1024 * 1024 },
      ).catch((error: Error & { stderr?: string; code?: string }) => {
        throw new Error(
          error.code === 'ENOENT'
            ? 'pg_dump is not installed (Debian: apt-get install postgresql-client)'
            : `pg_dump failed: ${error.stderr || error.message}`,
        );
      });
    } else {
      database = 'pglite';
      const dataDir = path.resolve(options.dataDir);
      if (!existsSync(path.join(dataDir, 'PG_VERSION'))) throw new UsageError(`${dataDir} holds no database`);
      if (pgliteInUse(dataDir) && !options.force) {
        throw new UsageError(
          `${dataDir} is open in a running server (postmaster.pid): stop the server first, as only one process may ` +
            'open the embedded database. If none runs (it stopped abruptly), add --force.',
        );
      }
      const db = await PGlite.create(dataDir);
      try {
        described = await describeDatabase(db);
        // Everything written out to the data files first, so the copy needs no recovery.
        await db.exec('CHECKPOINT');
        const dump = await db.dumpDataDir('gzip');
        await writeFile(path.join(staging, pgliteDumpName), new Uint8Array(await dump.arrayBuffer()));
      } finally {
        await db.close();
      }
    }

    // The files after the database: each row's file is already there (files are written before the
    // row that names them, and never deleted), at worst with a few newer files beside them.
    const filesDir = path.resolve(options.filesDir);
    const files = await countFiles(filesDir);
    const manifest: Manifest = {
      format: 'par-tracker-backup',
      formatVersion: 1,
      createdAt: new Date().toISOString(),
      database,
      ...described,
      files,
    };
    await writeFile(path.join(staging, manifestName), `${JSON.stringify(manifest, null, 2)}\n`);
    const members = [manifestName, database === 'pglite' ? pgliteDumpName : postgresDumpName];
    if (existsSync(filesDir)) {
      await symlink(filesDir, path.join(staging, 'files'));
      members.push('files');
    }
    await mkdir(path.dirname(file), { recursive: true });
    const partial = `${file}.partial`;
    // --dereference: the files folder is linked into the staging folder, not copied.
    await run('tar', ['--create', '--dereference', `--file=${partial}`, `--directory=${staging}`, ...members]);
    await rename(partial, file);
    return manifest;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** A mistake in how the command was called: exit code 2, message only. */
export class UsageError extends Error {}

export function summary(manifest: Manifest): string {
  const rows = Object.values(manifest.rows).reduce((sum, n) => sum + n, 0);
  return (
    `${manifest.database === 'pglite' ? 'embedded database' : 'PostgreSQL'}: ${Object.keys(manifest.rows).length} tables, ` +
    `${rows} rows (${manifest.rows.Task ?? 0} tasks), ${manifest.migrations.length} migrations; ` +
    `${manifest.files.count} evidence files (${(manifest.files.bytes / 1024 / 1024).toFixed(1)} MB)`
  );
}

/** Runs a command's main with the usual exit codes: 0 done, 2 refused or misused, 1 failed. */
export function runCommand(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(error instanceof UsageError ? 2 : 1);
    },
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runCommand(async () => {
    const args = process.argv.slice(2);
    const file = args.find((arg) => !arg.startsWith('--'));
    if (!file) throw new UsageError('Usage: npm run db:backup -- <file.tar> [--force]');
    const config = loadConfig();
    const started = Date.now();
    const manifest = await backup({
      file,
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      filesDir: config.filesDir,
      force: args.includes('--force'),
    });
    const size = (await stat(file)).size;
    console.log(
      `Backed up to ${path.resolve(file)} (${(size / 1024 / 1024).toFixed(1)} MB, ${Date.now() - started} ms): ${summary(manifest)}`,
    );
  });
}
