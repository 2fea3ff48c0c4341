// The built admin UI in a real browser: the app (API and UI) runs in process over the demo data, and
// Debian's Chromium signs in, lists tasks, opens one and switches language.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { browserTestsRun, demoPassword, connectBrowser, startServer, type TestServer } from './support.ts';

const runs = browserTestsRun('browser smoke test');

describe.skipIf(!runs)('admin UI in a browser', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let baseUrl: string;
  // What the API says the first page of tasks (deadline order, 25 rows) holds.
  let firstPage: { totalCount: number; nodes: { title: string; timeline: { totalCount: number } }[] };

  beforeAll(async () => {
    server = await startServer();
    baseUrl = server.baseUrl;
    const token = await server.token('admin');
    ({ tasks: firstPage } = await server.graphql<{ tasks: typeof firstPage }>(
      `
        {
          tasks(first: 25, orderBy: [{ field: DEADLINE, direction: ASC }]) {
            totalCount
            nodes {
              title
              timeline(first: 100) {
                totalCount
              }
            }
          }
        }
      `,
      {},
      token,
    ));
    browser = await connectBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('opens on the sign-in page, in Vietnamese', async () => {
    await page.goto(`${baseUrl}/`);
    await page.getByText('Theo dõi nhiệm vụ cải cách hành chính').waitFor();
    expect(await page.getByRole('textbox', { name: 'Tên đăng nhập' }).isVisible()).toBe(true);
    expect(await page.getByRole('textbox', { name: 'Mật khẩu' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Đăng nhập' }).isVisible()).toBe(true);
  });

  test('signs the secretariat in and lists the demo tasks with their total', async () => {
    await page.getByRole('textbox', { name: 'Tên đăng nhập' }).fill('admin');
    await page.getByRole('textbox', { name: 'Mật khẩu' }).fill(demoPassword);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('menuitem', { name: 'Nhiệm vụ' }).click();

    // The list's own page range first: the dashboard left behind has tables of its own.
    await page.getByText(`1-${firstPage.nodes.length} trên ${firstPage.totalCount}`).waitFor();
    const rows = page.locator('tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(firstPage.nodes.length);
    const shown = await rows.allInnerTexts();
    const titlesShown = firstPage.nodes.filter(({ title }) => shown.some((row) => row.includes(title)));
    expect(titlesShown.length).toBeGreaterThanOrEqual(20);
    await page.getByText(`1-${firstPage.nodes.length} trên ${firstPage.totalCount}`).waitFor();
  });

  test('opens a task and shows its whole timeline', async () => {
    const [task] = firstPage.nodes;
    if (!task) throw new Error('the demo data has no task');
    await page.getByRole('cell', { name: task.title, exact: true }).click();

    const timeline = page.getByRole('region', { name: 'Quá trình xử lý' });
    await timeline.waitFor();
    await page.getByRole('heading', { name: task.title, exact: true }).waitFor();
    await timeline.getByRole('listitem').first().waitFor();
    expect(await timeline.getByRole('listitem').count()).toBe(Math.min(task.timeline.totalCount, 100));
    expect(await timeline.getByText('Giao nhiệm vụ').count()).toBeGreaterThan(0);
  });

  test('switches the interface to English from the app bar', async () => {
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();

    await page.getByRole('region', { name: 'Timeline' }).waitFor();
    expect(await page.getByRole('menuitem', { name: 'Tasks' }).isVisible()).toBe(true);
    expect(await page.getByRole('menuitem', { name: 'Nhiệm vụ' }).count()).toBe(0);
  });
});
