// The committee's dashboard through the built UI in Chromium, over the demo data: the district's PAR
// index over the years with the article's 92.20% for 2021 and the resolution's 93% target as a
// labelled line, a unit's row in the league table leading to the tasks it leads, the league table paged
// on the server, the league table (all of it, not the page shown) and a list exported (CSV and XLSX)
// with what the screen shows, and the figures in English.
import ExcelJS from 'exceljs';
import type { Browser, Download, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { browserTestsRun, connectBrowser, signIn, startServer, type TestServer } from './support.ts';

const runs = browserTestsRun('browser dashboard test');

interface LeagueRow {
  unit: { id: string; name: string };
  percent: number | null;
  rank: number | null;
  rankOf: number;
  overdueTasks: number;
}

/** RFC 4180: fields separated by commas, rows by CRLF, quoted when they hold either or a quote. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else field += char;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

/** The bytes of a downloaded file. */
async function downloaded(download: Download): Promise<Buffer> {
  // Streamed: path() throws on a browser connected to over its endpoint, as the run's shared one is.
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

describe.skipIf(!runs)('the committee dashboard in a browser', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let league: LeagueRow[];
  let leagueYear: number;
  /** The league row whose tasks the walk opens: a unit that leads tasks. */
  let unit: LeagueRow;
  let unitTaskCount: number;
  let goal: { targetValue: number; targetYear: number };
  /** The yearly floor (above 92% every year): its interim value. */
  let floor: number;

  const panel = (name: string): Locator => page.getByRole('region', { name, exact: true });

  beforeAll(async () => {
    server = await startServer();
    const token = await server.token('committee');
    const { indexFrameworks } = await server.graphql<{ indexFrameworks: { nodes: { year: number }[] } }>(
      '{ indexFrameworks(filter: { level: { equals: COMMUNE } }, orderBy: [{ field: YEAR, direction: DESC }]) { nodes { year } } }',
      {},
      token,
    );
    leagueYear = indexFrameworks.nodes[0]?.year ?? 0;
    ({ indexLeagueTable: league } = await server.graphql<{ indexLeagueTable: LeagueRow[] }>(
      `query ($year: Int!) { indexLeagueTable(level: COMMUNE, year: $year) {
        unit { id name } percent rank rankOf overdueTasks
      } }`,
      { year: leagueYear },
      token,
    ));
    // The resolution's goal for the district's index (93% by 2025) and its yearly floor (above 92%), as
    // the targets hold them: CT02 and CT01's latest interim value.
    const { targets } = await server.graphql<{
      targets: {
        nodes: { code: string; targetValue: number; targetYear: number; years: { plannedValue: number | null }[] }[];
      };
    }>('{ targets(first: 100) { nodes { code targetValue targetYear years { year plannedValue } } } }', {}, token);
    const ct01 = targets.nodes.find((target) => target.code === 'CT01');
    const ct02 = targets.nodes.find((target) => target.code === 'CT02');
    if (!ct01 || !ct02) throw new Error('the demo data lacks the targets CT01 and CT02');
    goal = ct02;
    floor =
      ct01.years
        .map((year) => year.plannedValue)
        .filter((value) => value !== null)
        .at(-1) ?? ct01.targetValue;

    for (const row of league) {
      const { tasks } = await server.graphql<{ tasks: { totalCount: number } }>(
        'query ($unit: ID!) { tasks(filter: { leadUnit: { equals: $unit } }) { totalCount } }',
        { unit: row.unit.id },
        token,
      );
      if (tasks.totalCount > 0) {
        unit = row;
        unitTaskCount = tasks.totalCount;
        break;
      }
    }
    if (!unitTaskCount) throw new Error('no unit of the league table leads a task in the demo data');

    browser = await connectBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, acceptDownloads: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test("opens on the district's index over the years: 92,20% in 2021 and the 93% target line", async () => {
    await signIn(page, server.baseUrl, 'committee');
    const trend = panel('Chỉ số CCHC của huyện qua các năm');
    // The figure is written on the line (SVG) and under the chart as a link to the result.
    await trend.locator('.recharts-label-list').getByText('92,20%', { exact: true }).waitFor();
    await trend.getByRole('link', { name: '2021: 92,20% · 1/12' }).waitFor();
    const goalLabel = `Mục tiêu ${goal.targetYear}: ≥ ${goal.targetValue}%`;
    await trend.locator('.recharts-label').getByText(goalLabel, { exact: true }).waitFor();
    await trend.locator('.recharts-label').getByText(`Hằng năm: > ${floor}%`, { exact: true }).waitFor();
    // Both are lines of the chart: the goal and the yearly floor.
    expect(await trend.locator('.recharts-reference-line').count()).toBe(2);
    // The counts of the first overview stay.
    await page.getByText('Nhiệm vụ chưa hoàn thành').first().waitFor();
  });

  test('shows the league table of communes with index, rank and overdue tasks', async () => {
    const table = panel('Xếp hạng Chỉ số CCHC của các đơn vị');
    const rows = table.locator('tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(league.length);
    const [first] = league;
    if (!first || first.percent === null) throw new Error('the league table is empty');
    const firstRow = await rows.first().innerText();
    expect(firstRow).toContain(first.unit.name);
    expect(firstRow).toContain(`${first.percent.toFixed(2).replace('.', ',')}%`);
    expect(firstRow).toContain(`${first.rank}/${first.rankOf}`);
  });

  test('shows targets with a missed year, flagged plans with their reasons, and timeliness by unit', async () => {
    const token = await server.token('committee');
    const { targetProgress, improvementPlans, taskTimelinessCounts } = await server.graphql<{
      targetProgress: { targets: { code: string; progress: { year: number; status: string }[] }[] };
      improvementPlans: { nodes: { year: number; flagged: boolean; unit: { name: string } }[] };
      taskTimelinessCounts: { unit: { id: string; name: string } | null; overdue: number }[];
    }>(
      `{
        targetProgress { targets { code progress { year status } } }
        improvementPlans(filter: { flagged: true }) { nodes { year flagged unit { name } } }
        taskTimelinessCounts(groupBy: UNIT) { unit { id name } overdue }
      }`,
      {},
      token,
    );
    const targets = panel('Chỉ tiêu có nguy cơ không đạt, năm không đạt');
    const missed = targetProgress.targets.filter((target) => target.progress.some((year) => year.status === 'MISSED'));
    expect(missed.length).toBeGreaterThan(0);
    for (const target of missed) await targets.getByRole('link', { name: target.code, exact: true }).waitFor();

    const plans = panel('Kế hoạch nâng cao chỉ số cần xem lại');
    expect(improvementPlans.nodes.length).toBeGreaterThan(0);
    for (const plan of improvementPlans.nodes) {
      await plans.getByText(`${plan.unit.name}: kế hoạch năm ${plan.year}`).waitFor();
    }
    await plans.getByText(`${improvementPlans.nodes.length}/`).waitFor();

    // The first bar is the unit with most overdue tasks; its red segment opens those tasks.
    const timeliness = panel('Tình trạng hạn của nhiệm vụ');
    const most = Math.max(...taskTimelinessCounts.map((group) => group.overdue));
    expect(most).toBeGreaterThan(0);
    await timeliness.locator('.recharts-bar-rectangle').first().click();
    await page.waitForURL(/#\/tasks\?/);
    const filter = JSON.parse(new URL(page.url().replace('#/', '')).searchParams.get('filter') ?? '{}') as {
      leadUnit?: string;
      timeliness?: string[];
    };
    expect(filter.timeliness).toEqual(['OVERDUE']);
    const group = taskTimelinessCounts.find((candidate) => candidate.unit?.id === filter.leadUnit);
    expect(group?.overdue).toBe(most);
    await page.getByText(`1-${most} trên ${most}`).waitFor();
    await page.getByRole('menuitem', { name: 'Tổng quan' }).click();
    await panel('Xếp hạng Chỉ số CCHC của các đơn vị').locator('tbody tr').first().waitFor();
  });

  test("follows a unit's row to the tasks it leads, filtered on the unit", async () => {
    const table = panel('Xếp hạng Chỉ số CCHC của các đơn vị');
    const row = table.locator('tbody tr').filter({ hasText: unit.unit.name });
    // Click the row itself, not one of its links.
    await row.locator('td').nth(3).click();
    await page.waitForURL(/#\/tasks\?/);
    expect(decodeURIComponent(page.url())).toContain(`"leadUnit":"${unit.unit.id}"`);
    const taskRows = page.locator('tbody tr');
    await taskRows.first().waitFor();
    const shown = Math.min(unitTaskCount, 25);
    await page.getByText(`1-${shown} trên ${unitTaskCount}`).waitFor();
    expect(await taskRows.count()).toBe(shown);
    for (const text of await taskRows.allInnerTexts()) expect(text).toContain(unit.unit.name);
    // The filter is shown, by the unit's name.
    await expect.poll(() => page.getByRole('combobox', { name: 'Cơ quan chủ trì' }).inputValue()).toBe(unit.unit.name);
  });

  test('exports the list it shows to Excel, with Vietnamese headers and every filtered row', async () => {
    await page.getByRole('button', { name: 'Xuất dữ liệu' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: 'Tệp Excel (XLSX)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^tasks-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    const bytes = await downloaded(download);
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('the workbook has no sheet');
    expect(sheet.getRow(1).getCell(1).value).toBe('Tên nhiệm vụ');
    expect(sheet.getRow(1).getCell(2).value).toBe('Cơ quan chủ trì');
    expect(sheet.rowCount).toBe(unitTaskCount + 1);
    expect(sheet.getRow(2).getCell(2).value).toBe(unit.unit.name);
    // Deadlines are dates shown the Vietnamese way.
    const deadline = sheet.getRow(2).getCell(5);
    expect(deadline.value).toBeInstanceOf(Date);
    expect(deadline.numFmt).toBe('dd/mm/yyyy');
  });

  test('pages the league table: 10 rows a page, the last-ranked commune alone on page 2', async () => {
    await page.getByRole('menuitem', { name: 'Tổng quan' }).click();
    const table = panel('Xếp hạng Chỉ số CCHC của các đơn vị');
    const rows = table.locator('tbody tr');
    // The demo's 11 communes: one page at the default 25 rows, two at 10.
    expect(league).toHaveLength(11);
    await table.getByText('1-11 trên 11').waitFor();
    expect(await rows.count()).toBe(11);

    await table.getByRole('combobox', { name: /Số dòng mỗi trang/ }).click();
    await page.getByRole('option', { name: '10', exact: true }).click();
    await table.getByText('1-10 trên 11').waitFor();
    await expect.poll(() => rows.count()).toBe(10);
    expect(await rows.allInnerTexts()).toEqual(
      league.slice(0, 10).map((row) => expect.stringContaining(row.unit.name)),
    );

    await table.getByRole('button', { name: 'Đến trang sau' }).click();
    await table.getByText('11-11 trên 11').waitFor();
    await expect.poll(() => rows.count()).toBe(1);
    const last = league[10];
    if (!last) throw new Error('the league table has no 11th row');
    const lastRow = await rows.first().innerText();
    expect(lastRow).toContain(last.unit.name);
    expect(lastRow).toContain(`${last.rank ?? '–'}/${last.rankOf}`);
    // Its links still lead to the unit's tasks.
    const href = await rows.first().getByRole('link', { name: last.unit.name }).getAttribute('href');
    expect(decodeURIComponent(href ?? '')).toContain(`"leadUnit":"${last.unit.id}"`);

    // Another level, then back: the table starts again at its first page.
    await table.getByRole('combobox', { name: 'Cấp đánh giá' }).click();
    await page.getByRole('option', { name: 'Cơ quan', exact: true }).click();
    await table.getByRole('combobox', { name: 'Cấp đánh giá' }).click();
    await page.getByRole('option', { name: 'Xã, thị trấn', exact: true }).click();
    await table.getByText('1-10 trên 11').waitFor();
    await expect.poll(() => rows.count()).toBe(10);
  });

  // Runs after the paging test: the screen shows 10 rows, the export holds all 11.
  test('exports the whole league table to CSV as the screen shows it, not only the page', async () => {
    await page.getByRole('menuitem', { name: 'Tổng quan' }).click();
    const table = panel('Xếp hạng Chỉ số CCHC của các đơn vị');
    await table.getByText(`1-10 trên ${league.length}`).waitFor();
    expect(await table.locator('tbody tr').count()).toBe(10);
    await table.getByRole('button', { name: 'Xuất dữ liệu' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: 'Tệp CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      new RegExp(`^league-commune-${leagueYear}-\\d{4}-\\d{2}-\\d{2}\\.csv$`),
    );
    const text = (await downloaded(download)).toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [headers, ...exported] = parseCsv(text.slice(1));
    expect(headers).toEqual([
      'Xếp hạng',
      'Trên tổng số',
      'Đơn vị',
      'Chỉ số (%)',
      'Tổng điểm',
      'Điểm tối đa',
      'Chỉ số năm trước (%)',
      'Tăng, giảm so với năm trước (điểm %)',
      'Xếp hạng năm trước',
      'Lĩnh vực bị trừ nhiều điểm nhất',
      'Số điểm bị trừ ở lĩnh vực đó',
      'Nhiệm vụ quá hạn',
      'Nhiệm vụ chưa hoàn thành',
    ]);
    expect(exported).toHaveLength(league.length);
    league.forEach((row, index) => {
      const cells = exported[index] ?? [];
      expect(cells[0]).toBe(String(row.rank));
      expect(cells[1]).toBe(String(row.rankOf));
      expect(cells[2]).toBe(row.unit.name);
      expect(cells[3]).toBe(row.percent?.toFixed(2));
      expect(cells[11]).toBe(String(row.overdueTasks));
    });
  });

  test('reads in English with English figures', async () => {
    // The export above left the page scrolled down to the league table, where react-admin slides the
    // app bar (and its language button) out of view; a user scrolls back up for it.
    await page.mouse.wheel(0, -10_000);
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    const trend = panel("The district's PAR index over the years");
    await trend.locator('.recharts-label-list').getByText('92.20%', { exact: true }).waitFor();
    await trend
      .locator('.recharts-label')
      .getByText(`Target ${goal.targetYear}: ≥ ${goal.targetValue}%`, { exact: true })
      .waitFor();
    // The pager too, still at 10 rows a page.
    const table = panel('League table of units by PAR index');
    await table.locator('tbody tr').first().waitFor();
    await table.getByText(`1-10 of ${league.length}`).waitFor();
    await table.getByRole('button', { name: 'Go to next page' }).waitFor();
  });
});
