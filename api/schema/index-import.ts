// Imports of the PAR index from CSV or XLSX files: a level and year's structure, then its scores.
// The rules live in api/services/index-import/; this file only wires them to the schema.
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context.ts';
import { builder } from '../builder.ts';
import { listSize } from '../cost.ts';
import * as sizes from '../list-sizes.ts';
import {
  ImportRefused,
  importFramework,
  importScores,
  maxRows,
  planFrameworkImport,
  planScoresImport,
  readTable,
  uploadedBytes,
  type ImportReport,
  type RowError,
} from '../services/index-import/index.ts';
import { runMutation, type Write } from '../services/mutation.ts';
import { adminOnly } from './access.ts';
import { FileScalar } from './evidence.ts';
import { IndexFrameworkRef, IndexLevelEnum } from './index-framework.ts';
import { optionalText, requiredText, yearInput } from './validation.ts';

export const ImportRowErrorRef = builder.objectRef<RowError>('ImportRowError').implement({
  description: 'A problem found in an imported file: its row and column, or the file as a whole.',
  fields: (t) => ({
    row: t.exposeInt('row', {
      nullable: true,
      description:
        'Row number as a spreadsheet shows it (1 = the first line or row of the file); null for a problem with the whole file.',
    }),
    column: t.exposeString('column', {
      nullable: true,
      description: 'The column as the file names it (its letter when it has no header); null for a whole row or file.',
    }),
    message: t.exposeString('message', { description: 'What is wrong, in English.' }),
  }),
});

export const IndexImportReportRef = builder.objectRef<ImportReport>('IndexImportReport').implement({
  description:
    'What an import of index structure or scores found and did. When any row is wrong, `ok` is false, the problems are listed (errorCount counts them all) and nothing was written.',
  fields: (t) => ({
    ok: t.exposeBoolean('ok', {
      description: 'True when the file had no errors (and, unless a dry run, was written).',
    }),
    dryRun: t.exposeBoolean('dryRun', { description: 'True when the file was only checked.' }),
    rowsRead: t.exposeInt('rowsRead', { description: 'Rows below the header that hold something.' }),
    errors: t.field({
      type: [ImportRowErrorRef],
      extensions: listSize(sizes.importErrors),
      description: `The problems found, by row, the first ${sizes.importErrors} of them; empty when ok.`,
      resolve: (report) => report.errors,
    }),
    errorCount: t.exposeInt('errorCount', {
      description: 'Every problem found, including those past the listed ones.',
    }),
    framework: t.field({
      type: IndexFrameworkRef,
      nullable: true,
      description:
        'The framework imported or scored; null when a structure import was refused or only checked (and no framework of the level and year existed).',
      resolve: (report, _args, ctx) =>
        report.frameworkId === null
          ? null
          : ctx.prisma.indexFramework.findUnique({ where: { id: report.frameworkId } }),
    }),
    nodesCreated: t.exposeInt('nodesCreated', {
      description: 'Nodes written (or, on a dry run, that would be).',
    }),
    resultsCreated: t.exposeInt('resultsCreated', {
      description: "Units' results created (or, on a dry run, that would be); replaced results are not counted.",
    }),
    scoresCreated: t.exposeInt('scoresCreated', {
      description: "Scores written, parents' computed points included (or, on a dry run, that would be).",
    }),
  }),
});

const fileField = {
  required: true,
  description: `A CSV file (UTF-8 with or without BOM, comma- or semicolon-separated) or an XLSX workbook (its first worksheet), judged by the content; the first non-empty row is the header. At most MAX_UPLOAD_MB (20 MB unless configured) and ${maxRows} rows.`,
} as const;
const dryRunField = {
  defaultValue: false,
  description: 'Only check the file and report what would be written.',
} as const;

