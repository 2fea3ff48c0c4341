// Targets and their yearly values: the rules a target keeps (baseline, metric and sector, where its
// actual values come from) as plain functions, and the audited writes that check them first.
import type {
  Comparator,
  Prisma,
  ServiceSector,
  Target,
  TargetMetric,
  TargetYear,
} from '../../generated/prisma/client.ts';
import { ValidationError } from '../errors.ts';
import type { Write } from './mutation.ts';
import {
  createReference,
  loadReference,
  saveReference,
  updateReference,
  type ReferenceTable,
} from './reference-data.ts';

export interface NewTarget {
  objectiveId: number;
  unitId?: number | null;
  code: string;
  indicator: string;
  measure: string;
  comparator: Comparator;
  metric?: TargetMetric | null;
  sector?: ServiceSector | null;
  baselineValue?: number | null;
  baselineYear?: number | null;
  targetValue: number;
  targetYear: number;
  source?: string | null;
}

/** Omitted fields stay, null clears an optional one. */
export interface TargetChanges {
  unitId?: number | null;
  code?: string | null;
  indicator?: string | null;
  measure?: string | null;
  comparator?: Comparator | null;
  metric?: TargetMetric | null;
  sector?: ServiceSector | null;
  baselineValue?: number | null;
  baselineYear?: number | null;
  targetValue?: number | null;
  targetYear?: number | null;
  source?: string | null;
}

/** A year's interim and actual value; omitted fields stay, null clears. */
export interface TargetYearValues {
  year: number;
  plannedValue?: number | null;
  actualValue?: number | null;
  note?: string | null;
}

/** What the rules look at: a target as it is or would be after a change. */
export interface TargetFacts {
  metric: TargetMetric;
  sector: ServiceSector | null;
  unitId: number | null;
  baselineValue: number | Prisma.Decimal | null;
  baselineYear: number | null;
  targetYear: number;
}

// ---------------------------------------------------------------- rules

/** A baseline is a value and its year together, no later than the target year. */
export function checkBaseline(target: Pick<TargetFacts, 'baselineValue' | 'baselineYear' | 'targetYear'>): void {
  if ((target.baselineValue === null) !== (target.baselineYear === null)) {
    throw ValidationError.field('input.baselineYear', 'Give the baseline value and its year together');
  }
  if (target.baselineYear !== null && target.baselineYear > target.targetYear) {
    throw ValidationError.field('input.baselineYear', 'The baseline year cannot come after the target year');
  }
}

/**
 * Only a SATISFACTION_PERCENT target names a sector, and it must; a target that reads its values
 * from results (any metric but MANUAL) names the unit whose results it reads.
 */
export function checkMetric(target: Pick<TargetFacts, 'metric' | 'sector' | 'unitId'>): void {
  if (target.metric === 'SATISFACTION_PERCENT' && target.sector === null) {
    throw ValidationError.field('input.sector', 'A SATISFACTION_PERCENT target needs the sector surveyed');
  }
  if (target.metric !== 'SATISFACTION_PERCENT' && target.sector !== null) {
    throw ValidationError.field(
      'input.sector',
      `Only a SATISFACTION_PERCENT target has a sector, not ${target.metric}`,
    );
  }
  if (target.metric !== 'MANUAL' && target.unitId === null) {
    throw ValidationError.field('input.unitId', `A ${target.metric} target needs the unit whose results it reads`);
  }
}

/** Every rule of a target, the baseline's first. */
export function checkTarget(target: TargetFacts): void {
  checkBaseline(target);
  checkMetric(target);
}

/** The target a change would leave: omitted fields keep their value, null clears an optional one. */
export function changedTarget(current: TargetFacts, changes: TargetChanges): TargetFacts {
  const kept = <T>(change: T | undefined, value: T) => (change === undefined ? value : change);
  return {
    metric: changes.metric ?? current.metric,
    sector: kept(changes.sector, current.sector),
    unitId: kept(changes.unitId, current.unitId),
    baselineValue: kept(changes.baselineValue, current.baselineValue),
    baselineYear: kept(changes.baselineYear, current.baselineYear),
    targetYear: changes.targetYear ?? current.targetYear,
  };
}

/** Actual values are recorded on a target's years only when they come from nowhere else (MANUAL). */
export function checkYearValues(metric: TargetMetric, values: Pick<TargetYearValues, 'actualValue'>): void {
  if (metric !== 'MANUAL' && values.actualValue != null) {
    throw ValidationError.field(
      'input.actualValue',
      `The actual values of a ${metric} target come from the unit's results; record them there`,
    );
  }
}

// ---------------------------------------------------------------- writes

const targets: ReferenceTable<Target, Prisma.TargetUncheckedCreateInput, Prisma.TargetUncheckedUpdateInput> = {
  entity: 'Target',
  find: (tx, id) => tx.target.findUnique({ where: { id } }),
  insert: (tx, data) => tx.target.create({ data }),
  change: (tx, id, data) => tx.target.update({ where: { id }, data }),
};

export function createTarget(w: Write, target: NewTarget): Promise<Target> {
  const facts: TargetFacts = {
    metric: target.metric ?? 'MANUAL',
    sector: target.sector ?? null,
    unitId: target.unitId ?? null,
    baselineValue: target.baselineValue ?? null,
    baselineYear: target.baselineYear ?? null,
    targetYear: target.targetYear,
  };
  checkTarget(facts);
  return createReference(w, targets, {
    ...facts,
    objectiveId: target.objectiveId,
    code: target.code,
    indicator: target.indicator,
    measure: target.measure,
    comparator: target.comparator,
    targetValue: target.targetValue,
    source: target.source ?? null,
  });
}

export async function updateTarget(w: Write, id: number, changes: TargetChanges): Promise<Target> {
  const current = await loadReference(w, targets, id);
  checkTarget(changedTarget(current, changes));
  return updateReference(w, targets, current, {
    unitId: changes.unitId,
    ...(changes.metric != null && { metric: changes.metric }),
    sector: changes.sector,
    ...(changes.code != null && { code: changes.code }),
    ...(changes.indicator != null && { indicator: changes.indicator }),
    ...(changes.measure != null && { measure: changes.measure }),
    ...(changes.comparator != null && { comparator: changes.comparator }),
    baselineValue: changes.baselineValue,
    baselineYear: changes.baselineYear,
    ...(changes.targetValue != null && { targetValue: changes.targetValue }),
    ...(changes.targetYear != null && { targetYear: changes.targetYear }),
    source: changes.source,
  });
}

/** Records a year's interim or actual value, creating the year if it is new. */
export async function setTargetYear(w: Write, targetId: number, values: TargetYearValues): Promise<TargetYear> {
  const target = await loadReference(w, targets, targetId);
  checkYearValues(target.metric, values);
  const where = { targetId_year: { targetId, year: values.year } };
  const before = await w.tx.targetYear.findUnique({ where });
  return saveReference(w, 'TargetYear', before, (tx) =>
    tx.targetYear.upsert({
      where,
      create: {
        targetId,
        year: values.year,
        plannedValue: values.plannedValue ?? null,
        actualValue: values.actualValue ?? null,
        note: values.note ?? null,
      },
      update: { plannedValue: values.plannedValue, actualValue: values.actualValue, note: values.note },
    }),
  );
}
