// Checks of an improvement plan against the unit's last PAR index result, and the comparison of the
// plan with the year's result once it arrives. Pure functions on plain data; index nodes are matched
// by their dotted code, which stays the same across years ("7.2" is the same criterion in 2025 and 2026).
import { nodeTotals, round2 } from './index-scores.ts';

export type PlanCheckCode =
  'NOT_ABOVE_LAST_RESULT' | 'WEAKEST_FIELD_WITHOUT_ACTION' | 'FIELD_TARGET_BELOW_LAST_RESULT' | 'NO_BASELINE';

export interface TreeNode {
  id: number;
  parentId: number | null;
  code: string;
  name: string;
  maxPoints: number;
  sortOrder: number;
}

/** A result: its framework's nodes (or just those read) and their points. */
export interface ResultTree {
  nodes: readonly TreeNode[];
  /** Points per node id: the stored scores, or nodes' points by the tree rule (nodeTotals keeps them). */
  points: ReadonlyMap<number, number>;
  /** Published total in percent, when published. */
  publishedPercent: number | null;
}

export interface PlanFacts {
  targetPercent: number;
  /** Points aimed at, by node code. */
  targets: readonly { code: string; targetPoints: number }[];
  /** Node codes the actions aim at (null: an action not aimed at a node). */
  actionCodes: readonly (string | null)[];
}

export interface PlanCheck {
  code: PlanCheckCode;
  /** The node of the last result the check is about, if any. */
  nodeId: number | null;
  message: string;
}

const cents = (value: number) => Math.round(value * 100);

/** Points of every node by the index's tree rule (index-scores.ts); null when nothing was scored. */
export function nodePoints(tree: Pick<ResultTree, 'nodes' | 'points'>): Map<number, number | null> {
  return nodeTotals(tree.nodes, tree.points);
}

/** Top-level fields in code order (sortOrder, then code). */
export function topLevelFields(nodes: readonly TreeNode[]): TreeNode[] {
  return nodes
    .filter((node) => node.parentId === null)
    .sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code, 'en', { numeric: true }));
}

/** The total in percent: the published one, else the top-level fields' points over their maximum. */
export function resultPercent(tree: ResultTree): number | null {
  if (tree.publishedPercent !== null) return tree.publishedPercent;
  const points = nodePoints(tree);
  const fields = topLevelFields(tree.nodes);
  const max = fields.reduce((s, f) => s + f.maxPoints, 0);
  const scored = fields.map((f) => points.get(f.id)).filter((v): v is number => v != null);
  if (max <= 0 || !scored.length) return null;
  return round2((scored.reduce((s, v) => s + v, 0) / max) * 100);
}

/**
 * The weakest fields of a result: the three top-level fields with the lowest share of their maximum
 * (points ÷ max points), ties with the third included, leaving out fields at full marks and fields
 * without points.
 */
export function weakestFields(tree: ResultTree, count = 3): TreeNode[] {
  const points = nodePoints(tree);
  const scored = topLevelFields(tree.nodes)
    .filter((field) => field.maxPoints > 0)
    .map((field) => ({ field, points: points.get(field.id) }))
    .filter((row): row is { field: TreeNode; points: number } => row.points != null)
    .filter((row) => cents(row.points) < cents(row.field.maxPoints))
    .map((row) => ({ field: row.field, share: row.points / row.field.maxPoints }))
    .sort((a, b) => a.share - b.share);
  const cut = scored[Math.min(count, scored.length) - 1];
  if (!cut) return [];
  return scored.filter((row) => row.share <= cut.share + 1e-12).map((row) => row.field);
}

const coversField = (actionCode: string, fieldCode: string) =>
  actionCode === fieldCode || actionCode.startsWith(`${fieldCode}.`);

/**
 * Checks a plan against the last result (null when the unit has none before the plan year):
 * NO_BASELINE alone when there is nothing to check against; otherwise NOT_ABOVE_LAST_RESULT when the
 * plan's total is not above the last percent, WEAKEST_FIELD_WITHOUT_ACTION for each weakest field no
 * action aims at (the field or a criterion under it), FIELD_TARGET_BELOW_LAST_RESULT for each node
 * whose target points are below the points it scored last time.
 */
