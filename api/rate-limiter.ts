// Who a GraphQL request is and whether it may run: the session check, and the request and its query
// cost counted against the account (or, for an anonymous request, its client address) for this minute.
// In the database the count rides in the session check's own statement; with Redis it is sent beside
// it once the session's account is known. Over a limit: RATE_LIMITED, HTTP 429 with Retry-After.
import type { DocumentNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { RateLimitSettings } from './config.ts';
import type { SessionPolicy, Viewer } from './context.ts';
import { redisCounter } from './services/rate-limit-redis.ts';
import { chargeInDatabase, refusal, windowOf, type Charge, type WindowCounts } from './services/rate-limit.ts';
import { tokenHash, viewerCharging, viewerForToken } from './services/sessions.ts';

/** What the cost of a request is computed from, once it has been parsed and validated. */
export interface CostRequest {
  document: DocumentNode | undefined;
  variables: Record<string, unknown> | undefined;
  operationName: string | undefined;
  /** yoga's context as built so far (the request, its parameters, what plugins added). */
  context: object;
}

/** The query cost that a request is charged in the rate limit. */
export type CostOf = (request: CostRequest) => number;

export interface Admission {
  token: string | null;
  address: string | null;
  cost: number;
  now: Date;
}

export interface RateLimiter {
  /** The request's viewer, once its request and cost are counted; throws RATE_LIMITED over a limit. */
  admit(request: Admission): Promise<Viewer | null>;
  close(): Promise<void>;
}

/** Sessions whose account is known, so that Redis is asked beside the session check (bounded). */
const knownSessions = 10_000;

export function rateLimiter({
  prisma,
  settings,
  sessionPolicy,
  logger,
}: {
  prisma: PrismaClient;
  settings: RateLimitSettings;
  sessionPolicy: SessionPolicy;
  logger: Pick<Logger, 'warn'>;
}): RateLimiter {
  const redis = settings.redisUrl ? redisCounter(settings.redisUrl, logger) : null;
  const accountOfSession = new Map<string, number>();

  let sweptWindow = -1;
  const count = async (key: string, charge: Charge): Promise<WindowCounts> => {
    const counted = redis && (await redis.charge(key, charge));
    if (counted) return counted;
    const sweep = charge.window !== sweptWindow;
    sweptWindow = charge.window;
    return chargeInDatabase(prisma, key, charge, sweep);
  };

  async function viewerCountedApart(token: string, now: Date, charge: Charge) {
    const id = tokenHash(token);
    // A session's account never changes: once known, its count is sent beside the session check.
    const known = accountOfSession.get(id);
    const [viewer, early] = await Promise.all([
      viewerForToken(prisma, token, now, sessionPolicy),
      known === undefined ? null : count(`account:${known}`, charge),
    ]);
    if (!viewer) {
      accountOfSession.delete(id);
      return { viewer, counts: null };
    }
    if (known === undefined) {
      if (accountOfSession.size >= knownSessions)
        accountOfSession.delete(accountOfSession.keys().next().value as string);
      accountOfSession.set(id, viewer.accountId);
    }
    return { viewer, counts: early ?? (await count(`account:${viewer.accountId}`, charge)) };
  }

  return {
    async admit({ token, address, cost, now }) {
      const charge = { window: windowOf(now), cost };
      let viewer: Viewer | null = null;
      let counts: WindowCounts | null = null;
      if (token) {
        ({ viewer, counts } = redis
          ? await viewerCountedApart(token, now, charge)
          : await viewerCharging(prisma, token, now, sessionPolicy, charge));
      }
      // Anonymous requests count against their address (in-process requests have none).
      if (!viewer && address) counts = await count(`address:${address}`, charge);
      const refused = counts && refusal(counts, settings, now);
      if (refused) throw refused;
      return viewer;
    },
    close: async () => redis?.close(),
  };
}

/** Where the parsed document waits on yoga's context for the cost function. */
export interface ParsedDocument {
  parsedDocument?: DocumentNode;
}

/** Puts each request's parsed document on yoga's context, for the cost function of the rate limit. */
export function keepParsedDocument(): Plugin<ParsedDocument> {
  return {
    onParse:
      () =>
      ({ result, extendContext }) => {
        if (result && !(result instanceof Error)) extendContext({ parsedDocument: result });
      },
  };
}
