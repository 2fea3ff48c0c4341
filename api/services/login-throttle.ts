// Sign-in throttling: failed attempts are counted per account name and per client address. After a
// few failures in a row each further attempt must wait longer since the last failure (1 s, 2 s, 4 s
// ... at most a minute), and after many the key is locked for a while. A name without an account is
// counted exactly like one with an account, so the answers never tell whether an account exists.
//
// An attempt is counted as a failure *before* its password is checked (a compare-and-swap on the
// key's row), and given back when it succeeds: so a burst of parallel guesses cannot all slip past
// the delay while the first of them is still being checked.
import type { Prisma } from '../../generated/prisma/client.ts';
import { TooManyAttemptsError } from '../errors.ts';

/** What one key allows. */
export interface KeyLimits {
  /** Failures in a row allowed without any wait. */
  freeFailures: number;
  /** The wait after the first failure beyond the free ones; it doubles with each further failure. */
  firstDelaySeconds: number;
  /** The longest wait between attempts. */
  maxDelaySeconds: number;
  /** Failures in a row after which the key is locked for `lockMinutes`. */
  lockAfter: number;
  /** How long a lock lasts; failures whose streak is older than this no longer count. */
  lockMinutes: number;
}

export interface ThrottlePolicy {
  /** Keys "account:<name>": one person's account. */
  account: KeyLimits;
  /** Keys "address:<ip>": a whole office may share one address, so it allows more. */
  address: KeyLimits;
}

/** The tracker's policy: delays after 3 failures, an account name locked after 10, an address after 30. */
export function throttlePolicy(lockMinutes: number): ThrottlePolicy {
  const common = { freeFailures: 3, firstDelaySeconds: 1, maxDelaySeconds: 60, lockMinutes };
  return { account: { ...common, lockAfter: 10 }, address: { ...common, lockAfter: 30 } };
}

/** The stored counters of one key. */
export interface ThrottleState {
  failures: number;
  lastFailureAt: Date;
  blockedUntil: Date | null;
}

export type KeyKind = keyof ThrottlePolicy;

export interface ThrottleKey {
  kind: KeyKind;
  key: string;
}

/** The name as the sign-in matches it: trimmed and lower case. */
export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}

