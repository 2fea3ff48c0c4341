import { queryFromInfo } from '@pothos/plugin-prisma';
import type { GraphQLResolveInfo } from 'graphql';
import { z } from 'zod';
import { Prisma, UnitKind } from '../../generated/prisma/client.ts';
import { builder } from '../builder.ts';
import { listSize } from '../cost.ts';
import * as sizes from '../list-sizes.ts';
import type { Context } from '../context.ts';
import { headshipOn } from '../services/headship.ts';
import {
  DateFilter,
  IDFilter,
  StringFilter,
  containing,
  decodeId,
  decodeOptionalId,
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
import { countBesidePage, offsetArgOptions, orderInput, withOffset } from './lists.ts';
import { TaskFilter, TaskOrder, taskWhere } from './task.ts';
import { runMutation } from '../services/mutation.ts';
import { createUnit, updateUnit } from '../services/unit.ts';
import { dateInput, notNull, optionalText, requiredText } from './validation.ts';
import { adminOnly } from './access.ts';
import { PersonRef } from './person.ts';

export const UnitKindEnum = builder.enumType(UnitKind, {
  name: 'UnitKind',
  description: 'What kind of body a unit is; it decides which peers it is ranked with.',
});

export const UnitRef = builder.prismaNode('Unit', {
  id: { field: 'id' },
  // Only the columns a request asks for are read: most ask a unit's name only, of thousands of units.
  select: { id: true },
  description:
    'An agency, commune, township or committee. Units are never deleted: a merged or renamed unit points to its successor and keeps its history.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Short stable code, e.g. "PNV".' }),
    name: t.exposeString('name'),
    kind: t.expose('kind', { type: UnitKindEnum }),
    parent: t.relation('parent', { nullable: true, description: 'The unit this one belongs to.' }),
    children: t.relation('children', {
      description: 'Units that belong to this one.',
      extensions: listSize(sizes.subunits),
      query: { orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }] },
    }),
    successor: t.relation('successor', {
      nullable: true,
      description: 'The unit that took over when this one was merged or renamed.',
    }),
    predecessors: t.relation('predecessors', {
      description: 'Units merged into or renamed as this one.',
      extensions: listSize(sizes.predecessors),
    }),
    establishedOn: t.expose('establishedOn', { type: 'Date', nullable: true }),
    dissolvedOn: t.expose('dissolvedOn', {
      type: 'Date',
      nullable: true,
      description: 'Day the unit ceased to exist under this name.',
    }),
    active: t.boolean({
      description: 'True unless the unit has been dissolved, merged or renamed as of today.',
      select: { dissolvedOn: true },
      resolve: (unit, _args, ctx) => unit.dissolvedOn === null || unit.dissolvedOn > ctx.today,
    }),
    address: t.exposeString('address', { nullable: true }),
    phone: t.exposeString('phone', { nullable: true }),
    email: t.exposeString('email', { nullable: true }),
    sortOrder: t.exposeInt('sortOrder'),
    headships: t.relation('headships', {
      description: "Terms of the unit's heads, latest first.",
      extensions: listSize(sizes.headships),
      query: { orderBy: { startDate: 'desc' } },
    }),
    currentHead: t.field({
      type: PersonRef,
      nullable: true,
      description: 'The person heading the unit today.',
      select: (_args, _ctx, nestedSelection) => ({
        headships: { select: { startDate: true, endDate: true, person: nestedSelection(true) } },
      }),
      resolve: (unit, _args, ctx) => headshipOn(unit.headships, ctx.today)?.person ?? null,
    }),
    ledTasks: t.relatedConnection('ledTasks', {
      cursor: 'id',
      totalCount: true,
      description: 'Tasks this unit leads.',
      args: { filter: t.arg({ type: TaskFilter }), orderBy: t.arg({ type: [TaskOrder.ref] }) },
      query: (args, ctx) => ({
        where: taskWhere(args.filter, ctx),
        orderBy: TaskOrder.toOrderBy(args.orderBy),
      }),
    }),
    supportedTasks: t.relatedConnection('supportedTasks', {
      cursor: 'id',
      totalCount: true,
      description: 'Tasks this unit supports.',
      args: { filter: t.arg({ type: TaskFilter }), orderBy: t.arg({ type: [TaskOrder.ref] }) },
      query: (args, ctx) => ({
        where: taskWhere(args.filter, ctx),
        orderBy: TaskOrder.toOrderBy(args.orderBy),
      }),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

/**
 * Reads the units of rows that a resolver loads itself (league tables, trends) with the columns the
 * request selects below `path`, as Pothos reads them (a unit read otherwise would be read again), and
 * the name, which those tables sort by.
 */
export function unitQuery(ctx: Context, info: GraphQLResolveInfo, path: string[]) {
  const query = queryFromInfo({ context: ctx, info, path, typeName: 'Unit' }) as { select?: Prisma.UnitSelect };
  return { select: { ...query.select, id: true, name: true } } satisfies Prisma.UnitDefaultArgs;
}

interface UnitFilterValue extends Logical<UnitFilterValue> {
  id?: IdFilterValue | null;
  code?: StringFilterValue | null;
  name?: StringFilterValue | null;
  kind?: EnumFilterValue<UnitKind> | null;
  parent?: IdFilterValue | null;
  active?: boolean | null;
  dissolvedOn?: RangeFilterValue<Date> | null;
  q?: string | null;
}

const UnitKindFilter = enumFilter<UnitKind>('UnitKindFilter', UnitKindEnum, 'Matches unit kinds.');

export const UnitFilter = builder.inputRef<UnitFilterValue>('UnitFilter').implement({
  description: 'Selects units; fields combine with AND.',
  fields: (t) => ({
    id: t.field({ type: IDFilter, description: 'The units themselves.' }),
    code: t.field({ type: StringFilter }),
    name: t.field({ type: StringFilter }),
    kind: t.field({ type: UnitKindFilter }),
    parent: t.field({ type: IDFilter, description: 'The parent unit.' }),
    active: t.boolean({ description: 'Only units that exist today (true) or only former ones (false).' }),
    dissolvedOn: t.field({ type: DateFilter }),
    q: t.string({ description: 'Words anywhere in the code or name.' }),
    ...logicalFields(t, UnitFilter),
  }),
});

export function unitWhere(
  filter: UnitFilterValue | null | undefined,
  ctx: { today: Date },
): Prisma.UnitWhereInput | undefined {
  return logicalWhere(filter, (f): Prisma.UnitWhereInput => ({
    ...(f.id && { id: idWhere(f.id, 'Unit', 'filter.id') }),
    ...(f.code && { code: stringWhere(f.code) }),
    ...(f.name && { name: stringWhere(f.name) }),
    ...(f.kind && { kind: enumWhere(f.kind) }),
    ...(f.parent && { parentId: idWhere(f.parent, 'Unit', 'filter.parent') }),
    ...(f.dissolvedOn && { dissolvedOn: rangeWhere(f.dissolvedOn) }),
    ...(f.active != null &&
      (f.active
        ? { OR: [{ dissolvedOn: null }, { dissolvedOn: { gt: ctx.today } }] }
        : { dissolvedOn: { lte: ctx.today } })),
    ...(f.q && {
      AND: [
        {
          OR: [{ code: containing(f.q) }, { name: containing(f.q) }],
        },
      ],
    }),
  }));
}

export const UnitOrder = orderInput<Prisma.UnitOrderByWithRelationInput>()('Unit', {
  NAME: { description: 'Name.', orderBy: (d) => ({ name: d }) },
  CODE: { description: 'Code.', orderBy: (d) => ({ code: d }) },
  KIND: { description: 'Kind.', orderBy: (d) => ({ kind: d }) },
  SORT_ORDER: { description: 'The order set by the secretariat.', orderBy: (d) => ({ sortOrder: d }) },
  CREATED_AT: { description: 'Creation time.', orderBy: (d) => ({ createdAt: d }) },
});

const unitsCount = countBesidePage((args: { filter?: Parameters<typeof unitWhere>[0] }, ctx) =>
  ctx.prisma.unit.count({ where: unitWhere(args.filter, ctx) }),
);

builder.queryField('units', (t) =>
  t.prismaConnection({
    type: 'Unit',
    cursor: 'id',
    description: 'Units: agencies, communes, townships and committees.',
    args: {
      filter: t.arg({ type: UnitFilter }),
      orderBy: t.arg({ type: [UnitOrder.ref] }),
      offset: t.arg.int(offsetArgOptions),
    },
    totalCount: unitsCount.totalCount,
    resolve: (query, _parent, args, ctx, info) => {
      unitsCount.start(args, ctx, info);
      return ctx.prisma.unit.findMany({
        ...withOffset(query, args),
        where: unitWhere(args.filter, ctx),
        orderBy: UnitOrder.toOrderBy(args.orderBy ?? [{ field: 'SORT_ORDER' }, { field: 'NAME' }]),
      });
    },
  }),
);

const unitCode = z
  .string()
  .trim()
  .regex(/^[A-Z0-9][A-Z0-9_-]{0,39}$/, 'Use 1 to 40 capital letters, digits, _ or -');

export const CreateUnitInput = builder.inputType('CreateUnitInput', {
  description: 'A new unit.',
  fields: (t) => ({
    code: t.string({ required: true, validate: unitCode }),
    name: t.string({ required: true, validate: requiredText(200) }),
    kind: t.field({ type: UnitKindEnum, required: true }),
    parentId: t.id({ description: 'Global id of the parent unit.' }),
    establishedOn: t.field({ type: 'Date', validate: dateInput }),
    address: t.string({ validate: optionalText(300) }),
    phone: t.string({ validate: optionalText(40) }),
    email: t.string({ validate: z.email().max(200).nullish() }),
    sortOrder: t.int({ validate: z.number().int().min(0).max(100_000) }),
  }),
});

export const UpdateUnitInput = builder.inputType('UpdateUnitInput', {
  validate: notNull('code', 'name', 'kind', 'sortOrder'),
  description: 'Changes to a unit; omitted fields stay as they are, null clears an optional one.',
  fields: (t) => ({
    code: t.string({ validate: unitCode }),
    name: t.string({ validate: requiredText(200) }),
    kind: t.field({ type: UnitKindEnum }),
    parentId: t.id({ description: 'Global id of the parent unit.' }),
    successorId: t.id({ description: 'Global id of the unit that took over this one (with dissolvedOn).' }),
    establishedOn: t.field({ type: 'Date', validate: dateInput }),
    dissolvedOn: t.field({ type: 'Date', validate: dateInput }),
    address: t.string({ validate: optionalText(300) }),
    phone: t.string({ validate: optionalText(40) }),
    email: t.string({ validate: z.email().max(200).nullish() }),
    sortOrder: t.int({ validate: z.number().int().min(0).max(100_000) }),
  }),
});

builder.mutationFields((t) => ({
  createUnit: t.prismaField({
    type: 'Unit',
    description: 'Adds a unit. Secretariat only.',
    authScopes: adminOnly,
    args: { input: t.arg({ type: CreateUnitInput, required: true }) },
    resolve: (query, _root, { input }, ctx, info) =>
      runMutation(ctx, info, async (w) => {
        const row = await createUnit(w, {
          ...input,
          parentId: decodeOptionalId(input.parentId, 'Unit', 'input.parentId'),
        });
        return w.tx.unit.findUniqueOrThrow({ ...query, where: { id: row.id } });
      }),
  }),
  updateUnit: t.prismaField({
    type: 'Unit',
    description:
      'Changes a unit. To record a merger or renaming, set dissolvedOn and successorId: the unit, its tasks, scores and heads stay. Secretariat only.',
    authScopes: adminOnly,
    args: {
      id: t.arg.id({ required: true }),
      input: t.arg({ type: UpdateUnitInput, required: true }),
    },
    resolve: (query, _root, { id, input }, ctx, info) =>
      runMutation(ctx, info, async (w) => {
        const row = await updateUnit(w, decodeId(id, 'Unit'), {
          ...input,
          parentId: decodeOptionalId(input.parentId, 'Unit', 'input.parentId'),
          successorId: decodeOptionalId(input.successorId, 'Unit', 'input.successorId'),
        });
        return w.tx.unit.findUniqueOrThrow({ ...query, where: { id: row.id } });
      }),
  }),
}));
