// Accounts kept by the secretariat, and passwords: the password policy, resets by the secretariat and
// changes by the account itself. Passwords are hashed before the database transaction opens (argon2
// is slow on purpose) and never reach the audit log, not even as hashes.
import type { GraphQLResolveInfo } from 'graphql';
import type { Prisma, Role } from '../../generated/prisma/client.ts';
import { viewerOf, type Context, type Viewer } from '../context.ts';
import { ForbiddenError, NotFoundError, ValidationError, type FieldProblem } from '../errors.ts';
import { created, updated, type AuditRecord } from './audit.ts';
import { claimAttempt, forgetName, normalizeUsername, settleSuccess, throttleKeys } from './login-throttle.ts';
import { runMutation, type Write } from './mutation.ts';
import { passwordProblem, type PasswordOwner, type PasswordPolicyOptions } from './password-policy.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { revokeSessions, signInThrottle } from './sessions.ts';

type AccountSelection = { include?: Prisma.AccountInclude; select?: Prisma.AccountSelect };

/** Throws BAD_USER_INPUT naming `field` (and the rule) when the password breaks the policy. */
export function assertPasswordPolicy(
  password: string,
  owner: PasswordOwner,
  field: string,
  options: PasswordPolicyOptions,
): void {
  const problem = passwordProblem(password, owner, options);
  if (problem) throw ValidationError.field(field, problem.message, problem.rule);
}

/** The audit record of a password set: that it changed, never the hash. */
export function passwordChanged(accountId: number): AuditRecord {
  return {
    action: 'UPDATE',
    entity: 'Account',
    entityId: accountId,
    changes: { password: { before: null, after: 'changed' } },
  };
}

function requireAdmin(viewer: Viewer | null): Viewer {
  if (viewer?.role !== 'ADMIN') throw new ForbiddenError('Only the secretariat manages accounts');
  return viewer;
}

async function unitProblem(tx: Prisma.TransactionClient, unitId: number, today: Date): Promise<FieldProblem | null> {
  const unit = await tx.unit.findUnique({ where: { id: unitId }, select: { dissolvedOn: true } });
  if (!unit) return { field: 'input.unitId', message: `Unit:${unitId} does not exist` };
  if (unit.dissolvedOn && unit.dissolvedOn <= today) {
    return { field: 'input.unitId', message: `Unit:${unitId} no longer exists; name its successor instead` };
  }
  return null;
}

async function personProblem(tx: Prisma.TransactionClient, personId: number): Promise<FieldProblem | null> {
  const exists = await tx.person.count({ where: { id: personId } });
  return exists ? null : { field: 'input.personId', message: `Person:${personId} does not exist` };
}

const headNeedsUnit: FieldProblem = { field: 'input.unitId', message: "A unit head's account must name the unit" };

export interface NewAccount {
  username: string;
  displayName: string;
  role: Role;
  unitId: number | null;
  personId: number | null;
  password: string;
}

/** Creates an account (secretariat only); the unit is required exactly for a unit head. */
export async function createAccount(
  ctx: Context,
  info: Pick<GraphQLResolveInfo, 'fieldName'>,
  input: NewAccount,
  select: AccountSelection,
) {
  requireAdmin(ctx.viewer);
  const username = normalizeUsername(input.username);
  assertPasswordPolicy(
    input.password,
    { username, displayName: input.displayName },
    'input.password',
    ctx.passwordPolicy,
  );
  const passwordHash = await hashPassword(input.password);
  return runMutation(ctx, info, async (w) => {
    const problems: FieldProblem[] = [];
    if (await w.tx.account.count({ where: { username } })) {
      problems.push({ field: 'input.username', message: `Another account already has the username "${username}"` });
    }
    if (input.role === 'UNIT_HEAD' && input.unitId === null) problems.push(headNeedsUnit);
    const unit = input.unitId === null ? null : await unitProblem(w.tx, input.unitId, w.today);
    const person = input.personId === null ? null : await personProblem(w.tx, input.personId);
    problems.push(...[unit, person].filter((p): p is FieldProblem => p !== null));
    if (problems.length) throw new ValidationError(problems);
    const account = await w.tx.account.create({
      data: {
        username,
        displayName: input.displayName,
        role: input.role,
        unitId: input.unitId,
        personId: input.personId,
        passwordHash,
        passwordChangedAt: w.now,
      },
    });
    w.audit(created('Account', account));
    return w.tx.account.findUniqueOrThrow({ ...select, where: { id: account.id } });
  });
}

export interface AccountChanges {
  displayName?: string;
  role?: Role;
  /** null clears the unit (not allowed for a unit head). */
  unitId?: number | null;
  personId?: number | null;
  disabled?: boolean;
}

/**
 * Changes an account (secretariat only). Disabling it ends its sessions at once. The secretariat
 * cannot disable its own account nor take away its own ADMIN role, so there is always an ADMIN.
 */
