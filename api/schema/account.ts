import { z } from 'zod';
import { Role, type Prisma } from '../../generated/prisma/client.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import {
  accountRules,
  allowedAccountActions,
  changePassword,
  checkNewAccount,
  checkPasswordChange,
  checkPasswordReset,
  createAccount,
  resetPassword,
  unlockSignIn,
  updateAccount,
  type AccountAction,
} from '../services/account.ts';
import { runMutation } from '../services/mutation.ts';
import { maxPasswordLength } from '../services/password-policy.ts';
import { checkSignIn, signIn, signOut } from '../services/sessions.ts';
import { listSize } from '../cost.ts';
import { adminOnly, auditReaders, rolesFor } from './access.ts';
import {
  IDFilter,
  decodeId,
  decodeOptionalId,
  StringFilter,
  enumFilter,
  enumWhere,
  idWhere,
  logicalFields,
  logicalWhere,
  stringWhere,
  type EnumFilterValue,
  type IdFilterValue,
  type Logical,
  type StringFilterValue,
} from './filters.ts';
import { countBesidePage, offsetArgOptions, orderInput, withOffset } from './lists.ts';
import { notNull, plainText, requiredText } from './validation.ts';

export const RoleEnum = builder.enumType(Role, {
  name: 'Role',
  description: 'What an account may do.',
});

/** The secretariat, or the account itself: for sign-in details of an account. */
const selfOrAdmin = (account: { id: number }, _args: object, ctx: Context) =>
  ctx.viewer !== null && (ctx.viewer.role === 'ADMIN' || ctx.viewer.accountId === account.id);

const accountStepDescriptions: Record<Exclude<AccountAction, 'CREATE'>, string> = {
  UPDATE: 'Change the name, role, unit or person (updateAccount).',
  DISABLE: 'Disable the account, ending its sessions (updateAccount with disabled: true).',
  ENABLE: 'Enable the account again (updateAccount with disabled: false).',
  RESET_PASSWORD: 'Set a new password for it (resetPassword).',
  UNLOCK_SIGN_IN: 'Lift the sign-in locks on its name (unlockSignIn).',
};

export const AccountActionEnum = builder.enumType('AccountAction', {
  description: 'Something the signed-in account may do to an account: the secretariat keeps them.',
  values: Object.fromEntries(
    Object.entries(accountStepDescriptions).map(([value, description]) => [value, { value, description }]),
  ) as Record<Exclude<AccountAction, 'CREATE'>, { value: Exclude<AccountAction, 'CREATE'>; description: string }>,
});

