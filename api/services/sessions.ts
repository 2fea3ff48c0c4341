// Sign-in sessions: the client holds a random bearer token, the database only its SHA-256, so a
// leaked database does not leak usable tokens. Sessions end after an idle spell or a maximum life.
import { createHash, randomBytes } from 'node:crypto';
import type { Account, Prisma, PrismaClient, Role } from '../../generated/prisma/client.ts';
import type { Context, SessionPolicy, Viewer } from '../context.ts';
import { UnauthenticatedError } from '../errors.ts';
import {
  claimAttempt,
  forgetOldFailures,
  normalizeUsername,
  settleSuccess,
  throttleKeys,
  throttlePolicy,
  type Claim,
  type ThrottlePolicy,
} from './login-throttle.ts';
import type { Write } from './mutation.ts';
import { countInWindow, storedCost, type Charge, type WindowCounts } from './rate-limit.ts';
import { hashPassword, verifyPassword } from './password.ts';

/** lastSeenAt is refreshed at most this often, so reads do not each cost a write. */
const touchEveryMs = 60_000;

const defaultLoginLockMinutes = 15;

/** The sign-in throttle of the running app (its lock time from LOGIN_LOCK_MINUTES). */
export function signInThrottle(ctx: Pick<Context, 'sessionPolicy'>) {
  return throttlePolicy(ctx.sessionPolicy.loginLockMinutes ?? defaultLoginLockMinutes);
}

/** The bearer token of an Authorization header, or null when there is none of the right shape. */
export function bearerToken(authorization: string | null | undefined): string | null {
  const match = authorization ? /^Bearer\s+([A-Za-z0-9_-]{20,200})$/.exec(authorization.trim()) : null;
  return match ? (match[1] as string) : null;
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

let dummyHash: Promise<string> | undefined;

/**
 * The account a username and password stand for, or null when the account is missing, disabled or
 * the password wrong; all three take as long (a missing account is checked against a dummy hash).
 */
export async function checkCredentials(
  prisma: Prisma.TransactionClient,
  username: string,
  password: string,
): Promise<Account | null> {
  const account = await prisma.account.findUnique({ where: { username: normalizeUsername(username) } });
  dummyHash ??= hashPassword('a password that no account has');
  const valid = await verifyPassword(account?.passwordHash ?? (await dummyHash), password);
  return account && valid && !account.disabled ? account : null;
}

/** Opens a session for an account: a new random token, of which only the hash is stored. */
export async function openSession(tx: Prisma.TransactionClient, accountId: number, now: Date, policy: SessionPolicy) {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + policy.maxHours * 3_600_000);
  await tx.session.create({
    data: { id: tokenHash(token), accountId, createdAt: now, lastSeenAt: now, expiresAt },
  });
  await tx.account.update({ where: { id: accountId }, data: { lastLoginAt: now } });
  return { token, expiresAt };
}

/** A sign-in attempt that passed the throttle and the password check, ready to open its session. */
export interface CheckedSignIn {
  account: Account;
  claims: Claim[];
  throttle: ThrottlePolicy;
}

/**
 * Checks a username and password within the sign-in throttle: a refused attempt fails with
 * TOO_MANY_ATTEMPTS before the password is looked at. A wrong password, an unknown or a disabled
 * account all get the same error and are counted the same. The attempt is counted outside any
 * transaction, so that a failure stays counted.
 */
export async function checkSignIn(
  ctx: Pick<Context, 'prisma' | 'now' | 'clientAddress' | 'sessionPolicy'>,
  username: string,
  password: string,
): Promise<CheckedSignIn> {
  const throttle = signInThrottle(ctx);
  const claims = await claimAttempt(ctx.prisma, throttleKeys(username, ctx.clientAddress), ctx.now, throttle);
  const account = await checkCredentials(ctx.prisma, username, password);
  if (!account) throw new UnauthenticatedError('Wrong username or password');
  return { account, claims, throttle };
}

/**
 * Opens the session of a checked sign-in and gives its throttle claims back; audited as SIGN_IN,
 * which the audit log credits to the account signing in.
 */
export async function signIn(w: Write, attempt: CheckedSignIn, policy: SessionPolicy) {
  const session = await openSession(w.tx, attempt.account.id, w.now, policy);
  await settleSuccess(w.tx, attempt.claims);
  await forgetOldFailures(w.tx, w.now, attempt.throttle);
  w.audit({ action: 'SIGN_IN', entity: 'Account', entityId: attempt.account.id });
  return session;
}

