// Export of a table (a list's rows, the dashboard's league table) to CSV or XLSX, in the current
// language: headers translated, days dd/mm/yyyy in Vietnamese (ISO yyyy-mm-dd in English), enum values
// by their label. CSV is RFC 4180 (comma, CRLF, UTF-8 with a byte-order mark so that Excel reads the
// diacritics) with numbers in their plain machine form; XLSX keeps numbers and days as typed cells.
// Pure functions (tested in test/unit/export.test.ts); download.ts writes the files in the browser.
import type { Workbook } from 'exceljs';
import { formatInstant } from './dates';

/** One cell as exported: typed so that each format can write it its own way. */
export type ExportCell =
  | { kind: 'text'; value: string }
  | { kind: 'number'; value: number; decimals?: number }
  /** A calendar day, "YYYY-MM-DD". */
  | { kind: 'day'; value: string }
  /** An instant, ISO 8601; shown on the district's clock. */
  | { kind: 'instant'; value: string; seconds?: boolean }
  | null;

export interface ExportTable {
  /** Sheet name and the start of the file name, e.g. "tasks". */
  name: string;
  headers: string[];
  rows: ExportCell[][];
}

export type ExportFormat = 'csv' | 'xlsx';

export const text = (value: unknown): ExportCell =>
  value === null || value === undefined || value === '' ? null : { kind: 'text', value: String(value) };

export const num = (value: unknown, decimals?: number): ExportCell =>
  typeof value === 'number' && Number.isFinite(value) ? { kind: 'number', value, decimals } : null;

export const day = (value: unknown): ExportCell =>
  typeof value === 'string' && value !== '' ? { kind: 'day', value: value.slice(0, 10) } : null;

export const instant = (value: unknown, seconds = false): ExportCell =>
  typeof value === 'string' && value !== '' ? { kind: 'instant', value, seconds } : null;

/** "2026-11-27" as 27/11/2026 in Vietnamese, unchanged (ISO) in English. */
export function formatExportDay(value: string, locale: string): string {
  const [year, month, dayOfMonth] = value.split('-');
  return locale === 'vi' ? `${dayOfMonth}/${month}/${year}` : value;
}

/** A cell as CSV text: numbers with a point and no grouping, days and instants as the language writes them. */
export function csvText(cell: ExportCell, locale: string): string {
  if (cell === null) return '';
  switch (cell.kind) {
    case 'text':
      return cell.value;
    case 'number':
      return cell.decimals === undefined ? String(cell.value) : cell.value.toFixed(cell.decimals);
    case 'day':
      return formatExportDay(cell.value, locale);
    case 'instant':
      return locale === 'vi'
        ? formatInstant(cell.value, locale, { seconds: cell.seconds })
        : new Date(cell.value).toISOString();
  }
}

/**
 * Quotes a CSV field when it must be; text that a spreadsheet would run as a formula (=, +, -, @) is
 * prefixed with an apostrophe, so an exported title can never execute.
 */
function csvField(value: string, cell: ExportCell): string {
  const safe = cell?.kind === 'text' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function toCsv(table: ExportTable, locale: string): string {
  const lines = [
    table.headers.map((header) => csvField(header, { kind: 'text', value: header })).join(','),
    ...table.rows.map((row) => row.map((cell) => csvField(csvText(cell, locale), cell)).join(',')),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** A sheet name Excel accepts: at most 31 characters, none of []:*?/\ . */
const sheetName = (name: string) => name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet1';

/** Viet Nam keeps UTC+7 all year: an instant on the district's clock, as the UTC date Excel stores. */
const districtWallClock = (value: string) => new Date(new Date(value).getTime() + 7 * 60 * 60 * 1000);

/** Adds the table as a sheet: a bold, frozen header row, typed cells, columns as wide as their text. */
export function fillWorkbook(workbook: Workbook, table: ExportTable, locale: string): void {
  const sheet = workbook.addWorksheet(sheetName(table.name), { views: [{ state: 'frozen', ySplit: 1 }] });
  const dayFormat = locale === 'vi' ? 'dd/mm/yyyy' : 'yyyy-mm-dd';
  sheet.addRow(table.headers).font = { bold: true };
  for (const row of table.rows) {
    const added = sheet.addRow(
      row.map((cell) => {
        if (cell === null) return null;
        switch (cell.kind) {
          case 'text':
            return cell.value;
          case 'number':
            return cell.value;
          case 'day':
            return new Date(`${cell.value}T00:00:00Z`);
          case 'instant':
            return districtWallClock(cell.value);
        }
      }),
    );
    row.forEach((cell, index) => {
      const target = added.getCell(index + 1);
      if (cell?.kind === 'day') target.numFmt = dayFormat;
      if (cell?.kind === 'instant') target.numFmt = `${dayFormat} hh:mm${cell.seconds ? ':ss' : ''}`;
      if (cell?.kind === 'number' && cell.decimals !== undefined)
        target.numFmt = cell.decimals === 0 ? '0' : `0.${'0'.repeat(cell.decimals)}`;
    });
  }
  // Columns as wide as their longest text, within reason.
  table.headers.forEach((header, index) => {
    const longest = Math.max(header.length, ...table.rows.map((row) => csvText(row[index] ?? null, locale).length));
    sheet.getColumn(index + 1).width = Math.min(60, Math.max(8, longest + 2));
  });
}

/** "tasks-2026-11-28.csv": the table's name and today's date in the district (UTC+7). */
export function exportFileName(name: string, format: ExportFormat, now = new Date()): string {
  const stamp = new Date(now.getTime() + 7 * 60 * 60 * 1000).toISOString().slice(0, 10);
  return `${name}-${stamp}.${format}`;
}
