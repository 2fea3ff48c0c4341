// The rate-limit counters in Redis (REDIS_URL): one hash per key and window, both counts added in one
// round trip (MULTI), expiring after two windows. When Redis does not answer, the caller counts in the
// database instead, and a warning is logged (at most every 10 s).
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { storedCost, windowMs, type Charge, type WindowCounts } from './rate-limit.ts';

/** What a command may take before the request goes on without it. */
const commandTimeoutMs = 500;
const warnEveryMs = 10_000;

export interface RedisCounter {
  /** Counts one request against `key`; null when Redis did not answer. */
  charge(key: string, charge: Charge): Promise<WindowCounts | null>;
  close(): Promise<void>;
}

export function redisCounter(url: string, logger: Pick<Logger, 'warn'>): RedisCounter {
  const redis = new Redis(url, {
    // Fail at once while disconnected instead of queueing requests behind a reconnection.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: commandTimeoutMs,
    connectTimeout: 2_000,
  });
  let warnedAt = 0;
  const warn = (error: unknown) => {
    if (Date.now() - warnedAt < warnEveryMs) return;
    warnedAt = Date.now();
    logger.warn({ err: error }, 'rate limit: Redis does not answer; requests are not counted meanwhile');
  };
  // Connection errors come as events; without a listener they would end the process.
  redis.on('error', warn);
  return {
    async charge(key, { window, cost }) {
      const name = `par:rate:${key}:${window}`;
      try {
        const replies = await redis
          .multi()
          .hincrby(name, 'requests', 1)
          .hincrby(name, 'cost', storedCost(cost))
          .pexpire(name, 2 * windowMs)
          .exec();
        const [requests, total] = (replies ?? []).map(([error, value]) => {
          if (error) throw error;
          return Number(value);
        });
        if (requests === undefined || total === undefined) throw new Error('MULTI was discarded');
        return { window, requests, cost: total };
      } catch (error) {
        warn(error);
        return null;
      }
    },
    async close() {
      redis.disconnect();
    },
  };
}