/** The keys an attempt counts against: the account name as typed, and the client address when known. */
export function throttleKeys(username: string, clientAddress: string | null): ThrottleKey[] {
  const keys: ThrottleKey[] = [{ kind: 'account', key: `account:${normalizeUsername(username)}` }];
  if (clientAddress) keys.push({ kind: 'address', key: `address:${clientAddress}` });
  return keys;
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/** The failures that still count at `now`: a streak ends when its last failure is `lockMinutes` old. */
export function currentFailures(state: ThrottleState | null, now: Date, limits: KeyLimits): number {
  if (!state) return 0;
  return state.lastFailureAt.getTime() + limits.lockMinutes * 60_000 <= now.getTime() ? 0 : state.failures;
}

/** The wait after `failures` failures in a row, in seconds (0 while failures are free). */
export function delayAfter(failures: number, limits: KeyLimits): number {
  if (failures < limits.freeFailures) return 0;
  const doublings = failures - limits.freeFailures;
  return Math.min(limits.maxDelaySeconds, limits.firstDelaySeconds * 2 ** Math.min(doublings, 30));
}

/** Seconds to wait before an attempt on this key is checked, or null when it may be checked now. */
export function refusal(state: ThrottleState | null, now: Date, limits: KeyLimits): number | null {
  if (!state) return null;
  if (state.blockedUntil && state.blockedUntil > now) return seconds(state.blockedUntil.getTime() - now.getTime());
  const delay = delayAfter(currentFailures(state, now, limits), limits);
  const allowedAt = state.lastFailureAt.getTime() + delay * 1000;
  return delay > 0 && allowedAt > now.getTime() ? seconds(allowedAt - now.getTime()) : null;
}

/** The counters after one more failure at `now`; the key is locked when the failures reach `lockAfter`. */
export function afterFailure(state: ThrottleState | null, now: Date, limits: KeyLimits): ThrottleState {
  const failures = currentFailures(state, now, limits) + 1;
  return {
    failures,
    lastFailureAt: now,
    blockedUntil: failures >= limits.lockAfter ? new Date(now.getTime() + limits.lockMinutes * 60_000) : null,
  };
}

/** An attempt counted as a failure until it turns out to be a success. */
export interface Claim {
  key: string;
  kind: KeyKind;
  before: ThrottleState | null;
  after: ThrottleState;
}

type Db = Prisma.TransactionClient;

const select = { failures: true, lastFailureAt: true, blockedUntil: true } as const;

/** Counts the attempt against one key, unless the key refuses it (then: seconds to wait). */
async function claimKey(db: Db, { key, kind }: ThrottleKey, now: Date, limits: KeyLimits): Promise<Claim | number> {
  for (let round = 0; round < 50; round += 1) {
    const before = await db.loginThrottle.findUnique({ where: { key }, select });
    const wait = refusal(before, now, limits);
    if (wait !== null) return wait;
    const after = afterFailure(before, now, limits);
    // Compare-and-swap: written only when nobody changed the row since it was read.
    const { count } = before
      ? await db.loginThrottle.updateMany({ where: { key, ...before }, data: after })
      : await db.loginThrottle.createMany({ data: [{ key, ...after }], skipDuplicates: true });
    if (count === 1) return { key, kind, before, after };
  }
  throw new Error(`Sign-in counter ${key} keeps changing`);
}

/**
 * Counts a sign-in attempt against its keys before the password is checked, or refuses it with
 * TOO_MANY_ATTEMPTS when a key is locked or its wait since the last failure is not over. The refusal
 * depends only on the keys, never on whether the account exists.
 */
export async function claimAttempt(db: Db, keys: ThrottleKey[], now: Date, policy: ThrottlePolicy): Promise<Claim[]> {
  const states = await db.loginThrottle.findMany({ where: { key: { in: keys.map((k) => k.key) } } });
  const waits = keys
    .map((k) => refusal(states.find((s) => s.key === k.key) ?? null, now, policy[k.kind]))
    .filter((wait): wait is number => wait !== null);
  if (waits.length) throw new TooManyAttemptsError(Math.max(...waits));
  const claims: Claim[] = [];
  for (const key of keys) {
    const claim = await claimKey(db, key, now, policy[key.kind]);
    if (typeof claim === 'number') {
      // Another attempt got in first and made this key wait: give back what was counted.
      for (const done of claims) await giveBack(db, done);
      throw new TooManyAttemptsError(claim);
    }
    claims.push(claim);
  }
  return claims;
}

/** Undoes a claim: restores the row as it was, or, when it moved on since, takes one failure off. */
async function giveBack(db: Db, claim: Claim): Promise<void> {
  const claimed = { key: claim.key, ...claim.after };
  const { count } = claim.before
    ? await db.loginThrottle.updateMany({ where: claimed, data: claim.before })
    : await db.loginThrottle.deleteMany({ where: claimed });
  if (count === 0) {
    await db.loginThrottle.updateMany({
      where: { key: claim.key, failures: { gt: 0 } },
      data: { failures: { decrement: 1 } },
    });
  }
}

/**
 * The attempt succeeded: the account name's counters start again from nothing, while the address
 * only gets this attempt back (other people's failures from the same address still count).
 */
export async function settleSuccess(db: Db, claims: Claim[]): Promise<void> {
  for (const claim of claims) {
    if (claim.kind === 'account') await db.loginThrottle.deleteMany({ where: { key: claim.key } });
    else await giveBack(db, claim);
  }
}

/** Forgets counters whose streak ended long enough ago that they no longer count. */
export async function forgetOldFailures(db: Db, now: Date, policy: ThrottlePolicy): Promise<void> {
  const longest = Math.max(policy.account.lockMinutes, policy.address.lockMinutes);
  await db.loginThrottle.deleteMany({ where: { lastFailureAt: { lt: new Date(now.getTime() - longest * 60_000) } } });
}
