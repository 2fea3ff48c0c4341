// The list and league-table export of the admin UI: CSV text and XLSX cells in each language, from
// fixed rows with hand-written answers. The browser test downloads real files; this pins the details.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  day,
  exportFileName,
  fillWorkbook,
  instant,
  num,
  text,
  toCsv,
  type ExportTable,
} from '../../admin/src/common/export.ts';
import { exportTable, valueAt, type ExportColumn } from '../../admin/src/common/exportColumns.ts';

const table: ExportTable = {
  name: 'tasks',
  headers: ['Tên nhiệm vụ', 'Thời hạn', 'Tiến độ', 'Chỉ số (%)', 'Gửi lúc'],
  rows: [
    [
      text('Rà soát, công bố thủ tục "một cửa"'),
      day('2026-07-15'),
      num(40),
      num(92.2, 2),
      instant('2026-11-28T07:05:09Z'),
    ],
    [text('=HYPERLINK("http://x")'), null, num(-0.25), num(-1.5, 2), null],
    [text('Hai dòng\nnội dung'), day('2022-01-05'), num(0), null, instant('2026-11-28T17:30:00Z', true)],
  ],
};

describe('CSV export', () => {
  it('writes UTF-8 with a byte-order mark, commas and CRLF, quoting what must be quoted', () => {
    const csv = toCsv(table, 'vi');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'Tên nhiệm vụ,Thời hạn,Tiến độ,Chỉ số (%),Gửi lúc',
      '"Rà soát, công bố thủ tục ""một cửa""",15/07/2026,40,92.20,28/11/2026 14:05',
      // Text a spreadsheet would run as a formula is defused; negative numbers stay numbers.
      `"'=HYPERLINK(""http://x"")",,-0.25,-1.50,`,
      '"Hai dòng\nnội dung",05/01/2022,0,,29/11/2026 00:30:00',
      '',
    ]);
  });

  it('writes days and instants as ISO in English, numbers the same in both languages', () => {
    const lines = toCsv(table, 'en').slice(1).split('\r\n');
    expect(lines[1]).toBe('"Rà soát, công bố thủ tục ""một cửa""",2026-07-15,40,92.20,2026-11-28T07:05:09.000Z');
  });

  it("names the file after the table and the district's day", () => {
    // 20:00 UTC on the 27th is already the 28th in Viet Nam.
    expect(exportFileName('tasks', 'csv', new Date('2026-11-27T20:00:00Z'))).toBe('tasks-2026-11-28.csv');
    expect(exportFileName('league-commune-2025', 'xlsx', new Date('2026-11-27T10:00:00Z'))).toBe(
      'league-commune-2025-2026-11-27.xlsx',
    );
  });
});

describe('XLSX export', () => {
  it('keeps numbers as numbers and days as dates, formatted the way the language writes them', async () => {
    const workbook = new ExcelJS.Workbook();
    fillWorkbook(workbook, table, 'vi');
    const read = new ExcelJS.Workbook();
    await read.xlsx.load(await workbook.xlsx.writeBuffer());
    const sheet = read.getWorksheet('tasks');
    if (!sheet) throw new Error('no sheet named after the table');
    expect(sheet.getRow(1).values).toEqual([undefined, ...table.headers]);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const first = sheet.getRow(2);
    expect(first.getCell(1).value).toBe('Rà soát, công bố thủ tục "một cửa"');
    expect(first.getCell(2).value).toEqual(new Date('2026-07-15T00:00:00Z'));
    expect(first.getCell(2).numFmt).toBe('dd/mm/yyyy');
    expect(first.getCell(3).value).toBe(40);
    expect(first.getCell(4).value).toBe(92.2);
    expect(first.getCell(4).numFmt).toBe('0.00');
    // Instants on the district's clock (UTC+7), to the minute.
    expect(first.getCell(5).value).toEqual(new Date('2026-11-28T14:05:09Z'));
    expect(first.getCell(5).numFmt).toBe('dd/mm/yyyy hh:mm');
    // A formula-looking title is plain text in XLSX: cells hold values, never formulas.
    expect(sheet.getRow(3).getCell(1).value).toBe('=HYPERLINK("http://x")');
    expect(sheet.getRow(3).getCell(2).value).toBeNull();
  });
});

describe('list columns', () => {
  const messages: Record<string, string> = {
    'resources.tasks.fields.title': 'Tên nhiệm vụ',
    'resources.tasks.fields.leadUnit': 'Cơ quan chủ trì',
    'resources.tasks.fields.status': 'Trạng thái',
    'resources.tasks.fields.illustrative': 'Dữ liệu minh họa',
    'par.enum.TaskStatus.IN_PROGRESS': 'Đang thực hiện',
    'ra.boolean.true': 'Có',
    'ra.boolean.false': 'Không',
  };
  const translate = (key: string, options?: { _?: string }) => messages[key] ?? options?._ ?? key;
  const columns: ExportColumn[] = [
    { source: 'title' },
    { source: 'leadUnit.name' },
    { source: 'status', enumName: 'TaskStatus' },
    { source: 'illustrative', kind: 'boolean' },
  ];

  it('reads related names from the rows and writes enum values by their label', () => {
    const rows = [
      {
        title: 'Số hóa hồ sơ',
        leadUnit: { id: 'Unit:5', name: 'Phòng Nội vụ' },
        status: 'IN_PROGRESS',
        illustrative: true,
      },
      { title: 'Không đơn vị', leadUnit: null, status: 'UNKNOWN_VALUE', illustrative: false },
    ];
    expect(exportTable('tasks', columns, rows, translate)).toEqual({
      name: 'tasks',
      headers: ['Tên nhiệm vụ', 'Cơ quan chủ trì', 'Trạng thái', 'Dữ liệu minh họa'],
      rows: [
        [text('Số hóa hồ sơ'), text('Phòng Nội vụ'), text('Đang thực hiện'), text('Có')],
        [text('Không đơn vị'), null, text('UNKNOWN_VALUE'), text('Không')],
      ],
    });
  });

  it('follows dotted paths through missing objects', () => {
    expect(valueAt({ a: { b: { c: 3 } } }, 'a.b.c')).toBe(3);
    expect(valueAt({ a: null }, 'a.b.c')).toBeUndefined();
  });
});
