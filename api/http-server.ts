// The Node HTTP server that serves the app (npm start, the load and crash tests, the benchmarks), with
// explicit timeouts for slow clients instead of Node's defaults (a whole request may take 5 minutes).
import { createServer, type IncomingMessage, type Server, type ServerOptions, type ServerResponse } from 'node:http';
import type { Timeouts } from './config.ts';

/** How often Node looks for connections past their headers or request timeout (its default is 30 s). */
const checkEveryMs = 1_000;

export function httpServerOptions(timeouts: Timeouts): ServerOptions {
  return {
    // A client that sends its headers (or its body) a byte at a time is answered 408 and dropped.
    headersTimeout: timeouts.httpHeadersMs,
    requestTimeout: timeouts.httpRequestMs,
    keepAliveTimeout: timeouts.httpKeepAliveMs,
    connectionsCheckingInterval: Math.min(checkEveryMs, timeouts.httpHeadersMs),
  };
}

export function createHttpServer(
  timeouts: Timeouts,
  handle: (req: IncomingMessage, res: ServerResponse) => void,
): Server {
  return createServer(httpServerOptions(timeouts), handle);
}
