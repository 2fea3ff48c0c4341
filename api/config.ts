import path from 'node:path';

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
}

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
  };
}
