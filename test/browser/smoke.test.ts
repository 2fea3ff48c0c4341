// The built admin UI in a real browser: the app (API and UI) runs in process over the demo data, and
// Debian's Chromium signs in, lists tasks, opens one and switches language.
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp, type App } from '../../api/app.ts';
import { prepareDatabase } from '../../api/bootstrap.ts';
import { loadConfig } from '../../api/config.ts';
import { openDatabase, type Database } from '../../api/db.ts';

const chromiumPath = '/usr/bin/chromium';
const hasChromium = existsSync(chromiumPath);
const mustRun = process.env.CI === 'true';
const demoPassword = 'DaTeh@PAR2022';

if (!hasChromium && !mustRun) {
  console.warn(
    `Skipping the browser smoke test: ${chromiumPath} is missing (apt-get install chromium). Under CI=true it fails instead.`,
  );
}

async function graphql<T>(app: App, query: string, token?: string): Promise<T> {
  const response = await app.fetch(
    new Request('http://test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query }),
    }),
  );
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors || !body.data) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

describe.skipIf(!hasChromium && !mustRun)('admin UI in a browser', () => {
  let db: Database;
  let server: Server;
  let browser: Browser;
  let page: Page;
  let baseUrl: string;
  // What the API says the first page of tasks (deadline order, 25 rows) holds.
  let firstPage: { totalCount: number; nodes: { title: string; timeline: { totalCount: number } }[] };

  beforeAll(async () => {
    if (!hasChromium) throw new Error(`CI=true but ${chromiumPath} is missing: install Debian's chromium`);
    // Always build: a stale admin/dist would test yesterday's UI.
    {
      const { build } = await import('vite');
      // Vite keeps a NODE_ENV it finds set, and vitest sets "test": build what production serves.
      const nodeEnv = process.env.NODE_ENV;
      process.env.NODE_ENV = 'production';
      try {
        await build({ configFile: 'admin/vite.config.ts', logLevel: 'warn' });
      } finally {
        process.env.NODE_ENV = nodeEnv;
      }
    }

    db = await openDatabase({ dataDir: 'memory://' });
    await prepareDatabase(db, { demoData: true, initialAdminPassword: undefined }, pino({ level: 'silent' }));
    const app = createApp({ db, config: loadConfig({ NODE_ENV: 'test', PORT: '0' }) });
    server = createServer(app.handle);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    const { login } = await graphql<{ login: { token: string } }>(
      app,
      `mutation { login(username: "admin", password: "${demoPassword}") { token } }`,
    );
    ({ tasks: firstPage } = await graphql<{ tasks: typeof firstPage }>(
      app,
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
      login.token,
    ));

    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    await db?.close();
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
