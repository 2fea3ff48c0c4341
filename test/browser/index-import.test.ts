// The index import page in Chromium, over the demo data: the secretariat checks a structure file
// (a dry run, nothing written), imports it, then checks a scores file with bad rows and sees each
// error with its row and column in a table. An analyst has no menu entry and is refused the page.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { browserTestsRun, connectBrowser, signIn, startServer, type TestServer } from './support.ts';

const runs = browserTestsRun('browser index import test');
const fixtures = path.join(import.meta.dirname, '..', 'fixtures', 'index-import');

describe.skipIf(!runs)('index import in a browser', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let token: string;

  beforeAll(async () => {
    server = await startServer();
    token = await server.token('admin');
    browser = await connectBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const frameworks = async () =>
    (
      await server.graphql<{ indexFrameworks: { totalCount: number } }>(
        '{ indexFrameworks(filter: { year: { equals: 2099 } }) { totalCount } }',
        {},
        token,
      )
    ).indexFrameworks.totalCount;

  test('the secretariat checks, imports and sees row errors', async () => {
    await signIn(page, server.baseUrl, 'admin');
    await page.getByRole('menuitem', { name: 'Nhập chỉ số CCHC' }).click();
    await page.locator('#react-admin-title').getByText('Nhập cấu trúc và điểm chỉ số CCHC').waitFor();
    await page.getByRole('spinbutton', { name: 'Năm' }).fill('2099');
    await page.getByRole('textbox', { name: 'Tên bộ chỉ số' }).fill('Bộ chỉ số CCHC cấp xã năm 2099');
    await page.locator('input[type=file]').setInputFiles({
      name: 'cau-truc.csv',
      mimeType: 'text/csv',
      buffer: readFileSync(path.join(fixtures, 'structure-commune.csv')),
    });
    await page.getByText('cau-truc.csv').waitFor();

    await page.getByRole('button', { name: 'Chỉ kiểm tra' }).click();
    await page.getByText(/Tệp hợp lệ \(35 dòng\)/).waitFor();
    expect(await frameworks()).toBe(0);

    await page.getByRole('button', { name: 'Nhập dữ liệu' }).click();
    await page.getByText(/Đã nhập 35 dòng: 35 tiêu chí/).waitFor();
    expect(await frameworks()).toBe(1);

    await page.getByRole('button', { name: 'Điểm của năm' }).click();
    await page.locator('input[type=file]').setInputFiles({
      name: 'diem.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('unit_code,node_code,points\nKHONG_CO,1,5\n'),
    });
    await page.getByRole('button', { name: 'Chỉ kiểm tra' }).click();
    const errors = page.getByRole('table', { name: 'Các lỗi trong tệp' });
    await errors.waitFor();
    await expect(errors.getByRole('row').nth(1).textContent()).resolves.toMatch(/^2unit_codeUnknown unit "KHONG_CO"/);
  }, 120_000);

  test('an analyst has no menu entry and is refused the page', async () => {
    await signIn(page, server.baseUrl, 'analyst');
    expect(await page.getByRole('menuitem', { name: 'Nhập chỉ số CCHC' }).count()).toBe(0);
    await page.goto(`${server.baseUrl}/#/index-import`);
    await page.getByText('Bạn không có quyền thực hiện thao tác này').waitFor();
  }, 60_000);
});
