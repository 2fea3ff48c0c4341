// Counts the SQL statements Prisma sends, for N+1 guards and benchmarks. A second Prisma client on the
// same driver adapter factory (the same PGlite instance, or a pool on the same PostgreSQL database)
// logs every statement as an event; the app's own client stays untouched and pays nothing.
import type { SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaClient } from '../../generated/prisma/client.ts';

export interface StatementCounter {
  /** A client that records every statement it sends; give it to the app under test. */
  prisma: PrismaClient;
  /**
   * Runs `work` and returns its result with the statements sent meanwhile (run one at a time), in the
   * order they finished, and when each was handed to the driver (performance.now()).
   */
  count<T>(work: () => Promise<T>): Promise<{ result: T; statements: string[]; startedAt: number[] }>;
  close(): Promise<void>;
}

export function statementCounter(adapterFactory: SqlDriverAdapterFactory): StatementCounter {
  const prisma = new PrismaClient({ adapter: adapterFactory, log: [{ emit: 'event', level: 'query' }] });
  let recording: { statements: string[]; startedAt: number[] } | null = null;
  prisma.$on('query', (event) => {
    // Emitted when the statement has finished; its duration counts from when it was handed over.
    recording?.statements.push(event.query);
    recording?.startedAt.push(performance.now() - event.duration);
  });
  return {
    prisma,
    async count(work) {
      recording = { statements: [], startedAt: [] };
      const sent = recording;
      try {
        return { result: await work(), ...sent };
      } finally {
        recording = null;
      }
    },
    close: () => prisma.$disconnect(),
  };
}
