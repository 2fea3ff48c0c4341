import path from 'node:path';
import { passwordProblem } from './services/password-policy.ts';

export interface Config {
  /** development, test or production; production hardens the API (no GraphiQL, masked errors). */
  environment: 'development' | 'test' | 'production';
  host: string;
  port: number;
  /** A PostgreSQL URL; when absent the embedded PGlite database in `dataDir` is used. */
  databaseUrl: string | undefined;
  /** Data directory of the embedded database; `memory://` keeps it in memory. */
  dataDir: string;
  /** Load the demo data (Đạ Tẻh district) into an empty database on start. */
  demoData: boolean;
  /** Password of the first secretariat account "admin", created when the database has no account and demo data is off. */
  initialAdminPassword: string | undefined;
  /** Folder of the built admin UI served at `/`. */
  adminDist: string;
  /** Idle time after which a session expires. */
  sessionIdleMinutes: number;
  /** Longest life of a session, however active. */
  sessionMaxHours: number;
  /** Open tasks due within this many days are "due soon". */
  dueSoonDays: number;
  /** The district's time zone: deadlines are calendar days there. */
  timeZone: string;
  /** Folder of uploaded evidence files, stored by content hash. */
  filesDir: string;
  /** Largest evidence file accepted, in bytes. */
  maxUploadBytes: number;
  /** Take the client address from X-Forwarded-For (only behind a trusted reverse proxy). */
  trustProxy: boolean;
  /** How long sign-in stays locked for an account name or client address after too many failures. */
  loginLockMinutes: number;
  /** pino log level. */
  logLevel: LogLevel;
  /** Origins (scheme://host[:port]) allowed to call the API from a browser; empty: same origin only. */
  corsOrigins: string[];
  /** When set, GET /metrics needs `Authorization: Bearer <token>`. */
  metricsToken: string | undefined;
  /** Lets production start with the demo data or a published password (a demonstration server only). */
  allowDemoInProduction: boolean;
  /** Limits on each GraphQL request, checked before anything runs. */
  limits: RequestLimits;
  /** How long the database, a request and a slow client may take. */
  timeouts: Timeouts;
  /** How much one account (or one address, for anonymous requests) may ask for per minute. */
  rateLimit: RateLimitSettings;
}

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
const logLevels: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** Limits on one GraphQL request; docs/api.md "Limits" explains each. */
export interface RequestLimits {
  /** Deepest field nesting (fragments do not add a level). */
  maxDepth: number;
  /** Most aliases in an operation. */
  maxAliases: number;
  /** Most lexical tokens in the document. */
  maxTokens: number;
  /** Most directives in an operation. */
  maxDirectives: number;
  /** Highest cost of one operation with its variables (api/cost.ts: objects 2, scalars 1, ×1.5 per level, × list length). */
  maxCost: number;
  /** Longest query text, in characters. */
  maxQueryLength: number;
  /** Largest request body that is not a multipart upload, in bytes. */
  maxJsonBodyBytes: number;
  /** Most list items one response may hold, all lists of the request together (a guard while it runs). */
  maxResponseRows: number;
  /** Largest variables object, in characters of JSON. */
  maxVariablesBytes: number;
  /** Most items in a list argument or input field, unless the field allows more. */
  maxListItems: number;
  /** Most filters in an AND or OR list. */
  maxFilterBreadth: number;
  /** Deepest nesting of AND, OR and NOT in a filter. */
  maxFilterDepth: number;
  /** Most filters within the AND, OR and NOT of one filter argument, at every level. */
  maxFilterTerms: number;
  /** Longest text in an argument or input field, unless the field allows more. */
  maxStringLength: number;
}

/** Time bounds; docs/api.md "Bounds while a request runs" explains each. */
export interface Timeouts {
  /** PostgreSQL's statement_timeout for the API's connections; 0 turns it off. PGlite ignores it. */
  statementMs: number;
  /** A query's execution is abandoned after this long (mutations run to their end). */
  requestMs: number;
  /** The HTTP server drops a client that has not sent all of a request's headers within this time. */
  httpHeadersMs: number;
  /** The HTTP server drops a client that has not sent the whole request (body included) within this time. */
  httpRequestMs: number;
  /** An idle keep-alive connection is closed after this long. */
  httpKeepAliveMs: number;
}

