// Loads what the checks and the comparison of improvement plans need, for many plans at once in a
// fixed number of statements: the plans with their targets' and actions' node codes; per plan, two
// results of its unit only (the baseline and the plan year's); and, through the request's index
// loaders (index-loaders.ts), those results' frameworks and the points of just the nodes the checks
// read, summed by the tree rule in the database. Score rows are never loaded.
import type { IndexLevel, IndexNode, PrismaClient } from '../../generated/prisma/client.ts';
import type { IndexLoaders } from './index-loaders.ts';
import {
  checkPlan,
  comparePlan,
  type PlanCheck,
  type PlanComparisonValue,
  type PlanFacts,
  type ResultTree,
} from './plan-checks.ts';
import { levelOfUnitKind } from './improvement-plan.ts';

export interface PlanValues {
  id: number;
  /** The unit's latest result before the plan year, at the unit's level. */
  baselineResultId: number | null;
  /** The unit's result of the plan year, once it exists. */
  actualResultId: number | null;
  checks: PlanCheck[];
  comparison: PlanComparisonValue;
}

interface PlanResult {
  planId: number;
  id: number;
  frameworkId: number;
  publishedPercent: number | null;
  year: number;
}

/**
 * Per plan, the unit's latest result before the plan year and its result of the plan year, both at the
 * unit's level (any level for units the index does not score; ties then go to the first recorded).
 */
async function planResults(
  prisma: PrismaClient,
  plans: readonly { id: number; unitId: number; year: number; level: IndexLevel | null }[],
): Promise<PlanResult[]> {
  return prisma.$queryRaw<PlanResult[]>`
    SELECT p."planId", r.id, r."frameworkId", r."publishedPercent", r.year
    FROM unnest(
      ${plans.map((p) => p.id)}::int[], ${plans.map((p) => p.unitId)}::int[],
      ${plans.map((p) => p.year)}::int[], ${plans.map((p) => p.level)}::text[]
    ) AS p ("planId", "unitId", year, level)
    CROSS JOIN LATERAL (
      (SELECT res.id, res."frameworkId", res."publishedPercent"::float8 AS "publishedPercent", f.year
       FROM "IndexResult" res
       JOIN "IndexFramework" f ON f.id = res."frameworkId"
       WHERE res."unitId" = p."unitId" AND f.year < p.year AND (p.level IS NULL OR f.level::text = p.level)
       ORDER BY f.year DESC, res.id
       LIMIT 1)
      UNION ALL
      (SELECT res.id, res."frameworkId", res."publishedPercent"::float8, f.year
       FROM "IndexResult" res
       JOIN "IndexFramework" f ON f.id = res."frameworkId"
       WHERE res."unitId" = p."unitId" AND f.year = p.year AND (p.level IS NULL OR f.level::text = p.level)
       ORDER BY res.id
       LIMIT 1)
    ) r`;
}

/**
 * A result's tree cut to its top-level fields and the nodes of the given codes, each with its points by
 * the tree rule: the checks and the comparison read no other node, and nodeTotals keeps given points.
 */
async function treeOf(
  loaders: IndexLoaders,
  result: PlanResult,
  frameworkNodes: readonly IndexNode[],
  codes: ReadonlySet<string>,
): Promise<ResultTree> {
  const nodes = frameworkNodes.filter((node) => node.parentId === null || codes.has(node.code));
  const points = await Promise.all(
    nodes.map((node) => loaders.nodePoints.load({ resultId: result.id, nodeId: node.id })),
  );
  return {
    nodes: nodes.map((node) => ({
      id: node.id,
      parentId: node.parentId,
      code: node.code,
      name: node.name,
      maxPoints: node.maxPoints.toNumber(),
      sortOrder: node.sortOrder,
    })),
    points: new Map(
      nodes.flatMap((node, i) => {
        const value = points[i];
        return value === null || value === undefined ? [] : [[node.id, value] as const];
      }),
    ),
    publishedPercent: result.publishedPercent,
  };
}

export async function loadPlanValues(
  ctx: { prisma: PrismaClient; loaders: { index: IndexLoaders } },
  ids: readonly number[] | 'all',
): Promise<Map<number, PlanValues>> {
  const plans = await ctx.prisma.improvementPlan.findMany({
    where: ids === 'all' ? {} : { id: { in: [...ids] } },
    select: {
      id: true,
      unitId: true,
      year: true,
      targetPercent: true,
      unit: { select: { kind: true } },
      targets: { select: { targetPoints: true, node: { select: { code: true } } } },
      actions: { select: { node: { select: { code: true } } } },
    },
  });
  const results = plans.length
    ? await planResults(
        ctx.prisma,
        plans.map((p) => ({ id: p.id, unitId: p.unitId, year: p.year, level: levelOfUnitKind(p.unit.kind) })),
      )
    : [];
  const loaders = ctx.loaders.index;
  const frameworkIds = [...new Set(results.map((r) => r.frameworkId))];
  const frameworks = await Promise.all(frameworkIds.map((id) => loaders.framework.load(id)));
  const nodesOf = new Map(frameworkIds.map((id, i) => [id, frameworks[i]?.nodes ?? []]));

  // Every plan asks for its points in the same tick, so that they load in one batch.
  const values = await Promise.all(
    plans.map(async (plan): Promise<PlanValues> => {
      const own = results.filter((r) => r.planId === plan.id);
      const baseline = own.find((r) => r.year < plan.year) ?? null;
      const actual = own.find((r) => r.year === plan.year) ?? null;
      const facts: PlanFacts = {
        targetPercent: plan.targetPercent.toNumber(),
        targets: plan.targets.map((t) => ({ code: t.node.code, targetPoints: t.targetPoints.toNumber() })),
        actionCodes: plan.actions.map((a) => a.node?.code ?? null),
      };
      // The checks read the last result's fields and targeted nodes; the comparison only fields.
      const [last, actualTree] = await Promise.all([
        baseline &&
          treeOf(loaders, baseline, nodesOf.get(baseline.frameworkId) ?? [], new Set(facts.targets.map((t) => t.code))),
        actual && treeOf(loaders, actual, nodesOf.get(actual.frameworkId) ?? [], new Set()),
      ]);
      return {
        id: plan.id,
        baselineResultId: baseline?.id ?? null,
        actualResultId: actual?.id ?? null,
        checks: checkPlan(facts, last),
        comparison: comparePlan(facts, last, actualTree),
      };
    }),
  );
  return new Map(values.map((v) => [v.id, v]));
}
