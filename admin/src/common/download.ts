// Writes an exported table as a file the browser downloads. The XLSX writer (exceljs, a large library)
// is loaded only when someone exports to XLSX, as a chunk of its own.
import { exportFileName, fillWorkbook, toCsv, type ExportFormat, type ExportTable } from './export';

export async function toXlsx(table: ExportTable, locale: string): Promise<Blob> {
  // The browser build, without the polyfills a current browser does not need; its own chunk.
  const { default: ExcelJS } = await import('exceljs/dist/exceljs.bare.min.js');
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date();
  fillWorkbook(workbook, table, locale);
  const buffer = await workbook.xlsx.writeBuffer();
  return new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}

function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Writes the table in the format asked for and hands it to the browser as a download. */
export async function downloadTable(table: ExportTable, format: ExportFormat, locale: string): Promise<void> {
  const blob =
    format === 'csv'
      ? new Blob([toCsv(table, locale)], { type: 'text/csv;charset=utf-8' })
      : await toXlsx(table, locale);
  saveBlob(blob, exportFileName(table.name, format));
}