export const AccountRef = builder.prismaNode('Account', {
  id: { field: 'id' },
  // Only the columns a request asks for are read: a timeline names an actor per entry, and the password
  // hash is never read for it.
  select: { id: true },
  description:
    'A sign-in account with one role. Passwords and sessions are never readable; sign-in details only by the secretariat or the account itself.',
  fields: (t) => ({
    displayName: t.exposeString('displayName'),
    role: t.expose('role', { type: RoleEnum }),
    unit: t.relation('unit', { nullable: true, description: 'The unit a unit head answers for.' }),
    person: t.relation('person', { nullable: true }),
    username: t.exposeString('username', {
      nullable: true,
      authScopes: selfOrAdmin,
      unauthorizedResolver: () => null,
    }),
    disabled: t.exposeBoolean('disabled', {
      nullable: true,
      authScopes: selfOrAdmin,
      unauthorizedResolver: () => null,
    }),
    lastLoginAt: t.expose('lastLoginAt', {
      type: 'DateTime',
      nullable: true,
      authScopes: selfOrAdmin,
      unauthorizedResolver: () => null,
    }),
    passwordChangedAt: t.expose('passwordChangedAt', {
      type: 'DateTime',
      nullable: true,
      authScopes: selfOrAdmin,
      unauthorizedResolver: () => null,
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    allowedActions: t.field({
      type: [AccountActionEnum],
      description: 'What the signed-in account may do to this account now; the server enforces the same rules.',
      extensions: listSize(Object.keys(accountStepDescriptions).length),
      select: { id: true, disabled: true },
      resolve: (account, _args, ctx) => allowedAccountActions(ctx.viewer, account),
    }),
    canReadAuditLog: t.boolean({
      description: "Whether the account's role may read the audit log (auditEntries).",
      select: { role: true },
      resolve: (account) => auditReaders.roles.some((role) => role === account.role),
    }),
  }),
});

interface AccountFilterValue extends Logical<AccountFilterValue> {
  username?: StringFilterValue | null;
  displayName?: StringFilterValue | null;
  role?: EnumFilterValue<Role> | null;
  unit?: IdFilterValue | null;
  disabled?: boolean | null;
}

const RoleFilter = enumFilter<Role>('RoleFilter', RoleEnum, 'Matches roles.');

export const AccountFilter = builder.inputRef<AccountFilterValue>('AccountFilter').implement({
  description: 'Selects accounts.',
  fields: (t) => ({
    username: t.field({ type: StringFilter }),
    displayName: t.field({ type: StringFilter }),
    role: t.field({ type: RoleFilter }),
    unit: t.field({ type: IDFilter }),
    disabled: t.boolean(),
    ...logicalFields(t, AccountFilter),
  }),
});

function accountWhere(filter: AccountFilterValue | null | undefined): Prisma.AccountWhereInput | undefined {
  return logicalWhere(filter, (f): Prisma.AccountWhereInput => ({
    ...(f.username && { username: stringWhere(f.username) }),
    ...(f.displayName && { displayName: stringWhere(f.displayName) }),
    ...(f.role && { role: enumWhere(f.role) }),
    ...(f.unit && { unitId: idWhere(f.unit, 'Unit', 'filter.unit') }),
    ...(f.disabled != null && { disabled: f.disabled }),
  }));
}

const AccountOrder = orderInput<Prisma.AccountOrderByWithRelationInput>()('Account', {
  USERNAME: { description: 'Username.', orderBy: (d) => ({ username: d }) },
  DISPLAY_NAME: { description: 'Display name.', orderBy: (d) => ({ displayName: d }) },
  ROLE: { description: 'Role.', orderBy: (d) => ({ role: d }) },
});

const accountsCount = countBesidePage((args: { filter?: Parameters<typeof accountWhere>[0] }, ctx) =>
  ctx.prisma.account.count({ where: accountWhere(args.filter) }),
);

builder.queryFields((t) => ({
  me: t.prismaField({
    type: 'Account',
    nullable: true,
    skipTypeScopes: true,
    description: 'The signed-in account, or null when signed out.',
    authScopes: { signedIn: true },
    unauthorizedResolver: () => null,
    resolve: (query, _root, _args, ctx) =>
      ctx.viewer ? ctx.prisma.account.findUnique({ ...query, where: { id: ctx.viewer.accountId } }) : null,
  }),
  accounts: t.prismaConnection({
    type: 'Account',
    cursor: 'id',
    description: 'Sign-in accounts. Secretariat only.',
    authScopes: adminOnly,
    args: {
      filter: t.arg({ type: AccountFilter }),
      orderBy: t.arg({ type: [AccountOrder.ref] }),
      offset: t.arg.int(offsetArgOptions),
    },
    totalCount: accountsCount.totalCount,
    resolve: (query, _parent, args, ctx, info) => {
      accountsCount.start(args, ctx, info);
      return ctx.prisma.account.findMany({
        ...withOffset(query, args),
        where: accountWhere(args.filter),
        orderBy: AccountOrder.toOrderBy(args.orderBy ?? [{ field: 'USERNAME' }]),
      });
    },
  }),
}));

const SignInResult = builder.objectRef<{ token: string; expiresAt: Date }>('SignInResult').implement({
  description: 'A new session: send the token as "Authorization: Bearer <token>".',
  fields: (t) => ({
    token: t.exposeString('token', { description: 'The bearer token; keep it secret.' }),
    expiresAt: t.expose('expiresAt', {
      type: 'DateTime',
      description: 'The session ends then at the latest, or earlier when idle.',
    }),
  }),
});

const usernameInput = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, 'Use at least 3 characters')
  .max(60, 'Use at most 60 characters')
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'Use letters a-z, digits, ".", "_" and "-", starting with a letter or digit');

const passwordRules =
  "12 to 256 characters, not containing the username nor the account's name, not one character repeated, not a commonly used password (nor one with digits or symbols added), and in production not a password printed in the project's documentation, demo data or tests. A refusal is BAD_USER_INPUT whose extensions.fields entry names the rule broken (TOO_SHORT, TOO_LONG, CONTAINS_USERNAME, CONTAINS_NAME, REPEATED, PUBLISHED, COMMON).";

/** Long enough for any password the policy accepts; the policy itself is checked with the username. */
const passwordInput = z.string().max(maxPasswordLength, `Use at most ${maxPasswordLength} characters`);

export const CreateAccountInput = builder.inputType('CreateAccountInput', {
  description: 'A new sign-in account.',
  fields: (t) => ({
    username: t.string({
      required: true,
      description: 'Sign-in name: 3 to 60 of a-z, 0-9, ".", "_", "-"; stored in lower case.',
      validate: usernameInput,
    }),
    displayName: t.string({ required: true, validate: requiredText(200) }),
    role: t.field({ type: RoleEnum, required: true }),
    unitId: t.id({ description: 'Global id of the unit a unit head answers for; required exactly for UNIT_HEAD.' }),
    personId: t.id(),
    password: t.string({
      required: true,
      description: `The first password: ${passwordRules}`,
      validate: passwordInput,
    }),
  }),
});

export const UpdateAccountInput = builder.inputType('UpdateAccountInput', {
  validate: notNull('displayName', 'role', 'disabled'),
  description: 'Changes to an account; omitted fields stay, null clears the unit or the person.',
  fields: (t) => ({
    displayName: t.string({ validate: requiredText(200) }),
    role: t.field({ type: RoleEnum }),
    unitId: t.id({ description: 'Global id of the unit a unit head answers for; a unit head must keep one.' }),
    personId: t.id(),
    disabled: t.boolean({ description: 'True disables the account and ends its sessions at once.' }),
  }),
});

