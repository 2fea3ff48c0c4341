// Imports of the PAR index's structure and scores from CSV or XLSX files: read (read.ts), match the
// header (columns.ts), check every row (framework.ts, scores.ts), then write all or nothing.
import type { Write } from '../mutation.ts';
import { planFrameworkImport, writeFrameworkImport, type FrameworkImportInput } from './framework.ts';
import type { Table } from './read.ts';
import { ImportRefused, type ImportReport } from './report.ts';
import { planScoresImport, writeScoresImport, type ScoresImportInput } from './scores.ts';

export { type RowError } from './columns.ts';
export { planFrameworkImport, structureColumns, type FrameworkImportInput } from './framework.ts';
export { ImportRefused, type ImportReport } from './report.ts';
export { maxRows, readTable, uploadedBytes, type Table } from './read.ts';
export { planScoresImport, scoreColumns, unitKindsOfLevel, type ScoresImportInput } from './scores.ts';

/**
 * A big file's statements (20,000 scores are inserted a few thousand at a time) may take longer than
 * STATEMENT_TIMEOUT_MS allows an API statement: an import's transaction has the timeout of the
 * transaction itself (runMutation's 30 s) instead. PGlite ignores the setting.
 */
const importStatementTimeout = "SET LOCAL statement_timeout = '30s'";

/** Checks a structure file in the mutation's transaction and writes it; ImportRefused when a row is wrong. */
export async function importFramework(w: Write, input: FrameworkImportInput, table: Table): Promise<ImportReport> {
  await w.tx.$executeRawUnsafe(importStatementTimeout);
  const plan = await planFrameworkImport(w.tx, input, table);
  if (!plan.report.ok) throw new ImportRefused(plan.report);
  return writeFrameworkImport(w, input, plan, table.format);
}

/** Checks a scores file in the mutation's transaction and writes it; ImportRefused when a row is wrong. */
export async function importScores(w: Write, input: ScoresImportInput, table: Table): Promise<ImportReport> {
  await w.tx.$executeRawUnsafe(importStatementTimeout);
  const plan = await planScoresImport(w.tx, input, table);
  if (!plan.report.ok) throw new ImportRefused(plan.report);
  return writeScoresImport(w, plan, table.format);
}
