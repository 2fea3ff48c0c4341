// The HTTP side of the benchmark, in a process of its own so that autocannon (in the parent) does not
// share its event loop: the real app (createApp, as npm start serves it) and a bare graphql-yoga server
// answering a constant query, each on its own port. Started by run.ts with a JSON argument
// { databaseUrl?, dataDir?, now, limits? }; reports { appPort, barePort } over IPC and stops on disconnect.
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createSchema, createYoga } from 'graphql-yoga';
import pino from 'pino';
import { createApp } from '../../api/app.ts';
import { loadConfig } from '../../api/config.ts';
import { openDatabase } from '../../api/db.ts';
import { createHttpServer } from '../../api/http-server.ts';

interface ServerOptions {
  databaseUrl?: string;
  dataDir?: string;
  now: string;
  /** "production": the limits of a production server as configured by default (attacks.ts measures them). */
  limits?: 'production';
}

const options = JSON.parse(process.argv[2] ?? '{}') as ServerOptions;
const now = new Date(options.now);
const db = await openDatabase(
  options.databaseUrl ? { databaseUrl: options.databaseUrl } : { dataDir: options.dataDir },
);
const filesDir = mkdtempSync(path.join(tmpdir(), 'par-bench-files-'));
// The dashboard's full set (several of the UI's requests in one document) and a whole level's trends
// cost more than one request may (api/cost.ts), and one account sends every request of a run: the bench
// lifts the cost limit, and the rate limit still counts each request but lets it through. attacks.ts
// keeps every default.
const config = loadConfig({
  NODE_ENV: 'production',
  FILES_DIR: filesDir,
  ...(options.limits === 'production'
    ? {}
    : {
        MAX_QUERY_COST: '1000000',
        RATE_LIMIT_REQUESTS_PER_MINUTE: '1000000000',
        RATE_LIMIT_COST_PER_MINUTE: '1000000000',
      }),
});
const app = createApp({ db, config, now: () => now, logger: pino({ level: 'error' }) });

const bare = createYoga({
  schema: createSchema({ typeDefs: 'type Query { hello: String! }', resolvers: { Query: { hello: () => 'world' } } }),
  logging: false,
  landingPage: false,
  graphiql: false,
});

const listen = (server: Server) =>
  new Promise<number>((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });

const appServer = createHttpServer(config.timeouts, app.handle);
const bareServer = createServer(bare.requestListener);
const appPort = await listen(appServer);
const barePort = await listen(bareServer);
process.send?.({ appPort, barePort });

process.on('disconnect', () => {
  appServer.close();
  bareServer.close();
  appServer.closeAllConnections();
  bareServer.closeAllConnections();
  void db.close().finally(() => {
    rmSync(filesDir, { recursive: true, force: true });
    process.exit(0);
  });
});
