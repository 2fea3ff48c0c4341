import type { IndexLevel, Prisma } from '../../generated/prisma/client.ts';
import { z } from 'zod';
import { builder } from '../builder.ts';
import { listSize } from '../cost.ts';
import * as sizes from '../list-sizes.ts';
import type { Context } from '../context.ts';
import { nodeResults, type NodeResultValue, type RankedResult } from '../services/index-loaders.ts';
import { delta, depthOf, percentOf, pointsLost } from '../services/index-scores.ts';
import { decimalOrNull } from './decimal.ts';
import {
  IDFilter,
  IntFilter,
  idWhere,
  enumWhere,
  logicalFields,
  logicalWhere,
  rangeWhere,
  type EnumFilterValue,
  type IdFilterValue,
  type Logical,
  type RangeFilterValue,
} from './filters.ts';
import { IndexLevelFilter, IndexNodeRef } from './index-framework.ts';
import { countBesidePage, offsetArgOptions, orderInput, withOffset } from './lists.ts';

/** The columns the computed fields need to find a result's framework, peers and previous year. */
const resultKeySelect = {
  id: true,
  unitId: true,
  frameworkId: true,
} satisfies Prisma.IndexResultSelect;

/** A result's computed total, percent and ranks, from its framework's ranking (one query per framework). */
const rankedOf = async (ctx: Context, r: { id: number; frameworkId: number }): Promise<RankedResult | null> =>
  (await ctx.loaders.index.ranking.load(r.frameworkId)).byResult.get(r.id) ?? null;

export const IndexNodeResultRef = builder.objectRef<NodeResultValue>('IndexNodeResult').implement({
  description:
    "A unit's points on one node of the framework in one year, computed from the tree, with the change from the previous year's node of the same code.",
  fields: (t) => ({
    node: t.field({ type: IndexNodeRef, description: 'The node scored.', resolve: (v) => v.node }),
    code: t.string({
      description: 'Dotted code of the node, e.g. "7.2"; stable across years.',
      resolve: (v) => v.node.code,
    }),
    name: t.string({ description: 'What the node assesses.', resolve: (v) => v.node.name }),
    maxPoints: t.float({ description: 'The most points the node can give.', resolve: (v) => v.maxPoints }),
    points: t.float({
      nullable: true,
      description:
        "Points scored: the node's stored score, or the sum of its children's points when it has none; null when nothing at or under it was scored.",
      resolve: (v) => v.points,
    }),
    percent: t.float({
      nullable: true,
      description: "Points as a percentage of the node's maximum, two decimals.",
      resolve: (v) => percentOf(v.points, v.maxPoints),
    }),
    pointsLost: t.float({
      nullable: true,
      description: 'Maximum minus points scored: where the unit lost points.',
      resolve: (v) => pointsLost(v.maxPoints, v.points),
    }),
    previousPoints: t.float({
      nullable: true,
      description:
        "Points on the node of the same code in the unit's previous result (the previous framework year of the same level); null when there is none.",
      resolve: (v) => v.previousPoints,
    }),
    delta: t.float({
      nullable: true,
      description: 'Points minus previousPoints; null when either is missing.',
      resolve: (v) => delta(v.points, v.previousPoints),
    }),
  }),
});

