// Loads what target progress needs, for many targets at once in a fixed number of queries: the
// targets and their years, and the actual values of non-manual targets derived from the unit's PAR
// index results (published figure, else computed from the scores) and SIPAS results.
import type { Comparator, PrismaClient, ServiceSector, TargetMetric } from '../../generated/prisma/client.ts';
import { levelOfUnitKind } from './plans.ts';
import { evaluateTarget, type TargetEvaluation, type YearValues } from './target-progress.ts';

type Db = Pick<PrismaClient, 'target' | 'indexResult' | 'indexScore' | 'indexNode' | 'satisfactionResult'>;

export interface TargetValues {
  id: number;
  metric: TargetMetric;
  comparator: Comparator;
  targetValue: number;
  targetYear: number;
  baselineYear: number | null;
  /** Years with planned values and actual values (derived ones for non-manual targets). */
  years: YearValues[];
  evaluation: TargetEvaluation;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/** Derived actual values by target id, then year; manual targets have none. */
export async function derivedActuals(
  db: Db,
  targets: readonly {
    id: number;
    metric: TargetMetric;
    sector: ServiceSector | null;
    unitId: number | null;
    unit: { kind: Parameters<typeof levelOfUnitKind>[0] } | null;
  }[],
): Promise<Map<number, Map<number, number>>> {
  const out = new Map<number, Map<number, number>>();
  const indexTargets = targets.filter(
    (t) => (t.metric === 'PAR_INDEX_PERCENT' || t.metric === 'PAR_INDEX_RANK') && t.unitId !== null,
  );
  const satisfactionTargets = targets.filter((t) => t.metric === 'SATISFACTION_PERCENT' && t.unitId !== null);

  if (indexTargets.length) {
    const unitIds = [...new Set(indexTargets.map((t) => t.unitId as number))];
    const own = await db.indexResult.findMany({
      where: { unitId: { in: unitIds } },
      select: {
        id: true,
        unitId: true,
        frameworkId: true,
        publishedPercent: true,
        publishedRank: true,
        framework: { select: { year: true, level: true } },
      },
    });
    const frameworkIds = [...new Set(own.map((r) => r.frameworkId))];
    // Totals of every result of those frameworks (for percent and computed rank), summed in the database.
    const [sums, maxima, peers] = frameworkIds.length
      ? await Promise.all([
          db.indexScore.groupBy({
            by: ['resultId'],
            where: { node: { parentId: null }, result: { frameworkId: { in: frameworkIds } } },
            _sum: { points: true },
          }),
          db.indexNode.groupBy({
            by: ['frameworkId'],
            where: { parentId: null, frameworkId: { in: frameworkIds } },
            _sum: { maxPoints: true },
          }),
          db.indexResult.findMany({
            where: { frameworkId: { in: frameworkIds } },
            select: { id: true, frameworkId: true },
          }),
        ])
      : [[], [], []];
    const pointsOf = new Map(sums.map((s) => [s.resultId, s._sum.points?.toNumber() ?? null]));
    const maxOf = new Map(maxima.map((m) => [m.frameworkId, m._sum.maxPoints?.toNumber() ?? 0]));
    const computedPercent = (resultId: number, frameworkId: number): number | null => {
      const points = pointsOf.get(resultId);
      const max = maxOf.get(frameworkId) ?? 0;
      return points == null || max <= 0 ? null : round2((points / max) * 100);
    };
    const percentsByFramework = new Map<number, number[]>();
    for (const peer of peers) {
      const percent = computedPercent(peer.id, peer.frameworkId);
      if (percent === null) continue;
      const list = percentsByFramework.get(peer.frameworkId) ?? [];
      list.push(percent);
      percentsByFramework.set(peer.frameworkId, list);
    }
    for (const target of indexTargets) {
      const level = target.unit ? levelOfUnitKind(target.unit.kind) : null;
      const values = new Map<number, number>();
      for (const result of own) {
        if (result.unitId !== target.unitId || (level && result.framework.level !== level)) continue;
        let value: number | null;
        if (target.metric === 'PAR_INDEX_PERCENT') {
          value = result.publishedPercent?.toNumber() ?? computedPercent(result.id, result.frameworkId);
        } else if (result.publishedRank != null) {
          value = result.publishedRank;
        } else {
          // Competition rank by computed percent: 1 + the number of results above (ties share a rank).
          const mine = computedPercent(result.id, result.frameworkId);
          const all = percentsByFramework.get(result.frameworkId) ?? [];
          value = mine === null ? null : 1 + all.filter((p) => p > mine).length;
        }
        if (value !== null) values.set(result.framework.year, value);
      }
      out.set(target.id, values);
    }
  }

  if (satisfactionTargets.length) {
    const rows = await db.satisfactionResult.findMany({
      where: {
        element: 'OVERALL',
        OR: satisfactionTargets.map((t) => ({ unitId: t.unitId as number, sector: t.sector as ServiceSector })),
      },
      select: { unitId: true, sector: true, year: true, satisfactionPercent: true },
    });
    for (const target of satisfactionTargets) {
      out.set(
        target.id,
        new Map(
          rows
            .filter((r) => r.unitId === target.unitId && r.sector === target.sector)
            .map((r) => [r.year, r.satisfactionPercent.toNumber()]),
        ),
      );
    }
  }
  return out;
}

/** Targets with their years' values and evaluation, by id, in a fixed number of queries. */
export async function loadTargetValues(
  db: Db,
  ids: readonly number[] | 'all',
  currentYear: number,
): Promise<Map<number, TargetValues>> {
  const targets = await db.target.findMany({
    where: ids === 'all' ? {} : { id: { in: [...ids] } },
    select: {
      id: true,
      metric: true,
      sector: true,
      unitId: true,
      unit: { select: { kind: true } },
      comparator: true,
      targetValue: true,
      targetYear: true,
      baselineYear: true,
      years: { select: { year: true, plannedValue: true, actualValue: true }, orderBy: { year: 'asc' } },
    },
  });
  const derived = await derivedActuals(db, targets);
  const out = new Map<number, TargetValues>();
  for (const target of targets) {
    const manual = target.metric === 'MANUAL';
    const fromResults = derived.get(target.id) ?? new Map<number, number>();
    const years = new Map<number, YearValues>();
    for (const row of target.years) {
      years.set(row.year, {
        year: row.year,
        plannedValue: row.plannedValue?.toNumber() ?? null,
        actualValue: manual ? (row.actualValue?.toNumber() ?? null) : (fromResults.get(row.year) ?? null),
      });
    }
    if (!manual) {
      for (const [year, value] of fromResults) {
        if (year > target.targetYear) continue;
        const row = years.get(year);
        years.set(year, { year, plannedValue: row?.plannedValue ?? null, actualValue: value });
      }
    }
    const facts = {
      comparator: target.comparator,
      targetValue: target.targetValue.toNumber(),
      targetYear: target.targetYear,
      baselineYear: target.baselineYear,
    };
    const list = [...years.values()].sort((a, b) => a.year - b.year);
    out.set(target.id, {
      id: target.id,
      metric: target.metric,
      ...facts,
      years: list,
      evaluation: evaluateTarget(facts, list, currentYear),
    });
  }
  return out;
}
