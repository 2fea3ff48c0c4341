// Offline migrations: Prisma's WebAssembly schema engine driven through a driver adapter, so that no
// native engine binary (which the stock CLI would download) is needed. Migrations stay in Prisma's
// own folder format, so stock `prisma migrate deploy` accepts them too.
import { readFile, readdir, mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import type { MigrationList, SchemaEngine as SchemaEngineType } from '@prisma/schema-engine-wasm';
import { PrismaPGlite } from 'pglite-prisma-adapter';

const here = path.dirname(fileURLToPath(import.meta.url));
export const schemaPath = path.join(here, 'schema.prisma');
export const migrationsDir = path.join(here, 'migrations');
const lockfileName = 'migration_lock.toml';
const noFilter = { externalTables: [], externalEnums: [] };

interface SchemaEngineModule {
  SchemaEngine: {
    new: (
      options: { datamodels: [string, string][] },
      log: (message: string) => void,
      adapter: object,
    ) => Promise<SchemaEngineType>;
  };
  __wbg_set_wasm(exports: Record<string, unknown>): void;
}

// The server's TypeScript libs leave out WebAssembly's types; this is the one call used.
const { WebAssembly } = globalThis as unknown as {
  WebAssembly: {
    instantiate(
      bytes: Uint8Array,
      imports: Record<string, unknown>,
    ): Promise<{ instance: { exports: Record<string, unknown> } }>;
  };
};

let enginePromise: Promise<SchemaEngineModule> | undefined;

// Node 20 cannot import the package's .wasm as an ES module, so instantiate it by hand.
function loadEngineModule(): Promise<SchemaEngineModule> {
  enginePromise ??= (async () => {
    const bindings = (await import('@prisma/schema-engine-wasm/schema_engine_bg')) as unknown as SchemaEngineModule;
    const require = createRequire(import.meta.url);
    const wasmPath = path.join(
      path.dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg')),
      'schema_engine_bg.wasm',
    );
    const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), {
      './schema_engine_bg.js': bindings,
    });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bindings;
  })();
  return enginePromise;
}

async function readSchema(): Promise<[string, string][]> {
  return [[schemaPath, await readFile(schemaPath, 'utf8')]];
}

async function withEngine<T>(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  run: (engine: SchemaEngineType) => Promise<T>,
): Promise<T> {
  const { SchemaEngine } = await loadEngineModule();
  // The engine never releases the connections it opens; one of them holds the migration advisory lock,
  // which would make the next engine wait until the pool drops it. Release them all when done.
  const opened: SqlDriverAdapter[] = [];
  const track = async (adapter: Promise<SqlDriverAdapter>) => {
    opened.push(await adapter);
    return opened[opened.length - 1] as SqlDriverAdapter;
  };
  const engine = await SchemaEngine.new(
    { datamodels: await readSchema() },
    () => {},
    bindMigrationAwareSqlAdapterFactory({
      provider: adapterFactory.provider,
      adapterName: adapterFactory.adapterName,
      connect: () => track(adapterFactory.connect()),
      connectToShadowDb: () => track(adapterFactory.connectToShadowDb()),
    }),
  );
  try {
    return await run(engine);
  } finally {
    engine.free();
    await Promise.all(opened.map((adapter) => adapter.dispose()));
  }
}

/** The committed migrations, read from disk in the shape the schema engine wants. */
export async function readMigrations(dir = migrationsDir): Promise<MigrationList> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const folders = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const migrationDirectories = await Promise.all(
    folders.map(async (folder) => {
      const file = path.join(dir, folder, 'migration.sql');
      const content = await readFile(file, 'utf8').then(
        (value) => ({ tag: 'ok' as const, value }),
        (error: Error) => ({ tag: 'error' as const, value: error.message }),
      );
      return { path: folder, migrationFile: { path: 'migration.sql', content } };
    }),
  );
  const lockfile = await readFile(path.join(dir, lockfileName), 'utf8').catch(() => null);
  return {
    baseDir: dir,
    lockfile: { path: lockfileName, content: lockfile },
    shadowDbInitScript: '',
    migrationDirectories,
  };
}