export const IndexResultRef = builder.prismaNode('IndexResult', {
  id: { field: 'id' },
  description: "A unit's PAR index result for one year under one framework: published figures and points per node.",
  fields: (t) => ({
    unit: t.relation('unit'),
    framework: t.relation('framework'),
    year: t.int({
      description: "The year of the result (its framework's year).",
      select: { framework: { select: { year: true } } },
      resolve: (r) => r.framework.year,
    }),
    publishedPercent: t.float({
      nullable: true,
      description: 'Total in percent as published by the assessing body.',
      select: { publishedPercent: true },
      resolve: (r) => decimalOrNull(r.publishedPercent),
    }),
    publishedRank: t.exposeInt('publishedRank', { nullable: true, description: 'Published rank, 1 = best.' }),
    publishedOf: t.exposeInt('publishedOf', {
      nullable: true,
      description: 'Number of units in the published ranking.',
    }),
    publishedOn: t.expose('publishedOn', { type: 'Date', nullable: true }),
    source: t.exposeString('source', { nullable: true }),
    illustrative: t.exposeBoolean('illustrative', {
      description: 'True when the published figures are illustrative demo data.',
    }),
    totalPoints: t.float({
      description:
        "Sum of the points on the top-level fields, a field without a stored score counting its children's points; 0 when nothing was scored.",
      select: resultKeySelect,
      resolve: async (r, _args, ctx) => (await rankedOf(ctx, r))?.points ?? 0,
    }),
    percent: t.float({
      nullable: true,
      description:
        "Total points as a percentage of the framework's maximum, computed from the tree, two decimals; null when nothing was scored.",
      select: resultKeySelect,
      resolve: async (r, _args, ctx) => (await rankedOf(ctx, r))?.percent ?? null,
    }),
    rank: t.int({
      nullable: true,
      description:
        'Rank among the results of the same framework (units of the same level, same year), 1 = best: the published rank when there is one, else computedRank.',
      select: resultKeySelect,
      resolve: async (r, _args, ctx) => (await rankedOf(ctx, r))?.rank ?? null,
    }),
    rankOf: t.int({
      nullable: true,
      description:
        'Number of units rank is out of: the published count with a published rank (or the computed count when none was published), else the number of results of the framework with a computed percent.',
      select: resultKeySelect,
      resolve: async (r, _args, ctx) => (await rankedOf(ctx, r))?.rankOf ?? null,
    }),
    computedRank: t.int({
      nullable: true,
      description:
        'Competition rank by computed percent among the results of the same framework: equal percents (at two decimals) share a rank and the next rank skips (1, 1, 3); null when nothing was scored.',
      select: resultKeySelect,
      resolve: async (r, _args, ctx) => (await rankedOf(ctx, r))?.computedRank ?? null,
    }),
    percentDelta: t.float({
      nullable: true,
      description: "Percent minus the previous result's percent, in percentage points; null without both.",
      select: resultKeySelect,
      resolve: async (r, _args, ctx) => {
        const previous = await ctx.loaders.index.previous.load(r);
        if (!previous) return null;
        const [current, before] = await Promise.all([rankedOf(ctx, r), rankedOf(ctx, previous)]);
        return delta(current?.percent, before?.percent);
      },
    }),
    fields: t.field({
      type: [IndexNodeResultRef],
      description: 'Points per top-level field, in code order, with the changes from the previous year.',
      extensions: listSize(sizes.frameworkFields),
      select: resultKeySelect,
      resolve: async (r, _args, ctx) => {
        const loaders = ctx.loaders.index;
        const facts = await loaders.framework.load(r.frameworkId);
        return nodeResults(
          loaders,
          r,
          (facts?.nodes ?? []).filter((node) => node.parentId === null),
        );
      },
    }),
    nodes: t.field({
      type: [IndexNodeResultRef],
      description: 'Points per node of the tree in code order (a field before its criteria), down to depth.',
      // Fields only at depth 1; any deeper takes in most of the tree.
      extensions: listSize(({ depth }) => (depth === 1 ? sizes.frameworkFields : sizes.frameworkNodes)),
      args: {
        depth: t.arg.int({
          description: '1 for fields only, 2 down to criteria, 3 down to sub-criteria; omitted, every node.',
          validate: z.number().int().min(1),
        }),
      },
      select: resultKeySelect,
      resolve: async (r, args, ctx) => {
        const loaders = ctx.loaders.index;
        const facts = await loaders.framework.load(r.frameworkId);
        const depth = args.depth ?? Number.POSITIVE_INFINITY;
        return nodeResults(
          loaders,
          r,
          (facts?.nodes ?? []).filter((node) => depthOf(node.code) <= depth),
        );
      },
    }),
    scores: t.relation('scores', {
      query: { orderBy: { node: { code: 'asc' } } },
      extensions: listSize(sizes.frameworkNodes),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

builder.prismaObjectFields(IndexResultRef, (t) => ({
  previous: t.field({
    type: IndexResultRef,
    nullable: true,
    description:
      "The same unit's result under the previous framework year of the same level (the latest earlier year with a framework); null when the unit has no result that year.",
    select: resultKeySelect,
    resolve: (r, _args, ctx) => ctx.loaders.index.previous.load(r),
  }),
}));

export const IndexScoreRef = builder.prismaNode('IndexScore', {
  id: { field: 'id' },
  description: 'Points a unit scored on one node of the framework.',
  fields: (t) => ({
    result: t.relation('result'),
    node: t.relation('node'),
    points: t.float({
      description: "Points scored, within the node's maximum.",
      select: { points: true },
      resolve: (s) => s.points.toNumber(),
    }),
    illustrative: t.exposeBoolean('illustrative'),
  }),
});

export interface IndexResultFilterValue extends Logical<IndexResultFilterValue> {
  unit?: IdFilterValue | null;
  framework?: IdFilterValue | null;
  year?: RangeFilterValue<number> | null;
  level?: EnumFilterValue<IndexLevel> | null;
}

export const IndexResultFilter = builder.inputRef<IndexResultFilterValue>('IndexResultFilter').implement({
  description: 'Selects index results.',
  fields: (t) => ({
    unit: t.field({ type: IDFilter }),
    framework: t.field({ type: IDFilter }),
    year: t.field({ type: IntFilter, description: 'The year of the result.' }),
    level: t.field({ type: IndexLevelFilter, description: 'The level of the framework.' }),
    ...logicalFields(t, IndexResultFilter),
  }),
});

export function resultWhere(
  filter: IndexResultFilterValue | null | undefined,
): Prisma.IndexResultWhereInput | undefined {
  return logicalWhere(filter, (f): Prisma.IndexResultWhereInput => ({
    ...(f.unit && { unitId: idWhere(f.unit, 'Unit', 'filter.unit') }),
    ...(f.framework && { frameworkId: idWhere(f.framework, 'IndexFramework', 'filter.framework') }),
    ...((f.year || f.level) && {
      framework: {
        ...(f.year && { year: rangeWhere(f.year) }),
        ...(f.level && { level: enumWhere(f.level) }),
      },
    }),
  }));
}

const IndexResultOrder = orderInput<Prisma.IndexResultOrderByWithRelationInput>()('IndexResult', {
  YEAR: { description: 'Year.', orderBy: (d) => ({ framework: { year: d } }) },
  PUBLISHED_PERCENT: {
    description: 'Published percent.',
    orderBy: (d) => ({ publishedPercent: { sort: d, nulls: 'last' } }),
  },
  PUBLISHED_RANK: { description: 'Published rank.', orderBy: (d) => ({ publishedRank: { sort: d, nulls: 'last' } }) },
  UNIT: { description: 'Unit name.', orderBy: (d) => ({ unit: { name: d } }) },
});

const indexResultsCount = countBesidePage((args: { filter?: Parameters<typeof resultWhere>[0] }, ctx) =>
  ctx.prisma.indexResult.count({ where: resultWhere(args.filter) }),
);

builder.queryField('indexResults', (t) =>
  t.prismaConnection({
    type: 'IndexResult',
    cursor: 'id',
    description: 'PAR index results of units by year, latest first unless told otherwise.',
    args: {
      filter: t.arg({ type: IndexResultFilter }),
      orderBy: t.arg({ type: [IndexResultOrder.ref] }),
      offset: t.arg.int(offsetArgOptions),
    },
    totalCount: indexResultsCount.totalCount,
    resolve: (query, _parent, args, ctx, info) => {
      indexResultsCount.start(args, ctx, info);
      return ctx.prisma.indexResult.findMany({
        ...withOffset(query, args),
        where: resultWhere(args.filter),
        orderBy: IndexResultOrder.toOrderBy(args.orderBy ?? [{ field: 'YEAR', direction: 'desc' }, { field: 'UNIT' }]),
      });
    },
  }),
);
