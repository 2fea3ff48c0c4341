// Every row of every table, to prove that a refused operation changed nothing.
import type { PrismaClient } from '../../generated/prisma/client.ts';

/** Tables that count every request, refused or not, by design: left out of snapshots. */
export const requestCountTables = ['RateLimit'];

export async function snapshotDatabase(prisma: PrismaClient): Promise<Record<string, unknown[]>> {
  const tables = await prisma.$queryRawUnsafe<{ table_name: string }[]>(
    `SELECT table_name FROM information_schema.tables
     WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'
     ORDER BY table_name`,
  );
  const snapshot: Record<string, unknown[]> = {};
  for (const { table_name: table } of tables.filter((t) => !requestCountTables.includes(t.table_name))) {
    snapshot[table] = await prisma.$queryRawUnsafe(`SELECT * FROM "${table}" ORDER BY 1, 2`);
  }
  return snapshot;
}
