// What operations sees of a running app: a request id for every request (taken from a well-formed
// X-Request-Id or made up, sent back in the response's X-Request-Id, on every log line of the request
// and in masked errors), one JSON log line per request, Prometheus metrics in a registry of the app's
// own, and the readiness check (database reachable, no pending migration).
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID, timingSafeEqual } from 'node:crypto';
import { usePrometheus } from '@graphql-yoga/plugin-prometheus';
import type { Plugin, YogaLogger } from 'graphql-yoga';
import type { Logger } from 'pino';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import { migrationStatus } from '../prisma/migrate.ts';
import type { Config } from './config.ts';
import type { Database } from './db.ts';

/** What is known of the request being handled, wherever in its handling the code runs. */
export interface RequestScope {
  requestId: string;
  /** The app's logger with the request id bound. */
  log: Logger;
  /** The GraphQL operation's name, once parsed, for the request's log line. */
  operationName?: string;
}

/** The routes of the app, as a metric label (a fixed set, whatever the path asked). */
export type Route = 'graphql' | 'files' | 'health' | 'ready' | 'metrics' | 'ui';

/**
 * A client's request id is kept when it is a short plain token (8 to 64 letters, digits and `._:-`,
 * starting with a letter or digit: a UUID, a proxy's hex id); anything else is replaced, so what lands
 * in logs, audit rows and headers is never the caller's free text.
 */
const requestIdPattern = /^[A-Za-z0-9][A-Za-z0-9._:-]{7,63}$/;

export function requestIdFrom(header: string | null | undefined): string {
  return header && requestIdPattern.test(header) ? header : randomUUID();
}

/** How long a readiness check that found every migration applied is trusted. */
const migrationCheckTtlMs = 30_000;
/** A readiness check slower than this counts as a failure (an unreachable server may never answer). */
const readinessTimeoutMs = 3_000;

export interface Readiness {
  ready: boolean;
  database: 'ok' | 'unreachable';
  migrations: 'ok' | 'pending' | 'unknown';
  /** The migrations not applied yet, when some are pending. */
  pending?: string[];
}

