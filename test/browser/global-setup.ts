// Runs once before the browser test files (the "browser" project of vitest.config.ts): builds the admin
// UI, loads the demo data into an embedded database and dumps it, and launches Debian's Chromium. Each
// file serves that build over its own copy of the data and connects to that browser: building, seeding
// and launching per file took most of each file's time.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import pino from 'pino';
import type { TestProject } from 'vitest/node';
import { prepareDatabase } from '../../api/bootstrap.ts';
import { openDatabase } from '../../api/db.ts';
import { hasChromium, launchBrowserServer } from './chromium.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The admin UI as production serves it, built for this run; null when the browser tests do not run. */
    adminDist: string | null;
    /** An embedded database with the demo data loaded, dumped as a tarball; null as above. */
    demoSnapshot: string | null;
    /** The shared Chromium's endpoint for `chromium.connect`; null as above. */
    browserEndpoint: string | null;
  }
}

/** Builds the admin UI as production serves it. Always built: a stale build would test yesterday's UI. */
async function buildAdmin(outDir: string): Promise<void> {
  const { build } = await import('vite');
  // Vite keeps a NODE_ENV it finds set, and vitest sets "test": build what production serves.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: 'admin/vite.config.ts', logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}

async function demoSnapshot(file: string): Promise<void> {
  const db = await openDatabase({ dataDir: 'memory://' });
  try {
    await prepareDatabase(
      db,
      { environment: 'test', demoData: true, initialAdminPassword: undefined },
      pino({ level: 'silent' }),
    );
    // The adapter keeps its PGlite as `client`; dumpDataDir is the way PGlite copies a database.
    const pglite = (db.adapterFactory as unknown as { client: PGlite }).client;
    const tarball = await pglite.dumpDataDir('none');
    writeFileSync(file, new Uint8Array(await tarball.arrayBuffer()));
  } finally {
    await db.close();
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  // Without Chromium the files skip (or, under CI, fail) on their own.
  if (!hasChromium) {
    project.provide('adminDist', null);
    project.provide('demoSnapshot', null);
    project.provide('browserEndpoint', null);
    return undefined;
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'par-browser-run-'));
  const adminDist = path.join(dir, 'admin');
  const snapshot = path.join(dir, 'demo.tar');
  const server = await launchBrowserServer();
  const teardown = async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await Promise.all([buildAdmin(adminDist), demoSnapshot(snapshot)]);
  } catch (error) {
    await teardown();
    throw error;
  }
  project.provide('adminDist', adminDist);
  project.provide('demoSnapshot', snapshot);
  project.provide('browserEndpoint', server.wsEndpoint());
  return teardown;
}