export async function updateAccount(w: Write, id: number, changes: AccountChanges, select: AccountSelection) {
  const viewer = requireAdmin(w.viewer);
  const before = await w.tx.account.findUnique({ where: { id } });
  if (!before) throw new NotFoundError('Account', `Account:${id}`);
  const problems: FieldProblem[] = [];
  if (id === viewer.accountId && changes.disabled === true) {
    problems.push({ field: 'input.disabled', message: 'You cannot disable your own account' });
  }
  if (id === viewer.accountId && changes.role !== undefined && changes.role !== 'ADMIN') {
    problems.push({ field: 'input.role', message: 'You cannot take away your own ADMIN role' });
  }
  const role = changes.role ?? before.role;
  const unitId = changes.unitId !== undefined ? changes.unitId : before.unitId;
  if (role === 'UNIT_HEAD' && unitId === null) problems.push(headNeedsUnit);
  const unitChecked =
    unitId !== null && (changes.unitId !== undefined || (role === 'UNIT_HEAD' && before.role !== role));
  const unit = unitChecked ? await unitProblem(w.tx, unitId, w.today) : null;
  const person = changes.personId != null ? await personProblem(w.tx, changes.personId) : null;
  problems.push(...[unit, person].filter((p): p is FieldProblem => p !== null));
  if (problems.length) throw new ValidationError(problems);
  const after = await w.tx.account.update({
    where: { id },
    data: {
      displayName: changes.displayName,
      role: changes.role,
      unitId: changes.unitId,
      personId: changes.personId,
      disabled: changes.disabled,
    },
  });
  if (after.disabled && !before.disabled) await revokeSessions(w.tx, id, w.now);
  w.audit(updated('Account', before, after));
  return w.tx.account.findUniqueOrThrow({ ...select, where: { id } });
}

/**
 * Sets a new password for another account (secretariat only), ends that account's sessions and lifts
 * a sign-in lock on its name. For one's own account changePassword, which asks for the current one.
 */
export async function resetPassword(
  ctx: Context,
  info: Pick<GraphQLResolveInfo, 'fieldName'>,
  id: number,
  newPassword: string,
  select: AccountSelection,
) {
  const viewer = requireAdmin(ctx.viewer);
  if (id === viewer.accountId) {
    throw ValidationError.field('id', 'Change your own password with changePassword, which asks for the current one');
  }
  const account = await ctx.prisma.account.findUnique({
    where: { id },
    select: { username: true, displayName: true },
  });
  if (!account) throw new NotFoundError('Account', `Account:${id}`);
  assertPasswordPolicy(newPassword, account, 'newPassword', ctx.passwordPolicy);
  const passwordHash = await hashPassword(newPassword);
  return runMutation(ctx, info, async (w) => {
    const { count } = await w.tx.account.updateMany({
      where: { id },
      data: { passwordHash, passwordChangedAt: w.now },
    });
    if (!count) throw new NotFoundError('Account', `Account:${id}`);
    await revokeSessions(w.tx, id, w.now);
    await forgetName(w.tx, account.username);
    w.audit(passwordChanged(id));
    return w.tx.account.findUniqueOrThrow({ ...select, where: { id } });
  });
}

/**
 * Lifts the sign-in locks and waits on an account's name, from every address (secretariat only): for
 * an owner locked out by someone failing on purpose. Audited, with how many failures were forgotten;
 * returns whether there was anything to lift.
 */
export async function unlockSignIn(w: Write, username: string): Promise<boolean> {
  requireAdmin(w.viewer);
  const name = normalizeUsername(username);
  const account = await w.tx.account.findUnique({ where: { username: name }, select: { id: true } });
  if (!account) throw new NotFoundError('Account', name);
  const forgotten = await forgetName(w.tx, name);
  w.audit({
    action: 'UPDATE',
    entity: 'Account',
    entityId: account.id,
    changes: { signInFailures: { before: forgotten, after: 0 } },
  });
  return forgotten > 0;
}

/**
 * The signed-in account changes its own password, proving it knows the current one; its other
 * sessions end, this one goes on. Wrong current passwords count like failed sign-ins of the account's
 * name from the caller's address, so a stolen session cannot be used to guess the password.
 */
export async function changePassword(
  ctx: Context,
  info: Pick<GraphQLResolveInfo, 'fieldName'>,
  currentPassword: string,
  newPassword: string,
): Promise<boolean> {
  const viewer = viewerOf(ctx);
  const account = await ctx.prisma.account.findUniqueOrThrow({
    where: { id: viewer.accountId },
    select: { username: true, displayName: true, passwordHash: true },
  });
  assertPasswordPolicy(newPassword, account, 'newPassword', ctx.passwordPolicy);
  const claims = await claimAttempt(
    ctx.prisma,
    throttleKeys(account.username, ctx.clientAddress),
    ctx.now,
    signInThrottle(ctx),
  );
  if (!(await verifyPassword(account.passwordHash, currentPassword))) {
    throw ValidationError.field('currentPassword', 'This is not your current password');
  }
  const passwordHash = await hashPassword(newPassword);
  return runMutation(ctx, info, async (w) => {
    await w.tx.account.update({ where: { id: viewer.accountId }, data: { passwordHash, passwordChangedAt: w.now } });
    await revokeSessions(w.tx, viewer.accountId, w.now, viewer.sessionId);
    await settleSuccess(w.tx, claims);
    w.audit(passwordChanged(viewer.accountId));
    return true;
  });
}
