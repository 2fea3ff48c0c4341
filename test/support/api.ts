// Runs GraphQL operations through the real yoga app in process (no socket) against a test database.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { createApp, type App } from '../../api/app.ts';
import { loadConfig } from '../../api/config.ts';
import type { ErrorCode } from '../../api/errors.ts';
import { createTestDatabase, type DatabaseKind, type TestDatabase } from './databases.ts';

export interface GraphQLErrorShape {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; fields?: { field: string; message: string }[] } & Record<string, unknown>;
}

export interface GraphQLResult<T> {
  data?: T | null;
  errors?: GraphQLErrorShape[];
}

export interface TestApi {
  db: TestDatabase;
  app: App;
  /** The instant the app believes it is; tests move it to check date rules. */
  clock: { now: Date };
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string | null,
  ): Promise<GraphQLResult<T>>;
  /** Signs in and returns the bearer token. */
  signIn(username: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

export const fixturePassword = 'correct-horse-battery';

export async function startTestApi(
  kind: DatabaseKind,
  options: { now?: Date; env?: Record<string, string> } = {},
): Promise<TestApi> {
  const db = await createTestDatabase(kind);
  const clock = { now: options.now ?? new Date('2026-03-10T03:00:00Z') };
  const filesDir = mkdtempSync(path.join(tmpdir(), 'par-files-'));
  const config = loadConfig({ NODE_ENV: 'test', FILES_DIR: filesDir, ...options.env });
  const app = createApp({ db, config, now: () => clock.now });

  const gql = async <T>(query: string, variables?: Record<string, unknown>, token?: string | null) => {
    const response = await app.fetch(
      new Request('http://test/graphql', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
      }),
    );
    return (await response.json()) as GraphQLResult<T>;
  };

  return {
    db,
    app,
    clock,
    gql,
    async signIn(username, password = fixturePassword) {
      const result = await gql<{ login: { token: string } }>(
        'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
        { u: username, p: password },
      );
      if (!result.data?.login) throw new Error(`sign-in of ${username} failed: ${JSON.stringify(result.errors)}`);
      return result.data.login.token;
    },
    close: async () => {
      await db.destroy();
      rmSync(filesDir, { recursive: true, force: true });
    },
  };
}

/** The result carries no errors; returns its data. */
export function ok<T>(result: GraphQLResult<T>): T {
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  if (!result.data) throw new Error('no data');
  return result.data;
}

/** The result failed with `code`, naming `field` when given. */
export function expectError(result: GraphQLResult<unknown>, code: ErrorCode, field?: string): GraphQLErrorShape {
  expect(result.errors, 'expected an error').toBeDefined();
  const error = result.errors?.find((e) => e.extensions?.code === code);
  expect(error, `expected ${code}, got ${JSON.stringify(result.errors)}`).toBeDefined();
  if (field) {
    const fields = error?.extensions?.fields?.map((f) => f.field) ?? [];
    expect(fields, `expected a problem with ${field}`).toContain(field);
  }
  return error as GraphQLErrorShape;
}
