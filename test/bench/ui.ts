// The admin UI's benchmark: `npm run bench:ui [-- --runs N]`. Not part of `npm test`.
//
// Builds the UI as production serves it and prints the gzip size of what the first page loads (the
// entry script, its preloaded chunks and the styles named in index.html) next to the chunks loaded
// later on demand. Then serves it over the size-S bench data (embedded database, in memory) and times
// in headless Chromium, for the secretariat signed in, how long a task list of 100 rows takes to render:
// on a full page load of its address (cold: scripts parsed, schema read, data fetched) and after an
// in-app navigation from the dashboard (warm). The server runs on the real clock: the UI checks its
// session's expiry against the browser's.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import pino from 'pino';
import { createApp } from '../../api/app.ts';
import { loadConfig } from '../../api/config.ts';
import { openDatabase } from '../../api/db.ts';
import { applyMigrations } from '../../prisma/migrate.ts';
import { benchPassword, loadBenchData } from '../../scripts/bench-data.ts';
import { hasChromium, launchBrowser } from '../browser/chromium.ts';
import { signIn } from '../browser/support.ts';

const args = process.argv.slice(2);
const runsIndex = args.indexOf('--runs');
const runs = runsIndex >= 0 ? Number(args[runsIndex + 1]) : 7;

interface Chunk {
  file: string;
  bytes: number;
  gzip: number;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function build(outDir: string): Promise<void> {
  const { build: viteBuild } = await import('vite');
  process.env.NODE_ENV = 'production';
  await viteBuild({ configFile: 'admin/vite.config.ts', logLevel: 'warn', build: { outDir, emptyOutDir: true } });
}

async function chunks(outDir: string): Promise<Chunk[]> {
  const assets = path.join(outDir, 'assets');
  const files = (await readdir(assets)).filter((file) => /\.(js|css)$/.test(file));
  return Promise.all(
    files.map(async (file) => {
      const content = await readFile(path.join(assets, file));
      return { file: `assets/${file}`, bytes: content.length, gzip: gzipSync(content, { level: 9 }).length };
    }),
  );
}

/** What index.html makes the browser fetch before anything else: entry script, preloads, styles. */
async function firstPageFiles(outDir: string): Promise<Set<string>> {
  const html = await readFile(path.join(outDir, 'index.html'), 'utf8');
  return new Set([...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.(?:js|css))"/g)].map((match) => match[1] ?? ''));
}

function printSizes(all: Chunk[], first: Set<string>): void {
  const initial = all.filter((chunk) => first.has(chunk.file));
  const later = all.filter((chunk) => !first.has(chunk.file)).sort((a, b) => b.gzip - a.gzip);
  const sum = (list: Chunk[], key: 'bytes' | 'gzip') => list.reduce((total, chunk) => total + chunk[key], 0);
  console.log('\nAdmin UI production bundle (gzip -9)\n');
  console.log('| loaded | file | size | gzip |');
  console.log('|---|---|---|---|');
  for (const chunk of initial) console.log(`| first page | ${chunk.file} | ${kb(chunk.bytes)} | ${kb(chunk.gzip)} |`);
  for (const chunk of later) console.log(`| on demand | ${chunk.file} | ${kb(chunk.bytes)} | ${kb(chunk.gzip)} |`);
  console.log(
    `\nFirst page: ${kb(sum(initial, 'gzip'))} gzip (${kb(sum(initial, 'bytes'))} raw); ` +
      `on demand: ${later.length} chunks, ${kb(sum(later, 'gzip'))} gzip.`,
  );
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/** Waits until the list shows 100 data rows and returns the milliseconds since `started`. */
async function hundredRows(page: Page, started: number): Promise<number> {
  await page.waitForFunction(() => document.querySelectorAll('table tbody tr').length >= 100, undefined, {
    timeout: 60_000,
    polling: 'raf',
  });
  return performance.now() - started;
}

async function main() {
  if (!hasChromium) throw new Error('bench:ui needs /usr/bin/chromium (apt-get install chromium)');
  const workDir = await mkdtemp(path.join(tmpdir(), 'par-bench-ui-'));
  const outDir = path.join(workDir, 'admin');
  const db = await openDatabase({ dataDir: 'memory://' });
  const browser = await launchBrowser();
  try {
    const buildStarted = performance.now();
    await build(outDir);
    console.log(`Built the admin UI in ${((performance.now() - buildStarted) / 1000).toFixed(1)} s`);
    printSizes(await chunks(outDir), await firstPageFiles(outDir));

    await applyMigrations(db.adapterFactory);
    await loadBenchData(db.prisma, 'S');
    const app = createApp({
      db,
      config: loadConfig({ NODE_ENV: 'test', PORT: '0', ADMIN_DIST: outDir, FILES_DIR: path.join(workDir, 'files') }),
      logger: pino({ level: 'silent' }),
    });
    const server = createServer(app.handle);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const listUrl = `${base}/#/tasks?perPage=100&page=1&sort=deadline&order=ASC&filter=%7B%7D`;

    const context = await browser.newContext({ locale: 'vi-VN' });
    const page = await context.newPage();
    await signIn(page, base, 'admin', benchPassword);

    const cold: number[] = [];
    const warm: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      await page.goto('about:blank');
      const coldStart = performance.now();
      await page.goto(listUrl);
      cold.push(await hundredRows(page, coldStart));

      await page.goto(`${base}/#/`);
      await page.getByRole('menuitem', { name: 'Nhiệm vụ' }).waitFor();
      await page.waitForLoadState('networkidle');
      const warmStart = performance.now();
      await page.evaluate((hash) => (window.location.hash = hash), new URL(listUrl).hash);
      warm.push(await hundredRows(page, warmStart));
    }
    console.log(`\nTask list of 100 rows, headless Chromium, ${runs} runs (ms, median / max)\n`);
    console.log('| navigation | median | max |');
    console.log('|---|---|---|');
    console.log(
      `| full page load of the list's address | ${median(cold).toFixed(0)} | ${Math.max(...cold).toFixed(0)} |`,
    );
    console.log(`| in-app, from the dashboard | ${median(warm).toFixed(0)} | ${Math.max(...warm).toFixed(0)} |`);
    await context.close();
    await new Promise((resolve) => server.close(resolve));
  } finally {
    await browser.close();
    await db.close();
    await rm(workDir, { recursive: true, force: true });
  }
}

await main();
