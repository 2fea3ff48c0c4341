// Totals of the PAR index, computed from the framework's tree (never stored, never constant in code).

export interface NodePoints {
  parentId: number | null;
  points: number;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/** Sum of the top-level fields' points: the total of a result or the maximum of a framework. */
export function topLevelTotal(nodes: readonly NodePoints[]): number {
  return round2(nodes.filter((node) => node.parentId === null).reduce((sum, node) => sum + node.points, 0));
}

/** Points as a percentage of the maximum, two decimals; null when there is no maximum. */
export function percentOf(points: number, maximum: number): number | null {
  return maximum > 0 ? round2((points / maximum) * 100) : null;
}
