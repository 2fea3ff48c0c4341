// The sign-in throttle's rules as plain functions, and its counters in a real database (small numbers).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TooManyAttemptsError } from '../../api/errors.ts';
import {
  afterFailure,
  claimAttempt,
  currentFailures,
  forgetName,
  forgetOldFailures,
  refusal,
  settleSuccess,
  throttleKeys,
  throttlePolicy,
  type KeyLimits,
  type ThrottlePolicy,
  type ThrottleState,
  waitAfter,
} from '../../api/services/login-throttle.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases.ts';

const limits: KeyLimits = {
  freeFailures: 3,
  firstDelaySeconds: 1,
  maxDelaySeconds: 60,
  lockAfter: 10,
  lockMinutes: 15,
  maxLockMinutes: 24 * 60,
  memoryMinutes: 24 * 60,
};
const t0 = new Date('2026-03-10T03:00:00Z');
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
const minutes = 60;
const day = 24 * 60 * minutes;

/** The counters after `n` failures, the last at `last`. */
const failed = (n: number, last: Date, blockedUntil: Date | null = null): ThrottleState => ({
  failures: n,
  lastFailureAt: last,
  blockedUntil,
});

describe('the sign-in throttle rules', () => {
  it('lets the first three failures through without a wait', () => {
    expect(refusal(null, t0, limits)).toBeNull();
    expect(refusal(failed(1, t0), t0, limits)).toBeNull();
    expect(refusal(failed(2, t0), t0, limits)).toBeNull();
  });

  it('then waits 1 s, 2 s, 4 s ... since the last failure, at most 60 s until the lock', () => {
    expect([3, 4, 5, 6, 7, 8, 9].map((n) => waitAfter(n, limits))).toEqual([1, 2, 4, 8, 16, 32, 60]);
    expect(refusal(failed(3, t0), t0, limits)).toBe(1);
    expect(refusal(failed(3, t0), at(1), limits)).toBeNull();
    expect(refusal(failed(5, t0), at(1), limits)).toBe(3);
    expect(refusal(failed(5, t0), at(3.2), limits)).toBe(1);
    expect(refusal(failed(5, t0), at(4), limits)).toBeNull();
  });

  it('locks the key when the failures reach the limit, for lockMinutes, doubling with each further failure up to the longest lock', () => {
    expect([10, 11, 12, 13, 16, 17, 40].map((n) => waitAfter(n, limits) / minutes)).toEqual([
      15, 30, 60, 120, 960, 1440, 1440,
    ]);
    const locked = afterFailure(failed(9, t0), at(60), limits);
    expect(locked).toEqual(failed(10, at(60), at(60 + 15 * minutes)));
    expect(refusal(locked, at(120), limits)).toBe(15 * minutes - 60);
    expect(refusal(locked, at(60 + 15 * minutes), limits)).toBeNull();
    expect(afterFailure(failed(8, t0), at(60), limits).blockedUntil).toBeNull();
  });

  it('remembers the failures when a lock ends, so that a short lock still doubles (LOGIN_LOCK_MINUTES=1)', () => {
    const short = throttlePolicy(1).pair;
    let state = failed(10, t0, at(60));
    const locks: number[] = [];
    let now = 0;
    for (let i = 0; i < 12; i += 1) {
      now += waitAfter(state.failures, short);
      expect(refusal(state, at(now - 1), short)).toBe(1);
      expect(refusal(state, at(now), short)).toBeNull();
      state = afterFailure(state, at(now), short);
      locks.push(waitAfter(state.failures, short) / minutes);
    }
    expect(locks).toEqual([2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 1440, 1440]);
    // 22 guesses in two and a half days, then one a day: no longer unlimited.
    expect(state.failures).toBe(22);
  });

  it('forgets the failures only after a quiet spell once the wait is over', () => {
    const locked = failed(10, t0, at(15 * minutes));
    expect(currentFailures(locked, at(15 * minutes + day - 1), limits)).toBe(10);
    expect(currentFailures(locked, at(15 * minutes + day), limits)).toBe(0);
    expect(afterFailure(locked, at(15 * minutes + day), limits)).toEqual(failed(1, at(15 * minutes + day)));
    expect(currentFailures(failed(2, t0), at(day - 1), limits)).toBe(2);
    expect(refusal(failed(9, t0), at(day + 60), limits)).toBeNull();
  });

  it('counts a name from an address, the name from anywhere and the address; an unknown address as one', () => {
    expect(throttleKeys(' Admin ', '203.0.113.7')).toEqual([
      { kind: 'pair', key: 'pair:admin@203.0.113.7' },
      { kind: 'account', key: 'account:admin' },
      { kind: 'address', key: 'address:203.0.113.7' },
    ]);
    expect(throttleKeys('nobody', null)).toEqual([
      { kind: 'pair', key: 'pair:nobody@unknown' },
      { kind: 'account', key: 'account:nobody' },
    ]);
  });

  it('locks a name from one address at 10, an address at 30 and the name from anywhere only at 100', () => {
    const policy = throttlePolicy(15);
    expect([policy.pair.lockAfter, policy.address.lockAfter, policy.account.lockAfter]).toEqual([10, 30, 100]);
    // The name from anywhere has no waits before its lock: failures elsewhere do not slow its owner down.
    expect(waitAfter(99, policy.account)).toBe(0);
    expect(waitAfter(100, policy.account)).toBe(15 * minutes);
    expect(policy.address.memoryMinutes).toBe(60);
    expect(throttlePolicy(120).address.memoryMinutes).toBe(120);
  });
});

