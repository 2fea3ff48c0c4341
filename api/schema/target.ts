import { z } from 'zod';
import { Comparator, TargetMetric, type Prisma } from '../../generated/prisma/client.ts';
import type { Context } from '../context.ts';
import { builder } from '../builder.ts';
import { listSize } from '../cost.ts';
import * as sizes from '../list-sizes.ts';
import { decimalOrNull } from './decimal.ts';
import { NotFoundError } from '../errors.ts';
import { runMutation } from '../services/mutation.ts';
import { adminOnly } from './access.ts';
import { requestLoader } from '../loaders.ts';
import type { Projection, TargetStatus, YearProgress } from '../services/target-progress.ts';
import { loadTargetValues, type TargetValues } from '../services/target-values.ts';
import { createTarget, setTargetYear, updateTarget } from '../services/target.ts';
import { ServiceSectorEnum } from './satisfaction-result.ts';
import {
  IDFilter,
  IntFilter,
  StringFilter,
  decodeId,
  decodeOptionalId,
  idWhere,
  logicalFields,
  logicalWhere,
  rangeWhere,
  stringWhere,
  type IdFilterValue,
  type Logical,
  type RangeFilterValue,
  type StringFilterValue,
} from './filters.ts';
import { countBesidePage, offsetArgOptions, orderInput, withOffset } from './lists.ts';
import { decimalInput, notNull, optionalText, requiredText, yearInput } from './validation.ts';

export const ComparatorEnum = builder.enumType(Comparator, {
  name: 'Comparator',
  description:
    'How the actual value must compare with the target value: GT (above), GTE (at least), LT, LTE (at most), EQ.',
});

export const TargetMetricEnum = builder.enumType(TargetMetric, {
  name: 'TargetMetric',
  description:
    "Where a target's actual values come from: MANUAL (recorded on the target's years), PAR_INDEX_PERCENT and PAR_INDEX_RANK (the unit's PAR index results: the published figure, else the one computed from the scores), SATISFACTION_PERCENT (the unit's overall SIPAS satisfaction in the target's sector).",
});

export const TargetYearStatusEnum = builder.enumType('TargetYearStatus', {
  description: 'How a year of a target stands.',
  values: {
    MET: {
      description: 'The actual value meets the value planned for the year (the target value in the target year).',
    },
    MISSED: { description: 'The actual value does not meet the value planned for the year.' },
    NOT_YET_DUE: { description: 'The year has not ended (the current year or later) and has no actual value.' },
    AWAITING_RESULT: { description: 'The year has ended and has a planned value, but no actual value yet.' },
    NO_INTERIM_TARGET: { description: 'Nothing is planned for the year (its actual value, if any, is shown only).' },
  } as const,
});

export const TargetStatusEnum = builder.enumType('TargetStatus', {
  description: 'How a target stands overall.',
  values: {
    ACHIEVED: { description: 'The target year has an actual value that meets the target.' },
    MISSED: { description: 'The target year has an actual value that does not meet the target.' },
    ON_COURSE: {
      description:
        'The target year has no actual value yet; the linear trend of the known years (or the only known value) meets the target.',
    },
    AT_RISK: {
      description:
        'The target year has no actual value yet; the linear trend of the known years (or the only known value) misses the target.',
    },
    NO_DATA: { description: 'No year has an actual value yet.' },
  } as const,
});

/** The request's current year in the district (years before it have ended). */
export const currentYear = (ctx: Pick<Context, 'today'>) => ctx.today.getUTCFullYear();

/** A target's values and evaluation, loaded with the other targets of the request in a few queries. */
export async function targetValuesOf(ctx: Context, id: number): Promise<TargetValues> {
  const load = requestLoader<number, TargetValues>(ctx, 'targetValues', (ids) =>
    loadTargetValues(ctx, ids, currentYear(ctx)),
  );
  const values = await load(id);
  if (!values) throw new NotFoundError('Target', `Target:${id}`);
  return values;
}

export const TargetYearProgressRef = builder.objectRef<YearProgress>('TargetYearProgress').implement({
  description: "One year of a target's progress.",
  fields: (t) => ({
    year: t.exposeInt('year', { description: 'The year.' }),
    plannedValue: t.exposeFloat('plannedValue', {
      nullable: true,
      description: 'The value the year is measured against: its interim value, or the target value in the target year.',
    }),
    actualValue: t.exposeFloat('actualValue', {
      nullable: true,
      description: 'The value reached: recorded for MANUAL targets, derived from the results for the others.',
    }),
    status: t.expose('status', { type: TargetYearStatusEnum, description: 'How the year stands.' }),
    final: t.exposeBoolean('final', { description: 'True for the target year.' }),
  }),
});

