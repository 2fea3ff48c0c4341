// Progress of a target (chỉ tiêu): the status of each year, a least-squares projection of the trend to
// the target year and an overall status with its reason. Pure functions on plain numbers; the schema
// loads the values (stored, or derived from index and satisfaction results) and calls them.
import type { Comparator } from '../../generated/prisma/client.ts';

export type TargetYearStatus = 'MET' | 'MISSED' | 'NOT_YET_DUE' | 'AWAITING_RESULT' | 'NO_INTERIM_TARGET';
export type TargetStatus = 'ACHIEVED' | 'MISSED' | 'ON_COURSE' | 'AT_RISK' | 'NO_DATA';

export interface TargetFacts {
  comparator: Comparator;
  targetValue: number;
  targetYear: number;
  baselineYear: number | null;
}

export interface YearValues {
  year: number;
  plannedValue: number | null;
  actualValue: number | null;
}

export interface YearProgress {
  year: number;
  /** The value the year is measured against: its interim value, or the target value in the target year. */
  plannedValue: number | null;
  actualValue: number | null;
  status: TargetYearStatus;
  /** True for the target year. */
  final: boolean;
}

export interface Projection {
  method: string;
  slope: number;
  intercept: number;
  /** The fitted line's value in the target year, two decimals. */
  projectedValue: number;
  /** The years the line was fitted to. */
  years: number[];
}

