import { AuditAction, type Prisma } from '../../generated/prisma/client.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import {
  DateTimeFilter,
  IDFilter,
  IntFilter,
  StringFilter,
  enumFilter,
  enumWhere,
  idWhere,
  logicalFields,
  logicalWhere,
  rangeWhere,
  stringWhere,
  type EnumFilterValue,
  type IdFilterValue,
  type Logical,
  type RangeFilterValue,
  type StringFilterValue,
} from './filters.ts';
import { adminOnly, auditReaders } from './access.ts';
import { countBesidePage, offsetArgOptions, orderInput, withOffset } from './lists.ts';

export const AuditActionEnum = builder.enumType(AuditAction, {
  name: 'AuditAction',
  description: 'What kind of change an audit entry records.',
});

/**
 * Entries about accounts (sign-ins, sign-outs, account changes) carry what the Account type shows only
 * to the secretariat, so only the secretariat sees them.
 */
const accountEntity = 'Account';

function visibleTo(ctx: Context): Prisma.AuditEntryWhereInput {
  return ctx.viewer?.role === 'ADMIN' ? {} : { entity: { not: accountEntity } };
}

export const AuditEntryRef = builder.prismaNode('AuditEntry', {
  id: { field: 'id' },
  description:
    'One record changed by a successful mutation: who, when, what, from what to what. Append-only: no API edits or deletes it, and the database refuses UPDATE and DELETE.',
  // Checked per entry, so that node(id:) hides account entries like the list does.
  authScopes: (entry, ctx) =>
    ctx.viewer !== null &&
    auditReaders.roles.some((role) => role === ctx.viewer?.role) &&
    (ctx.viewer.role === 'ADMIN' || entry.entity !== accountEntity),
  fields: (t) => ({
    at: t.expose('at', { type: 'DateTime' }),
    actor: t.relation('actor', { nullable: true }),
    operation: t.exposeString('operation'),
    action: t.expose('action', { type: AuditActionEnum }),
    entity: t.exposeString('entity'),
    entityId: t.exposeInt('entityId'),
    record: t.id({
      description: 'Global id of the record changed, for `node(id:)`.',
      resolve: (entry) => `${entry.entity}:${entry.entityId}`,
    }),
    changes: t.expose('changes', { type: 'JSON', nullable: true }),
    note: t.exposeString('note', { nullable: true }),
    requestId: t.exposeString('requestId'),
    clientAddress: t.exposeString('clientAddress', {
      nullable: true,
      description: "The client's network address; the secretariat only.",
      authScopes: adminOnly,
      unauthorizedResolver: () => null,
    }),
  }),
});

interface AuditEntryFilterValue extends Logical<AuditEntryFilterValue> {
  actor?: IdFilterValue | null;
  operation?: StringFilterValue | null;
  action?: EnumFilterValue<AuditAction> | null;
  entity?: StringFilterValue | null;
  entityId?: RangeFilterValue<number> | null;
  at?: RangeFilterValue<Date> | null;
}

const AuditActionFilter = enumFilter<AuditAction>('AuditActionFilter', AuditActionEnum, 'Matches audit actions.');

export const AuditEntryFilter = builder.inputRef<AuditEntryFilterValue>('AuditEntryFilter').implement({
  description: 'Selects audit entries.',
  fields: (t) => ({
    actor: t.field({ type: IDFilter, description: 'The account that made the change.' }),
    operation: t.field({ type: StringFilter, description: 'The mutation, e.g. "approveTask".' }),
    action: t.field({ type: AuditActionFilter }),
    entity: t.field({ type: StringFilter, description: 'The type of record, e.g. "Task".' }),
    entityId: t.field({ type: IntFilter, description: 'The id of the record within its type.' }),
    at: t.field({ type: DateTimeFilter }),
    ...logicalFields(t, AuditEntryFilter),
  }),
});

function auditWhere(filter: AuditEntryFilterValue | null | undefined, ctx: Context): Prisma.AuditEntryWhereInput {
  const where = logicalWhere(filter, (f): Prisma.AuditEntryWhereInput => ({
    ...(f.actor && { actorId: idWhere(f.actor, 'Account', 'filter.actor') }),
    ...(f.operation && { operation: stringWhere(f.operation) }),
    ...(f.action && { action: enumWhere(f.action) }),
    ...(f.entity && { entity: stringWhere(f.entity) }),
    ...(f.entityId && { entityId: rangeWhere(f.entityId) }),
    ...(f.at && { at: rangeWhere(f.at) }),
  }));
  return { AND: [visibleTo(ctx), ...(where ? [where] : [])] };
}

const AuditEntryOrder = orderInput<Prisma.AuditEntryOrderByWithRelationInput>()('AuditEntry', {
  AT: { description: 'Time of the change.', orderBy: (d) => ({ at: d }) },
  OPERATION: { description: 'Mutation name.', orderBy: (d) => ({ operation: d }) },
  ENTITY: { description: 'Type of record.', orderBy: (d) => ({ entity: d }) },
});

const auditEntriesCount = countBesidePage((args: { filter?: Parameters<typeof auditWhere>[0] }, ctx) =>
  ctx.prisma.auditEntry.count({ where: auditWhere(args.filter, ctx) }),
);

builder.queryField('auditEntries', (t) =>
  t.prismaConnection({
    type: 'AuditEntry',
    cursor: 'id',
    description:
      'The audit log, latest first unless told otherwise. The secretariat sees everything; the committee and analysts everything but entries about accounts (sign-ins, sign-outs, account changes).',
    authScopes: auditReaders,
    args: {
      filter: t.arg({ type: AuditEntryFilter }),
      orderBy: t.arg({ type: [AuditEntryOrder.ref] }),
      offset: t.arg.int(offsetArgOptions),
    },
    totalCount: auditEntriesCount.totalCount,
    resolve: (query, _parent, args, ctx, info) => {
      auditEntriesCount.start(args, ctx, info);
      return ctx.prisma.auditEntry.findMany({
        ...withOffset(query, args),
        where: auditWhere(args.filter, ctx),
        orderBy: [...AuditEntryOrder.toOrderBy(args.orderBy ?? [{ field: 'AT', direction: 'desc' }]), { id: 'desc' }],
      });
    },
  }),
);