export const ImportIndexFrameworkInput = builder.inputType('ImportIndexFrameworkInput', {
  description:
    'The structure of the index for one level and year, from a file with columns code, name, max_points, and optionally method, reform_area and note (Vietnamese names accepted: mã, tên, điểm tối đa, phương pháp, lĩnh vực, ghi chú).',
  fields: (t) => ({
    level: t.field({ type: IndexLevelEnum, required: true, description: 'The level of body the framework scores.' }),
    year: t.int({ required: true, description: 'The year the framework applies to.', validate: yearInput }),
    name: t.string({
      required: true,
      description: 'Name, e.g. "Bộ chỉ số CCHC cấp xã năm 2025".',
      validate: requiredText(300),
    }),
    source: t.string({ description: 'The decision that set the structure.', validate: optionalText(500) }),
    file: t.field({ type: FileScalar, ...fileField }),
    dryRun: t.boolean(dryRunField),
    replace: t.boolean({
      defaultValue: false,
      description:
        'Rebuild an existing framework of the same level and year. Refused while any unit has a result under it or an improvement plan refers to its nodes.',
    }),
  }),
});

export const ImportIndexScoresInput = builder.inputType('ImportIndexScoresInput', {
  description:
    "A year's scores for one level, from a file with columns unit_code, node_code, points, and optionally unit_name, node_name and note (Vietnamese names accepted: mã đơn vị, mã chỉ tiêu, điểm). Give the leaves, the parents or both: parents' points are computed from their children, or checked against them.",
  fields: (t) => ({
    level: t.field({ type: IndexLevelEnum, required: true, description: 'The level whose framework is scored.' }),
    year: t.int({ required: true, description: 'The year of the framework.', validate: yearInput }),
    file: t.field({ type: FileScalar, ...fileField }),
    dryRun: t.boolean(dryRunField),
    replace: t.boolean({
      defaultValue: false,
      description:
        "Overwrite the scores of units that already have a result under the framework (the result's published figures are kept).",
    }),
  }),
});

/** Runs an import in a mutation's transaction; a refused import answers its report, having written nothing. */
async function importOrReport(
  ctx: Context,
  info: GraphQLResolveInfo,
  work: (w: Write) => Promise<ImportReport>,
): Promise<ImportReport> {
  try {
    return await runMutation(ctx, info, work);
  } catch (error) {
    if (error instanceof ImportRefused) return error.report;
    throw error;
  }
}

builder.mutationFields((t) => ({
  importIndexFramework: t.field({
    type: IndexImportReportRef,
    description:
      'Imports the structure of the index (fields, criteria, sub-criteria with their maximum points and method) for one level and year from a CSV or XLSX file, all or nothing: any wrong row and nothing is written, every problem reported with its row and column. The secretariat only.',
    authScopes: adminOnly,
    args: {
      input: t.arg({ type: ImportIndexFrameworkInput, required: true, description: 'The level, year, name and file.' }),
    },
    resolve: async (_root, { input }, ctx, info) => {
      const table = await readTable(await uploadedBytes(input.file, ctx.uploads.maxBytes, 'input.file'), 'input.file');
      const options = {
        level: input.level,
        year: input.year,
        name: input.name,
        source: input.source ?? null,
        replace: input.replace ?? false,
        dryRun: input.dryRun ?? false,
      };
      if (options.dryRun) return (await planFrameworkImport(ctx.prisma, options, table)).report;
      return importOrReport(ctx, info, (w) => importFramework(w, options, table));
    },
  }),
  importIndexScores: t.field({
    type: IndexImportReportRef,
    description:
      "Imports a year's scores for one level from a CSV or XLSX file (one row per unit and node), all or nothing: any wrong row and nothing is written, every problem reported with its row and column. The framework of the level and year must exist. The secretariat only.",
    authScopes: adminOnly,
    args: {
      input: t.arg({ type: ImportIndexScoresInput, required: true, description: 'The level, year and file.' }),
    },
    resolve: async (_root, { input }, ctx, info) => {
      const table = await readTable(await uploadedBytes(input.file, ctx.uploads.maxBytes, 'input.file'), 'input.file');
      const options = {
        level: input.level,
        year: input.year,
        replace: input.replace ?? false,
        dryRun: input.dryRun ?? false,
      };
      if (options.dryRun) return (await planScoresImport(ctx.prisma, options, table)).report;
      return importOrReport(ctx, info, (w) => importScores(w, options, table));
    },
  }),
}));
