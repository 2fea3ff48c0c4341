// Accounts kept by the secretariat, and passwords: the password policy, resets by the secretariat and
// changes by the account itself. Passwords are checked and hashed by the check* functions before the
// mutation's transaction opens (argon2 is slow on purpose); the writes then take its Write. Passwords
// never reach the audit log, not even as hashes.
import type { Prisma, Role } from '../../generated/prisma/client.ts';
import { viewerOf, type Context, type Viewer } from '../context.ts';
import { ForbiddenError, NotFoundError, ValidationError, type FieldProblem } from '../errors.ts';
import { created, updated, type AuditRecord } from './audit.ts';
import {
  claimAttempt,
  forgetName,
  normalizeUsername,
  settleSuccess,
  throttleKeys,
  type Claim,
} from './login-throttle.ts';
import type { Write } from './mutation.ts';
import { passwordProblem, type PasswordOwner, type PasswordPolicyOptions } from './password-policy.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { allowedActions, type Rules } from './rules.ts';
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

// ---------------------------------------------------------------- who may do what, in which state

export const accountActions = ['CREATE', 'UPDATE', 'DISABLE', 'ENABLE', 'RESET_PASSWORD', 'UNLOCK_SIGN_IN'] as const;
export type AccountAction = (typeof accountActions)[number];

/** How the viewer stands to an account: the secretariat on another account, on its own, or neither. */
export type AccountParty = 'ADMIN' | 'OWN_ACCOUNT' | 'OTHER';

export type AccountState = 'ACTIVE' | 'DISABLED';

const anyState: readonly AccountState[] = ['ACTIVE', 'DISABLED'];

/**
 * The secretariat keeps the accounts. On its own account it may change the details and lift sign-in
 * locks, but not disable it nor set its password without the current one (changePassword), so that
 * there is always an ADMIN who can sign in.
 */
export const accountRules: Rules<AccountAction, AccountParty, AccountState> = {
  CREATE: { parties: ['ADMIN'], from: [], to: 'ACTIVE' },
  UPDATE: { parties: ['ADMIN', 'OWN_ACCOUNT'], from: anyState },
  DISABLE: { parties: ['ADMIN'], from: ['ACTIVE'], to: 'DISABLED' },
  ENABLE: { parties: ['ADMIN', 'OWN_ACCOUNT'], from: ['DISABLED'], to: 'ACTIVE' },
  RESET_PASSWORD: { parties: ['ADMIN'], from: anyState },
  UNLOCK_SIGN_IN: { parties: ['ADMIN', 'OWN_ACCOUNT'], from: anyState },
};

/** The party of the viewer to the account with this id; to the one being created when there is none. */
export function accountPartyOf(
  viewer: Pick<Viewer, 'role' | 'accountId'> | null,
  accountId: number | null,
): AccountParty {
  if (viewer?.role !== 'ADMIN') return 'OTHER';
  return viewer.accountId === accountId ? 'OWN_ACCOUNT' : 'ADMIN';
}

const accountStateOf = (account: { disabled: boolean }): AccountState => (account.disabled ? 'DISABLED' : 'ACTIVE');

/** What the viewer may do to the account now. */
export function allowedAccountActions(
  viewer: Pick<Viewer, 'role' | 'accountId'> | null,
  account: { id: number; disabled: boolean },
): Exclude<AccountAction, 'CREATE'>[] {
  return allowedActions(accountRules, accountPartyOf(viewer, account.id), accountStateOf(account)).filter(
    (action): action is Exclude<AccountAction, 'CREATE'> => action !== 'CREATE',
  );
}

/** Why the secretariat may not take a step on its own account, as a problem of the input field. */
const ownAccountRefusals: Partial<Record<AccountAction, FieldProblem>> = {
  DISABLE: { field: 'input.disabled', message: 'You cannot disable your own account' },
  RESET_PASSWORD: {
    field: 'id',
    message: 'Change your own password with changePassword, which asks for the current one',
  },
};

/**
 * Whether the viewer may take the step on the account (null for a new one): FORBIDDEN to all but the
 * secretariat; on the secretariat's own account, the input problem that says why not.
 */
function accountRefusal(viewer: Viewer | null, accountId: number | null, action: AccountAction): FieldProblem | null {
  const party = accountPartyOf(viewer, accountId);
  if (accountRules[action].parties.includes(party)) return null;
  const problem = party === 'OWN_ACCOUNT' ? ownAccountRefusals[action] : undefined;
  if (!problem) throw new ForbiddenError('Only the secretariat manages accounts');
  return problem;
}

function assertAccountAction(viewer: Viewer | null, accountId: number | null, action: AccountAction): Viewer {
  const problem = accountRefusal(viewer, accountId, action);
  if (problem) throw new ValidationError([problem]);
  return viewerOf({ viewer });
}

// ---------------------------------------------------------------- writes

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

/** A new account whose password passed the policy and is hashed, ready to be written. */
export interface CheckedAccount extends Omit<NewAccount, 'password'> {
  passwordHash: string;
}

/**
 * Checks the new account's password against the policy and hashes it, before the transaction opens
 * (argon2 is slow on purpose). Secretariat only.
 */
