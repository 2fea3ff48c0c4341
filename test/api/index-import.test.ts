// Imports of the PAR index's structure and scores from CSV and XLSX files, through the API on each
// database: a good structure then its scores (totals checked through indexResults.percent), bad rows
// each reported with its row and column and nothing written, wrong columns, dry runs, replacing,
// files that are not tables, and callers other than the secretariat.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, ok, startTestApi, type TestApi, type UploadPart } from '../support/api.ts';
import { databaseKinds } from '../support/databases.ts';
import { loadFixture } from '../support/fixture.ts';
import { snapshotDatabase } from '../support/snapshot.ts';

const fixtures = path.join(import.meta.dirname, '..', 'fixtures', 'index-import');
const structureCsv = readFileSync(path.join(fixtures, 'structure-commune.csv'));
const scoresCsv = readFileSync(path.join(fixtures, 'scores-commune.csv'));

const reportFields = `ok dryRun rowsRead errors { row column message } nodesCreated resultsCreated scoresCreated
  framework { level year name source maxPoints nodes { code name maxPoints method reformArea { code } } }`;
const importFramework = `mutation ($input: ImportIndexFrameworkInput!) { importIndexFramework(input: $input) { ${reportFields} } }`;
const importScores = `mutation ($input: ImportIndexScoresInput!) { importIndexScores(input: $input) { ${reportFields} } }`;
const results = `query ($year: Int!, $level: IndexLevel!) {
  indexResults(filter: { year: { equals: $year }, level: { equals: $level } }) { nodes { unit { code } totalPoints percent } }
}`;

interface Report {
  ok: boolean;
  dryRun: boolean;
  rowsRead: number;
  errors: { row: number | null; column: string | null; message: string }[];
  nodesCreated: number;
  resultsCreated: number;
  scoresCreated: number;
  framework: {
    level: string;
    year: number;
    name: string;
    source: string | null;
    maxPoints: number;
    nodes: { code: string; name: string; maxPoints: number; method: string; reformArea: { code: string } | null }[];
  } | null;
}

/** Rows of a semicolon- or comma-separated text, unquoted (the fixtures hold no separators in cells). */
function rowsOf(csv: Buffer | string): string[][] {
  const text = csv.toString().replace(/^\uFEFF/, '');
  const separator = text.split('\n')[0]?.includes(';') ? ';' : ',';
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => line.split(separator));
}