export const defaultTimeouts: Timeouts = {
  statementMs: 5_000,
  requestMs: 10_000,
  httpHeadersMs: 10_000,
  httpRequestMs: 120_000,
  httpKeepAliveMs: 5_000,
};

export interface RateLimitSettings {
  /** GraphQL requests per minute per account, and per client address for anonymous requests. */
  requestsPerMinute: number;
  /** Query cost per minute, counted the same way. */
  costPerMinute: number;
  /** Keep the counters in this Redis instead of the database (several API processes share either). */
  redisUrl: string | undefined;
}

export const defaultRateLimit: Omit<RateLimitSettings, 'redisUrl'> = {
  requestsPerMinute: 600,
  costPerMinute: 1_000_000,
};

export const defaultLimits: RequestLimits = {
  maxDepth: 10,
  maxAliases: 15,
  maxTokens: 1000,
  maxDirectives: 50,
  maxCost: 50_000,
  maxQueryLength: 15_000,
  maxJsonBodyBytes: 1024 * 1024,
  maxResponseRows: 20_000,
  maxVariablesBytes: 256 * 1024,
  maxListItems: 100,
  maxFilterBreadth: 25,
  maxFilterDepth: 5,
  maxFilterTerms: 25,
  maxStringLength: 10_000,
};

/** The first secretariat account, created from INITIAL_ADMIN_PASSWORD when a real deployment starts empty. */
export const initialAdmin = { username: 'admin', displayName: 'Secretariat' } as const;

function flag(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(value)) return true;
  if (/^(0|false|no|off)$/i.test(value)) return false;
  throw new Error(`Expected a boolean (true/false) but got "${value}"`);
}

function integer(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
    throw new Error(`${name} must be an integer from ${min} to ${max}, got "${value}"`);
  }
  return parsed;
}

function origins(value: string | undefined): string[] {
  if (!value?.trim()) return [];
  return value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      let url: URL | null = null;
      try {
        url = new URL(entry);
      } catch {
        url = null;
      }
      if (!url || !/^https?:$/.test(url.protocol) || url.origin !== entry.replace(/\/$/, '')) {
        throw new Error(`CORS_ORIGINS: "${entry}" is not an origin such as https://par.example.gov.vn`);
      }
      return url.origin;
    });
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const nodeEnv = env.NODE_ENV;
  const environment = nodeEnv === 'production' || nodeEnv === 'test' ? nodeEnv : 'development';
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error('DATABASE_URL must be a postgres:// or postgresql:// URL');
  }
  return {
    environment,
    host: env.HOST || '0.0.0.0',
    port: integer('PORT', env.PORT, 4000, 0, 65535),
    databaseUrl,
    dataDir: env.DATA_DIR || path.resolve('data', 'pglite'),
    demoData: flag(env.DEMO_DATA, true),
    initialAdminPassword: env.INITIAL_ADMIN_PASSWORD || undefined,
    adminDist: env.ADMIN_DIST || path.resolve('admin', 'dist'),
    sessionIdleMinutes: integer('SESSION_IDLE_MINUTES', env.SESSION_IDLE_MINUTES, 30, 1, 24 * 60),
    sessionMaxHours: integer('SESSION_MAX_HOURS', env.SESSION_MAX_HOURS, 12, 1, 24 * 30),
    dueSoonDays: integer('DUE_SOON_DAYS', env.DUE_SOON_DAYS, 7, 0, 365),
    timeZone: env.TZ_DISTRICT || 'Asia/Ho_Chi_Minh',
    filesDir: env.FILES_DIR || path.resolve('data', 'files'),
    maxUploadBytes: integer('MAX_UPLOAD_MB', env.MAX_UPLOAD_MB, 20, 1, 1024) * 1024 * 1024,
    trustProxy: flag(env.TRUST_PROXY, false),
    loginLockMinutes: integer('LOGIN_LOCK_MINUTES', env.LOGIN_LOCK_MINUTES, 15, 1, 24 * 60),
    logLevel: logLevel(env.LOG_LEVEL),
    corsOrigins: origins(env.CORS_ORIGINS),
    metricsToken: metricsToken(env.METRICS_TOKEN),
    allowDemoInProduction: flag(env.ALLOW_DEMO_IN_PRODUCTION, false),
    limits: {
      ...defaultLimits,
      maxCost: integer('MAX_QUERY_COST', env.MAX_QUERY_COST, defaultLimits.maxCost, 100, 1_000_000),
      maxResponseRows: integer(
        'MAX_RESPONSE_ROWS',
        env.MAX_RESPONSE_ROWS,
        defaultLimits.maxResponseRows,
        100,
        10_000_000,
      ),
    },
    timeouts: timeouts(env),
    rateLimit: {
      requestsPerMinute: integer(
        'RATE_LIMIT_REQUESTS_PER_MINUTE',
        env.RATE_LIMIT_REQUESTS_PER_MINUTE,
        defaultRateLimit.requestsPerMinute,
        1,
        1_000_000_000,
      ),
      costPerMinute: integer(
        'RATE_LIMIT_COST_PER_MINUTE',
        env.RATE_LIMIT_COST_PER_MINUTE,
        defaultRateLimit.costPerMinute,
        1,
        1_000_000_000,
      ),
      redisUrl: redisUrl(env.REDIS_URL),
    },
  };
}

