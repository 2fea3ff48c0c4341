// Starts the product: opens the database (embedded PGlite unless DATABASE_URL is set), applies
// pending migrations, loads the demo data into an empty database, and serves API and UI.
import type { ServerResponse } from 'node:http';
import { Server as NetServer } from 'node:net';
import pino from 'pino';
import { createApp } from './app.ts';
import { prepareDatabase } from './bootstrap.ts';
import { loadConfig, productionRefusal } from './config.ts';
import { openDatabase } from './db.ts';
import { createHttpServer } from './http-server.ts';

const config = loadConfig();
const logger = pino({ level: config.logLevel });
// Production never runs with the demo accounts' published password or a guessable first one.
const refusal = productionRefusal(config);
if (refusal) {
  logger.fatal(refusal);
  process.exit(1);
}
const started = Date.now();

const db = await openDatabase({
  databaseUrl: config.databaseUrl,
  dataDir: config.dataDir,
  statementTimeoutMs: config.timeouts.statementMs,
});
logger.info({ database: db.kind === 'postgres' ? 'postgresql' : `pglite ${config.dataDir}` }, 'database opened');
await prepareDatabase(db, config, logger);

const app = createApp({ db, config, logger });
let stopping = false;
const responses = new Set<ServerResponse>();
const server = createHttpServer(config.timeouts, (req, res) => {
  // Once stopping, each connection closes after its response instead of staying open for more.
  if (stopping) res.setHeader('connection', 'close');
  responses.add(res);
  res.on('close', () => responses.delete(res));
  app.handle(req, res);
});
server.listen(config.port, config.host, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.info({ ms: Date.now() - started }, `ready: open http://localhost:${port}/ (API at /graphql)`);
});

function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  app.stopping();
  logger.info({ signal }, 'stopping: finishing requests in flight');
  for (const res of responses) if (!res.headersSent) res.setHeader('connection', 'close');
  // Stop accepting connections once those already made are accepted: after the next pass of the event
  // loop through its I/O (the embedded database can keep it busy for a while). Not with http's close(),
  // which also drops every connection that looks idle, among them those whose request has arrived but
  // not yet been read, answering a request already sent with a reset. Instead, every second, right
  // after a pass through I/O, close the connections with no request; the others close after their
  // response (which says `Connection: close`), or are cut after 30 s.
  const afterNextIo = (run: () => void) => setImmediate(() => setImmediate(run));
  afterNextIo(() =>
    NetServer.prototype.close.call(server, () => {
      void db.close().then(() => process.exit(0));
    }),
  );
  setInterval(() => afterNextIo(() => server.closeIdleConnections()), 1000).unref();
  setTimeout(() => {
    logger.warn('requests still running after 30 s: closing their connections');
    server.closeAllConnections();
  }, 30_000).unref();
}
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
