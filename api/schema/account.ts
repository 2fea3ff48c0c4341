import { z } from 'zod';
import { Role, type Prisma } from '../../generated/prisma/client.ts';
import { builder } from '../builder.ts';
import { viewerOf, type Context } from '../context.ts';
import { signIn, signOut } from '../services/sessions.ts';
import { adminOnly } from './access.ts';
import {
  IDFilter,
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
import { offsetArgOptions, orderInput, withOffset } from './lists.ts';

export const RoleEnum = builder.enumType(Role, {
  name: 'Role',
  description: 'What an account may do.',
});

/** The secretariat, or the account itself: for sign-in details of an account. */
const selfOrAdmin = (account: { id: number }, _args: object, ctx: Context) =>
  ctx.viewer !== null && (ctx.viewer.role === 'ADMIN' || ctx.viewer.accountId === account.id);

export const AccountRef = builder.prismaNode('Account', {
  id: { field: 'id' },
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
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
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

builder.queryFields((t) => ({
  me: t.prismaField({
    type: 'Account',
    nullable: true,
    skipTypeScopes: true,
    description: 'The signed-in account, or null when signed out.',
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
    totalCount: (_parent, args, ctx) => ctx.prisma.account.count({ where: accountWhere(args.filter) }),
    resolve: (query, _parent, args, ctx) =>
      ctx.prisma.account.findMany({
        ...withOffset(query, args),
        where: accountWhere(args.filter),
        orderBy: AccountOrder.toOrderBy(args.orderBy ?? [{ field: 'USERNAME' }]),
      }),
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

builder.mutationFields((t) => ({
  login: t.field({
    type: SignInResult,
    skipTypeScopes: true,
    description: 'Signs in with a username and password. The error never says whether the account exists.',
    args: {
      username: t.arg.string({ required: true, description: 'Sign-in name.', validate: z.string().min(1).max(60) }),
      password: t.arg.string({ required: true, description: 'The password.', validate: z.string().min(1).max(256) }),
    },
    resolve: async (_root, args, ctx) => {
      const session = await signIn(ctx.prisma, args.username, args.password, ctx.now, ctx.sessionPolicy);
      return { token: session.token, expiresAt: session.expiresAt };
    },
  }),
  logout: t.boolean({
    description: 'Ends the current session.',
    resolve: async (_root, _args, ctx) => {
      await signOut(ctx.prisma, viewerOf(ctx).sessionId, ctx.now);
      return true;
    },
  }),
}));
