// What an import answers: how many rows it read, the problems row by row, and what it wrote.
import type { RowError } from './columns.ts';

/** The most problems a report lists: the first ones by row; a file of 20,000 wrong rows has far more. */
export const listedErrors = 1_000;

export interface ImportReport {
  ok: boolean;
  dryRun: boolean;
  /** Rows below the header that hold something. */
  rowsRead: number;
  /** The first `listedErrors` problems, by row. */
  errors: RowError[];
  /** Every problem found, listed or not. */
  errorCount: number;
  /** The framework imported, or the one the scores belong to; null when there is none (yet). */
  frameworkId: number | null;
  nodesCreated: number;
  resultsCreated: number;
  scoresCreated: number;
}

/** Thrown inside the import's transaction when a row is wrong, so that nothing is written. */
export class ImportRefused extends Error {
  constructor(readonly report: ImportReport) {
    super('The import has errors; nothing was written');
  }
}

export function refusedReport(
  errors: RowError[],
  rowsRead: number,
  dryRun: boolean,
  frameworkId: number | null = null,
): ImportReport {
  return {
    ok: false,
    dryRun,
    rowsRead,
    errors: errors.slice(0, listedErrors),
    errorCount: errors.length,
    frameworkId,
    nodesCreated: 0,
    resultsCreated: 0,
    scoresCreated: 0,
  };
}
