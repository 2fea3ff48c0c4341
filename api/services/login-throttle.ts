// Sign-in throttling. Failed attempts are counted per key: the name from one address ("pair"), the
// name from anywhere ("account") and the address for any name ("address"). After a few failures in a
// row each further attempt must wait longer since the last failure (1 s, 2 s, 4 s ... at most a
// minute), and after many the key is locked: for LOGIN_LOCK_MINUTES, doubling with each further
// failure, up to a day. A key forgets its failures only after a quiet spell once its wait is over,
// never merely because a lock ended, so a short LOGIN_LOCK_MINUTES still stops unlimited guessing.
//
// The pair locks first (10 failures), so someone failing on purpose from one address locks the name
// out of that address only; the name alone locks at 100, which only an attack from many addresses
// reaches. The secretariat can lift the name's locks (unlockSignIn, resetPassword). A name without
// an account is counted exactly like one with an account, so the answers never tell whether it exists.
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
  /** The longest wait between attempts before the key locks. */
  maxDelaySeconds: number;
  /** Failures in a row at which the key locks. */
  lockAfter: number;
  /** How long the first lock lasts; each further failure doubles it. */
  lockMinutes: number;
  /** The longest lock. */
  maxLockMinutes: number;
  /** Quiet time after the wait of the last failure ends, after which the key's failures are forgotten. */
  memoryMinutes: number;
}

export interface ThrottlePolicy {
  /** Keys "pair:<name>@<address>": one name tried from one address. */
  pair: KeyLimits;
  /** Keys "account:<name>": one name tried from anywhere. */
  account: KeyLimits;
  /** Keys "address:<ip>": a whole office may share one address, so it allows more. */
  address: KeyLimits;
}

const day = 24 * 60;

/**
 * The tracker's policy: waits after 3 failures; the pair locked at 10, the address at 30, the name
 * alone at 100; locks of `lockMinutes` doubling up to a day. Names are remembered for a day of quiet,
 * addresses (shared by offices, where typos add up) for an hour.
 */
export function throttlePolicy(lockMinutes: number): ThrottlePolicy {
  const waits = { freeFailures: 3, firstDelaySeconds: 1, maxDelaySeconds: 60 };
  const locks = { lockMinutes, maxLockMinutes: Math.max(lockMinutes, day) };
  return {
    pair: { ...waits, ...locks, lockAfter: 10, memoryMinutes: day },
    account: { ...waits, ...locks, freeFailures: 100, lockAfter: 100, memoryMinutes: day },
    address: { ...waits, ...locks, lockAfter: 30, memoryMinutes: Math.max(60, lockMinutes) },
  };
}

/** The stored counters of one key. */
export interface ThrottleState {
  failures: number;
  lastFailureAt: Date;
  /** When the key's lock ends, while it is locked; kept for whoever looks at the table. */
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

/** The key of a name from anywhere. */
export const accountKey = (username: string) => `account:${normalizeUsername(username)}`;

/** The prefix of every (name, address) key of a name. */
export const pairKeyPrefix = (username: string) => `pair:${normalizeUsername(username)}@`;

/**
 * The keys an attempt counts against: the name from this address, the name, and the address. An
 * attempt whose address is unknown counts as coming from one address, "unknown".
 */
export function throttleKeys(username: string, clientAddress: string | null): ThrottleKey[] {
  const keys: ThrottleKey[] = [
    { kind: 'pair', key: `${pairKeyPrefix(username)}${clientAddress ?? 'unknown'}` },
    { kind: 'account', key: accountKey(username) },
  ];
  if (clientAddress) keys.push({ kind: 'address', key: `address:${clientAddress}` });
  return keys;
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/** The wait after `failures` failures in a row, in seconds: none, a delay, or a lock. */
export function waitAfter(failures: number, limits: KeyLimits): number {
  if (failures < limits.freeFailures) return 0;
  if (failures < limits.lockAfter) {
    const doublings = Math.min(failures - limits.freeFailures, 30);
    return Math.min(limits.maxDelaySeconds, limits.firstDelaySeconds * 2 ** doublings);
  }
  const doublings = Math.min(failures - limits.lockAfter, 30);
  return Math.min(limits.maxLockMinutes, limits.lockMinutes * 2 ** doublings) * 60;
}

/** The failures that still count at `now`: forgotten once the wait of the last one is over by `memoryMinutes`. */
export function currentFailures(state: ThrottleState | null, now: Date, limits: KeyLimits): number {
  if (!state) return 0;
  const forgetAt =
    state.lastFailureAt.getTime() + (waitAfter(state.failures, limits) + limits.memoryMinutes * 60) * 1000;
  return forgetAt <= now.getTime() ? 0 : state.failures;
}

/** Seconds to wait before an attempt on this key is checked, or null when it may be checked now. */
export function refusal(state: ThrottleState | null, now: Date, limits: KeyLimits): number | null {
  const failures = currentFailures(state, now, limits);
  if (!state || failures === 0) return null;
  const allowedAt = state.lastFailureAt.getTime() + waitAfter(failures, limits) * 1000;
  return allowedAt > now.getTime() ? seconds(allowedAt - now.getTime()) : null;
}

/** The counters after one more failure at `now`. */
export function afterFailure(state: ThrottleState | null, now: Date, limits: KeyLimits): ThrottleState {
  const failures = currentFailures(state, now, limits) + 1;
  return {
    failures,
    lastFailureAt: now,
    blockedUntil: failures >= limits.lockAfter ? new Date(now.getTime() + waitAfter(failures, limits) * 1000) : null,
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
 * The attempt succeeded: the name's counters from this address start again from nothing, while the
 * name and the address only get this attempt back (failures from elsewhere, or for other names,
 * still count).
 */
export async function settleSuccess(db: Db, claims: Claim[]): Promise<void> {
  for (const claim of claims) {
    if (claim.kind === 'pair') await db.loginThrottle.deleteMany({ where: { key: claim.key } });
    else await giveBack(db, claim);
  }
}

/**
 * Lifts every sign-in lock and wait on a name, from every address (the addresses' own counters
 * stay); returns the failures forgotten: the name's count from anywhere, or its largest from one
 * address.
 */
export async function forgetName(db: Db, username: string): Promise<number> {
  const where = {
    OR: [{ key: accountKey(username) }, { key: { startsWith: pairKeyPrefix(username) } }],
  };
  const counted = await db.loginThrottle.aggregate({ where, _max: { failures: true } });
  await db.loginThrottle.deleteMany({ where });
  return counted._max.failures ?? 0;
}

/** Forgets counters that can no longer count: older than the longest lock and memory. */
export async function forgetOldFailures(db: Db, now: Date, policy: ThrottlePolicy): Promise<void> {
  const longest = Math.max(...Object.values(policy).map((l: KeyLimits) => l.maxLockMinutes + l.memoryMinutes));
  await db.loginThrottle.deleteMany({ where: { lastFailureAt: { lt: new Date(now.getTime() - longest * 60_000) } } });
}
