import { z } from 'zod';
import type { Prisma } from '../../generated/prisma/client.ts';
import { builder } from '../builder.ts';
import { listSize } from '../cost.ts';
import * as sizes from '../list-sizes.ts';
import { runMutation } from '../services/mutation.ts';
import { createReformArea, updateReformArea } from '../services/reform-area.ts';
import { adminOnly } from './access.ts';
import {
  StringFilter,
  decodeId,
  logicalFields,
  logicalWhere,
  stringWhere,
  type Logical,
  type StringFilterValue,
} from './filters.ts';
import { countBesidePage, offsetArgOptions, orderInput, withOffset } from './lists.ts';
import { notNull, requiredText } from './validation.ts';

export const ReformAreaRef = builder.prismaNode('ReformArea', {
  id: { field: 'id' },
  description:
    'A reform content area: institutions, administrative procedures, apparatus, civil service, public finance, digital government, and the direction and impact of PAR.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Stable code, e.g. "ADMIN_PROCEDURES".' }),
    name: t.exposeString('name', { description: 'Vietnamese name.' }),
    nameEn: t.exposeString('nameEn', { description: 'English name.' }),
    sortOrder: t.exposeInt('sortOrder'),
    objectives: t.relation('objectives', {
      query: { orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }] },
      extensions: listSize(sizes.objectives),
    }),
  }),
});

interface ReformAreaFilterValue extends Logical<ReformAreaFilterValue> {
  code?: StringFilterValue | null;
  name?: StringFilterValue | null;
}

export const ReformAreaFilter = builder.inputRef<ReformAreaFilterValue>('ReformAreaFilter').implement({
  description: 'Selects reform areas.',
  fields: (t) => ({
    code: t.field({ type: StringFilter }),
    name: t.field({ type: StringFilter, description: 'Vietnamese or English name.' }),
    ...logicalFields(t, ReformAreaFilter),
  }),
});

function reformAreaWhere(filter: ReformAreaFilterValue | null | undefined): Prisma.ReformAreaWhereInput | undefined {
  return logicalWhere(filter, (f): Prisma.ReformAreaWhereInput => ({
    ...(f.code && { code: stringWhere(f.code) }),
    ...(f.name && { OR: [{ name: stringWhere(f.name) }, { nameEn: stringWhere(f.name) }] }),
  }));
}

const ReformAreaOrder = orderInput<Prisma.ReformAreaOrderByWithRelationInput>()('ReformArea', {
  SORT_ORDER: { description: 'The order set by the secretariat.', orderBy: (d) => ({ sortOrder: d }) },
  NAME: { description: 'Vietnamese name.', orderBy: (d) => ({ name: d }) },
  CODE: { description: 'Code.', orderBy: (d) => ({ code: d }) },
});

const reformAreasCount = countBesidePage((args: { filter?: Parameters<typeof reformAreaWhere>[0] }, ctx) =>
  ctx.prisma.reformArea.count({ where: reformAreaWhere(args.filter) }),
);

builder.queryField('reformAreas', (t) =>
  t.prismaConnection({
    type: 'ReformArea',
    cursor: 'id',
    description: 'Reform areas.',
    args: {
      filter: t.arg({ type: ReformAreaFilter }),
      orderBy: t.arg({ type: [ReformAreaOrder.ref] }),
      offset: t.arg.int(offsetArgOptions),
    },
    totalCount: reformAreasCount.totalCount,
    resolve: (query, _parent, args, ctx, info) => {
      reformAreasCount.start(args, ctx, info);
      return ctx.prisma.reformArea.findMany({
        ...withOffset(query, args),
        where: reformAreaWhere(args.filter),
        orderBy: ReformAreaOrder.toOrderBy(args.orderBy ?? [{ field: 'SORT_ORDER' }]),
      });
    },
  }),
);

const reformAreaCode = z
  .string()
  .trim()
  .regex(/^[A-Z][A-Z0-9_]{0,39}$/, 'Use capital letters, digits and _, starting with a letter');

export const CreateReformAreaInput = builder.inputType('CreateReformAreaInput', {
  description: 'A new reform area.',
  fields: (t) => ({
    code: t.string({ required: true, validate: reformAreaCode }),
    name: t.string({ required: true, validate: requiredText(200) }),
    nameEn: t.string({ required: true, validate: requiredText(200) }),
    sortOrder: t.int({ validate: z.number().int().min(0).max(100_000) }),
  }),
});

export const UpdateReformAreaInput = builder.inputType('UpdateReformAreaInput', {
  validate: notNull('code', 'name', 'nameEn', 'sortOrder'),
  description: 'Changes to a reform area; omitted fields stay.',
  fields: (t) => ({
    code: t.string({ validate: reformAreaCode }),
    name: t.string({ validate: requiredText(200) }),
    nameEn: t.string({ validate: requiredText(200) }),
    sortOrder: t.int({ validate: z.number().int().min(0).max(100_000) }),
  }),
});

builder.mutationFields((t) => ({
  createReformArea: t.prismaField({
    type: 'ReformArea',
    description: 'Adds a reform area. Secretariat only.',
    authScopes: adminOnly,
    args: { input: t.arg({ type: CreateReformAreaInput, required: true }) },
    resolve: (query, _root, { input }, ctx, info) =>
      runMutation(ctx, info, async (w) => {
        const row = await createReformArea(w, input);
        return w.tx.reformArea.findUniqueOrThrow({ ...query, where: { id: row.id } });
      }),
  }),
  updateReformArea: t.prismaField({
    type: 'ReformArea',
    description: 'Changes a reform area. Secretariat only.',
    authScopes: adminOnly,
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateReformAreaInput, required: true }) },
    resolve: (query, _root, { id, input }, ctx, info) =>
      runMutation(ctx, info, async (w) => {
        const row = await updateReformArea(w, decodeId(id, 'ReformArea'), input);
        return w.tx.reformArea.findUniqueOrThrow({ ...query, where: { id: row.id } });
      }),
  }),
}));
