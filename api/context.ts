// What a request carries. This module imports only modules that do not import it back, so that
// everything else may import it.
import type { PrismaClient, Role } from '../generated/prisma/client.ts';
import { UnauthenticatedError } from './errors.ts';
import type { Loaders } from './loaders.ts';
import type { RequestBounds } from './request-bounds.ts';
import type { FileStore } from './services/file-store.ts';
import type { PasswordPolicyOptions } from './services/password-policy.ts';

/** The signed-in account making a request. */
export interface Viewer {
  accountId: number;
  role: Role;
  /** The unit a UNIT_HEAD account answers for. */
  unitId: number | null;
  sessionId: string;
}

/** How long sign-in sessions last, and how long sign-in stays locked. */
export interface SessionPolicy {
  idleMinutes: number;
  maxHours: number;
  /** How long sign-in stays locked after too many failures (LOGIN_LOCK_MINUTES); 15 when not given. */
  loginLockMinutes?: number;
}

/** What the upload mutations need. */
export interface EvidenceUploads {
  store: FileStore;
  /** Largest file accepted, in bytes. */
  maxBytes: number;
}

export interface Context {
  prisma: PrismaClient;
  viewer: Viewer | null;
  /** The request's moment; every date rule in one request uses this same instant. */
  now: Date;
  /** Today as a calendar day in the district's time zone, at UTC midnight like @db.Date values. */
  today: Date;
  /** The district's time zone. */
  timeZone: string;
  dueSoonDays: number;
  sessionPolicy: SessionPolicy;
  /** How the password policy applies here (the project's published passwords outside production only). */
  passwordPolicy: PasswordPolicyOptions;
  requestId: string;
  /** Where evidence files go, and how large they may be. */
  uploads: EvidenceUploads;
  /** The client's network address, for sign-in throttling and the audit log. */
  clientAddress: string | null;
  /** The request's running bounds: the list items of its response, and the signal that stops it. */
  bounds: RequestBounds;
  /** The request's batch loaders. */
  loaders: Loaders;
}

/** The viewer of a request that must be signed in. */
export function viewerOf(ctx: Pick<Context, 'viewer'>): Viewer {
  if (!ctx.viewer) throw new UnauthenticatedError();
  return ctx.viewer;
}
