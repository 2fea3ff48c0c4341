import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

/** The version Node would load for `pkg` when required from inside `from` (a package), as installed. */
function installedVersion(pkg: string, from?: string): string {
  const candidates = from
    ? [path.join(root, 'node_modules', from, 'node_modules', pkg), path.join(root, 'node_modules', pkg)]
    : [path.join(root, 'node_modules', pkg)];
  const dir = candidates.find((candidate) => existsSync(path.join(candidate, 'package.json')));
  if (!dir) throw new Error(`${pkg} is not installed`);
  return (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

describe('pinned data-layer versions', () => {
  it('keeps the Prisma CLI and client on the same minor version', () => {
    const minor = (version: string) => version.split('.').slice(0, 2).join('.');
    expect(minor(installedVersion('prisma'))).toBe(minor(installedVersion('@prisma/client')));
  });

  it('gives the PGlite adapter the driver-adapter-utils it was built for, pinned at the top level', () => {
    expect(installedVersion('@prisma/driver-adapter-utils')).toBe('7.2.0');
    expect(installedVersion('@prisma/driver-adapter-utils', 'pglite-prisma-adapter')).toBe('7.2.0');
  });
});
