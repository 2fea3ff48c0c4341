import { z } from 'zod';
import { Comparator, type Prisma } from '../../generated/prisma/client.ts';
import { builder } from '../builder.ts';
import { decimalOrNull } from './decimal.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { created, updated } from '../services/audit.ts';
import { runMutation } from '../services/mutation.ts';
import { adminOnly } from './access.ts';
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
import { offsetArgOptions, orderInput, withOffset } from './lists.ts';
import { decimalInput, notNull, optionalText, requiredText, yearInput } from './validation.ts';

export const ComparatorEnum = builder.enumType(Comparator, {
  name: 'Comparator',
  description:
    'How the actual value must compare with the target value: GT (above), GTE (at least), LT, LTE (at most), EQ.',
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
      description: 'The value reached that year, once known.',
      nullable: true,
      select: { actualValue: true },
      resolve: (row) => decimalOrNull(row.actualValue),
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
    ...logicalFields(t, TargetFilter),
  }),
});

function targetWhere(filter: TargetFilterValue | null | undefined): Prisma.TargetWhereInput | undefined {
  return logicalWhere(filter, (f): Prisma.TargetWhereInput => ({
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
    totalCount: (_parent, args, ctx) => ctx.prisma.target.count({ where: targetWhere(args.filter) }),
    resolve: (query, _parent, args, ctx) =>
      ctx.prisma.target.findMany({
        ...withOffset(query, args),
        where: targetWhere(args.filter),
        orderBy: TargetOrder.toOrderBy(args.orderBy ?? [{ field: 'CODE' }]),
      }),
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
    baselineValue: t.float({ validate: value.nullish() }),
    baselineYear: t.int({ validate: yearInput.nullish() }),
    targetValue: t.float({ required: true, validate: value }),
    targetYear: t.int({ required: true, validate: yearInput }),
    source: t.string({ validate: targetFields.source }),
  }),
});

export const UpdateTargetInput = builder.inputType('UpdateTargetInput', {
  validate: notNull('code', 'indicator', 'measure', 'comparator', 'targetValue', 'targetYear'),
  description: 'Changes to a target; omitted fields stay, null clears an optional one.',
  fields: (t) => ({
    unitId: t.id(),
    code: t.string({ validate: targetFields.code }),
    indicator: t.string({ validate: targetFields.indicator }),
    measure: t.string({ validate: targetFields.measure }),
    comparator: t.field({ type: ComparatorEnum }),
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

function checkTarget(target: { baselineValue?: unknown; baselineYear?: number | null; targetYear: number }) {
  if ((target.baselineValue == null) !== (target.baselineYear == null)) {
    throw ValidationError.field('input.baselineYear', 'Give the baseline value and its year together');
  }
  if (target.baselineYear != null && target.baselineYear > target.targetYear) {
    throw ValidationError.field('input.baselineYear', 'The baseline year cannot come after the target year');
  }
}

builder.mutationFields((t) => ({
  createTarget: t.prismaField({
    type: 'Target',
    description: 'Adds a target. Secretariat only.',
    authScopes: adminOnly,
    args: { input: t.arg({ type: CreateTargetInput, required: true }) },
    resolve: (query, _root, { input }, ctx, info) => {
      checkTarget(input);
      return runMutation(ctx, info, async (w) => {
        const row = await w.tx.target.create({
          data: {
            objectiveId: decodeId(input.objectiveId, 'Objective', 'input.objectiveId'),
            unitId: decodeOptionalId(input.unitId, 'Unit', 'input.unitId') ?? null,
            code: input.code,
            indicator: input.indicator,
            measure: input.measure,
            comparator: input.comparator,
            baselineValue: input.baselineValue ?? null,
            baselineYear: input.baselineYear ?? null,
            targetValue: input.targetValue,
            targetYear: input.targetYear,
            source: input.source ?? null,
          },
        });
        w.audit(created('Target', row));
        return w.tx.target.findUniqueOrThrow({ ...query, where: { id: row.id } });
      });
    },
  }),
  updateTarget: t.prismaField({
    type: 'Target',
    description: 'Changes a target. Secretariat only.',
    authScopes: adminOnly,
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateTargetInput, required: true }) },
    resolve: (query, _root, { id, input }, ctx, info) =>
      runMutation(ctx, info, async (w) => {
        const targetId = decodeId(id, 'Target');
        const current = await w.tx.target.findUnique({ where: { id: targetId } });
        if (!current) throw new NotFoundError('Target', id);
        checkTarget({
          baselineValue: input.baselineValue === undefined ? current.baselineValue : input.baselineValue,
          baselineYear: input.baselineYear === undefined ? current.baselineYear : input.baselineYear,
          targetYear: input.targetYear ?? current.targetYear,
        });
        const row = await w.tx.target.update({
          where: { id: targetId },
          data: {
            unitId: decodeOptionalId(input.unitId, 'Unit', 'input.unitId'),
            ...(input.code != null && { code: input.code }),
            ...(input.indicator != null && { indicator: input.indicator }),
            ...(input.measure != null && { measure: input.measure }),
            ...(input.comparator != null && { comparator: input.comparator }),
            baselineValue: input.baselineValue,
            baselineYear: input.baselineYear,
            ...(input.targetValue != null && { targetValue: input.targetValue }),
            ...(input.targetYear != null && { targetYear: input.targetYear }),
            source: input.source,
          },
        });
        w.audit(updated('Target', current, row));
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
        const id = decodeId(targetId, 'Target', 'targetId');
        if (!(await w.tx.target.count({ where: { id } }))) throw new NotFoundError('Target', targetId);
        const where = { targetId_year: { targetId: id, year: input.year } };
        const before = await w.tx.targetYear.findUnique({ where });
        const values = { plannedValue: input.plannedValue, actualValue: input.actualValue, note: input.note };
        const row = await w.tx.targetYear.upsert({
          where,
          create: {
            targetId: id,
            year: input.year,
            plannedValue: input.plannedValue ?? null,
            actualValue: input.actualValue ?? null,
            note: input.note ?? null,
          },
          update: values,
        });
        w.audit(before ? updated('TargetYear', before, row) : created('TargetYear', row));
        return w.tx.targetYear.findUniqueOrThrow({ ...query, where: { id: row.id } });
      }),
  }),
}));
