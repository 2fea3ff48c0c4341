import { describe, expect, it } from 'vitest';
import { percentOf, topLevelTotal } from '../../api/services/index-scores.ts';

describe('index totals', () => {
  it('sums only the top-level fields, not their criteria again', () => {
    const nodes = [
      { parentId: null, points: 8.5 },
      { parentId: 1, points: 4.25 },
      { parentId: 1, points: 4.25 },
      { parentId: null, points: 83.7 },
    ];
    expect(topLevelTotal(nodes)).toBe(92.2);
  });

  it('gives the percentage of the maximum with two decimals', () => {
    expect(percentOf(92.2, 100)).toBe(92.2);
    expect(percentOf(61, 66)).toBe(92.42);
  });

  it('has no percentage without a maximum', () => {
    expect(percentOf(5, 0)).toBeNull();
  });
});
