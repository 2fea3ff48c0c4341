// Runs once before the browser test files (the "browser" project of vitest.config.ts): builds the admin
// UI and launches Debian's Chromium. Each file serves that build and connects to that browser: building
// and launching per file took much of each file's time. (The demo data stays per file: migrating here,
// after the other project's global setup did in this process, breaks Prisma's schema engine.)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { hasChromium, launchBrowserServer } from './chromium.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The admin UI as production serves it, built for this run; null when the browser tests do not run. */
    adminDist: string | null;
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

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  // Without Chromium the files skip (or, under CI, fail) on their own.
  if (!hasChromium) {
    project.provide('adminDist', null);
    project.provide('browserEndpoint', null);
    return undefined;
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'par-browser-run-'));
  const adminDist = path.join(dir, 'admin');
  const server = await launchBrowserServer();
  const teardown = async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await buildAdmin(adminDist);
  } catch (error) {
    await teardown();
    throw error;
  }
  project.provide('adminDist', adminDist);
  project.provide('browserEndpoint', server.wsEndpoint());
  return teardown;
}
