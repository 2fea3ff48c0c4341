import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { Pool } from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from '../generated/prisma/client.ts';

export interface Database {
  kind: 'pglite' | 'postgres';
  prisma: PrismaClient;
  /** The same connection as `prisma`, for the migration engine. */
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

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pg = new PrismaPg({ connectionString: options.databaseUrl });
    const prisma = new PrismaClient({ adapter: pg, log: options.log });
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
  const prisma = new PrismaClient({ adapter: adapterFactory, log: options.log });
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
