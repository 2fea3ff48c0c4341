// The real server as a child process (what `npm start` runs, without the UI build), and an HTTP client
// that talks to it over keep-alive connections, as a reverse proxy would.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const demoPassword = 'DaTeh@PAR2022';

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  /** Every line the server printed (JSON log lines). */
  lines: string[];
  /** Resolves with the exit code and signal once the process has ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Starts `api/main.ts` in node with tsx's loader (no npm or tsx wrapper process, so that a signal
 * reaches the server itself) on an ephemeral port, and waits until it says it is ready.
 */
export async function startServer(env: Record<string, string>, timeoutMs = 90_000): Promise<ServerProcess> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'info', ...env };
  delete childEnv.DATABASE_URL;
  if (env.DATABASE_URL) childEnv.DATABASE_URL = env.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', 'api/main.ts'], {
    cwd: root,
    env: { ...childEnv, PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let pending = '';
  const collect = (chunk: Buffer) => {
    pending += chunk.toString('utf8');
    const parts = pending.split('\n');
    pending = parts.pop() ?? '';
    lines.push(...parts.filter(Boolean));
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const ready = lines.map((line) => /ready: open http:\/\/localhost:(\d+)\//.exec(line)).find(Boolean);
    if (ready) return { child, port: Number(ready[1]), lines, exited };
    if (child.exitCode !== null || child.signalCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill('SIGKILL');
  throw new Error(`the server did not start:\n${lines.join('\n')}`);
}

export interface Reply<T> {
  status: number;
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** A GraphQL client over at most `connections` keep-alive connections. */
export function client(port: number, connections: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const request = (urlPath: string, body?: unknown, token?: string, onSent?: () => void) =>
    new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          path: urlPath,
          method: body === undefined ? 'GET' : 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
          res.on('error', reject);
        },
      );
      req.on('error', (error: NodeJS.ErrnoException & { reusedSocket?: boolean }) => {
        // A failure on a connection that had already carried a request (not a new one).
        error.reusedSocket = req.reusedSocket;
        reject(error);
      });
      if (onSent) req.on('finish', onSent);
      req.end(body === undefined ? undefined : JSON.stringify(body));
    });
  return {
    agent,
    request,
    /** Sends a GraphQL request; `onSent` runs once it is written to the connection. */
    async gql<T>(
      query: string,
      variables: Record<string, unknown> = {},
      token?: string,
      onSent?: () => void,
    ): Promise<Reply<T>> {
      const { status, text } = await request('/graphql', { query, variables }, token, onSent);
      let parsed: Omit<Reply<T>, 'status'> = {};
      try {
        parsed = JSON.parse(text) as Omit<Reply<T>, 'status'>;
      } catch {
        parsed = { errors: [{ message: `not JSON: ${text.slice(0, 200)}` }] };
      }
      return { status, ...parsed };
    },
    async signIn(username: string): Promise<string> {
      const reply = await this.gql<{ login: { token: string } }>(
        'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
        { u: username, p: demoPassword },
      );
      if (!reply.data?.login) throw new Error(`sign-in of ${username} failed: ${JSON.stringify(reply.errors)}`);
      return reply.data.login.token;
    },
    close: () => agent.destroy(),
  };
}

/** A scratch PostgreSQL database on the server of `serverUrl`, dropped by `drop()`. */
export async function scratchPostgres(serverUrl: string, prefix: string) {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async drop() {
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