builder.mutationFields((t) => ({
  login: t.field({
    type: SignInResult,
    skipTypeScopes: true,
    description:
      "Signs in with a username and password. The error never says whether the account exists. After 3 failures in a row for a name from one address, or for an address, each attempt must wait longer (1 s, 2 s, 4 s ... 1 min) and fails with TOO_MANY_ATTEMPTS (extensions.retryAfterSeconds) without checking the password. 10 failures lock the name from that address, 30 the address, 100 the name from anywhere: for LOGIN_LOCK_MINUTES, doubled with each further failure up to a day; failures are forgotten after a quiet day (an hour for an address) or a success. The secretariat lifts a name's locks with unlockSignIn.",
    args: {
      username: t.arg.string({
        required: true,
        description: 'Sign-in name.',
        validate: plainText(z.string().min(1).max(60)),
      }),
      password: t.arg.string({ required: true, description: 'The password.', validate: z.string().min(1).max(256) }),
    },
    resolve: async (_root, args, ctx, info) => {
      const attempt = await checkSignIn(ctx, args.username, args.password);
      const session = await runMutation(ctx, info, (w) => signIn(w, attempt, ctx.sessionPolicy));
      return { token: session.token, expiresAt: session.expiresAt };
    },
  }),
  logout: t.boolean({
    description: 'Ends the current session.',
    resolve: (_root, _args, ctx, info) =>
      runMutation(ctx, info, async (w) => {
        await signOut(w);
        return true;
      }),
  }),
  createAccount: t.prismaField({
    type: 'Account',
    description: 'Creates a sign-in account with its first password. Secretariat only.',
    authScopes: rolesFor(accountRules, 'CREATE'),
    args: { input: t.arg({ type: CreateAccountInput, required: true }) },
    resolve: async (query, _root, { input }, ctx, info) => {
      const account = await checkNewAccount(ctx, {
        username: input.username,
        displayName: input.displayName,
        role: input.role,
        unitId: decodeOptionalId(input.unitId, 'Unit', 'input.unitId') ?? null,
        personId: decodeOptionalId(input.personId, 'Person', 'input.personId') ?? null,
        password: input.password,
      });
      return runMutation(ctx, info, (w) => createAccount(w, account, query));
    },
  }),
  updateAccount: t.prismaField({
    type: 'Account',
    description:
      'Changes an account; disabling it ends its sessions at once. The secretariat cannot disable its own account or give up its own ADMIN role. Secretariat only.',
    authScopes: rolesFor(accountRules, 'UPDATE'),
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateAccountInput, required: true }) },
    resolve: (query, _root, { id, input }, ctx, info) =>
      runMutation(ctx, info, (w) =>
        updateAccount(
          w,
          decodeId(id, 'Account'),
          {
            displayName: input.displayName ?? undefined,
            role: input.role ?? undefined,
            unitId: decodeOptionalId(input.unitId, 'Unit', 'input.unitId'),
            personId: decodeOptionalId(input.personId, 'Person', 'input.personId'),
            disabled: input.disabled ?? undefined,
          },
          query,
        ),
      ),
  }),
  resetPassword: t.prismaField({
    type: 'Account',
    description:
      "Sets a new password for another account, ends that account's sessions and lifts a sign-in lock on its name. Secretariat only; for one's own password, changePassword.",
    authScopes: rolesFor(accountRules, 'RESET_PASSWORD'),
    args: {
      id: t.arg.id({ required: true }),
      newPassword: t.arg.string({
        required: true,
        description: `The new password: ${passwordRules}`,
        validate: passwordInput,
      }),
    },
    resolve: async (query, _root, args, ctx, info) => {
      const reset = await checkPasswordReset(ctx, decodeId(args.id, 'Account'), args.newPassword);
      return runMutation(ctx, info, (w) => resetPassword(w, reset, query));
    },
  }),
  unlockSignIn: t.boolean({
    description:
      "Lifts the sign-in locks and waits on an account's name, from every address (the addresses' own counters stay): for an owner locked out by someone failing on purpose. True when there was something to lift. Audited. Secretariat only.",
    authScopes: rolesFor(accountRules, 'UNLOCK_SIGN_IN'),
    args: {
      username: t.arg.string({
        required: true,
        description: 'The sign-in name of the account.',
        validate: plainText(z.string().min(1).max(60)),
      }),
    },
    resolve: (_root, args, ctx, info) => runMutation(ctx, info, (w) => unlockSignIn(w, args.username)),
  }),
  changePassword: t.boolean({
    description:
      "Changes the signed-in account's own password; its other sessions end, this one goes on. Wrong current passwords count like failed sign-ins. Any signed-in account.",
    args: {
      currentPassword: t.arg.string({
        required: true,
        description: 'The password now in use.',
        validate: passwordInput,
      }),
      newPassword: t.arg.string({
        required: true,
        description: `The new password: ${passwordRules}`,
        validate: passwordInput,
      }),
    },
    resolve: async (_root, args, ctx, info) => {
      const change = await checkPasswordChange(ctx, args.currentPassword, args.newPassword);
      return runMutation(ctx, info, (w) => changePassword(w, change));
    },
  }),
}));
