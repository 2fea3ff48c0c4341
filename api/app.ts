// The one factory behind the server, the tests and the benchmarks: GraphQL at /graphql, liveness at
// /health, readiness at /ready, Prometheus metrics at /metrics, evidence downloads at /files/evidence/,
// and the admin UI's built files at /.
import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { GraphQLError } from 'graphql';
import { createFetch } from '@whatwg-node/fetch';
import { createGraphQLError, createYoga, type Plugin } from 'graphql-yoga';
import pino, { type Logger } from 'pino';
import sirv from 'sirv';
import type { Config } from './config.ts';
import type { Context } from './context.ts';
import type { Database } from './db.ts';
import { pagingArgumentsPlugin } from './paging-arguments.ts';
import { evidenceFiles, multipartOverhead } from './evidence-files.ts';
import { Loaders } from './loaders.ts';
import { operationCost } from './cost.ts';
import { inputBoundsPlugin } from './input-bounds.ts';
import { createObservability, type Observability, type Route } from './observability.ts';
import { keepParsedDocument, rateLimiter, type CostOf, type ParsedDocument } from './rate-limiter.ts';
import { countingListItems, RequestBounds, requestBounds } from './request-bounds.ts';
import { corsPolicy, requestProtections } from './security.ts';
import { schema } from './schema/index.ts';
import { dayIn } from './services/calendar.ts';
import { translateDatabaseError } from './services/database-errors.ts';
import { bearerToken, viewerForToken } from './services/sessions.ts';

export interface AppOptions {
  db: Database;
  config: Config;
  /** The clock; tests fix it to check date rules. */
  now?: () => Date;
  logger?: Logger;
  /** The query cost that the rate limit charges a request (tests set their own). */
  costOf?: CostOf;
}

export interface App {
  /** Handles a Fetch API request in process (tests call this, no socket). */
  fetch: (request: Request) => Promise<Response>;
  /** The Node HTTP handler for a server. */
  handle: (req: IncomingMessage, res: ServerResponse) => void;
  logger: Logger;
  /** The app's own Prometheus registry (what /metrics serves). */
  metrics: Observability['registry'];
  /** Marks the process as stopping: /ready answers 503 from then on. */
  stopping: () => void;
  /** Lets go of what the app holds besides the database (the rate limit's Redis connection). */
  close: () => Promise<void>;
}

/** Codes of requests stopped while running by their time or size bounds (logged as warnings). */
const stoppedCodes = new Set(['REQUEST_TIMEOUT', 'RESPONSE_TOO_LARGE']);

/** The schema as served: every list-returning field counts its items against MAX_RESPONSE_ROWS. */
const servedSchema = countingListItems(schema);

/**
 * The admin UI's Content-Security-Policy: its own scripts only (Vite emits no inline script), inline
 * styles (MUI writes them), images from itself and data:/blob: URLs, no plugins, no framing.
 */
export const adminContentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Sent with every response of the admin UI. */
export const adminSecurityHeaders: Record<string, string> = {
  'content-security-policy': adminContentSecurityPolicy,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
};

/** Sent with every API response (JSON, never to be sniffed, framed or cached). */
const apiSecurityHeaders: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

/** Writes a Fetch API response to a Node response. */
async function send(response: Response, res: ServerResponse): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.setHeader(name, value));
  if (!response.body) {
    res.end();
    return;
  }
  await pipeline(Readable.fromWeb(response.body as import('node:stream/web').ReadableStream), res);
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