export interface Observability {
  /** Runs the handling of one request with its id (from its X-Request-Id header when well-formed). */
  run<T>(requestIdHeader: string | null | undefined, handle: (scope: RequestScope) => T): T;
  /** The scope of the request being handled, if any. */
  scope(): RequestScope | undefined;
  /** yoga's logger: pino, with the request's id on each line. */
  yogaLogger: YogaLogger;
  /** Keeps yoga from logging an error again that the app has logged (or that needs no log line). */
  quiet(error: unknown): void;
  /** Prometheus metrics and the operation name for the log, for yoga. */
  plugins: Plugin[];
  /** Counts and times a finished request, and logs its line (`aborted`: the client left before the end). */
  finished(
    scope: RequestScope,
    route: Route,
    method: string,
    path: string,
    status: number,
    startedAt: bigint,
    aborted?: boolean,
  ): void;
  /** GET /ready: 200 when the database answers and no migration is pending, 503 otherwise or once stopping. */
  ready(): Promise<Response>;
  /** From now on /ready answers 503, so that a load balancer sends no new requests while the process stops. */
  stopping(): void;
  /** GET /metrics in Prometheus's text format; with METRICS_TOKEN set, only for its bearer. */
  metrics(request: Request): Promise<Response>;
  registry: Registry;
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function createObservability({
  db,
  config,
  logger,
}: {
  db: Pick<Database, 'prisma' | 'adapterFactory'>;
  config: Pick<Config, 'environment' | 'metricsToken'>;
  logger: Logger;
}): Observability {
  const storage = new AsyncLocalStorage<RequestScope>();
  const current = () => storage.getStore()?.log ?? logger;

  // A registry per app: tests make many apps in one process, and prom-client refuses to register a
  // metric name twice in one registry.
  const registry = new Registry();
  // Process metrics (CPU, memory, event loop lag, GC) start timers and observers that live as long as
  // the process: for the server, not for the many short-lived apps of the tests.
  if (config.environment !== 'test') collectDefaultMetrics({ register: registry });
  const httpRequests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests by route, method and status',
    labelNames: ['route', 'method', 'status'] as const,
    registers: [registry],
  });
  const httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by route and method',
    labelNames: ['route', 'method'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });

  const prometheus = usePrometheus({
    registry,
    // /metrics is served by the app (with its token check), not by yoga.
    endpoint: false,
    // Operation names and URLs come from clients: as labels they would let anyone grow the registry.
    labels: { operationName: false, url: false },
    metrics: {
      graphql_envelop_request: true,
      graphql_envelop_request_duration: true,
      graphql_envelop_request_time_summary: false,
      graphql_envelop_phase_parse: true,
      graphql_envelop_phase_validate: true,
      graphql_envelop_phase_context: true,
      graphql_envelop_phase_execute: true,
      graphql_envelop_phase_subscribe: false,
      graphql_envelop_error_result: true,
      graphql_envelop_deprecated_field: true,
      graphql_envelop_schema_change: false,
      graphql_yoga_http_duration: true,
    },
  });

  /** Notes the operation's name for the request's log line. */
  const operationName: Plugin = {
    onParams({ params }) {
      const scope = storage.getStore();
      if (scope && typeof params.operationName === 'string') scope.operationName = params.operationName.slice(0, 100);
    },
  };

  const quieted = new WeakSet<object>();
  // pino's overloaded log methods take no spread arguments without these assertions.
  /* eslint-disable @typescript-eslint/no-unnecessary-type-assertion */
  const yogaLogger: YogaLogger = {
    debug: (...args: unknown[]) => (current().debug as (...a: unknown[]) => void)(...args),
    info: (...args: unknown[]) => (current().info as (...a: unknown[]) => void)(...args),
    warn: (...args: unknown[]) => (current().warn as (...a: unknown[]) => void)(...args),
    error: (...args: unknown[]) => {
      const [first] = args;
      if (args.length === 1 && typeof first === 'object' && first !== null && quieted.has(first)) return;
      (current().error as (...a: unknown[]) => void)(...args);
    },
  };
  /* eslint-enable @typescript-eslint/no-unnecessary-type-assertion */

  let migrationsCheckedAt = 0;
  let draining = false;
  let readinessInFlight: Promise<Readiness> | null = null;

  async function checkReadiness(): Promise<Readiness> {
    try {
      await withTimeout(db.prisma.$queryRaw`SELECT 1`, readinessTimeoutMs, 'the database');
    } catch (error) {
      current().warn({ err: error }, 'not ready: the database does not answer');
      return { ready: false, database: 'unreachable', migrations: 'unknown' };
    }
    if (Date.now() - migrationsCheckedAt < migrationCheckTtlMs)
      return { ready: true, database: 'ok', migrations: 'ok' };
    try {
      const status = await withTimeout(migrationStatus(db.adapterFactory), readinessTimeoutMs, 'the migration check');
      if (status.applied) {
        migrationsCheckedAt = Date.now();
        return { ready: true, database: 'ok', migrations: 'ok' };
      }
      current().warn({ migrations: status }, 'not ready: the database is not at the committed migrations');
      return { ready: false, database: 'ok', migrations: 'pending', pending: status.pending };
    } catch (error) {
      current().warn({ err: error }, 'not ready: the migration check failed');
      return { ready: false, database: 'ok', migrations: 'unknown' };
    }
  }

  return {
    run(header, handle) {
      const requestId = requestIdFrom(header);
      const scope: RequestScope = { requestId, log: logger.child({ requestId }) };
      return storage.run(scope, () => handle(scope));
    },
    scope: () => storage.getStore(),
    yogaLogger,
    quiet(error) {
      if (typeof error === 'object' && error !== null) quieted.add(error);
    },
    plugins: [operationName, prometheus],
    finished(scope, route, method, path, status, startedAt, aborted = false) {
      const seconds = Number(process.hrtime.bigint() - startedAt) / 1e9;
      const knownMethod = /^(GET|HEAD|POST|OPTIONS)$/.test(method) ? method : 'OTHER';
      httpRequests.inc({ route, method: knownMethod, status: String(status) });
      httpDuration.observe({ route, method: knownMethod }, seconds);
      const line = {
        method,
        path: path.slice(0, 200),
        status,
        ms: Math.round(seconds * 1000),
        ...(scope.operationName ? { operation: scope.operationName } : {}),
        ...(aborted ? { aborted } : {}),
      };
      // Probes and scrapes come every few seconds: keep them out of the info log.
      if (route === 'health' || route === 'ready' || route === 'metrics') scope.log.debug(line, 'request');
      else if (status >= 500) scope.log.error(line, 'request');
      else scope.log.info(line, 'request');
    },
    stopping() {
      draining = true;
    },
    async ready() {
      if (draining) return json(503, { status: 'stopping', ready: false });
      readinessInFlight ??= checkReadiness().finally(() => {
        readinessInFlight = null;
      });
      const readiness = await readinessInFlight;
      return json(readiness.ready ? 200 : 503, { status: readiness.ready ? 'ready' : 'not ready', ...readiness });
    },
    async metrics(request) {
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        return json(405, { error: 'Use GET' }, { allow: 'GET, HEAD' });
      }
      if (config.metricsToken) {
        const given = /^Bearer\s+(\S+)$/.exec(request.headers.get('authorization')?.trim() ?? '')?.[1];
        if (!given || !sameSecret(given, config.metricsToken)) {
          return json(401, { error: 'METRICS_TOKEN required' }, { 'www-authenticate': 'Bearer' });
        }
      }
      return new Response(request.method === 'HEAD' ? null : await registry.metrics(), {
        status: 200,
        headers: { 'content-type': registry.contentType, 'cache-control': 'no-store' },
      });
    },
    registry,
  };
}
