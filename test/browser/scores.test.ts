// The PAR index scores and the satisfaction surveys through the built UI in Chromium, over the demo
// data: the district's 2025 result opened from the dashboard's trend (93,12%, 3rd of 12, the change of
// each field on 2024 with its sign), the result list with rank and change, the SIPAS list with the land
// sector against its 88% target, and the dashboard's satisfaction panel leading to the filtered list.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { browserTestsRun, connectBrowser, signIn, startServer, type TestServer } from './support.ts';

const runs = browserTestsRun('browser scores test');

interface FieldResult {
  code: string;
  name: string;
  points: number | null;
  delta: number | null;
}

/** 0.24 → "+0,24", −0.13 → "−0,13": a change as the Vietnamese UI writes it. */
const signed = (value: number) =>
  `${value > 0 ? '+' : value < 0 ? '−' : ''}${Math.abs(value).toFixed(2).replace('.', ',')}`;

describe.skipIf(!runs)('PAR index scores and satisfaction in a browser', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let district: { id: string; name: string };
  let result2025: { id: string; percentDelta: number; fields: FieldResult[] };
  let sectors2025: { sector: string; satisfactionPercent: number; targetValue: number | null; meetsTarget: boolean }[];

  const panel = (name: string): Locator => page.getByRole('region', { name, exact: true });
  const filterOf = () =>
    JSON.parse(new URL(page.url().replace('#/', '')).searchParams.get('filter') ?? '{}') as Record<string, unknown>;

  beforeAll(async () => {
    server = await startServer();
    const token = await server.token('committee');
    const { indexResults } = await server.graphql<{
      indexResults: {
        nodes: { id: string; percentDelta: number; unit: { id: string; name: string }; fields: FieldResult[] }[];
      };
    }>(
      `{ indexResults(filter: { level: { equals: DISTRICT }, year: { equals: 2025 } }) {
        nodes { id percentDelta unit { id name } fields { code name points delta } }
      } }`,
      {},
      token,
    );
    const found = indexResults.nodes[0];
    if (!found) throw new Error("the demo data lacks the district's 2025 result");
    result2025 = found;
    district = found.unit;
    const { satisfactionResults } = await server.graphql<{ satisfactionResults: { nodes: typeof sectors2025 } }>(
      `query ($unit: ID!) { satisfactionResults(filter: { unit: { equals: $unit }, year: { equals: 2025 }, element: { equals: OVERALL } }) {
        nodes { sector satisfactionPercent targetValue meetsTarget }
      } }`,
      { unit: district.id },
      token,
    );
    sectors2025 = satisfactionResults.nodes;
    browser = await connectBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test("opens the district's 2025 result from the dashboard's trend: 93,12%, 3/12 and each field's change", async () => {
    await signIn(page, server.baseUrl, 'committee');
    const trend = panel('Chỉ số CCHC của huyện qua các năm');
    await trend.getByRole('link', { name: '2025: 93,12% · 3/12' }).click();
    await page.waitForURL(/#\/indexResults\/.+\/show/);
    expect(decodeURIComponent(page.url())).toContain(result2025.id);

    await expect.poll(() => page.getByTestId('index-percent').innerText()).toContain('93,12%');
    expect(await page.getByTestId('index-published').innerText()).toContain('93,12%');
    expect(await page.getByTestId('index-rank').innerText()).toContain('3/12');
    expect(await page.getByTestId('index-previous').innerText()).toContain('92,35%');
    expect(await page.getByTestId('index-delta').innerText()).toContain(signed(result2025.percentDelta));

    // The tree: every field a bold row with its change on 2024, criteria under it.
    const table = page.getByRole('table', { name: 'Điểm theo lĩnh vực, tiêu chí, tiêu chí thành phần' });
    const fieldRows = table.locator('tbody tr[data-depth="1"]');
    expect(await fieldRows.count()).toBe(result2025.fields.length);
    expect(await table.locator('tbody tr[data-depth="2"]').count()).toBeGreaterThan(0);
    const up = result2025.fields.find((field) => (field.delta ?? 0) > 0);
    const down = result2025.fields.find((field) => (field.delta ?? 0) < 0);
    if (!up || !down) throw new Error('the demo data has no field up and no field down on 2024');
    for (const field of [up, down]) {
      const row = table.locator('tbody tr[data-depth="1"]').filter({ hasText: field.name });
      const cells = await row.locator('td').allInnerTexts();
      expect(cells[0]).toBe(field.code);
      expect(cells.at(-1)).toBe(signed(field.delta ?? 0));
      const weight = await row
        .locator('td')
        .nth(1)
        .evaluate((cell) => getComputedStyle(cell).fontWeight);
      expect(Number(weight)).toBeGreaterThanOrEqual(700);
    }
    const upCell = table.locator('tbody tr[data-depth="1"]').filter({ hasText: up.name }).locator('td').last();
    const downCell = table.locator('tbody tr[data-depth="1"]').filter({ hasText: down.name }).locator('td').last();
    const colour = (cell: Locator) => cell.locator('span').evaluate((span) => getComputedStyle(span).color);
    expect(await colour(upCell)).not.toBe(await colour(downCell));
  });

  test('lists the district results with their rank and change on the previous year', async () => {
    const filter = encodeURIComponent(JSON.stringify({ level: 'DISTRICT' }));
    await page.goto(`${server.baseUrl}/#/indexResults?filter=${filter}`);
    const row = page.locator('tbody tr').filter({ hasText: district.name }).filter({ hasText: '2025' });
    await row.waitFor();
    const text = await row.innerText();
    expect(text).toContain('3/12');
    expect(text).toContain(signed(result2025.percentDelta));
  });

  test('lists the 2025 SIPAS results: land (Đất đai) against its 88% target, met', async () => {
    await page.getByRole('menuitem', { name: 'Mức độ hài lòng (SIPAS)' }).click();
    await page.waitForURL(/#\/satisfactionResults/);
    await page.locator('tbody tr').first().waitFor();
    // The filter form can still be settling (its unit choices loading) and drop a value typed at once: type
    // again until the list's address carries the year.
    await vi.waitFor(
      async () => {
        const year = page.getByRole('spinbutton', { name: 'Năm' });
        if ((await year.inputValue()) !== '2025') await year.fill('2025');
        await expect.poll(() => filterOf().year, { timeout: 1500 }).toBe(2025);
      },
      { timeout: 15_000, interval: 250 },
    );
    // One row of the year for land (the other years' rows go once the filter applies).
    const land = page.locator('tbody tr').filter({ hasText: 'Đất đai' });
    await expect.poll(() => land.count(), { timeout: 5000 }).toBe(1);
    const cells = await land.locator('td').allInnerTexts();
    const expected = sectors2025.find((row) => row.sector === 'LAND');
    expect(expected?.targetValue).toBe(88);
    expect(cells).toContain('88');
    expect(cells).toContain(expected?.satisfactionPercent.toFixed(2).replace('.', ','));
    expect(cells).toContain('Đạt');
    // Every row of the year, the sectors' overall figures and the five elements, and an export menu.
    await page.getByRole('button', { name: 'Xuất dữ liệu' }).waitFor();
  });

  test("the dashboard's satisfaction panel shows each sector and a bar opens the filtered list", async () => {
    await page.getByRole('menuitem', { name: 'Tổng quan' }).click();
    const satisfaction = panel('Mức độ hài lòng theo lĩnh vực (SIPAS)');
    for (const [name, row] of [
      ['Chung', 'OVERALL'],
      ['Y tế', 'HEALTH'],
      ['Giáo dục', 'EDUCATION'],
      ['Đất đai', 'LAND'],
      ['Xây dựng', 'CONSTRUCTION'],
    ] as const) {
      const found = sectors2025.find((candidate) => candidate.sector === row);
      if (!found) throw new Error(`no 2025 result for ${row}`);
      const value = `${found.satisfactionPercent.toFixed(2).replace('.', ',')}%`;
      await satisfaction.getByRole('link', { name: new RegExp(`^${name}: ${value}`) }).waitFor();
    }
    const bars = satisfaction.locator('.recharts-bar-rectangle');
    expect(await bars.count()).toBe(5);
    // The fourth bar is land.
    await bars.nth(3).click();
    await page.waitForURL(/#\/satisfactionResults\?/);
    expect(filterOf()).toEqual({ unit: district.id, year: 2025, sector: 'LAND' });
    const rows = page.locator('tbody tr');
    await expect.poll(() => rows.count(), { timeout: 5000 }).toBe(1);
    expect(await rows.first().innerText()).toContain('Đất đai');
    await page.getByText('1-1 trên 1').waitFor();
  });

  test('every signed-in role finds the SIPAS list in the menu', async () => {
    await signIn(page, server.baseUrl, 'head.annhon');
    await page.getByRole('menuitem', { name: 'Mức độ hài lòng (SIPAS)' }).click();
    await page.locator('tbody tr').first().waitFor();
  });
});