export function createApp({ db, config, now = () => new Date(), logger, costOf }: AppOptions): App {
  const log = logger ?? pino({ level: config.environment === 'test' ? 'silent' : config.logLevel });
  const observability = createObservability({ db, config, logger: log });
  const isDev = config.environment === 'development';
  const sessionPolicy = {
    idleMinutes: config.sessionIdleMinutes,
    maxHours: config.sessionMaxHours,
    loginLockMinutes: config.loginLockMinutes,
  };
  const passwordPolicy = { allowPublished: config.environment !== 'production' };
  const files = evidenceFiles({ prisma: db.prisma, config, now, sessionPolicy, logger: log });
  const limiter = rateLimiter({ prisma: db.prisma, settings: config.rateLimit, sessionPolicy, logger: log });
  // A request over the cost budget runs nothing (security.ts refuses it), so it is charged as a request
  // only: one mistaken query must not use up a minute's cost.
  const requestCost: CostOf =
    costOf ??
    (({ document, variables, operationName }) => {
      const cost = document ? operationCost(servedSchema, document, variables, operationName) : 0;
      return cost > config.limits.maxCost ? 0 : Math.ceil(cost);
    });

  const yoga = createYoga<{ req?: IncomingMessage } & ParsedDocument, Context>({
    schema: servedSchema,
    graphqlEndpoint: '/graphql',
    // Multipart bodies are parsed as a stream that stops at these limits, so a chunked upload without
    // a Content-Length cannot fill memory. A file a little over the size limit still reaches the
    // mutation, which refuses it naming the field; far over it, the parser answers 413.
    fetchAPI: createFetch({
      formDataLimits: {
        fileSize: config.maxUploadBytes + multipartOverhead,
        files: 1,
        parts: 3,
        fieldSize: multipartOverhead,
      },
    }),
    graphiql: config.environment !== 'production' && { title: 'PAR tracker GraphQL' },
    landingPage: false,
    // One operation per request (yoga's default, stated): a batch would multiply every limit below.
    batching: false,
    // The outer bound of any body: the multipart parser's own limits (the file, then 1 MB for each of
    // the other two parts) stop an upload first, with a clearer answer. Bodies other than uploads are
    // held to limits.maxJsonBodyBytes (security.ts).
    maxRequestBodySize: config.maxUploadBytes + 4 * multipartOverhead,
    cors: corsPolicy(config.corsOrigins),
    plugins: [
      ...observability.plugins,
      ...requestProtections(config, async (request) => {
        const token = bearerToken(request.headers.get('authorization'));
        return token !== null && (await viewerForToken(db.prisma, token, now(), sessionPolicy)) !== null;
      }),
      inputBoundsPlugin(config.limits),
      pagingArgumentsPlugin(),
      keepParsedDocument(),
      requestBounds(),
      codeRequestErrors(),
      files.plugin,
      {
        onResponse({ response }) {
          for (const [name, value] of Object.entries(apiSecurityHeaders)) {
            if (!response.headers.has(name)) response.headers.set(name, value);
          }
        },
      },
    ],
    logging: observability.yogaLogger,
    maskedErrors: {
      isDev,
      // Expected errors (validation, not found, forbidden, conflict, refused requests) and the
      // database's refusals pass with their codes; anything else is logged with the request id and
      // masked: the client sees "Unexpected error." and the request id, never a stack or SQL.
      maskError: (error: unknown, message: string): Error => {
        const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
        const scope = observability.scope();
        const path = error instanceof GraphQLError ? error.path : undefined;
        const translated = translateDatabaseError(original);
        const coded = translated ?? (original instanceof GraphQLError && original.extensions.code ? original : null);
        // A request stopped by its time or size bounds is worth a line: what was cut, and where.
        if (coded && stoppedCodes.has(coded.extensions.code as string)) {
          const { code, limit } = coded.extensions;
          (scope?.log ?? log).warn({ code, limit, path }, 'request stopped');
        }
        if (translated) {
          const refusal = new GraphQLError(translated.message, {
            nodes: error instanceof GraphQLError ? error.nodes : undefined,
            path,
            extensions: translated.extensions,
          });
          observability.quiet(error);
          return refusal;
        }
        if (coded) return error as GraphQLError;
        // The client went away (the request's signal) and its execution stopped: nobody reads this.
        if (original instanceof Error && original.name === 'AbortError') {
          observability.quiet(error);
          return createGraphQLError('The client closed the request.', {
            extensions: { code: 'CLIENT_CLOSED_REQUEST' },
          });
        }
        (scope?.log ?? log).error({ err: original, path }, 'unexpected error');
        observability.quiet(error);
        const http = error instanceof GraphQLError ? error.extensions.http : undefined;
        return createGraphQLError(message, {
          nodes: error instanceof GraphQLError ? error.nodes : undefined,
          path,
          extensions: {
            code: 'INTERNAL_SERVER_ERROR',
            ...(scope ? { requestId: scope.requestId } : {}),
            ...(http ? { http } : {}),
            ...(isDev && original instanceof Error
              ? { originalError: { message: original.message, stack: original.stack } }
              : {}),
          },
        });
      },
    },
    context: async (initial): Promise<Context> => {
      const { request, req, params } = initial;
      const instant = now();
      const address = clientAddress(request, req, config.trustProxy);
      const cost = requestCost({
        document: initial.parsedDocument,
        variables: params.variables,
        operationName: params.operationName,
        context: initial,
      });
      const bounds = new RequestBounds(config.limits.maxResponseRows, config.timeouts.requestMs);
      let viewer: Context['viewer'];
      try {
        viewer = await bounds.race(
          limiter.admit({ token: bearerToken(request.headers.get('authorization')), address, cost, now: instant }),
        );
      } catch (error) {
        bounds.disarm();
        throw error;
      }
      return {
        prisma: db.prisma,
        viewer,
        now: instant,
        today: dayIn(instant, config.timeZone),
        timeZone: config.timeZone,
        dueSoonDays: config.dueSoonDays,
        sessionPolicy,
        passwordPolicy,
        requestId: observability.scope()?.requestId ?? 'none',
        clientAddress: address,
        uploads: files.uploads,
        bounds,
        loaders: new Loaders(db.prisma),
      };
    },
  });

  const adminFiles = existsSync(config.adminDist)
    ? sirv(config.adminDist, {
        single: true,
        etag: true,
        gzip: false,
        brotli: false,
        setHeaders(res, pathname) {
          for (const [name, value] of Object.entries(adminSecurityHeaders)) res.setHeader(name, value);
          // Vite names the built assets by content hash: cache them for good; index.html never.
          res.setHeader(
            'cache-control',
            pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
          );
        },
      })
    : null;

  const routeOf = (path: string): Route => {
    if (path === '/graphql' || path.startsWith('/graphql/')) return 'graphql';
    if (files.serves(path)) return 'files';
    if (path === '/health' || path === '/ready' || path === '/metrics') return path.slice(1) as Route;
    return 'ui';
  };

  /** The routes answered the same way for the Node server and for in-process Fetch requests. */
  const fetchRoute = (route: Route, request: Request): Promise<Response> => {
    switch (route) {
      case 'graphql':
        return Promise.resolve(yoga.fetch(request));
      case 'files':
        return files.fetch(request);
      case 'health':
        return Promise.resolve(
          new Response('{"status":"ok"}', {
            headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
          }),
        );
      case 'ready':
        return observability.ready();
      case 'metrics':
        return observability.metrics(request);
      case 'ui':
        return Promise.resolve(new Response(null, { status: 404 }));
    }
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const startedAt = process.hrtime.bigint();
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const route = routeOf(path);
    const header = req.headers['x-request-id'];
    observability.run(typeof header === 'string' ? header : undefined, (scope) => {
      res.setHeader('x-request-id', scope.requestId);
      // 'close' comes after the response was sent, or when the client went away before.
      res.once('close', () =>
        observability.finished(
          scope,
          route,
          req.method ?? 'GET',
          path,
          res.statusCode,
          startedAt,
          !res.writableFinished,
        ),
      );
      if (route === 'graphql') {
        void yoga(req, res);
        return;
      }
      if (route === 'files') {
        files.handle(req, res);
        return;
      }
      if (route !== 'ui') {
        const request = new Request(`http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`, {
          method: req.method ?? 'GET',
          headers: req.headers.authorization ? { authorization: req.headers.authorization } : {},
        });
        fetchRoute(route, request)
          .then((response) => send(response, res))
          .catch((error: unknown) => {
            scope.log.error({ err: error }, 'request failed');
            if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
            res.end();
          });
        return;
      }
      if (adminFiles) {
        adminFiles(req, res, () => {
          for (const [name, value] of Object.entries(adminSecurityHeaders)) res.setHeader(name, value);
          res.writeHead(404).end();
        });
        return;
      }
      res
        .writeHead(503, { 'content-type': 'text/plain; charset=utf-8' })
        .end('The admin UI is not built: run `npm run build:admin` (npm start does it).');
    });
  };

  const fetch = (request: Request): Promise<Response> => {
    const startedAt = process.hrtime.bigint();
    const path = new URL(request.url).pathname;
    const route = routeOf(path);
    return observability.run(request.headers.get('x-request-id'), async (scope) => {
      const response = await fetchRoute(route, request);
      let answer = response;
      try {
        response.headers.set('x-request-id', scope.requestId);
      } catch {
        // A response with immutable headers: copy it.
        answer = new Response(response.body, response);
        answer.headers.set('x-request-id', scope.requestId);
      }
      observability.finished(scope, route, request.method, path, answer.status, startedAt);
      return answer;
    });
  };
  return {
    fetch,
    handle,
    logger: log,
    metrics: observability.registry,
    stopping: observability.stopping,
    close: () => limiter.close(),
  };
}
