import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../api/config.ts';

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
