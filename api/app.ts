// The one factory behind the server, the tests and the benchmarks: GraphQL at /graphql, health at
// /health, and the admin UI's built files at /.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { GraphQLError } from 'graphql';
import { createFetch } from '@whatwg-node/fetch';
import { createYoga, maskError as defaultMaskError, type Plugin } from 'graphql-yoga';
import pino, { type Logger } from 'pino';
import sirv from 'sirv';
import type { Config } from './config.ts';
import type { Context } from './context.ts';
import type { Database } from './db.ts';
import { evidenceFiles } from './evidence-files.ts';
import { schema } from './schema/index.ts';
import { dayIn } from './services/calendar.ts';
import { translateDatabaseError } from './services/database-errors.ts';
import { viewerForToken } from './services/sessions.ts';

export interface AppOptions {
  db: Database;
  config: Config;
  /** The clock; tests fix it to check date rules. */
  now?: () => Date;
  logger?: Logger;
}

export interface App {
  /** Handles a Fetch API request in process (tests call this, no socket). */
  fetch: (request: Request) => Promise<Response>;
  /** The Node HTTP handler for a server. */
  handle: (req: IncomingMessage, res: ServerResponse) => void;
  logger: Logger;
}

function bearerToken(request: Request): string | null {
  const header = request.headers.get('authorization');
  const match = header ? /^Bearer\s+([A-Za-z0-9_-]{20,200})$/.exec(header.trim()) : null;
  return match ? (match[1] as string) : null;
}

function clientAddress(request: Request, req: IncomingMessage | undefined, trustProxy: boolean): string | null {
  if (trustProxy) {
    // The proxy appends the address it saw; entries to its left come from the client and can be forged.
    const forwarded = request.headers.get('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded.slice(0, 100);
  }
  return req?.socket.remoteAddress ?? null;
}

/**
 * Errors about the request itself (a variable of the wrong type, a day like 2026-02-30) carry no code
 * from graphql-js; give them BAD_USER_INPUT so that every expected error has one.
 */
function codeRequestErrors(): Plugin {
  return {
    onExecute: () => ({
      onExecuteDone: ({ result, setResult }) => {
        if (!('errors' in result) || !result.errors?.length) return;
        const errors = result.errors.map((error) =>
          error.path || error.extensions.code
            ? error
            : new GraphQLError(error.message, {
                nodes: error.nodes,
                extensions: { ...error.extensions, code: 'BAD_USER_INPUT' },
              }),
        );
        setResult({ ...result, errors });
      },
    }),
  };
}

export function createApp({ db, config, now = () => new Date(), logger }: AppOptions): App {
  const log = logger ?? pino({ level: config.environment === 'test' ? 'silent' : 'info' });
  const sessionPolicy = {
    idleMinutes: config.sessionIdleMinutes,
    maxHours: config.sessionMaxHours,
    loginLockMinutes: config.loginLockMinutes,
  };
  const files = evidenceFiles({ prisma: db.prisma, config, now, sessionPolicy, logger: log });

  const yoga = createYoga<{ req?: IncomingMessage }, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    // Multipart bodies are parsed as a stream that stops at these limits, so a chunked upload without
    // a Content-Length cannot fill memory. A file a little over the size limit still reaches the
    // mutation, which refuses it naming the field; far over it, the parser answers 413.
    fetchAPI: createFetch({
      formDataLimits: { fileSize: config.maxUploadBytes + 1024 * 1024, files: 1, parts: 3, fieldSize: 1024 * 1024 },
    }),
    graphiql: config.environment !== 'production' && { title: 'PAR tracker GraphQL' },
    landingPage: false,
    plugins: [codeRequestErrors(), files.plugin],
    logging: log,
    maskedErrors: {
      // Expected errors (validation, not found, forbidden, conflict) and the database's refusals pass
      // with their codes; anything else is masked and logged.
      maskError: (error, message, isDev) => {
        const original = error instanceof GraphQLError ? error.originalError : error;
        const translated = translateDatabaseError(original);
        if (translated) {
          return new GraphQLError(translated.message, {
            nodes: error instanceof GraphQLError ? error.nodes : undefined,
            path: error instanceof GraphQLError ? error.path : undefined,
            extensions: translated.extensions,
          });
        }
        if (original instanceof GraphQLError && original.extensions.code) return original;
        log.error({ err: original }, 'unexpected error');
        return defaultMaskError(error, message, isDev);
      },
    },
    context: async ({ request, req }): Promise<Context> => {
      const instant = now();
      const token = bearerToken(request);
      return {
        prisma: db.prisma,
        viewer: token ? await viewerForToken(db.prisma, token, instant, sessionPolicy) : null,
        now: instant,
        today: dayIn(instant, config.timeZone),
        timeZone: config.timeZone,
        dueSoonDays: config.dueSoonDays,
        sessionPolicy,
        requestId: request.headers.get('x-request-id') ?? randomUUID(),
        clientAddress: clientAddress(request, req, config.trustProxy),
        uploads: files.uploads,
      };
    },
  });

  const adminFiles = existsSync(config.adminDist)
    ? sirv(config.adminDist, { single: true, etag: true, gzip: false, brotli: false })
    : null;

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/graphql' || path?.startsWith('/graphql/')) {
      void yoga(req, res);
      return;
    }
    if (files.serves(path)) {
      files.handle(req, res);
      return;
    }
    if (path === '/health') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      return;
    }
    if (adminFiles) {
      adminFiles(req, res, () => {
        res.writeHead(404).end();
      });
      return;
    }
    res
      .writeHead(503, { 'content-type': 'text/plain; charset=utf-8' })
      .end('The admin UI is not built: run `npm run build:admin` (npm start does it).');
  };

  const fetch = (request: Request) =>
    files.serves(new URL(request.url).pathname) ? files.fetch(request) : Promise.resolve(yoga.fetch(request));
  return { fetch, handle, logger: log };
}
