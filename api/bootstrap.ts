// What a start does to the data before serving: migrations, then either the demo data (into an
// empty database) or, for a real deployment, the first secretariat account.
import type { Logger } from 'pino';
import { PrismaClient } from '../generated/prisma/client.ts';
import { applyMigrations } from '../prisma/migrate.ts';
import { loadDemoData } from '../seeds/demo.ts';
import { initialAdmin, type Config } from './config.ts';
import type { Database } from './db.ts';
import { minPasswordLength, passwordProblem } from './services/password-policy.ts';
import { hashPassword } from './services/password.ts';

export async function prepareDatabase(
  db: Database,
  config: Pick<Config, 'environment' | 'demoData' | 'initialAdminPassword'>,
  logger: Pick<Logger, 'info' | 'warn'>,
): Promise<void> {
  const applied = await applyMigrations(db.adapterFactory);
  if (applied.length) logger.info({ migrations: applied }, 'migrations applied');
  // Loading the demo data may take longer than the statement timeout of API requests: a client of its own.
  const prisma = new PrismaClient({ adapter: db.adapterFactory });
  try {
    await loadData(prisma, config, logger);
  } finally {
    await prisma.$disconnect();
  }
}

async function loadData(
  prisma: PrismaClient,
  config: Pick<Config, 'environment' | 'demoData' | 'initialAdminPassword'>,
  logger: Pick<Logger, 'info' | 'warn'>,
): Promise<void> {
  const accounts = await prisma.account.count();
  if (accounts > 0) return;
  if (config.demoData) {
    const units = await prisma.unit.count();
    if (units > 0) {
      logger.warn('demo data not loaded: the database has units but no accounts');
      return;
    }
    await loadDemoData(prisma);
    logger.info("demo data loaded (Đạ Tẻh district; people's names are invented)");
    return;
  }
  const password = config.initialAdminPassword;
  if (!password) {
    throw new Error(
      `The database has no account. Set INITIAL_ADMIN_PASSWORD (${minPasswordLength}+ characters) to create the first secretariat account "admin", or DEMO_DATA=true for the demo.`,
    );
  }
  // The same policy as every other password; the project's published ones only outside production.
  const problem = passwordProblem(password, initialAdmin, { allowPublished: config.environment !== 'production' });
  if (problem) throw new Error(`INITIAL_ADMIN_PASSWORD is refused: ${problem.message}.`);
  await prisma.account.create({
    data: { ...initialAdmin, role: 'ADMIN', passwordHash: await hashPassword(password) },
  });
  logger.info('created the first secretariat account "admin"');
}