export async function checkNewAccount(
  ctx: Pick<Context, 'viewer' | 'passwordPolicy'>,
  input: NewAccount,
): Promise<CheckedAccount> {
  assertAccountAction(ctx.viewer, null, 'CREATE');
  const { password, ...account } = input;
  const username = normalizeUsername(input.username);
  assertPasswordPolicy(password, { username, displayName: input.displayName }, 'input.password', ctx.passwordPolicy);
  return { ...account, username, passwordHash: await hashPassword(password) };
}

/** Creates an account (secretariat only); the unit is required exactly for a unit head. */
export async function createAccount(w: Write, input: CheckedAccount, select: AccountSelection) {
  assertAccountAction(w.viewer, null, 'CREATE');
  const { username } = input;
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
      passwordHash: input.passwordHash,
      passwordChangedAt: w.now,
    },
  });
  w.audit(created('Account', account));
  return w.tx.account.findUniqueOrThrow({ ...select, where: { id: account.id } });
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
  const viewer = assertAccountAction(w.viewer, id, 'UPDATE');
  const before = await w.tx.account.findUnique({ where: { id } });
  if (!before) throw new NotFoundError('Account', `Account:${id}`);
  const problems: FieldProblem[] = [];
  // Asking for the state the account is in changes nothing, so only the party is checked.
  if (changes.disabled !== undefined) {
    const refusal = accountRefusal(viewer, id, changes.disabled ? 'DISABLE' : 'ENABLE');
    if (refusal) problems.push(refusal);
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

/** A new password for another account, checked against the policy and hashed. */
export interface CheckedReset {
  id: number;
  username: string;
  passwordHash: string;
}

/**
 * Checks a new password for another account against the policy and hashes it, before the
 * transaction opens. Secretariat only; for one's own account changePassword.
 */
export async function checkPasswordReset(
  ctx: Pick<Context, 'viewer' | 'prisma' | 'passwordPolicy'>,
  id: number,
  newPassword: string,
): Promise<CheckedReset> {
  assertAccountAction(ctx.viewer, id, 'RESET_PASSWORD');
  const account = await ctx.prisma.account.findUnique({
    where: { id },
    select: { username: true, displayName: true },
  });
  if (!account) throw new NotFoundError('Account', `Account:${id}`);
  assertPasswordPolicy(newPassword, account, 'newPassword', ctx.passwordPolicy);
  return { id, username: account.username, passwordHash: await hashPassword(newPassword) };
}

/**
 * Sets a new password for another account (secretariat only), ends that account's sessions and lifts
 * a sign-in lock on its name.
 */
export async function resetPassword(w: Write, reset: CheckedReset, select: AccountSelection) {
  const { id } = reset;
  assertAccountAction(w.viewer, id, 'RESET_PASSWORD');
  const { count } = await w.tx.account.updateMany({
    where: { id },
    data: { passwordHash: reset.passwordHash, passwordChangedAt: w.now },
  });
  if (!count) throw new NotFoundError('Account', `Account:${id}`);
  await revokeSessions(w.tx, id, w.now);
  await forgetName(w.tx, reset.username);
  w.audit(passwordChanged(id));
  return w.tx.account.findUniqueOrThrow({ ...select, where: { id } });
}

/**
 * Lifts the sign-in locks and waits on an account's name, from every address (secretariat only): for
 * an owner locked out by someone failing on purpose. Audited, with how many failures were forgotten;
 * returns whether there was anything to lift.
 */
export async function unlockSignIn(w: Write, username: string): Promise<boolean> {
  assertAccountAction(w.viewer, null, 'UNLOCK_SIGN_IN');
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

/** The signed-in account's new password, hashed, once it proved it knows the current one. */
export interface CheckedPasswordChange {
  passwordHash: string;
  /** The sign-in attempt the check counted, given back when the change is written. */
  claims: Claim[];
}

/**
 * Checks a change of the signed-in account's own password before the transaction opens: the new one
 * against the policy, the current one against the stored hash. Wrong current passwords count like
 * failed sign-ins of the account's name from the caller's address (outside the transaction, so that
 * they stay counted), so a stolen session cannot be used to guess the password.
 */
export async function checkPasswordChange(
  ctx: Pick<Context, 'viewer' | 'prisma' | 'passwordPolicy' | 'clientAddress' | 'now' | 'sessionPolicy'>,
  currentPassword: string,
  newPassword: string,
): Promise<CheckedPasswordChange> {
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
  return { passwordHash: await hashPassword(newPassword), claims };
}

/** The signed-in account changes its own password; its other sessions end, this one goes on. */
export async function changePassword(w: Write, change: CheckedPasswordChange): Promise<boolean> {
  const viewer = viewerOf(w);
  await w.tx.account.update({
    where: { id: viewer.accountId },
    data: { passwordHash: change.passwordHash, passwordChangedAt: w.now },
  });
  await revokeSessions(w.tx, viewer.accountId, w.now, viewer.sessionId);
  await settleSuccess(w.tx, change.claims);
  w.audit(passwordChanged(viewer.accountId));
  return true;
}
