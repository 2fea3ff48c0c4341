import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareDatabase } from '../../api/bootstrap.ts';
import { openDatabase } from '../../api/db.ts';
import { verifyPassword } from '../../api/services/password.ts';
import { migrationStatus, readMigrations } from '../../prisma/migrate.ts';
import { createTestDatabase, databaseKinds } from '../support/databases.ts';
import { snapshotDatabase } from '../support/snapshot.ts';

const quiet = { info: () => {}, warn: () => {} };

describe('the first start on the embedded database in a data directory', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'par-data-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('migrates and loads the demo data, and a restart keeps every row without loading again', async () => {
    const first = await openDatabase({ dataDir: dir });
    await prepareDatabase(first, { environment: 'test', demoData: true, initialAdminPassword: undefined }, quiet);
    const loaded = await snapshotDatabase(first.prisma);
    expect(loaded.Task?.length).toBeGreaterThanOrEqual(40);
    await first.close();

    const second = await openDatabase({ dataDir: dir });
    await prepareDatabase(second, { environment: 'test', demoData: true, initialAdminPassword: undefined }, quiet);
    expect(await snapshotDatabase(second.prisma)).toEqual(loaded);
    expect((await migrationStatus(second.adapterFactory)).applied).toBe(true);
    await second.close();
  });
});

describe.each(databaseKinds)('starting a real deployment (no demo data) on %s', (kind) => {
  it('refuses to start without an account or a first password, saying what to set', async () => {
    const db = await createTestDatabase(kind);
    try {
      await expect(
        prepareDatabase(db, { environment: 'test', demoData: false, initialAdminPassword: undefined }, quiet),
      ).rejects.toThrow(/INITIAL_ADMIN_PASSWORD/);
      await expect(
        prepareDatabase(db, { environment: 'test', demoData: false, initialAdminPassword: 'short' }, quiet),
      ).rejects.toThrow(/INITIAL_ADMIN_PASSWORD is refused: Use at least 12 characters/);
      expect(await db.prisma.account.count()).toBe(0);
    } finally {
      await db.destroy();
    }
  });

  it('creates the first secretariat account once, and loads no demo data', async () => {
    const db = await createTestDatabase(kind);
    try {
      await prepareDatabase(
        db,
        { environment: 'test', demoData: false, initialAdminPassword: 'a long first password' },
        quiet,
      );
      await prepareDatabase(
        db,
        { environment: 'test', demoData: false, initialAdminPassword: 'another long password' },
        quiet,
      );
      const accounts = await db.prisma.account.findMany();
      expect(accounts).toHaveLength(1);
      expect(accounts[0]).toMatchObject({ username: 'admin', role: 'ADMIN' });
      expect(await verifyPassword(accounts[0]?.passwordHash ?? '', 'a long first password')).toBe(true);
      expect(await db.prisma.task.count()).toBe(0);
    } finally {
      await db.destroy();
    }
  });

  it('reports every committed migration as applied on a migrated database', async () => {
    const db = await createTestDatabase(kind);
    try {
      const status = await migrationStatus(db.adapterFactory);
      expect(status).toEqual({ applied: true, pending: [], failed: [], edited: [] });
      expect((await readMigrations()).migrationDirectories.length).toBeGreaterThanOrEqual(2);
    } finally {
      await db.destroy();
    }
  });
});
