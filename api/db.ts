import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import type {
  SqlDriverAdapter,
  SqlDriverAdapterFactory,
  SqlMigrationAwareDriverAdapterFactory,
  SqlQueryable,
} from '@prisma/driver-adapter-utils';
import type { Pool } from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from '../generated/prisma/client.ts';

export interface Database {
  kind: 'pglite' | 'postgres';
  /** The client of API requests (with the statement timeout, when one was asked for). */
  prisma: PrismaClient;
  /** The same database as `prisma`, never with a statement timeout: for migrations and loading data. */
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres:// URL; without it the embedded PGlite in `dataDir` is used. */
  databaseUrl?: string | undefined;
  /** PGlite data directory, or `memory://` for a database in memory. */
  dataDir?: string;
  /**
   * A PGlite data directory dumped with `dumpDataDir` (an uncompressed tarball) to start the embedded
   * database from, instead of an empty one; the tests start from a migrated snapshot.
   */
  loadDataDir?: Blob;
  /** Extra options for the Prisma client (e.g. query logging in benchmarks). */
  log?: ConstructorParameters<typeof PrismaClient>[0]['log'];
  /**
   * PostgreSQL cancels a statement of `prisma` that runs longer than this (statement_timeout); 0 or
   * absent: never. PGlite, single-threaded WebAssembly, ignores it (docs/api.md "Bounds while a request runs").
   */
  statementTimeoutMs?: number;
}

/**
 * The pg adapter runs a migration script by splitting it on every ";", which breaks PL/pgSQL bodies
 * and string literals. PostgreSQL runs a multi-statement script itself, as one implicit transaction,
 * when it is sent whole: send it whole.
 */
function sendScriptsWhole(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const pgAdapter = adapter as SqlDriverAdapter & { underlyingDriver(): Pool; onError(error: unknown): never };
  pgAdapter.executeScript = async (script) => {
    try {
      await pgAdapter.underlyingDriver().query(script);
    } catch (error) {
      pgAdapter.onError(error);
    }
  };
  return pgAdapter;
}

function migrationFactoryFor(factory: PrismaPg): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => sendScriptsWhole(await factory.connect()),
    connectToShadowDb: async () => sendScriptsWhole(await factory.connectToShadowDb()),
  };
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Each statement of `queryable` waits for the event loop's next turn first. */
function afterNextTurn<Q extends SqlQueryable>(queryable: Q): Q {
  const queryRaw = queryable.queryRaw.bind(queryable);
  const executeRaw = queryable.executeRaw.bind(queryable);
  queryable.queryRaw = async (query) => {
    await nextTurn();
    return queryRaw(query);
  };
  queryable.executeRaw = async (query) => {
    await nextTurn();
    return executeRaw(query);
  };
  return queryable;
}

/**
 * PGlite runs a statement synchronously on the main thread, and its promises resolve as microtasks: a
 * request of many statements would hold the event loop from its first statement to its last, keeping
 * /health, timers (the request deadline) and every other client waiting. Each statement of the API's
 * client first lets the event loop turn, so that they get their turn between statements.
 */
function takingTurns(factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => {
      const adapter = afterNextTurn(await factory.connect());
      const startTransaction = adapter.startTransaction.bind(adapter);
      adapter.startTransaction = async (isolationLevel) => afterNextTurn(await startTransaction(isolationLevel));
      return adapter;
    },
  };
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pg = new PrismaPg({ connectionString: options.databaseUrl });
    // A pool of its own for the API's requests: each connection starts with the timeout set.
    const bounded = options.statementTimeoutMs
      ? new PrismaPg({ connectionString: options.databaseUrl, statement_timeout: options.statementTimeoutMs })
      : pg;
    const prisma = new PrismaClient({ adapter: bounded, log: options.log });
    return {
      kind: 'postgres',
      prisma,
      adapterFactory: migrationFactoryFor(pg),
      close: () => prisma.$disconnect(),
    };
  }
  const dataDir = options.dataDir ?? 'memory://';
  if (!dataDir.startsWith('memory://')) await mkdir(dataDir, { recursive: true });
  const pglite = await PGlite.create(dataDir, options.loadDataDir ? { loadDataDir: options.loadDataDir } : {});
  const adapterFactory = new PrismaPGlite(pglite);
  const prisma = new PrismaClient({ adapter: takingTurns(adapterFactory), log: options.log });
  return {
    kind: 'pglite',
    prisma,
    adapterFactory,
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}