export function checkPlan(plan: PlanFacts, last: ResultTree | null): PlanCheck[] {
  if (!last) {
    return [
      {
        code: 'NO_BASELINE',
        nodeId: null,
        message: 'No earlier PAR index result of the unit to check the plan against',
      },
    ];
  }
  const checks: PlanCheck[] = [];
  const lastPercent = resultPercent(last);
  if (lastPercent === null) {
    checks.push({ code: 'NO_BASELINE', nodeId: null, message: 'The last result has no total to compare with' });
  } else if (cents(plan.targetPercent) <= cents(lastPercent)) {
    checks.push({
      code: 'NOT_ABOVE_LAST_RESULT',
      nodeId: null,
      message: `The plan aims at ${round2(plan.targetPercent)}%, not above the last result of ${lastPercent}%`,
    });
  }
  const actionCodes = plan.actionCodes.filter((code): code is string => code !== null);
  const points = nodePoints(last);
  for (const field of weakestFields(last)) {
    if (actionCodes.some((code) => coversField(code, field.code))) continue;
    const share = round2(((points.get(field.id) ?? 0) / field.maxPoints) * 100);
    checks.push({
      code: 'WEAKEST_FIELD_WITHOUT_ACTION',
      nodeId: field.id,
      message: `Field ${field.code} (${field.name}) is among the weakest last time (${points.get(field.id) ?? 0} of ${field.maxPoints}, ${share}%) and no action aims at it`,
    });
  }
  const byCode = new Map(last.nodes.map((node) => [node.code, node]));
  for (const target of [...plan.targets].sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }))) {
    const node = byCode.get(target.code);
    const lastPoints = node ? points.get(node.id) : null;
    if (!node || lastPoints == null) continue;
    if (cents(target.targetPoints) < cents(lastPoints)) {
      checks.push({
        code: 'FIELD_TARGET_BELOW_LAST_RESULT',
        nodeId: node.id,
        message: `${target.code} aims at ${round2(target.targetPoints)} points, below the ${lastPoints} scored last time`,
      });
    }
  }
  return checks;
}

export interface FieldComparison {
  /** The field node: of the year's result when it exists, else of the last result. */
  node: TreeNode;
  lastPoints: number | null;
  targetPoints: number | null;
  actualPoints: number | null;
  /** Actual at least the target; null until both are known. */
  met: boolean | null;
}

export interface PlanComparisonValue {
  lastPercent: number | null;
  targetPercent: number;
  actualPercent: number | null;
  met: boolean | null;
  fields: FieldComparison[];
}

/** Target versus last and actual per top-level field, matched by code; actual once the year's result exists. */
export function comparePlan(plan: PlanFacts, last: ResultTree | null, actual: ResultTree | null): PlanComparisonValue {
  const lastPoints = last ? nodePoints(last) : new Map<number, number | null>();
  const actualPoints = actual ? nodePoints(actual) : new Map<number, number | null>();
  const lastByCode = new Map((last?.nodes ?? []).map((node) => [node.code, node]));
  const actualByCode = new Map((actual?.nodes ?? []).map((node) => [node.code, node]));
  const targets = new Map(plan.targets.map((t) => [t.code, t.targetPoints]));
  const frame = actual ?? last;
  const actualPercent = actual ? resultPercent(actual) : null;
  return {
    lastPercent: last ? resultPercent(last) : null,
    targetPercent: plan.targetPercent,
    actualPercent,
    met: actualPercent === null ? null : cents(actualPercent) >= cents(plan.targetPercent),
    fields: (frame ? topLevelFields(frame.nodes) : []).map((node) => {
      const lastNode = lastByCode.get(node.code);
      const actualNode = actualByCode.get(node.code);
      const target = targets.get(node.code) ?? null;
      const actualValue = actualNode ? (actualPoints.get(actualNode.id) ?? null) : null;
      return {
        node,
        lastPoints: lastNode ? (lastPoints.get(lastNode.id) ?? null) : null,
        targetPoints: target,
        actualPoints: actualValue,
        met: target === null || actualValue === null ? null : cents(actualValue) >= cents(target),
      };
    }),
  };
}
