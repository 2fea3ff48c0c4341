// Matching a table's header to the columns an import expects: by name, ignoring letter case,
// Vietnamese diacritics, spaces, hyphens and underscores, with Vietnamese aliases. Unknown, repeated
// and missing columns are reported against the header row.
import type { TableRow } from './read.ts';

export interface RowError {
  /** Row number in the file (1 = first line or row); null for a problem with the file as a whole. */
  row: number | null;
  /** The column as named in the file (or the expected name when missing); null for a whole row. */
  column: string | null;
  message: string;
}

export interface ColumnSpec<K extends string> {
  key: K;
  /** The English name, used in messages and templates. */
  name: string;
  required: boolean;
  /** Other accepted names, in any case and with or without diacritics. */
  aliases: readonly string[];
  /** Read and ignored (a name or a note beside the figures). */
  ignored?: boolean;
}

/** Lower case, no diacritics (đ as d), words joined by "_": "Điểm tối đa" → "diem_toi_da". */
export function normalizeName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

export interface HeaderMatch<K extends string> {
  /** The header row's number. */
  headerRow: number;
  /** Column index of each expected key that is present. */
  index: Partial<Record<K, number>>;
  /** The header text of each present key, for messages. */
  label: Partial<Record<K, string>>;
  errors: RowError[];
}

/** Matches the first row of the table as the header. */
export function matchHeader<K extends string>(header: TableRow, specs: readonly ColumnSpec<K>[]): HeaderMatch<K> {
  const index: Partial<Record<K, number>> = {};
  const label: Partial<Record<K, string>> = {};
  const errors: RowError[] = [];
  const byName = new Map<string, ColumnSpec<K>>();
  for (const spec of specs) {
    for (const name of [spec.name, spec.key, ...spec.aliases]) byName.set(normalizeName(name), spec);
  }
  header.cells.forEach((text, column) => {
    if (text === '') return;
    const spec = byName.get(normalizeName(text));
    if (!spec) {
      errors.push({
        row: header.row,
        column: text,
        message: `Unknown column "${text}"; expected ${specs
          .filter((s) => !s.ignored)
          .map((s) => s.name)
          .join(', ')}`,
      });
      return;
    }
    if (index[spec.key] !== undefined) {
      errors.push({
        row: header.row,
        column: text,
        message: `Column ${spec.name} appears twice ("${label[spec.key]}" and "${text}")`,
      });
      return;
    }
    index[spec.key] = column;
    label[spec.key] = text;
  });
  for (const spec of specs) {
    if (spec.required && index[spec.key] === undefined) {
      errors.push({ row: header.row, column: spec.name, message: `Column ${spec.name} is missing` });
    }
  }
  return { headerRow: header.row, index, label, errors };
}

/** The trimmed text of a row's cell for `key` ('' when the column is absent or the cell empty). */
export function cellOf<K extends string>(match: HeaderMatch<K>, row: TableRow, key: K): string {
  const column = match.index[key];
  return column === undefined ? '' : (row.cells[column] ?? '');
}

/** The column's name for a row error: as the file names it, or the expected name. */
export function columnName<K extends string>(match: HeaderMatch<K>, specs: readonly ColumnSpec<K>[], key: K): string {
  return match.label[key] ?? specs.find((s) => s.key === key)?.name ?? key;
}

/** Errors for cells that hold something in a column without a header. */
export function strayCells(header: TableRow, row: TableRow): RowError[] {
  return row.cells.flatMap((cell, column) =>
    cell !== '' && (header.cells[column] ?? '') === ''
      ? [
          {
            row: row.row,
            column: columnLetter(column),
            message: `A value ("${cell.slice(0, 40)}") in a column without a header`,
          },
        ]
      : [],
  );
}

/** "A" for the first column, "AA" for the 27th: how a spreadsheet names a column without a header. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let name = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    name = String.fromCharCode(65 + rest) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

export type PointsParse = { ok: true; value: number } | { ok: false; message: string };

/** The most a Decimal(6, 2) column holds. */
export const maxStoredPoints = 9999.99;

/**
 * Points as a person writes them: "7", "2.5", or "2,5" (a decimal comma), at most two decimals,
 * not negative. Spreadsheet numbers arrive in their shortest form; floating-point noise from a
 * formula (0.30000000000000004) is rounded to two decimals.
 */
export function parsePoints(text: string): PointsParse {
  if (text === '') return { ok: false, message: 'Points are missing' };
  const normalized = /^-?\d+,\d+$/.test(text) ? text.replace(',', '.') : text;
  if (!/^-?(\d+(\.\d*)?|\.\d+)(e-?\d+)?$/i.test(normalized)) return { ok: false, message: `"${text}" is not a number` };
  const value = Number(normalized);
  if (!Number.isFinite(value)) return { ok: false, message: `"${text}" is not a number` };
  if (value < 0) return { ok: false, message: `Must not be negative (${text})` };
  const hundredths = value * 100;
  if (Math.abs(hundredths - Math.round(hundredths)) > 1e-6)
    return { ok: false, message: `At most two decimals (${text})` };
  const rounded = Math.round(hundredths) / 100;
  if (rounded > maxStoredPoints) return { ok: false, message: `At most ${maxStoredPoints} (${text})` };
  return { ok: true, value: rounded };
}

/** Sums in hundredths, so that 0.1 + 0.2 is 0.3. */
export const sumPoints = (values: readonly number[]) =>
  values.reduce((sum, value) => sum + Math.round(value * 100), 0) / 100;

export const samePoints = (a: number, b: number) => Math.round(a * 100) === Math.round(b * 100);

/** Sorts row errors by row, file-wide problems first (a stable sort: a row's errors keep their order). */
export function sortErrors(errors: RowError[]): RowError[] {
  return [...errors].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
}

/** Control characters other than tab and line breaks, which no name may hold. */
export const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** A UTF-16 surrogate without its partner. */
export const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
