// Loads what target progress needs, for many targets at once in a fixed number of queries: the
// targets and their years, and the actual values of non-manual targets derived from the unit's PAR
// index results (published figure, else computed from the scores by index-loaders.ts) and SIPAS results.
import type { Comparator, PrismaClient, ServiceSector, TargetMetric } from '../../generated/prisma/client.ts';
import type { IndexLoaders } from './index-loaders.ts';
import { levelOfUnitKind } from './improvement-plan.ts';
import { evaluateTarget, type TargetEvaluation, type YearValues } from './target-progress.ts';

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

/** Derived actual values by target id, then year; manual targets have none. */
export async function derivedActuals(
  ctx: { prisma: PrismaClient; loaders: { index: IndexLoaders } },
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
    const own = await ctx.prisma.indexResult.findMany({
      where: { unitId: { in: unitIds } },
      select: {
        id: true,
        unitId: true,
        frameworkId: true,
        publishedPercent: true,
        framework: { select: { year: true, level: true } },
      },
    });
    // Percent and rank by the index's own rules (tree totals, competition ranks), for the whole framework.
    const loaders = ctx.loaders.index;
    const frameworkIds = [...new Set(own.map((r) => r.frameworkId))];
    const rankings = new Map(
      await Promise.all(frameworkIds.map(async (id) => [id, await loaders.ranking.load(id)] as const)),
    );
    for (const target of indexTargets) {
      const level = target.unit ? levelOfUnitKind(target.unit.kind) : null;
      const values = new Map<number, number>();
      for (const result of own) {
        if (result.unitId !== target.unitId || (level && result.framework.level !== level)) continue;
        const ranked = rankings.get(result.frameworkId)?.byResult.get(result.id);
        // The published figure when there is one (the ranking's rank already prefers the published rank).
        const value =
          target.metric === 'PAR_INDEX_PERCENT'
            ? (result.publishedPercent?.toNumber() ?? ranked?.percent ?? null)
            : (ranked?.rank ?? null);
        if (value !== null) values.set(result.framework.year, value);
      }
      out.set(target.id, values);
    }
  }

  if (satisfactionTargets.length) {
    const rows = await ctx.prisma.satisfactionResult.findMany({
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
  ctx: { prisma: PrismaClient; loaders: { index: IndexLoaders } },
  ids: readonly number[] | 'all',
  currentYear: number,
): Promise<Map<number, TargetValues>> {
  const targets = await ctx.prisma.target.findMany({
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
  const derived = await derivedActuals(ctx, targets);
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
