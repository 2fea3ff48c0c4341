// Starts the product: opens the database (embedded PGlite unless DATABASE_URL is set), applies
// pending migrations, loads the demo data into an empty database, and serves API and UI.
import { createServer } from 'node:http';
import pino from 'pino';
import { createApp } from './app.ts';
import { prepareDatabase } from './bootstrap.ts';
import { loadConfig } from './config.ts';
import { openDatabase } from './db.ts';

const config = loadConfig();
const logger = pino({ level: process.env.LOG_LEVEL ?? 'info' });
const started = Date.now();

const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
logger.info({ database: db.kind === 'postgres' ? 'postgresql' : `pglite ${config.dataDir}` }, 'database opened');
await prepareDatabase(db, config, logger);

const app = createApp({ db, config, logger });
const server = createServer(app.handle);
server.listen(config.port, config.host, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.info({ ms: Date.now() - started }, `ready: open http://localhost:${port}/ (API at /graphql)`);
});

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'stopping: finishing requests in flight');
  server.close(async () => {
    await db.close();
    process.exit(0);
  });
  server.closeIdleConnections();
}
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
