// The pieces of the index imports that need no database: reading CSV and XLSX, matching headers,
// reading points.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { matchHeader, normalizeName, parsePoints, sumPoints } from '../../api/services/index-import/columns.ts';
import { readTable, sniffDelimiter } from '../../api/services/index-import/read.ts';
import { structureColumns } from '../../api/services/index-import/framework.ts';
import { scoreColumns } from '../../api/services/index-import/scores.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('reading a table', () => {
  it('reads UTF-8 CSV with or without a BOM, comma or semicolon, keeping spreadsheet row numbers', async () => {
    const withBom = await readTable(
      bytes('\uFEFFMã;Tên;Điểm tối đa\r\n1;"Chỉ đạo; điều hành";10\r\n\r\n1.1;Kế hoạch;2,5\r\n'),
      'file',
    );
    expect(withBom).toEqual({
      format: 'CSV',
      rows: [
        { row: 1, cells: ['Mã', 'Tên', 'Điểm tối đa'] },
        { row: 2, cells: ['1', 'Chỉ đạo; điều hành', '10'] },
        { row: 4, cells: ['1.1', 'Kế hoạch', '2,5'] },
      ],
    });
    const plain = await readTable(bytes('code,name,max_points\n 1 , A ,10\n'), 'file');
    expect(plain.rows[1]).toEqual({ row: 2, cells: ['1', 'A', '10'] });
  });

  it('takes the separator the header line uses more, outside quotes', () => {
    expect(sniffDelimiter('a;b;c\n1,5;2;3')).toBe(';');
    expect(sniffDelimiter('"a;b";c,d\n')).toBe(',');
    expect(sniffDelimiter('code\n1')).toBe(',');
  });

  it('reads the first worksheet of an XLSX workbook, numbers in their shortest form', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Điểm');
    sheet.addRow(['unit_code', 'node_code', 'points']);
    sheet.addRow([]);
    sheet.addRow(['XA_ANNHON', '3.10', 2.5]);
    sheet.addRow(['XA_ANNHON', 7, { formula: '1+1', result: 2 }]);
    workbook.addWorksheet('Khác').addRow(['ignored']);
    const table = await readTable(new Uint8Array(await workbook.xlsx.writeBuffer()), 'file');
    expect(table).toEqual({
      format: 'XLSX',
      rows: [
        { row: 1, cells: ['unit_code', 'node_code', 'points'] },
        { row: 3, cells: ['XA_ANNHON', '3.10', '2.5'] },
        { row: 4, cells: ['XA_ANNHON', '7', '2'] },
      ],
    });
  });

  it('refuses other types by content, and text that is not UTF-8', async () => {
    await expect(readTable(bytes('%PDF-1.4\n%%EOF\n'), 'input.file')).rejects.toThrow(/type pdf/);
    await expect(readTable(new Uint8Array([0xff, 0xfe, 0x61, 0]), 'input.file')).rejects.toThrow(/UTF-16/);
    await expect(readTable(new Uint8Array([0x61, 0xe9, 0x0a]), 'input.file')).rejects.toThrow(/UTF-8/);
    await expect(readTable(bytes('a,"b\n'), 'input.file')).rejects.toThrow(/cannot be read at line/);
  });
});

describe('matching a header', () => {
  it('normalises names: case, diacritics, đ, spaces and punctuation', () => {
    expect(normalizeName('  Điểm tối đa ')).toBe('diem_toi_da');
    expect(normalizeName('MAX-POINTS')).toBe('max_points');
    expect(normalizeName('Mã đơn vị')).toBe('ma_don_vi');
  });

  it('accepts English and Vietnamese names, and reports unknown, repeated and missing columns', () => {
    const good = matchHeader({ row: 3, cells: ['MÃ', 'tên', 'Điểm Tối Đa', '', 'Phương pháp'] }, structureColumns);
    expect(good.errors).toEqual([]);
    expect(good.index).toEqual({ code: 0, name: 1, maxPoints: 2, method: 4 });
    const bad = matchHeader({ row: 1, cells: ['unit', 'đơn vị', 'score', 'remarks'] }, scoreColumns);
    expect(bad.errors.map((e) => [e.row, e.column])).toEqual([
      [1, 'đơn vị'],
      [1, 'remarks'],
      [1, 'node_code'],
    ]);
  });
});

describe('reading points', () => {
  it('accepts whole numbers and two decimals, with a dot or a decimal comma', () => {
    expect(parsePoints('7')).toEqual({ ok: true, value: 7 });
    expect(parsePoints('2,5')).toEqual({ ok: true, value: 2.5 });
    expect(parsePoints('0.25')).toEqual({ ok: true, value: 0.25 });
    expect(parsePoints('0.30000000000000004')).toEqual({ ok: true, value: 0.3 });
  });

  it('refuses text, negatives, three decimals and figures the column cannot hold', () => {
    for (const text of ['', 'abc', '1.2.3', '-1', '1.234', '10000', 'NaN', 'Infinity', '1,000.5']) {
      expect(parsePoints(text).ok, text).toBe(false);
    }
  });

  it('adds points in hundredths', () => {
    expect(sumPoints([0.1, 0.2])).toBe(0.3);
    expect(sumPoints([1.5, 1.5, 2, 2, 3])).toBe(10);
  });
});
