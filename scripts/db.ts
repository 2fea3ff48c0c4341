// Database commands that work offline on both the embedded database and PostgreSQL (DATABASE_URL):
//   migrate            apply pending migrations
//   status             show applied and pending migrations
//   create <name>      write the next migration from the change to prisma/schema.prisma
//   create <name> --draft   an empty migration for hand-written SQL (checks, triggers)
//   reset              drop everything and apply all migrations (asks for --yes)
//   seed               load the demo data if it is not there
import { loadConfig } from '../api/config.ts';
import { openDatabase } from '../api/db.ts';
import { applyMigrations, createMigration, migrationStatus, resetDatabase } from '../prisma/migrate.ts';
import { loadDemoData } from '../seeds/demo.ts';

const [command, ...rest] = process.argv.slice(2);

async function withDatabase(run: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<void>) {
  const config = loadConfig();
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await run(db);
  } finally {
    await db.close();
  }
}

async function main(): Promise<number> {
  switch (command) {
    case 'migrate':
      await withDatabase(async (db) => {
        const applied = await applyMigrations(db.adapterFactory);
        console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Already up to date.');
      });
      return 0;
    case 'status': {
      let upToDate = true;
      await withDatabase(async (db) => {
        const status = await migrationStatus(db.adapterFactory);
        upToDate = status.applied;
        console.log(status.applied ? 'All migrations applied.' : JSON.stringify(status, null, 2));
      });
      return upToDate ? 0 : 1;
    }
    case 'create': {
      const name = rest.find((arg) => !arg.startsWith('--'));
      if (!name) {
        console.error('Usage: npm run db:migration -- <name> [--draft]');
        return 2;
      }
      const folder = await createMigration(name, { draft: rest.includes('--draft') });
      console.log(folder ? `Wrote prisma/migrations/${folder}/migration.sql` : 'No change to migrate.');
      return 0;
    }
    case 'reset':
      if (!rest.includes('--yes')) {
        console.error('This deletes every row. Run again with --yes: npm run db:reset -- --yes');
        return 2;
      }
      await withDatabase(async (db) => {
        await resetDatabase(db.adapterFactory);
        const applied = await applyMigrations(db.adapterFactory);
        console.log(`Reset; applied ${applied.length} migrations.`);
      });
      return 0;
    case 'seed':
      await withDatabase(async (db) => {
        const loaded = await loadDemoData(db.prisma);
        console.log(loaded ? 'Demo data loaded.' : 'Demo data already present; nothing changed.');
      });
      return 0;
    default:
      console.error('Usage: tsx scripts/db.ts migrate|status|create <name> [--draft]|reset --yes|seed');
      return 2;
  }
}

// The schema engine leaves a timer running; exit explicitly once done.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