/** An XLSX workbook of the rows (numbers stay numeric cells), after a first worksheet that is the one read. */
async function xlsx(rows: (string | number)[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Dữ liệu');
  for (const row of rows) sheet.addRow(row);
  workbook.addWorksheet('Ghi chú').addRow(['Not read: only the first worksheet is']);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const csvPart = (content: Buffer | string, name = 'file.csv'): UploadPart => ({
  name,
  content: typeof content === 'string' ? content : new Uint8Array(content),
  type: 'text/csv',
});
const pairs = (report: Report) => report.errors.map((e) => [e.row, e.column]);

describe.each(databaseKinds)('index imports on %s', (kind) => {
  let api: TestApi;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    api = await startTestApi(kind);
    const fixture = await loadFixture(api.db.prisma);
    await api.db.prisma.unit.create({
      data: { code: 'TT_DATEH', name: 'UBND thị trấn Đạ Tẻh', kind: 'TOWNSHIP', parentId: fixture.units.district.id },
    });
    for (const username of ['admin', 'analyst', 'committee', 'head.annhon'])
      tokens[username] = await api.signIn(username);
  });
  afterAll(() => api.close());

  const frameworkCall = async (input: Record<string, unknown>, file: UploadPart, token = tokens.admin) =>
    api.upload<{ importIndexFramework: Report }>(
      importFramework,
      { input: { ...input, file: null } },
      { 'input.file': file },
      token,
    );
  const scoresCall = async (input: Record<string, unknown>, file: UploadPart, token = tokens.admin) =>
    api.upload<{ importIndexScores: Report }>(
      importScores,
      { input: { ...input, file: null } },
      { 'input.file': file },
      token,
    );
  const counts = async () => ({
    frameworks: await api.db.prisma.indexFramework.count(),
    nodes: await api.db.prisma.indexNode.count(),
    results: await api.db.prisma.indexResult.count(),
    scores: await api.db.prisma.indexScore.count(),
    audit: await api.db.prisma.auditEntry.count(),
  });
  const communeInput = {
    level: 'COMMUNE',
    year: 2025,
    name: 'Bộ chỉ số CCHC cấp xã năm 2025',
    source: 'QĐ 1234/QĐ-UBND',
  };

  it('checks a good structure on a dry run without writing, then imports it from CSV', async () => {
    const before = await counts();
    const dry = ok(await frameworkCall({ ...communeInput, dryRun: true }, csvPart(structureCsv))).importIndexFramework;
    expect(dry).toMatchObject({ ok: true, dryRun: true, rowsRead: 35, errors: [], nodesCreated: 35, framework: null });
    expect(await counts()).toEqual(before);

    const report = ok(await frameworkCall(communeInput, csvPart(structureCsv, 'khung.txt'))).importIndexFramework;
    expect(report).toMatchObject({ ok: true, dryRun: false, rowsRead: 35, errors: [], nodesCreated: 35 });
    const framework = report.framework;
    expect(framework).toMatchObject({
      level: 'COMMUNE',
      year: 2025,
      name: communeInput.name,
      source: communeInput.source,
      maxPoints: 100,
    });
    const node = (code: string) => framework?.nodes.find((n) => n.code === code);
    expect(framework?.nodes.map((n) => n.code)).toEqual(
      rowsOf(structureCsv)
        .slice(1)
        .map((row) => row[0]),
    );
    expect(node('1.1.1')).toMatchObject({ maxPoints: 1.5, method: 'SELF_ASSESSED', reformArea: null });
    expect(node('3')).toMatchObject({ maxPoints: 14, reformArea: { code: 'ADMIN_PROCEDURES' } });
    expect(node('8')).toMatchObject({ maxPoints: 30, method: 'SURVEY' });
    expect(node('8.2')).toMatchObject({ method: 'SURVEY' }); // inherited from its field
    const children = await api.db.prisma.indexNode.findMany({
      where: { parent: { code: '1.1' } },
      select: { code: true },
    });
    expect(children.map((c) => c.code).sort()).toEqual(['1.1.1', '1.1.2']);
    const audit = await api.db.prisma.auditEntry.findMany({ where: { id: { gt: before.audit } } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ operation: 'importIndexFramework', action: 'CREATE', entity: 'IndexFramework' });
  });

  it('imports scores from leaves and from parents, computing and checking totals', async () => {
    const before = await counts();
    const dry = ok(
      await scoresCall({ level: 'COMMUNE', year: 2025, dryRun: true }, csvPart(scoresCsv)),
    ).importIndexScores;
    expect(dry).toMatchObject({
      ok: true,
      dryRun: true,
      rowsRead: 35,
      errors: [],
      resultsCreated: 2,
      scoresCreated: 46,
    });
    expect(await counts()).toEqual(before);

    const report = ok(await scoresCall({ level: 'COMMUNE', year: 2025 }, csvPart(scoresCsv))).importIndexScores;
    expect(report).toMatchObject({ ok: true, errors: [], resultsCreated: 2, scoresCreated: 46 });
    const after = await counts();
    expect(after).toMatchObject({ results: before.results + 2, scores: before.scores + 46, audit: before.audit + 1 });
    const rows = ok(
      await api.gql<{ indexResults: { nodes: { unit: { code: string }; totalPoints: number; percent: number }[] } }>(
        results,
        { year: 2025, level: 'COMMUNE' },
        tokens.analyst,
      ),
    ).indexResults.nodes;
    const byUnit = Object.fromEntries(rows.map((r) => [r.unit.code, r]));
    expect(byUnit.XA_ANNHON).toMatchObject({ totalPoints: 89, percent: 89 });
    expect(byUnit.TT_DATEH).toMatchObject({ totalPoints: 87.5, percent: 87.5 });
    // A criterion computed from its sub-criteria.
    const computed = await api.db.prisma.indexScore.findFirstOrThrow({
      where: { node: { code: '7.1', framework: { year: 2025 } }, result: { unit: { code: 'XA_ANNHON' } } },
    });
    expect(computed.points.toNumber()).toBe(5);
  });

  it('refuses existing results unless replace is set, then replaces their scores', async () => {
    const before = await counts();
    const refused = ok(await scoresCall({ level: 'COMMUNE', year: 2025 }, csvPart(scoresCsv))).importIndexScores;
    expect(refused.ok).toBe(false);
    expect(pairs(refused)).toEqual([
      [2, 'unit_code'],
      [26, 'unit_code'],
    ]);
    expect(await counts()).toEqual(before);

    const changed = scoresCsv
      .toString()
      .replace('TT_DATEH,UBND thị trấn Đạ Tẻh,1,8', 'TT_DATEH,UBND thị trấn Đạ Tẻh,1,10');
    const replaced = ok(
      await scoresCall({ level: 'COMMUNE', year: 2025, replace: true }, csvPart(changed)),
    ).importIndexScores;
    expect(replaced).toMatchObject({ ok: true, resultsCreated: 0, scoresCreated: 46 });
    expect(await counts()).toMatchObject({ results: before.results, scores: before.scores, audit: before.audit + 1 });
    const rows = ok(
      await api.gql<{ indexResults: { nodes: { unit: { code: string }; percent: number }[] } }>(
        results,
        { year: 2025, level: 'COMMUNE' },
        tokens.admin,
      ),
    ).indexResults.nodes;
    expect(rows.find((r) => r.unit.code === 'TT_DATEH')?.percent).toBe(89.5);
  });

  it('refuses to replace a structure that has results, and replaces one that has none', async () => {
    const before = await counts();
    const exists = ok(await frameworkCall(communeInput, csvPart(structureCsv))).importIndexFramework;
    expect(exists.ok).toBe(false);
    expect(exists.errors).toEqual([{ row: null, column: null, message: expect.stringMatching(/already exists/) }]);
    const scored = ok(
      await frameworkCall({ ...communeInput, replace: true }, csvPart(structureCsv)),
    ).importIndexFramework;
    expect(scored.errors).toEqual([
      { row: null, column: null, message: expect.stringMatching(/already has results of 2 unit/) },
    ]);
    expect(await counts()).toEqual(before);

    const agency = { level: 'AGENCY', year: 2025, name: 'Bộ chỉ số cấp phòng 2025' };
    ok(await frameworkCall(agency, csvPart(structureCsv)));
    const smaller = 'code,name,max_points\n1,Chỉ đạo điều hành,40\n1.1,Kế hoạch,40\n2,Tác động,60\n';
    const replaced = ok(
      await frameworkCall({ ...agency, name: 'Bộ chỉ số cấp phòng 2025 (sửa)', replace: true }, csvPart(smaller)),
    ).importIndexFramework;
    expect(replaced).toMatchObject({
      ok: true,
      nodesCreated: 3,
      framework: { name: 'Bộ chỉ số cấp phòng 2025 (sửa)', maxPoints: 100 },
    });
    expect(replaced.framework?.nodes.map((n) => n.code)).toEqual(['1', '1.1', '2']);
  });

  it('imports a structure and scores from XLSX (first worksheet, numeric cells)', async () => {
    const structure = rowsOf(structureCsv).map((row, i) =>
      i === 0
        ? ['code', 'name', 'max_points', 'method', 'reform_area', 'note']
        : row.map((cell, c) =>
            c === 0 && /^\d+$/.test(cell) ? Number(cell) : c === 2 ? Number(cell.replace(',', '.')) : cell,
          ),
    );
    const input = { level: 'DISTRICT', year: 2024, name: 'Bộ chỉ số CCHC cấp huyện năm 2024' };
    const framework = ok(
      await frameworkCall(input, { name: 'khung.csv', content: await xlsx(structure) }),
    ).importIndexFramework;
    expect(framework).toMatchObject({ ok: true, nodesCreated: 35, framework: { maxPoints: 100 } });

    const scores = rowsOf(scoresCsv)
      .filter((row, i) => i === 0 || row[0] === 'XA_ANNHON')
      .map((row, i) =>
        i === 0
          ? ['Mã đơn vị', 'Tên đơn vị', 'Mã chỉ tiêu', 'Điểm']
          : ['DATEH', 'UBND huyện', row[2] as string, Number(row[3])],
      );
    const report = ok(
      await scoresCall({ level: 'DISTRICT', year: 2024 }, { name: 'diem.xlsx', content: await xlsx(scores) }),
    ).importIndexScores;
    expect(report).toMatchObject({ ok: true, rowsRead: 24, resultsCreated: 1, scoresCreated: 35 });
    const rows = ok(
      await api.gql<{ indexResults: { nodes: { unit: { code: string }; percent: number }[] } }>(
        results,
        { year: 2024, level: 'DISTRICT' },
        tokens.admin,
      ),
    ).indexResults.nodes;
    expect(rows).toEqual([{ unit: { code: 'DATEH' }, totalPoints: 89, percent: 89 }]);
  });

  it('reports every bad row of a structure with its row and column, and writes nothing', async () => {
    const file = [
      'code,name,max_points,method',
      '1,Field one,10,SELF_ASSESSED',
      '1.1,Criterion,4,',
      '1.2,Criterion,5,',
      '1.1,Duplicate,1,',
      '2,Field two,abc,',
      '3,Field three,-2,',
      '4.1,Orphan,3,',
      '5,Field five,5,magic',
      'x.1,Bad code,1,',
      '6,,2,',
    ].join('\n');
    const before = await counts();
    for (const dryRun of [true, false]) {
      const report = ok(
        await frameworkCall({ level: 'AGENCY', year: 2026, name: 'Sai', dryRun }, csvPart(file)),
      ).importIndexFramework;
      expect(report).toMatchObject({ ok: false, dryRun, rowsRead: 10, nodesCreated: 0, framework: null });
      expect(pairs(report)).toEqual([
        [2, 'max_points'],
        [5, 'code'],
        [6, 'max_points'],
        [7, 'max_points'],
        [8, 'code'],
        [9, 'method'],
        [10, 'code'],
        [11, 'name'],
      ]);
      expect(report.errors[0]?.message).toMatch(/1\.1, 1\.2 add up to 9/);
    }
    // XLSX: the same problems, the same rows.
    const xlsxReport = ok(
      await frameworkCall(
        { level: 'AGENCY', year: 2026, name: 'Sai' },
        { name: 'x.xlsx', content: await xlsx(rowsOf(file)) },
      ),
    ).importIndexFramework;
    expect(pairs(xlsxReport)).toHaveLength(8);
    expect(await counts()).toEqual(before);
  });

  it('reports every bad row of a scores file with its row and column, and writes nothing', async () => {
    const file = [
      'unit_code;node_code;points',
      'XA_ANNHON;1;11',
      'NOPE;2;5',
      'PNV;2;5',
      'XA_ANNHON;9.9;1',
      'XA_ANNHON;2;abc',
      'XA_ANNHON;3;-1',
      'XA_ANNHON;2;7',
      'XA_ANNHON;2;6',
      'XA_ANNHON;8;25',
      'XA_ANNHON;8.1;8',
      'XA_ANNHON;8.2;8',
      'XA_ANNHON;8.3;8',
      'XA_ANNHON;7.1.1;3',
    ].join('\r\n');
    await api.db.prisma.indexResult.deleteMany({
      where: { unit: { code: 'XA_ANNHON' }, framework: { year: 2025, level: 'COMMUNE' } },
    });
    const before = await counts();
    const report = ok(await scoresCall({ level: 'COMMUNE', year: 2025 }, csvPart(file))).importIndexScores;
    expect(report).toMatchObject({ ok: false, rowsRead: 13, resultsCreated: 0, scoresCreated: 0 });
    expect(pairs(report)).toEqual([
      [2, 'points'],
      [3, 'unit_code'],
      [4, 'unit_code'],
      [5, 'node_code'],
      [6, 'points'],
      [7, 'points'],
      [8, 'unit_code'],
      [9, 'node_code'],
      [10, 'points'],
      [14, 'node_code'],
    ]);
    expect(report.errors.find((e) => e.row === 2)?.message).toMatch(/above the maximum of 1 \(10\)/);
    expect(report.errors.find((e) => e.row === 4)?.message).toMatch(/AGENCY unit/);
    expect(report.errors.find((e) => e.row === 8)?.message).toMatch(/fields 1, 3, 4, 5, 6/);
    expect(report.errors.find((e) => e.row === 10)?.message).toMatch(/25 points but its children add up to 24/);
    expect(report.errors.find((e) => e.row === 14)?.message).toMatch(/none on 7\.1\.2/);
    expect(await counts()).toEqual(before);
  });

  it('lists the first 1,000 problems of a file and counts them all', async () => {
    // 1,200 fields whose maximum is not a number: one problem each.
    const file = ['code,name,max_points', ...Array.from({ length: 1200 }, (_, i) => `${i + 1},Field ${i + 1},abc`)];
    const report = ok(
      await api.upload<{ importIndexFramework: Report & { errorCount: number } }>(
        'mutation ($input: ImportIndexFrameworkInput!) { importIndexFramework(input: $input) { ok errorCount errors { row column } } }',
        { input: { level: 'AGENCY', year: 2028, name: 'Sai', dryRun: true, file: null } },
        { 'input.file': csvPart(file.join('\n')) },
        tokens.admin,
      ),
    ).importIndexFramework;
    expect(report.ok).toBe(false);
    expect(report.errorCount).toBe(1200);
    expect(report.errors).toHaveLength(1000);
    expect(report.errors.at(-1)).toEqual({ row: 1001, column: 'max_points' });
  });

  it('reports wrong and missing columns against the header row', async () => {
    const before = await counts();
    const structure = ok(
      await frameworkCall(
        { level: 'AGENCY', year: 2027, name: 'Sai cột' },
        csvPart('kode,Tên,maximum points,Tên\n1,A,10,B\n'),
      ),
    ).importIndexFramework;
    expect(structure.ok).toBe(false);
    expect(structure.errors).toEqual([
      { row: 1, column: 'kode', message: expect.stringMatching(/Unknown column/) },
      { row: 1, column: 'maximum points', message: expect.stringMatching(/Unknown column/) },
      { row: 1, column: 'Tên', message: expect.stringMatching(/appears twice/) },
      { row: 1, column: 'code', message: 'Column code is missing' },
      { row: 1, column: 'max_points', message: 'Column max_points is missing' },
    ]);
    const scores = ok(await scoresCall({ level: 'COMMUNE', year: 2025 }, csvPart(structureCsv))).importIndexScores;
    expect(scores.ok).toBe(false);
    expect(scores.errors.every((e) => e.row === 1)).toBe(true);
    expect(scores.errors.map((e) => e.column)).toEqual(
      expect.arrayContaining(['Mã', 'unit_code', 'node_code', 'points']),
    );
    const noFramework = ok(await scoresCall({ level: 'AGENCY', year: 2031 }, csvPart(scoresCsv))).importIndexScores;
    expect(noFramework.errors).toEqual([
      { row: null, column: null, message: expect.stringMatching(/no AGENCY framework for 2031/) },
    ]);
    expect(await counts()).toEqual(before);
  });

  it('refuses files that are not CSV or XLSX by their content, whatever their name', async () => {
    const before = await counts();
    const png = new Uint8Array([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2,
      0, 0, 0, 0x90, 0x77, 0x53, 0xde,
    ]);
    for (const file of [
      { name: 'khung.csv', content: png },
      { name: 'khung.csv', content: '' },
      { name: 'khung.csv', content: new Uint8Array([0x63, 0x6f, 0x64, 0x65, 0x0a, 0xff, 0xfe, 0x31]) },
      { name: 'khung.xlsx', content: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8, 9]) },
    ]) {
      expectError(
        await frameworkCall({ level: 'AGENCY', year: 2028, name: 'Sai tệp' }, file),
        'BAD_USER_INPUT',
        'input.file',
      );
    }
    expect(await counts()).toEqual(before);
  });

  it('is for the secretariat only', async () => {
    const before = await snapshotDatabase(api.db.prisma);
    for (const username of ['analyst', 'committee', 'head.annhon']) {
      expectError(
        await frameworkCall(
          { level: 'AGENCY', year: 2029, name: 'Không được' },
          csvPart(structureCsv),
          tokens[username],
        ),
        'FORBIDDEN',
      );
      expectError(
        await scoresCall({ level: 'COMMUNE', year: 2025, dryRun: true }, csvPart(scoresCsv), tokens[username]),
        'FORBIDDEN',
      );
    }
    expectError(
      await frameworkCall({ level: 'AGENCY', year: 2029, name: 'Không được' }, csvPart(structureCsv), ''),
      'UNAUTHENTICATED',
    );
    expect(await snapshotDatabase(api.db.prisma)).toEqual(before);
  });
});
