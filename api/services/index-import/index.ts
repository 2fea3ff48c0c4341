// Imports of the PAR index's structure and scores from CSV or XLSX files: read (read.ts), match the
// header (columns.ts), check every row (framework.ts, scores.ts), then write all or nothing.
export { type RowError } from './columns.ts';
export { planFrameworkImport, structureColumns, writeFrameworkImport, type FrameworkImportInput } from './framework.ts';
export { ImportRefused, type ImportReport } from './report.ts';
export { maxRows, readTable, uploadedBytes, type Table } from './read.ts';
export {
  planScoresImport,
  scoreColumns,
  unitKindsOfLevel,
  writeScoresImport,
  type ScoresImportInput,
} from './scores.ts';
