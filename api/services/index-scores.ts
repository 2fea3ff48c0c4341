// The rules of the PAR index scores, as plain functions: totals from the framework's tree (never stored,
// never constant in code), percentages, competition ranks with ties, year-over-year deltas and the
// weakest field. The database queries in index-loaders.ts apply the same tree rule in SQL.

export interface NodePoints {
  parentId: number | null;
  points: number;
}

export interface TreeNode {
  id: number;
  parentId: number | null;
}

/** Two decimals, as the index publishes points and percentages. */
export const round2 = (value: number) => Math.round(value * 100) / 100;

/** Sum of the top-level fields' points: the total of a result or the maximum of a framework. */
export function topLevelTotal(nodes: readonly NodePoints[]): number {
  return round2(nodes.filter((node) => node.parentId === null).reduce((sum, node) => sum + node.points, 0));
}

/** Points as a percentage of the maximum, two decimals; null when there is no maximum or no points. */
export function percentOf(points: number | null, maximum: number): number | null {
  return points !== null && maximum > 0 ? round2((points / maximum) * 100) : null;
}

/**
 * Points per node from the tree: a node's points are its stored score, or the sum of its children's
 * when it has none; null when neither it nor anything below it was scored.
 */
export function nodeTotals(
  nodes: readonly TreeNode[],
  scores: ReadonlyMap<number, number>,
): Map<number, number | null> {
  const children = new Map<number, number[]>();
  for (const node of nodes) {
    if (node.parentId !== null) children.set(node.parentId, [...(children.get(node.parentId) ?? []), node.id]);
  }
  const totals = new Map<number, number | null>();
  const total = (id: number): number | null => {
    if (totals.has(id)) return totals.get(id) ?? null;
    const stored = scores.get(id);
    let value: number | null = stored ?? null;
    if (stored === undefined) {
      for (const child of children.get(id) ?? []) {
        const points = total(child);
        if (points !== null) value = (value ?? 0) + points;
      }
    }
    value = value === null ? null : round2(value);
    totals.set(id, value);
    return value;
  };
  for (const node of nodes) total(node.id);
  return totals;
}

/** A result's total from the tree: the sum of its top-level fields' points; null when nothing was scored. */
export function treeTotal(nodes: readonly TreeNode[], scores: ReadonlyMap<number, number>): number | null {
  const totals = nodeTotals(nodes, scores);
  let sum: number | null = null;
  for (const node of nodes) {
    const points = node.parentId === null ? totals.get(node.id) : null;
    if (points !== null && points !== undefined) sum = (sum ?? 0) + points;
  }
  return sum === null ? null : round2(sum);
}

/**
 * Competition ranking ("1, 1, 3"): the highest value is 1, equal values share a rank and the next value
 * skips the places they took. Values are compared at two decimals, as published. Entries without a
 * value are not ranked and are left out of the map.
 */
export function competitionRanks<K>(entries: readonly { key: K; value: number | null }[]): Map<K, number> {
  const ranked = entries
    .filter((entry): entry is { key: K; value: number } => entry.value !== null)
    .map((entry) => ({ key: entry.key, value: round2(entry.value) }))
    .sort((a, b) => b.value - a.value);
  const ranks = new Map<K, number>();
  ranked.forEach((entry, index) => {
    const previous = ranked[index - 1];
    const rank = previous && previous.value === entry.value ? (ranks.get(previous.key) as number) : index + 1;
    ranks.set(entry.key, rank);
  });
  return ranks;
}

/** The rank a result is shown with: the published one when there is one, else the computed one. */
export function effectiveRank(
  published: { rank: number | null; of: number | null },
  computed: { rank: number | null; of: number },
): { rank: number | null; of: number | null } {
  if (published.rank !== null) return { rank: published.rank, of: published.of ?? computed.of };
  return { rank: computed.rank, of: computed.rank === null ? null : computed.of };
}

/** Change from the previous year, two decimals; null when either year has no value. */
export function delta(current: number | null | undefined, previous: number | null | undefined): number | null {
  return current == null || previous == null ? null : round2(current - previous);
}

/** Places gained since the previous year (positive = moved up); null when either rank is missing. */
export function rankChange(current: number | null | undefined, previous: number | null | undefined): number | null {
  return current == null || previous == null ? null : previous - current;
}

/** Points short of the maximum; null when the node was not scored. */
export function pointsLost(maxPoints: number, points: number | null | undefined): number | null {
  return points == null ? null : round2(maxPoints - points);
}

export interface FieldPoints {
  code: string;
  maxPoints: number;
  points: number | null;
}

/**
 * The field where the unit lost most points (maximum minus points scored). Ties go to the field with
 * the lower share of its maximum, then to the first in code order; unscored fields and fields that
 * lost nothing are never the weakest.
 */
export function weakestField<F extends FieldPoints>(fields: readonly F[]): F | null {
  let weakest: { field: F; lost: number; share: number } | null = null;
  for (const field of [...fields].sort((a, b) => compareCodes(a.code, b.code))) {
    const lost = pointsLost(field.maxPoints, field.points);
    if (lost === null || lost <= 0) continue;
    const share = field.maxPoints > 0 ? (field.points as number) / field.maxPoints : 0;
    if (!weakest || lost > weakest.lost || (lost === weakest.lost && share < weakest.share)) {
      weakest = { field, lost, share };
    }
  }
  return weakest?.field ?? null;
}

/** Orders dotted codes numerically segment by segment: "2" < "10", "7.2" < "7.10", "7" < "7.1". */
export function compareCodes(a: string, b: string): number {
  const left = a.split('.');
  const right = b.split('.');
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const x = left[i];
    const y = right[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const byNumber = Number(x) - Number(y);
    if (Number.isFinite(byNumber) && byNumber !== 0) return byNumber;
    if (!Number.isFinite(byNumber) && x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** The depth of a dotted code: 1 for a field, 2 for a criterion, 3 for a sub-criterion. */
export const depthOf = (code: string) => code.split('.').length;
