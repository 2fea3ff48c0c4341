import { z } from 'zod';
import type { Prisma } from '../../generated/prisma/client.ts';
import { builder } from '../builder.ts';
import { listSize } from '../cost.ts';
import * as sizes from '../list-sizes.ts';
import { runMutation } from '../services/mutation.ts';
import { createPerson, updatePerson } from '../services/person.ts';
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
import { notNull, optionalText, requiredText } from './validation.ts';

export const PersonRef = builder.prismaNode('Person', {
  id: { field: 'id' },
  // Only the columns a request asks for are read (a task list names a head per row).
  select: { id: true },
  description: 'A person who heads or has headed a unit.',
  fields: (t) => ({
    fullName: t.exposeString('fullName'),
    email: t.exposeString('email', { nullable: true }),
    phone: t.exposeString('phone', { nullable: true }),
    illustrative: t.exposeBoolean('illustrative', {
      description: 'True when the person is invented for the demo data.',
    }),
    headships: t.relation('headships', {
      description: "The person's terms as head, latest first.",
      extensions: listSize(sizes.headships),
      query: { orderBy: [{ startDate: 'desc' }, { id: 'desc' }] },
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

interface PersonFilterValue extends Logical<PersonFilterValue> {
  fullName?: StringFilterValue | null;
  email?: StringFilterValue | null;
  heads?: boolean | null;
  illustrative?: boolean | null;
}

export const PersonFilter = builder.inputRef<PersonFilterValue>('PersonFilter').implement({
  description: 'Selects people.',
  fields: (t) => ({
    fullName: t.field({ type: StringFilter }),
    email: t.field({ type: StringFilter }),
    heads: t.boolean({ description: 'People who have headed a unit (true) or never have (false).' }),
    illustrative: t.boolean(),
    ...logicalFields(t, PersonFilter),
  }),
});

function personWhere(filter: PersonFilterValue | null | undefined): Prisma.PersonWhereInput | undefined {
  return logicalWhere(filter, (f): Prisma.PersonWhereInput => ({
    ...(f.fullName && { fullName: stringWhere(f.fullName) }),
    ...(f.email && { email: stringWhere(f.email) }),
    ...(f.heads != null && { headships: f.heads ? { some: {} } : { none: {} } }),
    ...(f.illustrative != null && { illustrative: f.illustrative }),
  }));
}

const PersonOrder = orderInput<Prisma.PersonOrderByWithRelationInput>()('Person', {
  FULL_NAME: { description: 'Full name.', orderBy: (d) => ({ fullName: d }) },
  CREATED_AT: { description: 'Creation time.', orderBy: (d) => ({ createdAt: d }) },
});

const peopleCount = countBesidePage((args: { filter?: Parameters<typeof personWhere>[0] }, ctx) =>
  ctx.prisma.person.count({ where: personWhere(args.filter) }),
);

builder.queryField('people', (t) =>
  t.prismaConnection({
    type: 'Person',
    cursor: 'id',
    description: 'People who head or have headed units.',
    args: {
      filter: t.arg({ type: PersonFilter }),
      orderBy: t.arg({ type: [PersonOrder.ref] }),
      offset: t.arg.int(offsetArgOptions),
    },
    totalCount: peopleCount.totalCount,
    resolve: (query, _parent, args, ctx, info) => {
      peopleCount.start(args, ctx, info);
      return ctx.prisma.person.findMany({
        ...withOffset(query, args),
        where: personWhere(args.filter),
        orderBy: PersonOrder.toOrderBy(args.orderBy ?? [{ field: 'FULL_NAME' }]),
      });
    },
  }),
);

const personFields = {
  fullName: requiredText(200),
  email: z.email().max(200).nullish(),
  phone: optionalText(40),
};

export const CreatePersonInput = builder.inputType('CreatePersonInput', {
  description: 'A new person.',
  fields: (t) => ({
    fullName: t.string({ required: true, validate: personFields.fullName }),
    email: t.string({ validate: personFields.email }),
    phone: t.string({ validate: personFields.phone }),
  }),
});

export const UpdatePersonInput = builder.inputType('UpdatePersonInput', {
  validate: notNull('fullName'),
  description: 'Changes to a person; omitted fields stay, null clears an optional one.',
  fields: (t) => ({
    fullName: t.string({ validate: personFields.fullName }),
    email: t.string({ validate: personFields.email }),
    phone: t.string({ validate: personFields.phone }),
  }),
});

builder.mutationFields((t) => ({
  createPerson: t.prismaField({
    type: 'Person',
    description: 'Adds a person. Secretariat only.',
    authScopes: adminOnly,
    args: { input: t.arg({ type: CreatePersonInput, required: true }) },
    resolve: (query, _root, { input }, ctx, info) =>
      runMutation(ctx, info, async (w) => {
        const row = await createPerson(w, input);
        return w.tx.person.findUniqueOrThrow({ ...query, where: { id: row.id } });
      }),
  }),
  updatePerson: t.prismaField({
    type: 'Person',
    description: 'Changes a person. Secretariat only.',
    authScopes: adminOnly,
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdatePersonInput, required: true }) },
    resolve: (query, _root, { id, input }, ctx, info) =>
      runMutation(ctx, info, async (w) => {
        const row = await updatePerson(w, decodeId(id, 'Person'), input);
        return w.tx.person.findUniqueOrThrow({ ...query, where: { id: row.id } });
      }),
  }),
}));
