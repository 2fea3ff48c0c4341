// Reading an uploaded table: a CSV file (UTF-8 with or without a byte-order mark, comma- or
// semicolon-separated) or the first worksheet of an XLSX workbook, judged by the content and never by
// the file's name. Cells come back as trimmed text with the row number a spreadsheet would show.
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { fileTypeFromBuffer } from 'file-type';
import { ValidationError } from '../../errors.ts';
import type { UploadedFile } from '../evidence.ts';

export type TableFormat = 'CSV' | 'XLSX';

export interface TableRow {
  /** 1 for the first line of a CSV file or the first row of the worksheet. */
  row: number;
  cells: string[];
}

export interface Table {
  format: TableFormat;
  /** Every row that has at least one non-blank cell, in file order. */
  rows: TableRow[];
}

/** A problem with a whole file, before any row is read; it names the argument `field`. */
export class UnreadableFile extends ValidationError {
  constructor(field: string, message: string) {
    super([{ field, message }]);
  }
}

/** More rows than any structure or year of scores needs; guards the server's memory and time. */
export const maxRows = 20_000;

const xlsxMime = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Reads the uploaded file's bytes, refusing empty files and files above the upload limit. */
export async function uploadedBytes(file: UploadedFile, maxBytes: number, field: string): Promise<Uint8Array> {
  const megabytes = Math.round((maxBytes / 1024 / 1024) * 10) / 10;
  if (file.size > maxBytes) throw new UnreadableFile(field, `The file is larger than ${megabytes} MB`);
  if (file.size === 0) throw new UnreadableFile(field, 'The file is empty');
  const content = new Uint8Array(await file.arrayBuffer());
  if (content.byteLength > maxBytes) throw new UnreadableFile(field, `The file is larger than ${megabytes} MB`);
  return content;
}

/** Reads a CSV or XLSX file into rows, judging its type from the content. */
export async function readTable(content: Uint8Array, field: string): Promise<Table> {
  // Excel's "Unicode text" (UTF-16 with a byte-order mark), which file-type would take for audio.
  if ((content[0] === 0xff && content[1] === 0xfe) || (content[0] === 0xfe && content[1] === 0xff)) {
    throw new UnreadableFile(field, 'The file is UTF-16 text; save it as "CSV UTF-8" or XLSX');
  }
  const detected = await fileTypeFromBuffer(content);
  if (detected?.mime === xlsxMime) return readXlsx(content, field);
  if (detected) {
    throw new UnreadableFile(field, `Files of type ${detected.ext} are not accepted; send a CSV (UTF-8) or XLSX file`);
  }
  return readCsv(content, field);
}

/** Text cells: no control characters other than tab and line breaks. */
const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

function decodeUtf8(content: Uint8Array, field: string): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(content);
  } catch {
    throw new UnreadableFile(field, 'The file is neither XLSX nor UTF-8 text; save it as "CSV UTF-8" or XLSX');
  }
  if (controlCharacters.test(text)) {
    throw new UnreadableFile(field, 'The file is neither XLSX nor CSV text (it holds control characters)');
  }
  return text;
}

/** The separator of the header line: the more frequent of ";" and "," outside quotes (a comma on a tie). */
export function sniffDelimiter(text: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && char === ',') commas += 1;
    else if (!quoted && char === ';') semicolons += 1;
  }
  return semicolons > commas ? ';' : ',';
}

interface CsvParseError {
  lines?: number;
  message: string;
}

function readCsv(content: Uint8Array, field: string): Table {
  const text = decodeUtf8(content, field);
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      delimiter: sniffDelimiter(text.replace(/^\uFEFF/, '')),
      relax_column_count: true,
    });
  } catch (error) {
    const line = (error as CsvParseError).lines;
    throw new UnreadableFile(
      field,
      `The CSV file cannot be read${line ? ` at line ${line}` : ''}: ${(error as CsvParseError).message}`,
    );
  }
  if (records.length > maxRows + 1) throw new UnreadableFile(field, `More than ${maxRows} rows`);
  const rows = records
    .map((cells, index) => ({ row: index + 1, cells: cells.map((cell) => cell.trim()) }))
    .filter((row) => row.cells.some((cell) => cell !== ''));
  return { format: 'CSV', rows };
}

/** A cell's value as the text a person sees, numbers in their shortest form (0.5, not 0.50). */
function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('error' in value) return String(value.error);
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as ExcelJS.CellFormulaValue).result;
      if (result === undefined || result === null) return '';
      if (typeof result === 'object' && 'error' in result) return String(result.error);
      return result instanceof Date ? result.toISOString().slice(0, 10) : String(result);
    }
    if ('text' in value) {
      const text = value.text;
      return typeof text === 'string' ? text : cell.text;
    }
  }
  return cell.text;
}

async function readXlsx(content: Uint8Array, field: string): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(
      content.buffer.slice(content.byteOffset, content.byteOffset + content.byteLength) as ArrayBuffer,
    );
  } catch {
    throw new UnreadableFile(field, 'The XLSX file cannot be read');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new UnreadableFile(field, 'The XLSX file has no worksheet');
  if (sheet.actualRowCount > maxRows + 1) throw new UnreadableFile(field, `More than ${maxRows} rows`);
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let column = 1; column <= row.cellCount; column += 1) {
      cells.push(cellText(row.getCell(column)).trim());
    }
    if (cells.some((cell) => cell !== '')) rows.push({ row: row.number, cells });
  });
  return { format: 'XLSX', rows };
}
