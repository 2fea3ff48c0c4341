// Runs GraphQL operations through the real yoga app in process (no socket) against a test database.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Logger } from 'pino';
import { expect } from 'vitest';
import { createApp, type App } from '../../api/app.ts';
import { loadConfig } from '../../api/config.ts';
import type { ErrorCode } from '../../api/errors.ts';
import type { CostOf } from '../../api/rate-limiter.ts';
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
    /** Extra request headers, e.g. x-forwarded-for (read when the app trusts a proxy). */
    headers?: Record<string, string>,
  ): Promise<GraphQLResult<T>>;
  /** Signs in and returns the bearer token. */
  signIn(username: string, password?: string): Promise<string>;
  /**
   * Sends a GraphQL multipart request (operations, map, then one part per file); each key of `files`
   * names the variable the file goes into.
   */
  upload<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown>,
    files: Record<string, UploadPart>,
    token?: string | null,
  ): Promise<GraphQLResult<T>>;
  /** GETs a path of the app (e.g. a download URL), with the session as a bearer token when given. */
  download(path: string, token?: string | null): Promise<Response>;
  close(): Promise<void>;
}

export const fixturePassword = 'correct-horse-battery';

/** A file part of a multipart request. */
export interface UploadPart {
  content: Uint8Array | string;
  /** The file name the client sends. */
  name: string;
  /** The type the client claims. */
  type?: string;
}

export async function startTestApi(
  kind: DatabaseKind,
  options: {
    now?: Date;
    env?: Record<string, string>;
    statementTimeoutMs?: number;
    costOf?: CostOf;
    /** The app's logger; silent unless given. */
    logger?: Logger;
  } = {},
): Promise<TestApi> {
  const db = await createTestDatabase(kind, { statementTimeoutMs: options.statementTimeoutMs });
  const clock = { now: options.now ?? new Date('2026-03-10T03:00:00Z') };
  const filesDir = mkdtempSync(path.join(tmpdir(), 'par-files-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    FILES_DIR: filesDir,
    // The tests' clock stands still, so all of a file's requests fall in one minute: the rate limit
    // counts them all, requests and query cost (test/api/rate-limit.test.ts sets it low to see it refuse).
    RATE_LIMIT_REQUESTS_PER_MINUTE: '1000000',
    RATE_LIMIT_COST_PER_MINUTE: '1000000000',
    ...options.env,
  });
  const app = createApp({ db, config, now: () => clock.now, costOf: options.costOf, logger: options.logger });

  const gql = async <T>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string | null,
    headers: Record<string, string> = {},
  ) => {
    const response = await app.fetch(
      new Request('http://test/graphql', {
        method: 'POST',
        headers: {
          ...headers,
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
      }),
    );
    return (await response.json()) as GraphQLResult<T>;
  };

  const upload = async <T>(
    query: string,
    variables: Record<string, unknown>,
    files: Record<string, UploadPart>,
    token?: string | null,
  ) => {
    const names = Object.keys(files);
    const form = new FormData();
    const nulls = Object.fromEntries(names.map((name) => [name, null]));
    form.append('operations', JSON.stringify({ query, variables: { ...variables, ...nulls } }));
    form.append('map', JSON.stringify(Object.fromEntries(names.map((name, i) => [String(i), [`variables.${name}`]]))));
    names.forEach((name, i) => {
      const part = files[name] as UploadPart;
      const content = typeof part.content === 'string' ? part.content : new Uint8Array(part.content);
      form.append(String(i), new Blob([content], { type: part.type ?? 'application/octet-stream' }), part.name);
    });
    const response = await app.fetch(
      new Request('http://test/graphql', {
        method: 'POST',
        // As the admin UI does: the API refuses a multipart request without it (CSRF prevention).
        headers: { 'x-graphql-yoga-csrf': '1', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: form,
      }),
    );
    return (await response.json()) as GraphQLResult<T>;
  };

  const download = (urlPath: string, token?: string | null) =>
    app.fetch(new Request(`http://test${urlPath}`, { headers: token ? { authorization: `Bearer ${token}` } : {} }));

  return {
    db,
    app,
    clock,
    gql,
    upload,
    download,
    async signIn(username, password = fixturePassword) {
      const result = await gql<{ login: { token: string } }>(
        'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
        { u: username, p: password },
      );
      if (!result.data?.login) throw new Error(`sign-in of ${username} failed: ${JSON.stringify(result.errors)}`);
      return result.data.login.token;
    },
    close: async () => {
      await app.close();
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