export interface TargetEvaluation {
  progress: YearProgress[];
  projection: Projection | null;
  status: TargetStatus;
  reason: string;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

const comparatorText: Record<Comparator, string> = { GT: '>', GTE: '≥', LT: '<', LTE: '≤', EQ: '=' };

/**
 * Whether `actual` satisfies `comparator` against `target`, on two decimals (the precision values are
 * stored with). Lower-is-better values such as ranks use LT/LTE.
 */
export function meets(comparator: Comparator, actual: number, target: number): boolean {
  const a = Math.round(actual * 100);
  const t = Math.round(target * 100);
  switch (comparator) {
    case 'GT':
      return a > t;
    case 'GTE':
      return a >= t;
    case 'LT':
      return a < t;
    case 'LTE':
      return a <= t;
    case 'EQ':
      return a === t;
  }
}

/** "> 92", "≤ 6": the condition a value must meet, for reasons. */
export function condition(comparator: Comparator, target: number): string {
  return `${comparatorText[comparator]} ${formatNumber(target)}`;
}

function formatNumber(value: number): string {
  return String(round2(value));
}

/**
 * Least-squares line through (year, value) points: null with fewer than two distinct years.
 * slope = Σ(x−x̄)(y−ȳ) / Σ(x−x̄)², intercept = ȳ − slope·x̄ (x in calendar years).
 */
export function linearFit(points: readonly { x: number; y: number }[]): { slope: number; intercept: number } | null {
  if (points.length < 2) return null;
  const n = points.length;
  const meanX = points.reduce((s, p) => s + p.x, 0) / n;
  const meanY = points.reduce((s, p) => s + p.y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const p of points) {
    sxy += (p.x - meanX) * (p.y - meanY);
    sxx += (p.x - meanX) ** 2;
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  return { slope, intercept: meanY - slope * meanX };
}

/**
 * Status of each year, oldest first: the target's years, the years with actual values (from the
 * baseline year on) and the target year itself. A year is measured against its interim value, the
 * target year against the target value (or its own interim value, when one is set). Without an actual
 * value a year that has not ended (the current year or later) is NOT_YET_DUE; an ended year with
 * something to meet is AWAITING_RESULT; a year with nothing to meet is NO_INTERIM_TARGET.
 */
export function yearProgress(target: TargetFacts, years: readonly YearValues[], currentYear: number): YearProgress[] {
  const byYear = new Map<number, YearValues>();
  for (const row of years) {
    if (target.baselineYear != null && row.year < target.baselineYear && row.plannedValue == null) continue;
    byYear.set(row.year, row);
  }
  if (!byYear.has(target.targetYear)) {
    byYear.set(target.targetYear, { year: target.targetYear, plannedValue: null, actualValue: null });
  }
  return [...byYear.values()]
    .sort((a, b) => a.year - b.year)
    .map((row) => {
      const final = row.year === target.targetYear;
      const plannedValue = row.plannedValue ?? (final ? target.targetValue : null);
      let status: TargetYearStatus;
      if (row.actualValue != null) {
        status =
          plannedValue == null
            ? 'NO_INTERIM_TARGET'
            : meets(target.comparator, row.actualValue, plannedValue)
              ? 'MET'
              : 'MISSED';
      } else if (row.year >= currentYear) {
        status = 'NOT_YET_DUE';
      } else {
        status = plannedValue == null ? 'NO_INTERIM_TARGET' : 'AWAITING_RESULT';
      }
      return { year: row.year, plannedValue, actualValue: row.actualValue, status, final };
    });
}

/** Least-squares line through the years with actual values up to the target year, projected to it. */
export function projectTarget(target: TargetFacts, progress: readonly YearProgress[]): Projection | null {
  const known = progress.filter((row) => row.actualValue != null && row.year <= target.targetYear);
  const fit = linearFit(known.map((row) => ({ x: row.year, y: row.actualValue as number })));
  if (!fit) return null;
  return {
    method: 'LEAST_SQUARES_LINEAR',
    slope: fit.slope,
    intercept: fit.intercept,
    projectedValue: round2(fit.slope * target.targetYear + fit.intercept),
    years: known.map((row) => row.year),
  };
}

/**
 * The overall status:
 * - ACHIEVED / MISSED once the target year has an actual value (interim misses are named in the reason);
 * - NO_DATA without any actual value;
 * - otherwise ON_COURSE or AT_RISK by the projection to the target year (two or more years), or by the
 *   only actual value when there is just one (no trend to draw).
 */
export function evaluateTarget(
  target: TargetFacts,
  years: readonly YearValues[],
  currentYear: number,
): TargetEvaluation {
  const progress = yearProgress(target, years, currentYear);
  const projection = projectTarget(target, progress);
  const need = condition(target.comparator, target.targetValue);
  const missedYears = progress.filter((row) => !row.final && row.status === 'MISSED').map((row) => row.year);
  const missedNote = missedYears.length ? `; interim value missed in ${missedYears.join(', ')}` : '';
  const final = progress.find((row) => row.final);
  if (final?.actualValue != null) {
    const met = meets(target.comparator, final.actualValue, target.targetValue);
    return {
      progress,
      projection,
      status: met ? 'ACHIEVED' : 'MISSED',
      reason: `${target.targetYear}: ${formatNumber(final.actualValue)}, target ${need}${missedNote}`,
    };
  }
  const known = progress.filter((row) => row.actualValue != null);
  const latest = known[known.length - 1];
  if (!latest) {
    return { progress, projection, status: 'NO_DATA', reason: 'No actual value yet' };
  }
  if (projection) {
    const ok = meets(target.comparator, projection.projectedValue, target.targetValue);
    const span = `${projection.years[0]}–${projection.years[projection.years.length - 1]}`;
    return {
      progress,
      projection,
      status: ok ? 'ON_COURSE' : 'AT_RISK',
      reason: `The trend of ${span} projects ${formatNumber(projection.projectedValue)} in ${target.targetYear}, target ${need}${missedNote}`,
    };
  }
  const ok = meets(target.comparator, latest.actualValue as number, target.targetValue);
  return {
    progress,
    projection,
    status: ok ? 'ON_COURSE' : 'AT_RISK',
    reason: `Only ${latest.year} is known (${formatNumber(latest.actualValue as number)}), target ${need} in ${target.targetYear}${missedNote}`,
  };
}
