// Rate limits: each account, and each client address for anonymous requests, may send so many GraphQL
// requests and so much query cost per minute. Counted in fixed windows of a minute, shared by every API
// process: in the database (table RateLimit, one upsert per request, folded into the session check for
// signed-in requests: see sessions.ts) or in Redis when REDIS_URL is set (rate-limit-redis.ts).
// Refused requests count too, so a client that keeps sending while refused waits for the next minute.
import { Prisma, type PrismaClient } from '../../generated/prisma/client.ts';
import { RateLimitedError } from '../errors.ts';

export const windowMs = 60_000;

/** The window `now` falls in: minutes since 1970-01-01 UTC. */
export const windowOf = (now: Date) => Math.floor(now.getTime() / windowMs);

export interface RateLimits {
  requestsPerMinute: number;
  costPerMinute: number;
}

/** A window's totals, this request included. */
export interface WindowCounts {
  window: number;
  requests: number;
  cost: number;
}

/** One request to count: its window and its query cost. */
export interface Charge {
  window: number;
  cost: number;
}

/** Counts stop growing here, inside PostgreSQL's integer, however long a flood goes on. */
const countCap = 2_000_000_000;

/** The refusal of a request whose window totals are `counts`, or null when they are within the limits. */
export function refusal(counts: WindowCounts, limits: RateLimits, now: Date): RateLimitedError | null {
  const over: 'requests' | 'cost' | null =
    counts.requests > limits.requestsPerMinute ? 'requests' : counts.cost > limits.costPerMinute ? 'cost' : null;
  if (!over) return null;
  const retryAfterSeconds = Math.max(1, Math.ceil(((counts.window + 1) * windowMs - now.getTime()) / 1000));
  return new RateLimitedError(
    over,
    over === 'requests' ? limits.requestsPerMinute : limits.costPerMinute,
    retryAfterSeconds,
  );
}

/**
 * The upsert's conflict clause: the same window adds to its counts; any other starts again from this
 * request (a process whose clock is a little off near the turn of a minute may restart a count early,
 * which lets a little more through, never less).
 */
export const countInWindow = Prisma.sql`
  ON CONFLICT (key) DO UPDATE SET
    requests = CASE WHEN r."window" = EXCLUDED."window" THEN LEAST(r.requests + 1, ${countCap}) ELSE 1 END,
    cost = CASE WHEN r."window" = EXCLUDED."window" THEN LEAST(r.cost + EXCLUDED.cost, ${countCap})
                ELSE EXCLUDED.cost END,
    "window" = EXCLUDED."window"
  RETURNING r."window", r.requests, r.cost`;

/** A request's cost as stored: a whole number within the column, whatever the cost function says. */
export const storedCost = (cost: number) => Math.min(countCap, Math.max(0, Math.ceil(cost)));

/**
 * Counts one request against `key` in the database and returns its window's totals. With `sweep`,
 * rows of windows before the last one are deleted on the way (once a minute is enough): so an
 * anonymous flood from many addresses leaves at most two minutes' worth of rows. A key deleted early
 * just starts again from nothing: its counts were of an older window anyway.
 */
export async function chargeInDatabase(
  prisma: PrismaClient,
  key: string,
  charge: Charge,
  sweep: boolean,
): Promise<WindowCounts> {
  const swept = sweep
    ? Prisma.sql`WITH swept AS (DELETE FROM "RateLimit" WHERE "window" < ${charge.window - 1} AND key <> ${key})`
    : Prisma.empty;
  const [counts] = await prisma.$queryRaw<WindowCounts[]>`
    ${swept}
    INSERT INTO "RateLimit" AS r (key, "window", requests, cost)
    VALUES (${key}, ${charge.window}::int, 1, ${storedCost(charge.cost)}::int)
    ${countInWindow}`;
  if (!counts) throw new Error(`Rate-limit counter ${key} was not written`);
  return counts;
}
