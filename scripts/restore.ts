// Restores an archive made by `npm run db:backup`:
//   npm run db:restore -- <file> [--force]
// into the database the server would use (DATABASE_URL, else the embedded database in DATA_DIR) and
// the evidence files into FILES_DIR. Stop the server first. A database that already holds tables, or a
// data directory that is not empty, is left alone unless --force: then PostgreSQL objects are replaced
// (pg_restore --clean --if-exists, in one transaction) and an embedded data directory is moved aside
// to <DATA_DIR>.replaced-<time>, never deleted. Evidence files are added beside those already there
// (they are named by their content, so none is overwritten). The rows per table are checked against
// the archive's manifest.
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, readdir, rename, rm, rmdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { loadConfig } from '../api/config.ts';
import {
  describeDatabase,
  isEmptyDir,
  libpqTarget,
  manifestName,
  pgliteDumpName,
  pgliteInUse,
  postgresDumpName,
  run,
  runCommand,
  summary,
  UsageError,
  type Manifest,
} from './backup.ts';

export interface RestoreOptions {
  file: string;
  databaseUrl: string | undefined;
  dataDir: string;
  filesDir: string;
  /** Replace a database that is not empty. */
  force?: boolean;
}

export interface Restored {
  manifest: Manifest;
  /** Where the data directory that was replaced went (embedded database, --force). */
  replacedDir?: string;
  filesAdded: number;
}

async function readManifest(file: string, staging: string): Promise<Manifest> {
  await run('tar', ['--extract', `--file=${file}`, `--directory=${staging}`, manifestName]).catch(() => {
    throw new UsageError(`${file} is not a backup made by npm run db:backup (no ${manifestName} in it)`);
  });
  const manifest = JSON.parse(await readFile(path.join(staging, manifestName), 'utf8')) as Manifest;
  if (manifest.format !== 'par-tracker-backup' || manifest.formatVersion !== 1) {
    throw new UsageError(
      `${file} is not a backup this version can read (${manifest.format} ${manifest.formatVersion})`,
    );
  }
  return manifest;
}

async function tablesIn(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const result = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = current_schema()`,
    );
    return Number(result.rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

async function describePostgres(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await describeDatabase(client);
  } finally {
    await client.end();
  }
}

async function addFiles(from: string, to: string): Promise<number> {
  if (!existsSync(from)) return 0;
  let added = 0;
  const walk = async (folder: string) => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const source = path.join(folder, entry.name);
      if (entry.isDirectory()) await walk(source);
      else if (entry.isFile()) {
        const target = path.join(to, path.relative(from, source));
        if (existsSync(target)) continue;
        await cp(source, target, { force: false, errorOnExist: false, preserveTimestamps: true });
        added += 1;
      }
    }
  };
  await walk(from);
  return added;
}

export async function restore(options: RestoreOptions): Promise<Restored> {
  const file = path.resolve(options.file);
  if (!existsSync(file)) throw new UsageError(`${file} does not exist`);
  const staging = await mkdtemp(path.join(tmpdir(), 'par-restore-'));
  try {
    const manifest = await readManifest(file, staging);
    const target = options.databaseUrl ? 'postgres' : 'pglite';
    if (manifest.database !== target) {
      throw new UsageError(
        manifest.database === 'postgres'
          ? 'This is a backup of a PostgreSQL database: set DATABASE_URL to the database to restore it into.'
          : 'This is a backup of the embedded database: unset DATABASE_URL and set DATA_DIR to a new folder to restore it into.',
      );
    }
    // Refuse before unpacking anything.
    const dataDir = path.resolve(options.dataDir);
    if (options.databaseUrl) {
      const tables = await tablesIn(options.databaseUrl);
      if (tables > 0 && !options.force) {
        throw new UsageError(
          `The database of DATABASE_URL already holds ${tables} tables: restore into an empty database, or add --force to replace them.`,
        );
      }
    } else if (!(await isEmptyDir(dataDir)) && !options.force) {
      throw new UsageError(
        `${dataDir} is not empty${pgliteInUse(dataDir) ? ' and may be open in a running server' : ''}: set DATA_DIR to a new folder, or stop the server and add --force to replace it (it is moved aside, not deleted).`,
      );
    }

    await run('tar', ['--extract', `--file=${file}`, `--directory=${staging}`]);
    let replacedDir: string | undefined;
    let described: Pick<Manifest, 'migrations' | 'rows'>;
    if (options.databaseUrl) {
      const libpq = libpqTarget(options.databaseUrl);
      await run(
        'pg_restore',
        [
          '--clean',
          '--if-exists',
          '--no-owner',
          '--no-privileges',
          '--single-transaction',
          '--exit-on-error',
          `--dbname=${libpq.url}`,
          path.join(staging, postgresDumpName),
        ],
        { env: libpq.env, maxBuffer: 64 * 1024 * 1024 },
      ).catch((error: Error & { stderr?: string; code?: string }) => {
        throw new Error(
          error.code === 'ENOENT'
            ? 'pg_restore is not installed (Debian: apt-get install postgresql-client)'
            : `pg_restore failed, nothing was changed: ${error.stderr || error.message}`,
        );
      });
      described = await describePostgres(options.databaseUrl);
    } else {
      // Unpacked beside the target, then moved into place: a failed restore leaves the target as it was.
      const fresh = `${dataDir}.restoring-${randomBytes(4).toString('hex')}`;
      try {
        const dump = await readFile(path.join(staging, pgliteDumpName));
        const db = await PGlite.create(fresh, { loadDataDir: new Blob([new Uint8Array(dump)]) });
        try {
          described = await describeDatabase(db);
        } finally {
          await db.close();
        }
        if (existsSync(dataDir)) {
          if (await isEmptyDir(dataDir)) await rmdir(dataDir);
          else {
            replacedDir = `${dataDir}.replaced-${new Date().toISOString().replace(/[:.]/g, '-')}`;
            await rename(dataDir, replacedDir);
          }
        }
        await rename(fresh, dataDir);
      } finally {
        await rm(fresh, { recursive: true, force: true });
      }
    }

    const filesAdded = await addFiles(path.join(staging, 'files'), path.resolve(options.filesDir));
    const differing = Object.keys({ ...manifest.rows, ...described.rows }).filter(
      (table) => manifest.rows[table] !== described.rows[table],
    );
    if (differing.length || described.migrations.join() !== manifest.migrations.join()) {
      throw new Error(
        `The restored database differs from the backup's manifest: ${differing
          .map((table) => `${table} ${described.rows[table] ?? '-'} (expected ${manifest.rows[table] ?? '-'})`)
          .join(', ')}${described.migrations.join() !== manifest.migrations.join() ? ' and in its migrations' : ''}`,
      );
    }
    return { manifest, ...(replacedDir && { replacedDir }), filesAdded };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runCommand(async () => {
    const args = process.argv.slice(2);
    const file = args.find((arg) => !arg.startsWith('--'));
    if (!file) throw new UsageError('Usage: npm run db:restore -- <file.tar> [--force]');
    const config = loadConfig();
    const started = Date.now();
    const restored = await restore({
      file,
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      filesDir: config.filesDir,
      force: args.includes('--force'),
    });
    console.log(
      `Restored ${path.resolve(file)} (made ${restored.manifest.createdAt}) in ${Date.now() - started} ms: ${summary(restored.manifest)}; ` +
        `rows checked against the manifest; ${restored.filesAdded} evidence files added to ${path.resolve(config.filesDir)}.` +
        (restored.replacedDir ? ` The data directory it replaced is now ${restored.replacedDir}.` : ''),
    );
  });
}
