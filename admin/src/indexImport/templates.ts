// CSV templates of the two imports, made in the browser: the header the API expects (English
// names; the Vietnamese ones are accepted too) and a few example rows to overwrite. UTF-8 with a
// byte-order mark, so that Excel opens the Vietnamese text correctly.

export type ImportKind = 'structure' | 'scores';

const templates: Record<ImportKind, { fileName: string; rows: string[][] }> = {
  structure: {
    fileName: 'mau-cau-truc-chi-so-cchc.csv',
    rows: [
      ['code', 'name', 'max_points', 'method', 'reform_area', 'note'],
      ['1', 'Công tác chỉ đạo, điều hành cải cách hành chính', '10', 'SELF_ASSESSED', '', ''],
      ['1.1', 'Kế hoạch cải cách hành chính năm', '4', '', '', ''],
      ['1.1.1', 'Ban hành kế hoạch kịp thời', '2', '', '', ''],
      ['1.1.2', 'Mức độ thực hiện kế hoạch', '2', '', '', ''],
      ['1.2', 'Báo cáo, kiểm tra, tuyên truyền', '6', '', '', ''],
      ['2', 'Tác động của cải cách hành chính (điều tra xã hội học)', '90', 'SURVEY', '', ''],
    ],
  },
  scores: {
    fileName: 'mau-diem-chi-so-cchc.csv',
    rows: [
      ['unit_code', 'unit_name', 'node_code', 'points'],
      ['XA_ANNHON', 'UBND xã An Nhơn', '1.1.1', '2'],
      ['XA_ANNHON', 'UBND xã An Nhơn', '1.1.2', '1.5'],
      ['XA_ANNHON', 'UBND xã An Nhơn', '1.2', '5'],
      ['XA_ANNHON', 'UBND xã An Nhơn', '2', '80.25'],
    ],
  },
};

const quote = (cell: string) => (/[",\n\r]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

/** The template's text: comma-separated, CRLF line ends, a BOM first. */
export function templateCsv(kind: ImportKind): string {
  return `\uFEFF${templates[kind].rows.map((row) => row.map(quote).join(',')).join('\r\n')}\r\n`;
}

/** Saves the template as a file. */
export function downloadTemplate(kind: ImportKind): void {
  const href = URL.createObjectURL(new Blob([templateCsv(kind)], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = href;
  link.download = templates[kind].fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
