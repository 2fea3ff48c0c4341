// Debian's Chromium as the browser tests and the UI benchmark run it. No vitest import here: the
// browser tests' global setup and `npm run bench:ui` load this outside a test file.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';

export const chromiumPath = '/usr/bin/chromium';
export const hasChromium = existsSync(chromiumPath);

const launchOptions: LaunchOptions = {
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
};

export function launchBrowser(): Promise<Browser> {
  return chromium.launch(launchOptions);
}

/** A Chromium that other processes connect to (`chromium.connect(server.wsEndpoint())`). */
export function launchBrowserServer() {
  return chromium.launchServer(launchOptions);
}
