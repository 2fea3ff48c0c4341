// The sign-in throttle's rules as plain functions, and its counters in a real database (small numbers).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TooManyAttemptsError } from '../../api/errors.ts';
import {
  afterFailure,
  claimAttempt,
  delayAfter,
  forgetOldFailures,
  refusal,
  settleSuccess,
  throttleKeys,
  throttlePolicy,
  type KeyLimits,
  type ThrottlePolicy,
  type ThrottleState,
} from '../../api/services/login-throttle.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases.ts';

const limits: KeyLimits = {
  freeFailures: 3,
  firstDelaySeconds: 1,
  maxDelaySeconds: 60,
  lockAfter: 10,
  lockMinutes: 15,
};
const t0 = new Date('2026-03-10T03:00:00Z');
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

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

  it('then waits 1 s, 2 s, 4 s ... since the last failure, at most 60 s', () => {
    expect([3, 4, 5, 6, 7, 8, 9, 12, 40].map((n) => delayAfter(n, limits))).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60]);
    expect(refusal(failed(3, t0), t0, limits)).toBe(1);
    expect(refusal(failed(3, t0), at(1), limits)).toBeNull();
    expect(refusal(failed(5, t0), at(1), limits)).toBe(3);
    expect(refusal(failed(5, t0), at(3.2), limits)).toBe(1);
    expect(refusal(failed(5, t0), at(4), limits)).toBeNull();
  });

  it('locks the key when the failures reach the limit, for lockMinutes', () => {
    const locked = afterFailure(failed(9, t0), at(60), limits);
    expect(locked).toEqual(failed(10, at(60), at(60 + 15 * 60)));
    expect(refusal(locked, at(120), limits)).toBe(15 * 60 - 60);
    expect(refusal(locked, at(60 + 15 * 60), limits)).toBeNull();
    expect(afterFailure(failed(8, t0), at(60), limits).blockedUntil).toBeNull();
  });

  it('forgets a streak whose last failure is lockMinutes old', () => {
    expect(refusal(failed(9, t0), at(15 * 60), limits)).toBeNull();
    expect(afterFailure(failed(9, t0), at(15 * 60), limits)).toEqual(failed(1, at(15 * 60)));
    expect(afterFailure(failed(9, t0), at(15 * 60 - 1), limits).failures).toBe(10);
  });

  it('counts account names in lower case as typed and addresses only when known', () => {
    expect(throttleKeys(' Admin ', '203.0.113.7')).toEqual([
      { kind: 'account', key: 'account:admin' },
      { kind: 'address', key: 'address:203.0.113.7' },
    ]);
    expect(throttleKeys('nobody', null)).toEqual([{ kind: 'account', key: 'account:nobody' }]);
  });

  it('allows an address more failures than an account name', () => {
    const policy = throttlePolicy(15);
    expect(policy.account.lockAfter).toBe(10);
    expect(policy.address.lockAfter).toBe(30);
    expect(policy.address.lockMinutes).toBe(15);
  });
});

describe.each(databaseKinds)('the sign-in counters on %s', (kind) => {
  let db: TestDatabase;
  const small: ThrottlePolicy = {
    account: { freeFailures: 2, firstDelaySeconds: 1, maxDelaySeconds: 4, lockAfter: 4, lockMinutes: 5 },
    address: { freeFailures: 2, firstDelaySeconds: 1, maxDelaySeconds: 4, lockAfter: 6, lockMinutes: 5 },
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
    expect(await row('account:one')).toMatchObject({ failures: 2, lastFailureAt: t0, blockedUntil: null });
    await refused(claimAttempt(db.prisma, keys, at(0.5), small));
    expect((await row('account:one'))?.failures).toBe(2);
    await claimAttempt(db.prisma, keys, at(1), small);
    await refused(claimAttempt(db.prisma, keys, at(2.5), small));
    await claimAttempt(db.prisma, keys, at(3), small);
    expect(await row('account:one')).toMatchObject({ failures: 4, blockedUntil: at(3 + 5 * 60) });
    await expect(claimAttempt(db.prisma, keys, at(60), small)).rejects.toMatchObject({
      extensions: { code: 'TOO_MANY_ATTEMPTS', retryAfterSeconds: 5 * 60 - 57 },
    });
    await claimAttempt(db.prisma, keys, at(3 + 5 * 60), small);
    expect(await row('account:one')).toMatchObject({ failures: 1, blockedUntil: null });
  });

  it('starts an account name again after a success, but only gives the address its attempt back', async () => {
    const keys = throttleKeys('two', '192.0.2.1');
    await claimAttempt(db.prisma, keys, t0, small);
    const claims = await claimAttempt(db.prisma, keys, t0, small);
    await settleSuccess(db.prisma, claims);
    expect(await row('account:two')).toBeNull();
    expect(await row('address:192.0.2.1')).toMatchObject({ failures: 1, lastFailureAt: t0 });
  });

  it('refuses a name whose address must wait, and counts nothing then', async () => {
    for (const name of ['three.a', 'three.b'])
      await claimAttempt(db.prisma, throttleKeys(name, '192.0.2.3'), t0, small);
    await refused(claimAttempt(db.prisma, throttleKeys('three.c', '192.0.2.3'), t0, small));
    expect(await row('account:three.c')).toBeNull();
    expect((await row('address:192.0.2.3'))?.failures).toBe(2);
  });

  it('lets no more than the free attempts through when they come all at once', async () => {
    const keys = throttleKeys('four', null);
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, () => claimAttempt(db.prisma, keys, t0, small)),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(TooManyAttemptsError);
    expect((await row('account:four'))?.failures).toBe(2);
  });

  it('forgets counters that no longer count', async () => {
    await claimAttempt(db.prisma, throttleKeys('five', null), t0, small);
    await forgetOldFailures(db.prisma, at(5 * 60 - 1), small);
    expect(await row('account:five')).not.toBeNull();
    await forgetOldFailures(db.prisma, at(5 * 60 + 1), small);
    expect(await row('account:five')).toBeNull();
  });
});
