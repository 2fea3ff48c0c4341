// Counts the SQL statements Prisma sends, for N+1 guards and benchmarks. A second Prisma client on the
// same driver adapter factory (the same PGlite instance, or a pool on the same PostgreSQL database)
// logs every statement as an event; the app's own client stays untouched and pays nothing.
import type { SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaClient } from '../../generated/prisma/client.ts';

export interface StatementCounter {
  /** A client that records every statement it sends; give it to the app under test. */
  prisma: PrismaClient;
  /** Runs `work` and returns its result with the statements sent meanwhile (run one at a time). */
  count<T>(work: () => Promise<T>): Promise<{ result: T; statements: string[] }>;
  close(): Promise<void>;
}

export function statementCounter(adapterFactory: SqlDriverAdapterFactory): StatementCounter {
  const prisma = new PrismaClient({ adapter: adapterFactory, log: [{ emit: 'event', level: 'query' }] });
  let recording: string[] | null = null;
  prisma.$on('query', (event) => recording?.push(event.query));
  return {
    prisma,
    async count(work) {
      const statements: string[] = [];
      recording = statements;
      try {
        return { result: await work(), statements };
      } finally {
        recording = null;
      }
    },
    close: () => prisma.$disconnect(),
  };
}
