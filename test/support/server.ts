// The app behind a real Node HTTP server on 127.0.0.1 (a random port), as npm start serves it, and the
// checks that need one: a GraphQL request over a socket, and /health answering while it runs.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'vitest';
import type { App } from '../../api/app.ts';
import type { Timeouts } from '../../api/config.ts';
import { defaultTimeouts } from '../../api/config.ts';
import { createHttpServer } from '../../api/http-server.ts';
import type { GraphQLResult } from './api.ts';

export interface Served {
  server: Server;
  base: string;
  port: number;
  /** POSTs a GraphQL request over HTTP: the status, the headers and the body. */
  post<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string | null,
  ): Promise<{ status: number; headers: Headers; body: GraphQLResult<T> }>;
  close(): Promise<void>;
}

export async function serve(app: App, timeouts: Timeouts = defaultTimeouts): Promise<Served> {
  const server = createHttpServer(timeouts, app.handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const base = `http://127.0.0.1:${port}`;
  return {
    server,
    base,
    port,
    async post(query, variables, token) {
      const response = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, headers: response.headers, body: (await response.json()) as never };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * Runs `work` (a request being handled) and asks for /health a few times meanwhile: each must be
 * answered 200 within a second. Returns `work`'s result and the slowest /health in ms.
 */
export async function whileHealthy<T>(
  served: Served,
  work: () => Promise<T>,
): Promise<{ result: T; slowestMs: number }> {
  let done = false;
  const pending = work().finally(() => {
    done = true;
  });
  const timings: number[] = [];
  // At least one probe, even when the work ends first; then one every 50 ms while it runs.
  do {
    const started = performance.now();
    const response = await fetch(`${served.base}/health`, { signal: AbortSignal.timeout(5_000) });
    expect(response.status).toBe(200);
    await response.text();
    timings.push(performance.now() - started);
    if (!done) await new Promise((resolve) => setTimeout(resolve, 50));
  } while (!done);
  const result = await pending;
  const slowestMs = Math.max(...timings);
  expect(slowestMs, `/health took ${Math.round(slowestMs)} ms while the request ran`).toBeLessThan(1_000);
  return { result, slowestMs };
}
