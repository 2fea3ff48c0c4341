// What the browser tests share: the app (API and the admin UI built for this run) listening on a
// local port over the demo data in an in-memory database, the run's Chromium (the build and the
// browser made once by global-setup.ts), and the steps every walk repeats (sign in, sign out,
// GraphQL as a given account).
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import pino from 'pino';
import { inject } from 'vitest';
import { createApp, type App } from '../../api/app.ts';
import { prepareDatabase } from '../../api/bootstrap.ts';
import { loadConfig } from '../../api/config.ts';
import { openDatabase, type Database } from '../../api/db.ts';
import { chromiumPath, hasChromium } from './chromium.ts';

/** Under CI the browser tests must run: a missing Chromium fails them instead of skipping. */
export const mustRun = process.env.CI === 'true';
export const demoPassword = 'DaTeh@PAR2022';

/** Whether the browser tests of a file run; says why when they do not. */
export function browserTestsRun(name: string): boolean {
  if (!hasChromium && !mustRun) {
    console.warn(
      `Skipping the ${name}: ${chromiumPath} is missing (apt-get install chromium). Under CI=true it fails instead.`,
    );
  }
  return hasChromium || mustRun;
}

export interface TestServer {
  app: App;
  baseUrl: string;
  /** Runs one operation in process as the holder of `token`; throws on any GraphQL error. */
  graphql<T>(query: string, variables?: Record<string, unknown>, token?: string): Promise<T>;
  /** Signs a demo account in through the API and returns its token. */
  token(username: string): Promise<string>;
  close(): Promise<void>;
}

/** Loads the demo data into a fresh in-memory database and serves it with the run's UI build on a free port. */
export async function startServer(): Promise<TestServer> {
  const adminDist = inject('adminDist');
  if (!adminDist) {
    throw new Error(`CI=true but ${chromiumPath} is missing: install Debian's chromium`);
  }
  const workDir = await mkdtemp(path.join(tmpdir(), 'par-browser-'));
  let db: Database | undefined;
  let server: Server | undefined;
  try {
    db = await openDatabase({ dataDir: 'memory://' });
    await prepareDatabase(
      db,
      { environment: 'test', demoData: true, initialAdminPassword: undefined },
      pino({ level: 'silent' }),
    );
    const app = createApp({
      db,
      config: loadConfig({
        NODE_ENV: 'test',
        PORT: '0',
        ADMIN_DIST: adminDist,
        FILES_DIR: path.join(workDir, 'files'),
        // The browser clicks far faster than a person: the rate limit still counts, but lets it through.
        RATE_LIMIT_REQUESTS_PER_MINUTE: '1000000',
        RATE_LIMIT_COST_PER_MINUTE: '1000000000',
      }),
    });
    const listening = createServer(app.handle);
    server = listening;
    await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', resolve));
    const baseUrl = `http://127.0.0.1:${(listening.address() as AddressInfo).port}`;
    const openDb = db;

    const graphql = async <T>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> => {
      const response = await app.fetch(
        new Request('http://test/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify({ query, variables }),
        }),
      );
      const body = (await response.json()) as { data?: T; errors?: unknown[] };
      if (body.errors || !body.data) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
      return body.data;
    };

    return {
      app,
      baseUrl,
      graphql,
      async token(username) {
        const { login } = await graphql<{ login: { token: string } }>(
          'mutation ($username: String!, $password: String!) { login(username: $username, password: $password) { token } }',
          { username, password: demoPassword },
        );
        return login.token;
      },
      async close() {
        await new Promise((resolve) => listening.close(resolve));
        await openDb.close();
        await rm(workDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    await db?.close();
    await rm(workDir, { recursive: true, force: true });
    throw error;
  }
}

/** Connects to the run's Chromium; closing the connection closes this file's pages, not the browser. */
export function connectBrowser(): Promise<Browser> {
  const endpoint = inject('browserEndpoint');
  if (!endpoint) throw new Error(`CI=true but ${chromiumPath} is missing: install Debian's chromium`);
  return chromium.connect(endpoint);
}

/** Signs in through the sign-in page, in Vietnamese, and waits for the app to show. */
export async function signIn(page: Page, baseUrl: string, username: string, password = demoPassword): Promise<void> {
  // Start signed out whatever an earlier step left behind.
  await page.goto(`${baseUrl}/#/login`);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.getByRole('textbox', { name: 'Tên đăng nhập' }).fill(username);
  await page.getByRole('textbox', { name: 'Mật khẩu' }).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('menuitem', { name: 'Nhiệm vụ' }).waitFor();
}

/** Signs out through the user menu and waits for the sign-in page. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Tài khoản' }).click();
  await page.getByRole('menuitem', { name: 'Đăng xuất' }).click();
  await page.getByRole('button', { name: 'Đăng nhập' }).waitFor();
}
