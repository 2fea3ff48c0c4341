import { IndexLevel, ScoringMethod, type Prisma } from '../../generated/prisma/client.ts';
import { builder } from '../builder.ts';
import { listSize } from '../cost.ts';
import * as sizes from '../list-sizes.ts';
import { topLevelTotal } from '../services/index-scores.ts';
import {
  IntFilter,
  enumFilter,
  enumWhere,
  logicalFields,
  logicalWhere,
  rangeWhere,
  type EnumFilterValue,
  type Logical,
  type RangeFilterValue,
} from './filters.ts';
import { countBesidePage, offsetArgOptions, orderInput, withOffset } from './lists.ts';

export const IndexLevelEnum = builder.enumType(IndexLevel, {
  name: 'IndexLevel',
  description: 'The level of body an index framework scores; units of one level are ranked together.',
});

export const ScoringMethodEnum = builder.enumType(ScoringMethod, {
  name: 'ScoringMethod',
  description: "How a node's points are obtained.",
});

export const IndexFrameworkRef = builder.prismaNode('IndexFramework', {
  id: { field: 'id' },
  description:
    'The structure of the PAR index for one level and year: a tree of fields, criteria and sub-criteria with their maximum points.',
  fields: (t) => ({
    level: t.expose('level', { type: IndexLevelEnum }),
    year: t.exposeInt('year'),
    name: t.exposeString('name'),
    source: t.exposeString('source', { nullable: true, description: 'The decision that set this structure.' }),
    maxPoints: t.float({
      description: "Sum of the top-level fields' maximum points (100 in the methodology since 2022).",
      select: { nodes: { select: { parentId: true, maxPoints: true } } },
      resolve: (framework) =>
        topLevelTotal(framework.nodes.map((n) => ({ parentId: n.parentId, points: n.maxPoints.toNumber() }))),
    }),
    fields: t.relation('nodes', {
      description: 'The top-level fields, in order.',
      extensions: listSize(sizes.frameworkFields),
      query: { where: { parentId: null }, orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }] },
    }),
    nodes: t.relation('nodes', {
      description: 'Every node of the tree, in code order.',
      extensions: listSize(sizes.frameworkNodes),
      query: { orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }] },
    }),
    results: t.relation('results', {
      description: "Units' results under this framework.",
      extensions: listSize(sizes.unitsOfALevel),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

export const IndexNodeRef = builder.prismaNode('IndexNode', {
  id: { field: 'id' },
  description: 'A field, criterion or sub-criterion of an index framework, with its maximum points.',
  fields: (t) => ({
    framework: t.relation('framework'),
    parent: t.relation('parent', { nullable: true }),
    children: t.relation('children', {
      query: { orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }] },
      extensions: listSize(sizes.nodeChildren),
    }),
    code: t.exposeString('code', { description: 'Dotted code, e.g. "3.2.1".' }),
    depth: t.int({
      description: '1 for a field, 2 for a criterion, 3 for a sub-criterion.',
      select: { code: true },
      resolve: (node) => node.code.split('.').length,
    }),
    name: t.exposeString('name'),
    maxPoints: t.float({
      description: 'The most points the node can give.',
      select: { maxPoints: true },
      resolve: (node) => node.maxPoints.toNumber(),
    }),
    method: t.expose('method', { type: ScoringMethodEnum }),
    reformArea: t.relation('reformArea', { nullable: true }),
    sortOrder: t.exposeInt('sortOrder'),
  }),
});

interface IndexFrameworkFilterValue extends Logical<IndexFrameworkFilterValue> {
  level?: EnumFilterValue<IndexLevel> | null;
  year?: RangeFilterValue<number> | null;
}

export const IndexLevelFilter = enumFilter<IndexLevel>('IndexLevelFilter', IndexLevelEnum, 'Matches index levels.');

export const IndexFrameworkFilter = builder.inputRef<IndexFrameworkFilterValue>('IndexFrameworkFilter').implement({
  description: 'Selects index frameworks.',
  fields: (t) => ({
    level: t.field({ type: IndexLevelFilter }),
    year: t.field({ type: IntFilter }),
    ...logicalFields(t, IndexFrameworkFilter),
  }),
});

function frameworkWhere(
  filter: IndexFrameworkFilterValue | null | undefined,
): Prisma.IndexFrameworkWhereInput | undefined {
  return logicalWhere(filter, (f): Prisma.IndexFrameworkWhereInput => ({
    ...(f.level && { level: enumWhere(f.level) }),
    ...(f.year && { year: rangeWhere(f.year) }),
  }));
}

const IndexFrameworkOrder = orderInput<Prisma.IndexFrameworkOrderByWithRelationInput>()('IndexFramework', {
  YEAR: { description: 'Year.', orderBy: (d) => ({ year: d }) },
  LEVEL: { description: 'Level.', orderBy: (d) => ({ level: d }) },
});

const indexFrameworksCount = countBesidePage((args: { filter?: Parameters<typeof frameworkWhere>[0] }, ctx) =>
  ctx.prisma.indexFramework.count({ where: frameworkWhere(args.filter) }),
);

builder.queryField('indexFrameworks', (t) =>
  t.prismaConnection({
    type: 'IndexFramework',
    cursor: 'id',
    description: 'PAR index structures by level and year, latest first unless told otherwise.',
    args: {
      filter: t.arg({ type: IndexFrameworkFilter }),
      orderBy: t.arg({ type: [IndexFrameworkOrder.ref] }),
      offset: t.arg.int(offsetArgOptions),
    },
    totalCount: indexFrameworksCount.totalCount,
    resolve: (query, _parent, args, ctx, info) => {
      indexFrameworksCount.start(args, ctx, info);
      return ctx.prisma.indexFramework.findMany({
        ...withOffset(query, args),
        where: frameworkWhere(args.filter),
        orderBy: IndexFrameworkOrder.toOrderBy(
          args.orderBy ?? [{ field: 'YEAR', direction: 'desc' }, { field: 'LEVEL' }],
        ),
      });
    },
  }),
);
