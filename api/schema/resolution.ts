import type { Prisma } from '../../generated/prisma/client.ts';
import { builder } from '../builder.ts';
import { listSize } from '../cost.ts';
import * as sizes from '../list-sizes.ts';
import { inputBounds } from '../input-bounds.ts';
import { runMutation } from '../services/mutation.ts';
import { createResolution, updateResolution } from '../services/resolution.ts';
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
import { dateInput, notNull, optionalText, requiredText, yearInput } from './validation.ts';

export const ResolutionRef = builder.prismaNode('Resolution', {
  id: { field: 'id' },
  description: 'A resolution (Nghị quyết) whose implementation the tracker follows, e.g. Resolution 14-NQ/TU.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Official number, e.g. "14-NQ/TU".' }),
    title: t.exposeString('title'),
    issuedBy: t.exposeString('issuedBy'),
    issuedOn: t.expose('issuedOn', { type: 'Date' }),
    horizonYear: t.exposeInt('horizonYear', { description: 'Year by which its targets are due.' }),
    orientationYear: t.exposeInt('orientationYear', { nullable: true, description: 'Year of the longer orientation.' }),
    summary: t.exposeString('summary', { nullable: true }),
    objectives: t.relation('objectives', {
      query: { orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }] },
      extensions: listSize(sizes.objectives),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

interface ResolutionFilterValue extends Logical<ResolutionFilterValue> {
  code?: StringFilterValue | null;
  title?: StringFilterValue | null;
}

export const ResolutionFilter = builder.inputRef<ResolutionFilterValue>('ResolutionFilter').implement({
  description: 'Selects resolutions.',
  fields: (t) => ({
    code: t.field({ type: StringFilter }),
    title: t.field({ type: StringFilter }),
    ...logicalFields(t, ResolutionFilter),
  }),
});

function resolutionWhere(filter: ResolutionFilterValue | null | undefined): Prisma.ResolutionWhereInput | undefined {
  return logicalWhere(filter, (f): Prisma.ResolutionWhereInput => ({
    ...(f.code && { code: stringWhere(f.code) }),
    ...(f.title && { title: stringWhere(f.title) }),
  }));
}

const ResolutionOrder = orderInput<Prisma.ResolutionOrderByWithRelationInput>()('Resolution', {
  ISSUED_ON: { description: 'Date of issue.', orderBy: (d) => ({ issuedOn: d }) },
  CODE: { description: 'Number.', orderBy: (d) => ({ code: d }) },
});

const resolutionsCount = countBesidePage((args: { filter?: Parameters<typeof resolutionWhere>[0] }, ctx) =>
  ctx.prisma.resolution.count({ where: resolutionWhere(args.filter) }),
);

builder.queryField('resolutions', (t) =>
  t.prismaConnection({
    type: 'Resolution',
    cursor: 'id',
    description: 'Resolutions followed by the tracker.',
    args: {
      filter: t.arg({ type: ResolutionFilter }),
      orderBy: t.arg({ type: [ResolutionOrder.ref] }),
      offset: t.arg.int(offsetArgOptions),
    },
    totalCount: resolutionsCount.totalCount,
    resolve: (query, _parent, args, ctx, info) => {
      resolutionsCount.start(args, ctx, info);
      return ctx.prisma.resolution.findMany({
        ...withOffset(query, args),
        where: resolutionWhere(args.filter),
        orderBy: ResolutionOrder.toOrderBy(args.orderBy ?? [{ field: 'ISSUED_ON', direction: 'desc' }]),
      });
    },
  }),
);

const summaryMax = 20_000;
/** Longer than the general bound on text (input-bounds.ts). */
const longText = inputBounds({ maxLength: summaryMax });

const resolutionFields = {
  code: requiredText(60),
  title: requiredText(500),
  issuedBy: requiredText(200),
  summary: optionalText(summaryMax),
};

export const CreateResolutionInput = builder.inputType('CreateResolutionInput', {
  description: 'A new resolution.',
  fields: (t) => ({
    code: t.string({ required: true, validate: resolutionFields.code }),
    title: t.string({ required: true, validate: resolutionFields.title }),
    issuedBy: t.string({ required: true, validate: resolutionFields.issuedBy }),
    issuedOn: t.field({ type: 'Date', required: true, validate: dateInput }),
    horizonYear: t.int({ required: true, validate: yearInput }),
    orientationYear: t.int({ validate: yearInput.nullish() }),
    summary: t.string({ validate: resolutionFields.summary, extensions: longText }),
  }),
});

export const UpdateResolutionInput = builder.inputType('UpdateResolutionInput', {
  validate: notNull('code', 'title', 'issuedBy', 'issuedOn', 'horizonYear'),
  description: 'Changes to a resolution; omitted fields stay, null clears an optional one.',
  fields: (t) => ({
    code: t.string({ validate: resolutionFields.code }),
    title: t.string({ validate: resolutionFields.title }),
    issuedBy: t.string({ validate: resolutionFields.issuedBy }),
    issuedOn: t.field({ type: 'Date', validate: dateInput }),
    horizonYear: t.int({ validate: yearInput }),
    orientationYear: t.int({ validate: yearInput.nullish() }),
    summary: t.string({ validate: resolutionFields.summary, extensions: longText }),
  }),
});

builder.mutationFields((t) => ({
  createResolution: t.prismaField({
    type: 'Resolution',
    description: 'Adds a resolution. Secretariat only.',
    authScopes: adminOnly,
    args: { input: t.arg({ type: CreateResolutionInput, required: true }) },
    resolve: (query, _root, { input }, ctx, info) =>
      runMutation(ctx, info, async (w) => {
        const row = await createResolution(w, input);
        return w.tx.resolution.findUniqueOrThrow({ ...query, where: { id: row.id } });
      }),
  }),
  updateResolution: t.prismaField({
    type: 'Resolution',
    description: 'Changes a resolution. Secretariat only.',
    authScopes: adminOnly,
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateResolutionInput, required: true }) },
    resolve: (query, _root, { id, input }, ctx, info) =>
      runMutation(ctx, info, async (w) => {
        const row = await updateResolution(w, decodeId(id, 'Resolution'), input);
        return w.tx.resolution.findUniqueOrThrow({ ...query, where: { id: row.id } });
      }),
  }),
}));
