import type { Prisma } from '../../generated/prisma/client.ts';
import { builder } from '../builder.ts';
import { createHeadship, updateHeadship } from '../services/headship.ts';
import { runMutation } from '../services/mutation.ts';
import { adminOnly } from './access.ts';
import {
  DateFilter,
  IDFilter,
  decodeId,
  idWhere,
  logicalFields,
  logicalWhere,
  rangeWhere,
  type IdFilterValue,
  type Logical,
  type RangeFilterValue,
} from './filters.ts';
import { countBesidePage, offsetArgOptions, orderInput, withOffset } from './lists.ts';
import { dateInput, notNull, requiredText } from './validation.ts';

export const HeadshipRef = builder.prismaNode('Headship', {
  id: { field: 'id' },
  description: "A person's term as head of a unit. The head on a given day answers for the unit's tasks on that day.",
  fields: (t) => ({
    unit: t.relation('unit'),
    person: t.relation('person'),
    title: t.exposeString('title', { description: 'Post title, e.g. "Trưởng phòng" or "Chủ tịch UBND xã".' }),
    startDate: t.expose('startDate', { type: 'Date' }),
    endDate: t.expose('endDate', {
      type: 'Date',
      nullable: true,
      description: 'Last day in post; null while in post.',
    }),
    acting: t.exposeBoolean('acting', { description: 'True for an acting head.' }),
    current: t.boolean({
      description: 'True when the term includes today.',
      select: { startDate: true, endDate: true },
      resolve: (h, _args, ctx) => h.startDate <= ctx.today && (h.endDate === null || h.endDate >= ctx.today),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

interface HeadshipFilterValue extends Logical<HeadshipFilterValue> {
  unit?: IdFilterValue | null;
  person?: IdFilterValue | null;
  startDate?: RangeFilterValue<Date> | null;
  endDate?: RangeFilterValue<Date> | null;
  on?: Date | null;
  acting?: boolean | null;
}

export const HeadshipFilter = builder.inputRef<HeadshipFilterValue>('HeadshipFilter').implement({
  description: 'Selects terms of heads.',
  fields: (t) => ({
    unit: t.field({ type: IDFilter }),
    person: t.field({ type: IDFilter }),
    startDate: t.field({ type: DateFilter }),
    endDate: t.field({ type: DateFilter }),
    on: t.field({ type: 'Date', description: 'Terms in force on this day.' }),
    acting: t.boolean(),
    ...logicalFields(t, HeadshipFilter),
  }),
});

function headshipWhere(filter: HeadshipFilterValue | null | undefined): Prisma.HeadshipWhereInput | undefined {
  return logicalWhere(filter, (f): Prisma.HeadshipWhereInput => ({
    ...(f.unit && { unitId: idWhere(f.unit, 'Unit', 'filter.unit') }),
    ...(f.person && { personId: idWhere(f.person, 'Person', 'filter.person') }),
    ...(f.startDate && { startDate: rangeWhere(f.startDate) }),
    ...(f.endDate && { endDate: rangeWhere(f.endDate) }),
    ...(f.acting != null && { acting: f.acting }),
    ...(f.on && {
      AND: [{ startDate: { lte: f.on } }, { OR: [{ endDate: null }, { endDate: { gte: f.on } }] }],
    }),
  }));
}

const HeadshipOrder = orderInput<Prisma.HeadshipOrderByWithRelationInput>()('Headship', {
  START_DATE: { description: 'Start of the term.', orderBy: (d) => ({ startDate: d }) },
  END_DATE: { description: 'End of the term.', orderBy: (d) => ({ endDate: { sort: d, nulls: 'last' } }) },
  UNIT: { description: 'Name of the unit.', orderBy: (d) => ({ unit: { name: d } }) },
  PERSON: { description: 'Name of the person.', orderBy: (d) => ({ person: { fullName: d } }) },
});

const headshipsCount = countBesidePage((args: { filter?: Parameters<typeof headshipWhere>[0] }, ctx) =>
  ctx.prisma.headship.count({ where: headshipWhere(args.filter) }),
);

builder.queryField('headships', (t) =>
  t.prismaConnection({
    type: 'Headship',
    cursor: 'id',
    description: 'Terms of unit heads, past and present.',
    args: {
      filter: t.arg({ type: HeadshipFilter }),
      orderBy: t.arg({ type: [HeadshipOrder.ref] }),
      offset: t.arg.int(offsetArgOptions),
    },
    totalCount: headshipsCount.totalCount,
    resolve: (query, _parent, args, ctx, info) => {
      headshipsCount.start(args, ctx, info);
      return ctx.prisma.headship.findMany({
        ...withOffset(query, args),
        where: headshipWhere(args.filter),
        orderBy: HeadshipOrder.toOrderBy(args.orderBy ?? [{ field: 'START_DATE', direction: 'desc' }]),
      });
    },
  }),
);

const headshipFields = { title: requiredText(200) };

export const CreateHeadshipInput = builder.inputType('CreateHeadshipInput', {
  description: 'A new term as head. Terms of one unit may not overlap: end the previous one first.',
  fields: (t) => ({
    unitId: t.id({ required: true }),
    personId: t.id({ required: true }),
    title: t.string({ required: true, validate: headshipFields.title }),
    startDate: t.field({ type: 'Date', required: true, validate: dateInput }),
    endDate: t.field({ type: 'Date', validate: dateInput }),
    acting: t.boolean(),
  }),
});

export const UpdateHeadshipInput = builder.inputType('UpdateHeadshipInput', {
  validate: notNull('title', 'startDate', 'acting'),
  description: 'Changes to a term, typically its end date.',
  fields: (t) => ({
    title: t.string({ validate: headshipFields.title }),
    startDate: t.field({ type: 'Date', validate: dateInput }),
    endDate: t.field({ type: 'Date', validate: dateInput }),
    acting: t.boolean(),
  }),
});

builder.mutationFields((t) => ({
  createHeadship: t.prismaField({
    type: 'Headship',
    description: "Records a person's term as head of a unit. Secretariat only.",
    authScopes: adminOnly,
    args: { input: t.arg({ type: CreateHeadshipInput, required: true }) },
    resolve: (query, _root, { input }, ctx, info) =>
      runMutation(ctx, info, async (w) => {
        const row = await createHeadship(w, {
          ...input,
          unitId: decodeId(input.unitId, 'Unit', 'input.unitId'),
          personId: decodeId(input.personId, 'Person', 'input.personId'),
        });
        return w.tx.headship.findUniqueOrThrow({ ...query, where: { id: row.id } });
      }),
  }),
  updateHeadship: t.prismaField({
    type: 'Headship',
    description: 'Changes a term, e.g. ends it. Secretariat only.',
    authScopes: adminOnly,
    args: {
      id: t.arg.id({ required: true }),
      input: t.arg({ type: UpdateHeadshipInput, required: true }),
    },
    resolve: (query, _root, { id, input }, ctx, info) =>
      runMutation(ctx, info, async (w) => {
        const row = await updateHeadship(w, decodeId(id, 'Headship'), input);
        return w.tx.headship.findUniqueOrThrow({ ...query, where: { id: row.id } });
      }),
  }),
}));
