// Loads what the checks and the comparison of improvement plans need, for many plans at once in a
// fixed number of queries: the plans with their targets' and actions' node codes, the results of
// their units with their points, and the nodes of those results' frameworks.
import type { IndexLevel, PrismaClient } from '../../generated/prisma/client.ts';
import {
  checkPlan,
  comparePlan,
  type PlanCheck,
  type PlanComparisonValue,
  type PlanFacts,
  type ResultTree,
  type TreeNode,
} from './plan-checks.ts';
import { levelOfUnitKind } from './plans.ts';

type Db = Pick<PrismaClient, 'improvementPlan' | 'indexResult' | 'indexNode'>;

export interface PlanValues {
  id: number;
  /** The unit's latest result before the plan year, at the unit's level. */
  baselineResultId: number | null;
  /** The unit's result of the plan year, once it exists. */
  actualResultId: number | null;
  checks: PlanCheck[];
  comparison: PlanComparisonValue;
}

export async function loadPlanValues(db: Db, ids: readonly number[] | 'all'): Promise<Map<number, PlanValues>> {
  const plans = await db.improvementPlan.findMany({
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
  const unitIds = [...new Set(plans.map((p) => p.unitId))];
  const results = unitIds.length
    ? await db.indexResult.findMany({
        where: { unitId: { in: unitIds } },
        select: {
          id: true,
          unitId: true,
          frameworkId: true,
          publishedPercent: true,
          framework: { select: { year: true, level: true } },
          scores: { select: { nodeId: true, points: true } },
        },
      })
    : [];
  const frameworkIds = [...new Set(results.map((r) => r.frameworkId))];
  const nodes = frameworkIds.length
    ? await db.indexNode.findMany({
        where: { frameworkId: { in: frameworkIds } },
        select: {
          id: true,
          frameworkId: true,
          parentId: true,
          code: true,
          name: true,
          maxPoints: true,
          sortOrder: true,
        },
      })
    : [];
  const nodesOf = new Map<number, TreeNode[]>();
  for (const node of nodes) {
    const list = nodesOf.get(node.frameworkId) ?? [];
    list.push({ ...node, maxPoints: node.maxPoints.toNumber() });
    nodesOf.set(node.frameworkId, list);
  }
  const treeOf = (result: (typeof results)[number]): ResultTree => ({
    nodes: nodesOf.get(result.frameworkId) ?? [],
    points: new Map(result.scores.map((s) => [s.nodeId, s.points.toNumber()])),
    publishedPercent: result.publishedPercent?.toNumber() ?? null,
  });

  const out = new Map<number, PlanValues>();
  for (const plan of plans) {
    const level: IndexLevel | null = levelOfUnitKind(plan.unit.kind);
    const own = results
      .filter((r) => r.unitId === plan.unitId && (!level || r.framework.level === level))
      .sort((a, b) => b.framework.year - a.framework.year);
    const baseline = own.find((r) => r.framework.year < plan.year) ?? null;
    const actual = own.find((r) => r.framework.year === plan.year) ?? null;
    const facts: PlanFacts = {
      targetPercent: plan.targetPercent.toNumber(),
      targets: plan.targets.map((t) => ({ code: t.node.code, targetPoints: t.targetPoints.toNumber() })),
      actionCodes: plan.actions.map((a) => a.node?.code ?? null),
    };
    const last = baseline ? treeOf(baseline) : null;
    out.set(plan.id, {
      id: plan.id,
      baselineResultId: baseline?.id ?? null,
      actualResultId: actual?.id ?? null,
      checks: checkPlan(facts, last),
      comparison: comparePlan(facts, last, actual ? treeOf(actual) : null),
    });
  }
  return out;
}
