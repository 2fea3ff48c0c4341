import { describe, expect, it } from 'vitest';
import { loadConfig, productionRefusal } from '../../api/config.ts';

describe('configuration from the environment', () => {
  it('defaults to the embedded database, port 4000 and the demo data', () => {
    const config = loadConfig({});
    expect(config.databaseUrl).toBeUndefined();
    expect(config.port).toBe(4000);
    expect(config.demoData).toBe(true);
    expect(config.dataDir).toMatch(/data[/\\]pglite$/);
    expect(config.timeZone).toBe('Asia/Ho_Chi_Minh');
  });

  it('uses PostgreSQL when DATABASE_URL is set', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db' }).databaseUrl).toBe('postgres://u@h/db');
  });

  it('refuses a DATABASE_URL that is not PostgreSQL', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://u@h/db' })).toThrow(/DATABASE_URL/);
  });

  it('refuses a port that is not a number, naming the setting', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
  });

  it('turns the demo data off with DEMO_DATA=false and refuses other words', () => {
    expect(loadConfig({ DEMO_DATA: 'false' }).demoData).toBe(false);
    expect(() => loadConfig({ DEMO_DATA: 'maybe' })).toThrow(/boolean/);
  });
});

describe('hardening settings', () => {
  it('allows no other origin by default and takes a list of exact origins', () => {
    expect(loadConfig({}).corsOrigins).toEqual([]);
    expect(loadConfig({ CORS_ORIGINS: 'https://par.example.gov.vn, http://localhost:5173' }).corsOrigins).toEqual([
      'https://par.example.gov.vn',
      'http://localhost:5173',
    ]);
    for (const bad of ['*', 'par.example.gov.vn', 'https://par.example.gov.vn/admin', 'ftp://files.example']) {
      expect(() => loadConfig({ CORS_ORIGINS: bad }), bad).toThrow(/CORS_ORIGINS/);
    }
  });

  it('takes a METRICS_TOKEN of 16 characters or more', () => {
    expect(loadConfig({}).metricsToken).toBeUndefined();
    expect(loadConfig({ METRICS_TOKEN: 'sixteen-chars-ok' }).metricsToken).toBe('sixteen-chars-ok');
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
  });

  it('checks LOG_LEVEL and MAX_QUERY_COST', () => {
    expect(loadConfig({}).logLevel).toBe('info');
    expect(loadConfig({ LOG_LEVEL: 'DEBUG' }).logLevel).toBe('debug');
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
    expect(loadConfig({}).limits).toEqual({
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
    });
    expect(loadConfig({ MAX_QUERY_COST: '80000' }).limits.maxCost).toBe(80_000);
    expect(() => loadConfig({ MAX_QUERY_COST: 'lots' })).toThrow(/MAX_QUERY_COST/);
    expect(loadConfig({ MAX_RESPONSE_ROWS: '5000' }).limits.maxResponseRows).toBe(5_000);
    expect(() => loadConfig({ MAX_RESPONSE_ROWS: '10' })).toThrow(/MAX_RESPONSE_ROWS/);
  });

  it('bounds time: statements, requests and slow clients', () => {
    expect(loadConfig({}).timeouts).toEqual({
      statementMs: 5_000,
      requestMs: 10_000,
      httpHeadersMs: 10_000,
      httpRequestMs: 120_000,
      httpKeepAliveMs: 5_000,
    });
    const set = loadConfig({
      STATEMENT_TIMEOUT_MS: '0',
      REQUEST_TIMEOUT_MS: '30000',
      HTTP_HEADERS_TIMEOUT_MS: '5000',
      HTTP_REQUEST_TIMEOUT_MS: '60000',
      HTTP_KEEP_ALIVE_TIMEOUT_MS: '65000',
    }).timeouts;
    expect(set).toEqual({
      statementMs: 0,
      requestMs: 30_000,
      httpHeadersMs: 5_000,
      httpRequestMs: 60_000,
      httpKeepAliveMs: 65_000,
    });
    expect(() => loadConfig({ REQUEST_TIMEOUT_MS: 'soon' })).toThrow(/REQUEST_TIMEOUT_MS/);
    expect(() => loadConfig({ STATEMENT_TIMEOUT_MS: '-1' })).toThrow(/STATEMENT_TIMEOUT_MS/);
    expect(() => loadConfig({ HTTP_HEADERS_TIMEOUT_MS: '200000' })).toThrow(/HTTP_HEADERS_TIMEOUT_MS/);
  });

  it('rate-limits per minute, in the database unless REDIS_URL is set', () => {
    expect(loadConfig({}).rateLimit).toEqual({ requestsPerMinute: 600, costPerMinute: 1_000_000, redisUrl: undefined });
    expect(
      loadConfig({
        RATE_LIMIT_REQUESTS_PER_MINUTE: '120',
        RATE_LIMIT_COST_PER_MINUTE: '200000',
        REDIS_URL: 'redis://127.0.0.1:6379/2',
      }).rateLimit,
    ).toEqual({ requestsPerMinute: 120, costPerMinute: 200_000, redisUrl: 'redis://127.0.0.1:6379/2' });
    expect(() => loadConfig({ RATE_LIMIT_REQUESTS_PER_MINUTE: '0' })).toThrow(/RATE_LIMIT_REQUESTS_PER_MINUTE/);
    expect(() => loadConfig({ RATE_LIMIT_COST_PER_MINUTE: 'many' })).toThrow(/RATE_LIMIT_COST_PER_MINUTE/);
    expect(() => loadConfig({ REDIS_URL: 'http://127.0.0.1:6379' })).toThrow(/REDIS_URL/);
  });
});

