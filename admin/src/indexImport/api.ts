// The two import mutations, sent as GraphQL multipart requests with the file in `input.file`.
import { fromApiError } from '../dataProvider/errors';
import { requestGraphQLWithFiles } from '../session';
import type { ImportKind } from './templates';

export interface ImportRowError {
  row: number | null;
  column: string | null;
  message: string;
}

export interface ImportReport {
  ok: boolean;
  dryRun: boolean;
  rowsRead: number;
  errors: ImportRowError[];
  nodesCreated: number;
  resultsCreated: number;
  scoresCreated: number;
  framework: { id: string; name: string; level: string; year: number; maxPoints: number } | null;
}

export interface ImportRequest {
  kind: ImportKind;
  level: string;
  year: number;
  name: string;
  source: string;
  replace: boolean;
  dryRun: boolean;
  file: File;
}

const report = `ok dryRun rowsRead errors { row column message } nodesCreated resultsCreated scoresCreated
  framework { id name level year maxPoints }`;

export async function runImport(request: ImportRequest): Promise<ImportReport> {
  const common = { level: request.level, year: request.year, replace: request.replace, dryRun: request.dryRun };
  try {
    if (request.kind === 'structure') {
      const data = await requestGraphQLWithFiles<{ importIndexFramework: ImportReport }>(
        `mutation importIndexFramework($input: ImportIndexFrameworkInput!) { importIndexFramework(input: $input) { ${report} } }`,
        { input: { ...common, name: request.name.trim(), source: request.source.trim() || null, file: null } },
        { 'input.file': request.file },
      );
      return data.importIndexFramework;
    }
    const data = await requestGraphQLWithFiles<{ importIndexScores: ImportReport }>(
      `mutation importIndexScores($input: ImportIndexScoresInput!) { importIndexScores(input: $input) { ${report} } }`,
      { input: { ...common, file: null } },
      { 'input.file': request.file },
    );
    return data.importIndexScores;
  } catch (error) {
    throw fromApiError(error);
  }
}