export const TargetProjectionRef = builder.objectRef<Projection>('TargetProjection').implement({
  description:
    'A least-squares straight line through the years with actual values (value = slope × year + intercept), projected to the target year.',
  fields: (t) => ({
    method: t.exposeString('method', { description: 'How the line is fitted: LEAST_SQUARES_LINEAR.' }),
    slope: t.exposeFloat('slope', { description: 'Change per year.' }),
    intercept: t.exposeFloat('intercept', { description: 'Value of the line at year 0 (with slope, gives any year).' }),
    projectedValue: t.exposeFloat('projectedValue', {
      description: "The line's value in the target year, two decimals.",
    }),
    years: t.exposeIntList('years', {
      description: 'The years the line is fitted to.',
      extensions: listSize(sizes.targetYears),
    }),
  }),
});

export const TargetRef = builder.prismaNode('Target', {
  id: { field: 'id' },
  description: 'A measurable target (chỉ tiêu) of an objective, e.g. "PAR index above 92% every year".',
  fields: (t) => ({
    objective: t.relation('objective'),
    unit: t.relation('unit', { nullable: true, description: 'The unit whose result is measured.' }),
    code: t.exposeString('code'),
    indicator: t.exposeString('indicator'),
    measure: t.exposeString('measure', { description: 'Unit of measure, e.g. "%" or "hạng" (rank).' }),
    comparator: t.expose('comparator', { type: ComparatorEnum }),
    metric: t.expose('metric', {
      type: TargetMetricEnum,
      description: "Where the actual values come from; non-manual targets read them from the unit's results.",
    }),
    sector: t.expose('sector', {
      type: ServiceSectorEnum,
      nullable: true,
      description: 'The surveyed sector, for SATISFACTION_PERCENT targets.',
    }),
    progress: t.field({
      type: [TargetYearProgressRef],
      extensions: listSize(sizes.targetYears),
      description:
        "Each year's planned and actual value and status, oldest first: the target's years, the years with actual values from the baseline year on, and the target year (final).",
      resolve: async (target, _args, ctx) => (await targetValuesOf(ctx, target.id)).evaluation.progress,
    }),
    projection: t.field({
      type: TargetProjectionRef,
      nullable: true,
      description:
        'The linear trend of the years with actual values, projected to the target year; null with fewer than two.',
      resolve: async (target, _args, ctx) => (await targetValuesOf(ctx, target.id)).evaluation.projection,
    }),
    status: t.field({
      type: TargetStatusEnum,
      description: 'How the target stands overall, as of today.',
      resolve: async (target, _args, ctx) => (await targetValuesOf(ctx, target.id)).evaluation.status,
    }),
    statusReason: t.string({
      description:
        'Why the target has its status, with the numbers, e.g. "The trend of 2022–2024 projects 91.8 in 2025, target > 92".',
      resolve: async (target, _args, ctx) => (await targetValuesOf(ctx, target.id)).evaluation.reason,
    }),
    baselineValue: t.float({
      description: 'The value the target starts from.',
      nullable: true,
      select: { baselineValue: true },
      resolve: (target) => decimalOrNull(target.baselineValue),
    }),
    baselineYear: t.exposeInt('baselineYear', { nullable: true }),
    targetValue: t.float({
      description: 'The value to reach.',
      select: { targetValue: true },
      resolve: (target) => target.targetValue.toNumber(),
    }),
    targetYear: t.exposeInt('targetYear'),
    source: t.exposeString('source', { nullable: true }),
    years: t.relation('years', {
      description: 'Interim and actual values by year.',
      extensions: listSize(sizes.targetYears),
      query: { orderBy: { year: 'asc' } },
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

export const TargetYearRef = builder.prismaNode('TargetYear', {
  id: { field: 'id' },
  description: "A target's interim value for one year and the actual value reached.",
  fields: (t) => ({
    target: t.relation('target'),
    year: t.exposeInt('year'),
    plannedValue: t.float({
      description: 'Interim target for that year; null when only the final target applies.',
      nullable: true,
      select: { plannedValue: true },
      resolve: (row) => decimalOrNull(row.plannedValue),
    }),
    actualValue: t.float({
      description:
        "The value reached that year, once known: recorded for MANUAL targets, derived from the unit's index or satisfaction results for the others.",
      nullable: true,
      select: { actualValue: true, targetId: true, year: true },
      resolve: async (row, _args, ctx) => {
        const values = await targetValuesOf(ctx, row.targetId);
        if (values.metric === 'MANUAL') return decimalOrNull(row.actualValue);
        return values.years.find((y) => y.year === row.year)?.actualValue ?? null;
      },
    }),
    note: t.exposeString('note', { nullable: true }),
    illustrative: t.exposeBoolean('illustrative', {
      description: 'True when the actual value is illustrative demo data.',
    }),
  }),
});

interface TargetFilterValue extends Logical<TargetFilterValue> {
  objective?: IdFilterValue | null;
  unit?: IdFilterValue | null;
  code?: StringFilterValue | null;
  indicator?: StringFilterValue | null;
  targetYear?: RangeFilterValue<number> | null;
  reformArea?: IdFilterValue | null;
  metric?: TargetMetric[] | null;
  status?: TargetStatus[] | null;
}

export const TargetFilter = builder.inputRef<TargetFilterValue>('TargetFilter').implement({
  description: 'Selects targets.',
  fields: (t) => ({
    objective: t.field({ type: IDFilter }),
    unit: t.field({ type: IDFilter, description: 'The unit whose result is measured.' }),
    code: t.field({ type: StringFilter }),
    indicator: t.field({ type: StringFilter }),
    targetYear: t.field({ type: IntFilter }),
    reformArea: t.field({ type: IDFilter, description: "The reform area of the target's objective." }),
    metric: t.field({ type: [TargetMetricEnum], description: 'Any of these metrics.' }),
    status: t.field({
      type: [TargetStatusEnum],
      description: 'Any of these overall statuses, as of today (computed, not stored).',
    }),
    ...logicalFields(t, TargetFilter),
  }),
});

function usesStatus(filter: TargetFilterValue | null | undefined): boolean {
  if (!filter) return false;
  return (
    filter.status != null ||
    (filter.AND ?? []).some(usesStatus) ||
    (filter.OR ?? []).some(usesStatus) ||
    usesStatus(filter.NOT)
  );
}

/**
 * The where clause of a target filter. Status is computed, so a filter naming it evaluates every
 * target first (a fixed number of queries) and selects by the ids of those with the statuses asked for.
 */
export async function targetWhere(
  ctx: Context,
  filter: TargetFilterValue | null | undefined,
): Promise<Prisma.TargetWhereInput | undefined> {
  let statusOf: Map<number, TargetStatus> | null = null;
  if (usesStatus(filter)) {
    // Once per request, though the list's page and its total count both ask.
    const load = requestLoader<'all', Map<number, TargetStatus>>(ctx, 'allTargetStatuses', async () => {
      const all = await loadTargetValues(ctx, 'all', currentYear(ctx));
      return new Map([['all', new Map([...all.values()].map((v) => [v.id, v.evaluation.status]))]]);
    });
    statusOf = (await load('all')) ?? null;
  }
  const idsWith = (statuses: readonly TargetStatus[]) =>
    [...(statusOf ?? new Map<number, TargetStatus>())].filter(([, s]) => statuses.includes(s)).map(([id]) => id);
  return logicalWhere(filter, (f): Prisma.TargetWhereInput => ({
    ...(f.metric && { metric: { in: f.metric } }),
    ...(f.status && { id: { in: idsWith(f.status) } }),
    ...(f.objective && { objectiveId: idWhere(f.objective, 'Objective', 'filter.objective') }),
    ...(f.unit && { unitId: idWhere(f.unit, 'Unit', 'filter.unit') }),
    ...(f.code && { code: stringWhere(f.code) }),
    ...(f.indicator && { indicator: stringWhere(f.indicator) }),
    ...(f.targetYear && { targetYear: rangeWhere(f.targetYear) }),
    ...(f.reformArea && { objective: { reformAreaId: idWhere(f.reformArea, 'ReformArea', 'filter.reformArea') } }),
  }));
}

const TargetOrder = orderInput<Prisma.TargetOrderByWithRelationInput>()('Target', {
  CODE: { description: 'Code.', orderBy: (d) => ({ code: d }) },
  TARGET_YEAR: { description: 'Year the target is due.', orderBy: (d) => ({ targetYear: d }) },
  INDICATOR: { description: 'Indicator.', orderBy: (d) => ({ indicator: d }) },
});

const targetsCount = countBesidePage(async (args: { filter?: Parameters<typeof targetWhere>[1] }, ctx) =>
  ctx.prisma.target.count({ where: await targetWhere(ctx, args.filter) }),
);

builder.queryField('targets', (t) =>
  t.prismaConnection({
    type: 'Target',
    cursor: 'id',
    description: 'Measurable targets.',
    args: {
      filter: t.arg({ type: TargetFilter }),
      orderBy: t.arg({ type: [TargetOrder.ref] }),
      offset: t.arg.int(offsetArgOptions),
    },
    totalCount: targetsCount.totalCount,
    resolve: async (query, _parent, args, ctx, info) => {
      targetsCount.start(args, ctx, info);
      return ctx.prisma.target.findMany({
        ...withOffset(query, args),
        where: await targetWhere(ctx, args.filter),
        orderBy: TargetOrder.toOrderBy(args.orderBy ?? [{ field: 'CODE' }]),
      });
    },
  }),
);

interface TargetProgressSummary {
  total: number;
  achieved: number;
  missed: number;
  onCourse: number;
  atRisk: number;
  noData: number;
  ids: number[];
}

const TargetProgressSummaryRef = builder.objectRef<TargetProgressSummary>('TargetProgressSummary').implement({
  description: 'How many of the selected targets stand at each overall status, as of today, and the targets.',
  fields: (t) => ({
    total: t.exposeInt('total', { description: 'Targets selected.' }),
    achieved: t.exposeInt('achieved', { description: 'Targets ACHIEVED.' }),
    missed: t.exposeInt('missed', { description: 'Targets MISSED.' }),
    onCourse: t.exposeInt('onCourse', { description: 'Targets ON_COURSE.' }),
    atRisk: t.exposeInt('atRisk', { description: 'Targets AT_RISK.' }),
    noData: t.exposeInt('noData', { description: 'Targets with NO_DATA.' }),
    targets: t.prismaField({
      type: ['Target'],
      description: 'The targets selected, by code.',
      extensions: listSize(sizes.targets),
      resolve: (query, summary, _args, ctx) =>
        ctx.prisma.target.findMany({ ...query, where: { id: { in: summary.ids } }, orderBy: { code: 'asc' } }),
    }),
  }),
});

builder.queryField('targetProgress', (t) =>
  t.field({
    type: TargetProgressSummaryRef,
    description: 'Counts of targets by overall status (as of today), with the same filter as `targets`.',
    args: { filter: t.arg({ type: TargetFilter }) },
    resolve: async (_root, args, ctx) => {
      const rows = await ctx.prisma.target.findMany({
        where: await targetWhere(ctx, args.filter),
        select: { id: true },
      });
      const values = await loadTargetValues(
        ctx,
        rows.map((r) => r.id),
        currentYear(ctx),
      );
      const count = (status: TargetStatus) => [...values.values()].filter((v) => v.evaluation.status === status).length;
      return {
        total: rows.length,
        achieved: count('ACHIEVED'),
        missed: count('MISSED'),
        onCourse: count('ON_COURSE'),
        atRisk: count('AT_RISK'),
        noData: count('NO_DATA'),
        ids: rows.map((r) => r.id),
      };
    },
  }),
);

const value = decimalInput(-1_000_000_000, 1_000_000_000);
const targetFields = {
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, 'Use 1 to 40 letters, digits, ., _ or -'),
  indicator: requiredText(500),
  measure: requiredText(40),
  source: optionalText(500),
};

export const CreateTargetInput = builder.inputType('CreateTargetInput', {
  description: 'A new target. A baseline needs both its value and its year.',
  fields: (t) => ({
    objectiveId: t.id({ required: true }),
    unitId: t.id({ description: 'The unit whose result is measured.' }),
    code: t.string({ required: true, validate: targetFields.code }),
    indicator: t.string({ required: true, validate: targetFields.indicator }),
    measure: t.string({ required: true, validate: targetFields.measure }),
    comparator: t.field({ type: ComparatorEnum, required: true }),
    metric: t.field({
      type: TargetMetricEnum,
      description: 'Where the actual values come from; MANUAL when omitted. Non-manual metrics need a unit.',
    }),
    sector: t.field({
      type: ServiceSectorEnum,
      description: 'The surveyed sector: required for SATISFACTION_PERCENT only.',
    }),
    baselineValue: t.float({ validate: value.nullish() }),
    baselineYear: t.int({ validate: yearInput.nullish() }),
    targetValue: t.float({ required: true, validate: value }),
    targetYear: t.int({ required: true, validate: yearInput }),
    source: t.string({ validate: targetFields.source }),
  }),
});

export const UpdateTargetInput = builder.inputType('UpdateTargetInput', {
  validate: notNull('code', 'indicator', 'measure', 'comparator', 'metric', 'targetValue', 'targetYear'),
  description: 'Changes to a target; omitted fields stay, null clears an optional one.',
  fields: (t) => ({
    unitId: t.id(),
    code: t.string({ validate: targetFields.code }),
    indicator: t.string({ validate: targetFields.indicator }),
    measure: t.string({ validate: targetFields.measure }),
    comparator: t.field({ type: ComparatorEnum }),
    metric: t.field({
      type: TargetMetricEnum,
      description:
        "Where the actual values come from. Non-manual metrics need a unit; the years' recorded actual values are then ignored.",
    }),
    sector: t.field({
      type: ServiceSectorEnum,
      description: 'The surveyed sector: required for SATISFACTION_PERCENT only; null clears it.',
    }),
    baselineValue: t.float({ validate: value.nullish() }),
    baselineYear: t.int({ validate: yearInput.nullish() }),
    targetValue: t.float({ validate: value }),
    targetYear: t.int({ validate: yearInput }),
    source: t.string({ validate: targetFields.source }),
  }),
});

export const TargetYearInput = builder.inputType('TargetYearInput', {
  description: "A target's interim and actual value for one year; omitted fields stay, null clears.",
  fields: (t) => ({
    year: t.int({ required: true, validate: yearInput }),
    plannedValue: t.float({ validate: value.nullish() }),
    actualValue: t.float({ validate: value.nullish() }),
    note: t.string({ validate: optionalText(2000) }),
  }),
});

builder.mutationFields((t) => ({
  createTarget: t.prismaField({
    type: 'Target',
    description: 'Adds a target. Secretariat only.',
    authScopes: adminOnly,
    args: { input: t.arg({ type: CreateTargetInput, required: true }) },
    resolve: (query, _root, { input }, ctx, info) =>
      runMutation(ctx, info, async (w) => {
        const row = await createTarget(w, {
          ...input,
          objectiveId: decodeId(input.objectiveId, 'Objective', 'input.objectiveId'),
          unitId: decodeOptionalId(input.unitId, 'Unit', 'input.unitId'),
        });
        return w.tx.target.findUniqueOrThrow({ ...query, where: { id: row.id } });
      }),
  }),
  updateTarget: t.prismaField({
    type: 'Target',
    description: 'Changes a target. Secretariat only.',
    authScopes: adminOnly,
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateTargetInput, required: true }) },
    resolve: (query, _root, { id, input }, ctx, info) =>
      runMutation(ctx, info, async (w) => {
        const row = await updateTarget(w, decodeId(id, 'Target'), {
          ...input,
          unitId: decodeOptionalId(input.unitId, 'Unit', 'input.unitId'),
        });
        return w.tx.target.findUniqueOrThrow({ ...query, where: { id: row.id } });
      }),
  }),
  setTargetYear: t.prismaField({
    type: 'TargetYear',
    description: "Records a target's interim or actual value for a year (creating the year if new). Secretariat only.",
    authScopes: adminOnly,
    args: {
      targetId: t.arg.id({ required: true, description: 'Global id of the target.' }),
      input: t.arg({ type: TargetYearInput, required: true }),
    },
    resolve: (query, _root, { targetId, input }, ctx, info) =>
      runMutation(ctx, info, async (w) => {
        const row = await setTargetYear(w, decodeId(targetId, 'Target', 'targetId'), input);
        return w.tx.targetYear.findUniqueOrThrow({ ...query, where: { id: row.id } });
      }),
  }),
}));