interface SessionRow {
  lastSeenAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  accountId: number;
  role: Role;
  unitId: number | null;
  disabled: boolean;
}

/** The viewer a session row stands for, or null when it is missing, expired, revoked or idle too long. */
async function viewerOf(
  prisma: PrismaClient,
  id: string,
  session: SessionRow | undefined,
  now: Date,
  policy: SessionPolicy,
): Promise<Viewer | null> {
  if (!session || session.revokedAt || session.disabled) return null;
  const idleLimit = session.lastSeenAt.getTime() + policy.idleMinutes * 60_000;
  if (session.expiresAt <= now || idleLimit <= now.getTime()) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > touchEveryMs) {
    await prisma.session.update({ where: { id }, data: { lastSeenAt: now } });
  }
  return { accountId: session.accountId, role: session.role, unitId: session.unitId, sessionId: id };
}

/** The viewer a bearer token stands for, or null when it is unknown, expired, revoked or idle too long. */
export async function viewerForToken(
  prisma: PrismaClient,
  token: string,
  now: Date,
  policy: SessionPolicy,
): Promise<Viewer | null> {
  const id = tokenHash(token);
  // One statement rather than Prisma's two (session, then account): every signed-in request pays it.
  const [session] = await prisma.$queryRaw<SessionRow[]>`
    SELECT s."lastSeenAt", s."expiresAt", s."revokedAt", a.id AS "accountId", a.role::text AS role,
           a."unitId", a.disabled
    FROM "Session" s JOIN "Account" a ON a.id = s."accountId"
    WHERE s.id = ${id}`;
  return viewerOf(prisma, id, session, now, policy);
}

/**
 * As viewerForToken, and counts the request against its account's rate limit in the same statement
 * (when the session is live): the viewer, and the account's totals of the window (null without a viewer).
 */
export async function viewerCharging(
  prisma: PrismaClient,
  token: string,
  now: Date,
  policy: SessionPolicy,
  charge: Charge,
): Promise<{ viewer: Viewer | null; counts: WindowCounts | null }> {
  const id = tokenHash(token);
  const idleSince = new Date(now.getTime() - policy.idleMinutes * 60_000);
  const [row] = await prisma.$queryRaw<(SessionRow & Partial<WindowCounts>)[]>`
    WITH found AS (
      SELECT s."lastSeenAt", s."expiresAt", s."revokedAt", a.id AS "accountId", a.role::text AS role,
             a."unitId", a.disabled
      FROM "Session" s JOIN "Account" a ON a.id = s."accountId"
      WHERE s.id = ${id}
    ), charged AS (
      INSERT INTO "RateLimit" AS r (key, "window", requests, cost)
      SELECT 'account:' || "accountId", ${charge.window}::int, 1, ${storedCost(charge.cost)}::int FROM found
      WHERE "revokedAt" IS NULL AND NOT disabled AND "expiresAt" > ${now} AND "lastSeenAt" > ${idleSince}
      ${countInWindow}
    )
    SELECT found.*, charged."window", charged.requests, charged.cost FROM found LEFT JOIN charged ON true`;
  const viewer = await viewerOf(prisma, id, row, now, policy);
  const counts =
    viewer && row?.window != null && row.requests != null && row.cost != null
      ? { window: row.window, requests: row.requests, cost: row.cost }
      : null;
  return { viewer, counts };
}

/** Ends the viewer's current session. */
export async function signOut(w: Write): Promise<void> {
  if (!w.viewer) throw new UnauthenticatedError();
  await w.tx.session.updateMany({ where: { id: w.viewer.sessionId, revokedAt: null }, data: { revokedAt: w.now } });
  w.audit({ action: 'SIGN_OUT', entity: 'Account', entityId: w.viewer.accountId });
}

/** Ends every live session of an account, except `keep` (the caller's own); returns how many ended. */
export async function revokeSessions(
  tx: Prisma.TransactionClient,
  accountId: number,
  now: Date,
  keep: string | null = null,
): Promise<number> {
  const { count } = await tx.session.updateMany({
    where: { accountId, revokedAt: null, ...(keep && { id: { not: keep } }) },
    data: { revokedAt: now },
  });
  return count;
}