describe.each(databaseKinds)('the sign-in counters on %s', (kind) => {
  let db: TestDatabase;
  const keyLimits = { freeFailures: 2, firstDelaySeconds: 1, maxDelaySeconds: 4, lockMinutes: 5, maxLockMinutes: 5 };
  const small: ThrottlePolicy = {
    pair: { ...keyLimits, lockAfter: 4, memoryMinutes: 5 },
    account: { ...keyLimits, freeFailures: 8, lockAfter: 8, memoryMinutes: 5 },
    address: { ...keyLimits, lockAfter: 6, memoryMinutes: 5 },
  };
  beforeAll(async () => {
    db = await createTestDatabase(kind);
  });
  afterAll(() => db.destroy());

  const row = (key: string) => db.prisma.loginThrottle.findUnique({ where: { key } });
  const refused = (promise: Promise<unknown>) => expect(promise).rejects.toBeInstanceOf(TooManyAttemptsError);

  it('counts an attempt before it is checked and refuses attempts inside the wait', async () => {
    const keys = throttleKeys('one', null);
    await claimAttempt(db.prisma, keys, t0, small);
    await claimAttempt(db.prisma, keys, t0, small);
    expect(await row('pair:one@unknown')).toMatchObject({ failures: 2, lastFailureAt: t0, blockedUntil: null });
    expect((await row('account:one'))?.failures).toBe(2);
    await refused(claimAttempt(db.prisma, keys, at(0.5), small));
    expect((await row('pair:one@unknown'))?.failures).toBe(2);
    await claimAttempt(db.prisma, keys, at(1), small);
    await refused(claimAttempt(db.prisma, keys, at(2.5), small));
    await claimAttempt(db.prisma, keys, at(3), small);
    expect(await row('pair:one@unknown')).toMatchObject({ failures: 4, blockedUntil: at(3 + 5 * 60) });
    await expect(claimAttempt(db.prisma, keys, at(60), small)).rejects.toMatchObject({
      extensions: { code: 'TOO_MANY_ATTEMPTS', retryAfterSeconds: 5 * 60 - 57 },
    });
    // The lock's end does not wipe the slate: the next failure locks again at once.
    await claimAttempt(db.prisma, keys, at(3 + 5 * 60), small);
    expect(await row('pair:one@unknown')).toMatchObject({ failures: 5, blockedUntil: at(3 + 10 * 60) });
  });

  it('starts a name from its address again after a success, but only gives the name and the address their attempt back', async () => {
    const keys = throttleKeys('two', '192.0.2.1');
    await claimAttempt(db.prisma, keys, t0, small);
    const claims = await claimAttempt(db.prisma, keys, t0, small);
    await settleSuccess(db.prisma, claims);
    expect(await row('pair:two@192.0.2.1')).toBeNull();
    expect(await row('account:two')).toMatchObject({ failures: 1, lastFailureAt: t0 });
    expect(await row('address:192.0.2.1')).toMatchObject({ failures: 1, lastFailureAt: t0 });
  });

  it("lifts a name's counters from every address, leaving the addresses' own", async () => {
    for (const address of ['192.0.2.10', '192.0.2.11']) {
      await claimAttempt(db.prisma, throttleKeys('six', address), t0, small);
    }
    await claimAttempt(db.prisma, throttleKeys('sixty', '192.0.2.10'), t0, small);
    expect(await forgetName(db.prisma, ' SIX ')).toBe(2);
    for (const key of ['pair:six@192.0.2.10', 'pair:six@192.0.2.11', 'account:six']) expect(await row(key)).toBeNull();
    expect((await row('pair:sixty@192.0.2.10'))?.failures).toBe(1);
    expect((await row('address:192.0.2.10'))?.failures).toBe(2);
    expect(await forgetName(db.prisma, 'six')).toBe(0);
  });

  it('refuses a name whose address must wait, and counts nothing then', async () => {
    for (const name of ['three.a', 'three.b'])
      await claimAttempt(db.prisma, throttleKeys(name, '192.0.2.3'), t0, small);
    await refused(claimAttempt(db.prisma, throttleKeys('three.c', '192.0.2.3'), t0, small));
    expect(await row('account:three.c')).toBeNull();
    expect(await row('pair:three.c@192.0.2.3')).toBeNull();
    expect((await row('address:192.0.2.3'))?.failures).toBe(2);
  });

  it('lets no more than the free attempts through when they come all at once', async () => {
    const keys = throttleKeys('four', null);
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, () => claimAttempt(db.prisma, keys, t0, small)),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(TooManyAttemptsError);
    expect((await row('pair:four@unknown'))?.failures).toBe(2);
  });

  it('forgets counters that no longer count', async () => {
    await claimAttempt(db.prisma, throttleKeys('five', null), t0, small);
    // The longest lock (5 min) and the memory after it (5 min).
    await forgetOldFailures(db.prisma, at(10 * 60 - 1), small);
    expect(await row('account:five')).not.toBeNull();
    await forgetOldFailures(db.prisma, at(10 * 60 + 1), small);
    expect(await row('account:five')).toBeNull();
    expect(await row('pair:five@unknown')).toBeNull();
  });
});
