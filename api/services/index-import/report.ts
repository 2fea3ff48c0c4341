// What an import answers: how many rows it read, the problems row by row, and what it wrote.
import type { RowError } from './columns.ts';

export interface ImportReport {
  ok: boolean;
  dryRun: boolean;
  /** Rows below the header that hold something. */
  rowsRead: number;
  errors: RowError[];
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
  return { ok: false, dryRun, rowsRead, errors, frameworkId, nodesCreated: 0, resultsCreated: 0, scoresCreated: 0 };
}
