// `npm run load` works: a short run with a few connections, whose own checks (no error but the expected
// conflicts, no lost update) decide its exit code. The full run (60 s, 50 connections on PostgreSQL)
// is for people: docs/operations.md "Load".
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { databaseKinds } from '../support/databases.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

describe.each(databaseKinds)('npm run load on %s', (kind) => {
  it('runs a mixed workload for a few seconds and finds no lost update', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env.DATABASE_URL;
    if (kind === 'postgres') env.DATABASE_URL = process.env.TEST_DATABASE_URL;
    const { code, output } = await new Promise<{ code: number; output: string }>((resolve) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', 'scripts/load.ts', '--duration', '5', '--connections', '3'],
        { cwd: root, env, timeout: 150_000 },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, output: `${stdout}${stderr}` }),
      );
    });
    console.log(output);
    expect(code, output).toBe(0);
    expect(output).toMatch(
      /requests answered in [\d.]+ s: \d+ requests\/s; non-2xx 0, connection errors 0, timeouts 0/,
    );
    expect(output).toMatch(/No lost update: [1-9]\d* acknowledged progress reports .* — ok/);
    expect(output).toMatch(/^PASSED$/m);
  }, 180_000);
});
