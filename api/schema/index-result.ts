import type { IndexLevel, Prisma } from '../../generated/prisma/client.ts';
import { builder } from '../builder.ts';
import { percentOf, topLevelTotal } from '../services/index-totals.ts';
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
import { IndexLevelFilter } from './index-framework.ts';
import { offsetArgOptions, orderInput, withOffset } from './lists.ts';

// Totals need the top-level fields only: the database filters them (one query each for scores and
// maxima, a few rows per result) rather than sending every criterion's score and node.
const topLevelScores = {
  where: { node: { parentId: null } },
  select: { points: true },
} satisfies Prisma.IndexResult$scoresArgs;
const topLevelNodes = {
  where: { parentId: null },
  select: { maxPoints: true },
} satisfies Prisma.IndexFramework$nodesArgs;

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
      description: 'Sum of the points scored on the top-level fields.',
      select: { scores: topLevelScores },
      resolve: (r) => topLevelTotal(r.scores.map((s) => ({ parentId: null, points: s.points.toNumber() }))),
    }),
    percent: t.float({
      nullable: true,
      description: "Total points as a percentage of the framework's maximum, computed from the tree.",
      select: { scores: topLevelScores, framework: { select: { nodes: topLevelNodes } } },
      resolve: (r) =>
        percentOf(
          topLevelTotal(r.scores.map((s) => ({ parentId: null, points: s.points.toNumber() }))),
          topLevelTotal(r.framework.nodes.map((n) => ({ parentId: null, points: n.maxPoints.toNumber() }))),
        ),
    }),
    scores: t.relation('scores', { query: { orderBy: { node: { code: 'asc' } } } }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

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

interface IndexResultFilterValue extends Logical<IndexResultFilterValue> {
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

function resultWhere(filter: IndexResultFilterValue | null | undefined): Prisma.IndexResultWhereInput | undefined {
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
    totalCount: (_parent, args, ctx) => ctx.prisma.indexResult.count({ where: resultWhere(args.filter) }),
    resolve: (query, _parent, args, ctx) =>
      ctx.prisma.indexResult.findMany({
        ...withOffset(query, args),
        where: resultWhere(args.filter),
        orderBy: IndexResultOrder.toOrderBy(args.orderBy ?? [{ field: 'YEAR', direction: 'desc' }, { field: 'UNIT' }]),
      }),
  }),
);
