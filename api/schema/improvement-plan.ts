import { PlanStatus, type Prisma } from '../../generated/prisma/client.ts';
import { builder } from '../builder.ts';
import {
  IDFilter,
  IntFilter,
  enumFilter,
  enumWhere,
  idWhere,
  logicalFields,
  logicalWhere,
  rangeWhere,
  type EnumFilterValue,
  type IdFilterValue,
  type Logical,
  type RangeFilterValue,
} from './filters.ts';
import { offsetArgOptions, orderInput, withOffset } from './lists.ts';

export const PlanStatusEnum = builder.enumType(PlanStatus, {
  name: 'PlanStatus',
  description:
    'Where an improvement plan stands: drafted by the unit, submitted, approved or returned by the committee.',
});

export const ImprovementPlanRef = builder.prismaNode('ImprovementPlan', {
  id: { field: 'id' },
  description:
    "A unit's plan (kế hoạch nâng cao chỉ số) to lift its PAR index in a year above the last result: targets per field and actions carried out through tasks.",
  fields: (t) => ({
    unit: t.relation('unit'),
    year: t.exposeInt('year', { description: 'The year whose index the plan aims to lift.' }),
    targetPercent: t.float({
      description: 'The total aimed at, in percent.',
      select: { targetPercent: true },
      resolve: (p) => p.targetPercent.toNumber(),
    }),
    analysis: t.exposeString('analysis', { nullable: true, description: 'Where points were lost last time, and why.' }),
    status: t.expose('status', { type: PlanStatusEnum }),
    version: t.exposeInt('version'),
    approvedBy: t.relation('approvedBy', { nullable: true }),
    approvedAt: t.expose('approvedAt', { type: 'DateTime', nullable: true }),
    illustrative: t.exposeBoolean('illustrative'),
    targets: t.relation('targets', { query: { orderBy: { node: { code: 'asc' } } } }),
    actions: t.relation('actions', { query: { orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }] } }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

export const ImprovementPlanTargetRef = builder.prismaNode('ImprovementPlanTarget', {
  id: { field: 'id' },
  description: 'Points a plan aims at on one index node.',
  fields: (t) => ({
    plan: t.relation('plan'),
    node: t.relation('node'),
    targetPoints: t.float({
      description: "Points aimed at, within the node's maximum.",
      select: { targetPoints: true },
      resolve: (p) => p.targetPoints.toNumber(),
    }),
  }),
});

export const ImprovementActionRef = builder.prismaNode('ImprovementAction', {
  id: { field: 'id' },
  description: 'An action of an improvement plan, aimed at an index node and carried out through tasks.',
  fields: (t) => ({
    plan: t.relation('plan'),
    node: t.relation('node', { nullable: true }),
    title: t.exposeString('title'),
    description: t.exposeString('description', { nullable: true }),
    sortOrder: t.exposeInt('sortOrder'),
    tasks: t.relation('tasks', { query: { orderBy: [{ deadline: 'asc' }, { id: 'asc' }] } }),
  }),
});

interface ImprovementPlanFilterValue extends Logical<ImprovementPlanFilterValue> {
  unit?: IdFilterValue | null;
  year?: RangeFilterValue<number> | null;
  status?: EnumFilterValue<PlanStatus> | null;
}

const PlanStatusFilter = enumFilter<PlanStatus>('PlanStatusFilter', PlanStatusEnum, 'Matches plan statuses.');

export const ImprovementPlanFilter = builder.inputRef<ImprovementPlanFilterValue>('ImprovementPlanFilter').implement({
  description: 'Selects improvement plans.',
  fields: (t) => ({
    unit: t.field({ type: IDFilter }),
    year: t.field({ type: IntFilter }),
    status: t.field({ type: PlanStatusFilter }),
    ...logicalFields(t, ImprovementPlanFilter),
  }),
});

function planWhere(
  filter: ImprovementPlanFilterValue | null | undefined,
): Prisma.ImprovementPlanWhereInput | undefined {
  return logicalWhere(filter, (f): Prisma.ImprovementPlanWhereInput => ({
    ...(f.unit && { unitId: idWhere(f.unit, 'Unit', 'filter.unit') }),
    ...(f.year && { year: rangeWhere(f.year) }),
    ...(f.status && { status: enumWhere(f.status) }),
  }));
}

const ImprovementPlanOrder = orderInput<Prisma.ImprovementPlanOrderByWithRelationInput>()('ImprovementPlan', {
  YEAR: { description: 'Year.', orderBy: (d) => ({ year: d }) },
  UNIT: { description: 'Unit name.', orderBy: (d) => ({ unit: { name: d } }) },
  STATUS: { description: 'Status.', orderBy: (d) => ({ status: d }) },
});

builder.queryField('improvementPlans', (t) =>
  t.prismaConnection({
    type: 'ImprovementPlan',
    cursor: 'id',
    description: 'Improvement plans, latest year first unless told otherwise.',
    args: {
      filter: t.arg({ type: ImprovementPlanFilter }),
      orderBy: t.arg({ type: [ImprovementPlanOrder.ref] }),
      offset: t.arg.int(offsetArgOptions),
    },
    totalCount: (_parent, args, ctx) => ctx.prisma.improvementPlan.count({ where: planWhere(args.filter) }),
    resolve: (query, _parent, args, ctx) =>
      ctx.prisma.improvementPlan.findMany({
        ...withOffset(query, args),
        where: planWhere(args.filter),
        orderBy: ImprovementPlanOrder.toOrderBy(
          args.orderBy ?? [{ field: 'YEAR', direction: 'desc' }, { field: 'UNIT' }],
        ),
      }),
  }),
);
