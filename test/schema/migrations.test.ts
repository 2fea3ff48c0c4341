import { describe, expect, it } from 'vitest';
import { diffMigrationsToSchema, readMigrations } from '../../prisma/migrate.ts';

describe('migrations', () => {
  it('build exactly the database that prisma/schema.prisma describes', async () => {
    const drift = await diffMigrationsToSchema();
    expect(drift, 'schema.prisma changed without a migration: run npm run db:migration -- <name>').toBe('');
  });

  it("are committed in Prisma's folder format with a lock file", async () => {
    const list = await readMigrations();
    expect(list.lockfile.content).toMatch(/provider = "postgresql"/);
    expect(list.migrationDirectories.length).toBeGreaterThan(0);
    for (const folder of list.migrationDirectories) {
      expect(folder.path).toMatch(/^\d{14}_[a-z0-9_]+$/);
      expect(folder.migrationFile.content.tag).toBe('ok');
    }
  });
});