describe('what production refuses to start with', () => {
  const production = { NODE_ENV: 'production', DEMO_DATA: 'false', INITIAL_ADMIN_PASSWORD: 'a long first password' };

  it('starts a real deployment: no demo data, a password of its own', () => {
    expect(productionRefusal(loadConfig(production))).toBeNull();
  });

  it('refuses the demo data, which is on unless DEMO_DATA=false', () => {
    expect(productionRefusal(loadConfig({ NODE_ENV: 'production' }))).toMatch(/DEMO_DATA=false/);
    expect(productionRefusal(loadConfig({ ...production, DEMO_DATA: 'true' }))).toMatch(/demo data/);
  });

  it("refuses the demo accounts' published password and other well-known ones as the first password", () => {
    for (const password of ['DaTeh@PAR2022', 'dateh@par2022', ' DaTeh@PAR2022 ', 'Password@123', 'changeme1234']) {
      expect(productionRefusal(loadConfig({ ...production, INITIAL_ADMIN_PASSWORD: password })), password).toMatch(
        /INITIAL_ADMIN_PASSWORD/,
      );
    }
  });

  it('holds the first password to the same policy as every other one', () => {
    const refusal = (password: string) =>
      productionRefusal(loadConfig({ ...production, INITIAL_ADMIN_PASSWORD: password }));
    expect(refusal('tooShort1!')).toMatch(/Use at least 12 characters/);
    expect(refusal('the admin of Đạ Tẻh')).toMatch(/must not contain the username/i);
    expect(refusal('Secretariat tulip 7')).toMatch(/name/);
    expect(refusal('qwertyuiop!2026')).toMatch(/commonly used/);
  });

  it('allows both on a demonstration server that says so with ALLOW_DEMO_IN_PRODUCTION=true', () => {
    const demo = { NODE_ENV: 'production', ALLOW_DEMO_IN_PRODUCTION: 'true' };
    expect(productionRefusal(loadConfig(demo))).toBeNull();
    expect(
      productionRefusal(loadConfig({ ...demo, DEMO_DATA: 'false', INITIAL_ADMIN_PASSWORD: 'DaTeh@PAR2022' })),
    ).toBeNull();
  });

  it('does not apply outside production', () => {
    expect(productionRefusal(loadConfig({}))).toBeNull();
    expect(productionRefusal(loadConfig({ NODE_ENV: 'test', INITIAL_ADMIN_PASSWORD: 'DaTeh@PAR2022' }))).toBeNull();
  });
});
