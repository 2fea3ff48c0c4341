// Sign-in sessions: the client holds a random bearer token, the database only its SHA-256, so a
// leaked database does not leak usable tokens. Sessions end after an idle spell or a maximum life.
import { createHash, randomBytes } from 'node:crypto';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { Viewer } from '../context.ts';
import { UnauthenticatedError } from '../errors.ts';
import { hashPassword, verifyPassword } from './password.ts';

export interface SessionPolicy {
  idleMinutes: number;
  maxHours: number;
}

/** lastSeenAt is refreshed at most this often, so reads do not each cost a write. */
const touchEveryMs = 60_000;

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

let dummyHash: Promise<string> | undefined;

/**
 * Checks a username and password and opens a session. The error is the same whether the account
 * is missing, disabled or the password wrong, and takes as long.
 */
export async function signIn(
  prisma: PrismaClient,
  username: string,
  password: string,
  now: Date,
  policy: SessionPolicy,
) {
  const account = await prisma.account.findUnique({ where: { username: username.trim().toLowerCase() } });
  dummyHash ??= hashPassword('a password that no account has');
  const valid = await verifyPassword(account?.passwordHash ?? (await dummyHash), password);
  if (!account || !valid || account.disabled) {
    throw new UnauthenticatedError('Wrong username or password');
  }
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + policy.maxHours * 3_600_000);
  await prisma.$transaction([
    prisma.session.create({
      data: { id: tokenHash(token), accountId: account.id, createdAt: now, lastSeenAt: now, expiresAt },
    }),
    prisma.account.update({ where: { id: account.id }, data: { lastLoginAt: now } }),
  ]);
  return { token, expiresAt, account };
}

/** The viewer a bearer token stands for, or null when it is unknown, expired, revoked or idle too long. */
export async function viewerForToken(
  prisma: PrismaClient,
  token: string,
  now: Date,
  policy: SessionPolicy,
): Promise<Viewer | null> {
  const id = tokenHash(token);
  const session = await prisma.session.findUnique({
    where: { id },
    include: { account: { select: { id: true, role: true, unitId: true, disabled: true } } },
  });
  if (!session || session.revokedAt || session.account.disabled) return null;
  const idleLimit = session.lastSeenAt.getTime() + policy.idleMinutes * 60_000;
  if (session.expiresAt <= now || idleLimit <= now.getTime()) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > touchEveryMs) {
    await prisma.session.update({ where: { id }, data: { lastSeenAt: now } });
  }
  return {
    accountId: session.account.id,
    role: session.account.role,
    unitId: session.account.unitId,
    sessionId: id,
  };
}

export async function signOut(prisma: PrismaClient, sessionId: string, now: Date): Promise<void> {
  await prisma.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now } });
}
