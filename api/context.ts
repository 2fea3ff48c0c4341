import type { PrismaClient, Role } from '../generated/prisma/client.ts';
import type { EvidenceUploads } from './evidence-files.ts';
import type { RequestBounds } from './request-bounds.ts';
import { UnauthenticatedError } from './errors.ts';
import type { PasswordPolicyOptions } from './services/password-policy.ts';
import type { SessionPolicy } from './services/sessions.ts';

/** The signed-in account making a request. */
export interface Viewer {
  accountId: number;
  role: Role;
  /** The unit a UNIT_HEAD account answers for. */
  unitId: number | null;
  sessionId: string;
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
}

/** The viewer of a request that must be signed in. */
export function viewerOf(ctx: Pick<Context, 'viewer'>): Viewer {
  if (!ctx.viewer) throw new UnauthenticatedError();
  return ctx.viewer;
}