function timeouts(env: NodeJS.ProcessEnv): Timeouts {
  const ms = (name: string, fallback: number, min: number) => integer(name, env[name], fallback, min, 3_600_000);
  const result: Timeouts = {
    statementMs: ms('STATEMENT_TIMEOUT_MS', defaultTimeouts.statementMs, 0),
    requestMs: ms('REQUEST_TIMEOUT_MS', defaultTimeouts.requestMs, 10),
    httpHeadersMs: ms('HTTP_HEADERS_TIMEOUT_MS', defaultTimeouts.httpHeadersMs, 100),
    httpRequestMs: ms('HTTP_REQUEST_TIMEOUT_MS', defaultTimeouts.httpRequestMs, 100),
    httpKeepAliveMs: ms('HTTP_KEEP_ALIVE_TIMEOUT_MS', defaultTimeouts.httpKeepAliveMs, 100),
  };
  // Node refuses a headers timeout longer than the whole request's.
  if (result.httpHeadersMs > result.httpRequestMs) {
    throw new Error('HTTP_HEADERS_TIMEOUT_MS must not be longer than HTTP_REQUEST_TIMEOUT_MS');
  }
  return result;
}

function redisUrl(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (!/^rediss?:\/\//.test(value)) throw new Error('REDIS_URL must be a redis:// or rediss:// URL');
  return value;
}

function logLevel(value: string | undefined): LogLevel {
  if (value === undefined || value === '') return 'info';
  const level = logLevels.find((known) => known === value.toLowerCase());
  if (!level) throw new Error(`LOG_LEVEL must be one of ${logLevels.join(', ')}, got "${value}"`);
  return level;
}

function metricsToken(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (value.length < 16) throw new Error('METRICS_TOKEN must be at least 16 characters');
  return value;
}

/**
 * Why production must not start with this configuration, or null when it may: the demo data (whose
 * accounts share a published password) or a first secretariat password that the password policy
 * refuses (a published or common one, among others), unless ALLOW_DEMO_IN_PRODUCTION=true says this is
 * a demonstration server.
 */
export function productionRefusal(config: Config): string | null {
  if (config.environment !== 'production' || config.allowDemoInProduction) return null;
  if (config.demoData) {
    return 'NODE_ENV=production with the demo data, whose accounts share a published password: set DEMO_DATA=false and INITIAL_ADMIN_PASSWORD (or ALLOW_DEMO_IN_PRODUCTION=true for a demonstration server).';
  }
  const password = config.initialAdminPassword;
  const problem = password ? passwordProblem(password, initialAdmin, { allowPublished: false }) : null;
  if (problem) {
    return `NODE_ENV=production with an INITIAL_ADMIN_PASSWORD that the password policy refuses (${problem.message}): choose another one.`;
  }
  return null;
}