/** Applies every committed migration not yet applied; returns the names applied now. */
export async function applyMigrations(adapterFactory: SqlMigrationAwareDriverAdapterFactory): Promise<string[]> {
  const migrationsList = await readMigrations();
  const result = await withEngine(adapterFactory, (engine) =>
    engine.applyMigrations({ migrationsList, filters: noFilter }),
  );
  return result.appliedMigrationNames;
}

export interface MigrationStatus {
  applied: boolean;
  pending: string[];
  failed: string[];
  edited: string[];
}

/** Compares the database's migration table with the committed migrations. */
export async function migrationStatus(adapterFactory: SqlMigrationAwareDriverAdapterFactory): Promise<MigrationStatus> {
  const migrationsList = await readMigrations();
  const diagnosis = await withEngine(adapterFactory, (engine) =>
    engine.diagnoseMigrationHistory({ migrationsList, optInToShadowDatabase: false, filters: noFilter }),
  );
  const history = diagnosis.history;
  const pending = history?.diagnostic === 'databaseIsBehind' ? history.unappliedMigrationNames : [];
  return {
    applied: history === null && diagnosis.failedMigrationNames.length === 0,
    pending,
    failed: diagnosis.failedMigrationNames,
    edited: diagnosis.editedMigrationNames,
  };
}

/** Drops everything in the database's schema. */
export async function resetDatabase(adapterFactory: SqlMigrationAwareDriverAdapterFactory): Promise<void> {
  await withEngine(adapterFactory, (engine) => engine.reset({ filter: noFilter }));
}

// Diffs are computed with a throw-away in-memory PGlite: the engine replays the committed migrations
// on its shadow database.
async function withScratchDatabase<T>(run: (factory: PrismaPGlite) => Promise<T>): Promise<T> {
  const scratch = new PGlite();
  try {
    return await run(new PrismaPGlite(scratch));
  } finally {
    await scratch.close();
  }
}

/**
 * The SQL that would bring a database built from the committed migrations to schema.prisma;
 * an empty string when they agree.
 */
export async function diffMigrationsToSchema(): Promise<string> {
  const migrationsList = await readMigrations();
  const schema = { files: (await readSchema()).map(([p, content]) => ({ path: p, content })) };
  const result = await withScratchDatabase((factory) =>
    withEngine(factory, (engine) =>
      engine.diff({
        from:
          migrationsList.migrationDirectories.length === 0
            ? { tag: 'empty' }
            : { tag: 'migrations', ...migrationsList },
        to: { tag: 'schemaDatamodel', ...schema },
        script: true,
        exitCode: true,
        filters: noFilter,
      }),
    ),
  );
  return (result.stdout ?? '').replace(/^-- This is an empty migration\.\s*$/m, '').trim();
}

function timestamp(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${now.getUTCFullYear()}${pad(now.getUTCMonth() + 1)}${pad(now.getUTCDate())}` +
    `${pad(now.getUTCHours())}${pad(now.getUTCMinutes())}${pad(now.getUTCSeconds())}`
  );
}

/**
 * Writes the next migration folder from the difference between the committed migrations and
 * schema.prisma. Returns its folder name, or null when there is nothing to migrate.
 * With `draft`, writes an empty migration for hand-written SQL (checks, triggers).
 */
export async function createMigration(name: string, { draft = false } = {}): Promise<string | null> {
  if (!/^[a-z0-9_]+$/.test(name)) {
    throw new Error(`Migration name must be lower-case letters, digits and underscores: "${name}"`);
  }
  const sql = await diffMigrationsToSchema();
  if (!sql && !draft) return null;
  const folder = `${timestamp()}_${name}`;
  await mkdir(path.join(migrationsDir, folder), { recursive: true });
  const body = sql ? `${sql}\n` : '-- Hand-written migration.\n';
  await writeFile(path.join(migrationsDir, folder, 'migration.sql'), body);
  await writeFile(
    path.join(migrationsDir, lockfileName),
    '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
  );
  return folder;
}
