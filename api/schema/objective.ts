import { z } from 'zod';
import type { Prisma } from '../../generated/prisma/client.ts';
import { builder } from '../builder.ts';
import { listSize } from '../cost.ts';
import * as sizes from '../list-sizes.ts';
import { inputBounds } from '../input-bounds.ts';
import { runMutation } from '../services/mutation.ts';
import { createObjective, updateObjective } from '../services/objective.ts';
import { adminOnly } from './access.ts';
import {
  IDFilter,
  StringFilter,
  containing,
  decodeId,
  decodeOptionalId,
  idWhere,
  logicalFields,
  logicalWhere,
  stringWhere,
  type IdFilterValue,
  type Logical,
  type StringFilterValue,
} from './filters.ts';
import { countBesidePage, offsetArgOptions, orderInput, withOffset } from './lists.ts';
import { TaskFilter, TaskOrder, taskWhere } from './task.ts';
import { notNull, optionalText, requiredText } from './validation.ts';

export const ObjectiveRef = builder.prismaNode('Objective', {
  id: { field: 'id' },
  // Only the columns a request asks for are read (a task list shows an objective's code per row).
  select: { id: true },
  description: 'An objective of a resolution within one reform area; tasks serve it and targets measure it.',
  fields: (t) => ({
    resolution: t.relation('resolution'),
    reformArea: t.relation('reformArea'),
    code: t.exposeString('code', { description: 'Code within the resolution, e.g. "MT3".' }),
    title: t.exposeString('title'),
    description: t.exposeString('description', { nullable: true }),
    sortOrder: t.exposeInt('sortOrder'),
    targets: t.relation('targets', { query: { orderBy: [{ code: 'asc' }] }, extensions: listSize(sizes.targets) }),
    taskCount: t.relationCount('tasks', { description: 'Number of tasks serving the objective.' }),
    tasks: t.relatedConnection('tasks', {
      cursor: 'id',
      totalCount: true,
      description: 'Tasks serving the objective.',
      args: { filter: t.arg({ type: TaskFilter }), orderBy: t.arg({ type: [TaskOrder.ref] }) },
      query: (args, ctx) => ({ where: taskWhere(args.filter, ctx), orderBy: TaskOrder.toOrderBy(args.orderBy) }),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

interface ObjectiveFilterValue extends Logical<ObjectiveFilterValue> {
  resolution?: IdFilterValue | null;
  reformArea?: IdFilterValue | null;
  code?: StringFilterValue | null;
  title?: StringFilterValue | null;
  q?: string | null;
}

export const ObjectiveFilter = builder.inputRef<ObjectiveFilterValue>('ObjectiveFilter').implement({
  description: 'Selects objectives.',
  fields: (t) => ({
    resolution: t.field({ type: IDFilter }),
    reformArea: t.field({ type: IDFilter }),
    code: t.field({ type: StringFilter }),
    title: t.field({ type: StringFilter }),
    q: t.string({ description: 'Words anywhere in the code, title or description.' }),
    ...logicalFields(t, ObjectiveFilter),
  }),
});

function objectiveWhere(filter: ObjectiveFilterValue | null | undefined): Prisma.ObjectiveWhereInput | undefined {
  return logicalWhere(filter, (f): Prisma.ObjectiveWhereInput => ({
    ...(f.resolution && { resolutionId: idWhere(f.resolution, 'Resolution', 'filter.resolution') }),
    ...(f.reformArea && { reformAreaId: idWhere(f.reformArea, 'ReformArea', 'filter.reformArea') }),
    ...(f.code && { code: stringWhere(f.code) }),
    ...(f.title && { title: stringWhere(f.title) }),
    ...(f.q && {
      AND: [
        {
          OR: [{ code: containing(f.q) }, { title: containing(f.q) }, { description: containing(f.q) }],
        },
      ],
    }),
  }));
}

const ObjectiveOrder = orderInput<Prisma.ObjectiveOrderByWithRelationInput>()('Objective', {
  SORT_ORDER: { description: 'The order set by the secretariat.', orderBy: (d) => ({ sortOrder: d }) },
  CODE: { description: 'Code.', orderBy: (d) => ({ code: d }) },
  TITLE: { description: 'Title.', orderBy: (d) => ({ title: d }) },
  REFORM_AREA: { description: 'Reform area, in its set order.', orderBy: (d) => ({ reformArea: { sortOrder: d } }) },
});

const objectivesCount = countBesidePage((args: { filter?: Parameters<typeof objectiveWhere>[0] }, ctx) =>
  ctx.prisma.objective.count({ where: objectiveWhere(args.filter) }),
);

builder.queryField('objectives', (t) =>
  t.prismaConnection({
    type: 'Objective',
    cursor: 'id',
    description: 'Objectives of the resolutions.',
    args: {
      filter: t.arg({ type: ObjectiveFilter }),
      orderBy: t.arg({ type: [ObjectiveOrder.ref] }),
      offset: t.arg.int(offsetArgOptions),
    },
    totalCount: objectivesCount.totalCount,
    resolve: (query, _parent, args, ctx, info) => {
      objectivesCount.start(args, ctx, info);
      return ctx.prisma.objective.findMany({
        ...withOffset(query, args),
        where: objectiveWhere(args.filter),
        orderBy: ObjectiveOrder.toOrderBy(args.orderBy ?? [{ field: 'SORT_ORDER' }, { field: 'CODE' }]),
      });
    },
  }),
);

const descriptionMax = 20_000;
/** Longer than the general bound on text (input-bounds.ts). */
const longText = inputBounds({ maxLength: descriptionMax });

const objectiveFields = {
  code: requiredText(40),
  title: requiredText(500),
  description: optionalText(descriptionMax),
  sortOrder: z.number().int().min(0).max(100_000),
};

export const CreateObjectiveInput = builder.inputType('CreateObjectiveInput', {
  description: 'A new objective of a resolution.',
  fields: (t) => ({
    resolutionId: t.id({ required: true }),
    reformAreaId: t.id({ required: true }),
    code: t.string({ required: true, validate: objectiveFields.code }),
    title: t.string({ required: true, validate: objectiveFields.title }),
    description: t.string({ validate: objectiveFields.description, extensions: longText }),
    sortOrder: t.int({ validate: objectiveFields.sortOrder }),
  }),
});

export const UpdateObjectiveInput = builder.inputType('UpdateObjectiveInput', {
  validate: notNull('reformAreaId', 'code', 'title', 'sortOrder'),
  description: 'Changes to an objective; omitted fields stay, null clears an optional one.',
  fields: (t) => ({
    reformAreaId: t.id(),
    code: t.string({ validate: objectiveFields.code }),
    title: t.string({ validate: objectiveFields.title }),
    description: t.string({ validate: objectiveFields.description, extensions: longText }),
    sortOrder: t.int({ validate: objectiveFields.sortOrder }),
  }),
});

builder.mutationFields((t) => ({
  createObjective: t.prismaField({
    type: 'Objective',
    description: 'Adds an objective. Secretariat only.',
    authScopes: adminOnly,
    args: { input: t.arg({ type: CreateObjectiveInput, required: true }) },
    resolve: (query, _root, { input }, ctx, info) =>
      runMutation(ctx, info, async (w) => {
        const row = await createObjective(w, {
          ...input,
          resolutionId: decodeId(input.resolutionId, 'Resolution', 'input.resolutionId'),
          reformAreaId: decodeId(input.reformAreaId, 'ReformArea', 'input.reformAreaId'),
        });
        return w.tx.objective.findUniqueOrThrow({ ...query, where: { id: row.id } });
      }),
  }),
  updateObjective: t.prismaField({
    type: 'Objective',
    description: 'Changes an objective. Secretariat only.',
    authScopes: adminOnly,
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateObjectiveInput, required: true }) },
    resolve: (query, _root, { id, input }, ctx, info) =>
      runMutation(ctx, info, async (w) => {
        const row = await updateObjective(w, decodeId(id, 'Objective'), {
          ...input,
          reformAreaId: decodeOptionalId(input.reformAreaId, 'ReformArea', 'input.reformAreaId'),
        });
        return w.tx.objective.findUniqueOrThrow({ ...query, where: { id: row.id } });
      }),
  }),
}));
