// The PAR index score rules on fixed data, against answers worked out by hand.
import { describe, expect, it } from 'vitest';
import {
  compareCodes,
  competitionRanks,
  delta,
  effectiveRank,
  nodeTotals,
  percentOf,
  pointsLost,
  rankChange,
  treeTotal,
  weakestField,
} from '../../api/services/index-scores.ts';

// Field 1 (id 1) with criteria 1.1 (11) and 1.2 (12); field 2 (2) with criterion 2.1 (21), which has
// sub-criteria 2.1.1 (211) and 2.1.2 (212); field 3 (3) without criteria.
const tree = [
  { id: 1, parentId: null },
  { id: 11, parentId: 1 },
  { id: 12, parentId: 1 },
  { id: 2, parentId: null },
  { id: 21, parentId: 2 },
  { id: 211, parentId: 21 },
  { id: 212, parentId: 21 },
  { id: 3, parentId: null },
];

describe('node totals from the tree', () => {
  it("gives a parent without a stored score the sum of its children's points, down the levels", () => {
    // Stored: 1.1 = 3.5, 1.2 = 4.25 (field 1 not stored); 2.1.1 = 2, 2.1.2 = 1.5 (neither 2 nor 2.1); 3 = 40.
    const scores = new Map([
      [11, 3.5],
      [12, 4.25],
      [211, 2],
      [212, 1.5],
      [3, 40],
    ]);
    const totals = nodeTotals(tree, scores);
    expect(totals.get(1)).toBe(7.75);
    expect(totals.get(21)).toBe(3.5);
    expect(totals.get(2)).toBe(3.5);
    expect(totals.get(3)).toBe(40);
    // 7.75 + 3.5 + 40
    expect(treeTotal(tree, scores)).toBe(51.25);
  });

  it("keeps a stored score over its children's sum", () => {
    // Field 1 stored as 9 although its criteria add up to 7.75.
    const scores = new Map([
      [1, 9],
      [11, 3.5],
      [12, 4.25],
      [3, 40],
    ]);
    expect(nodeTotals(tree, scores).get(1)).toBe(9);
    // 9 + (field 2 unscored) + 40
    expect(treeTotal(tree, scores)).toBe(49);
  });

  it('has no points where nothing at or under the node was scored', () => {
    const totals = nodeTotals(tree, new Map([[11, 2]]));
    expect(totals.get(1)).toBe(2);
    expect(totals.get(12)).toBeNull();
    expect(totals.get(2)).toBeNull();
    expect(treeTotal(tree, new Map())).toBeNull();
  });

  it('adds decimals without floating-point residue', () => {
    // 0.1 + 0.2 would be 0.30000000000000004
    const totals = nodeTotals(
      tree,
      new Map([
        [11, 0.1],
        [12, 0.2],
      ]),
    );
    expect(totals.get(1)).toBe(0.3);
  });
});

describe('percent of the maximum', () => {
  it('gives two decimals', () => {
    // 73.75 / 80 = 92.1875 %
    expect(percentOf(73.75, 80)).toBe(92.19);
    expect(percentOf(66, 80)).toBe(82.5);
  });

  it('has none without points or maximum', () => {
    expect(percentOf(null, 80)).toBeNull();
    expect(percentOf(10, 0)).toBeNull();
  });
});

describe('competition ranking', () => {
  it('gives equal values the same rank and skips the places they took (1, 1, 3)', () => {
    const ranks = competitionRanks([
      { key: 'C', value: 82.5 },
      { key: 'A', value: 90 },
      { key: 'D', value: 90 },
    ]);
    expect(Object.fromEntries(ranks)).toEqual({ A: 1, D: 1, C: 3 });
  });

  it('ties in the middle and at the bottom too (1, 2, 2, 4; 1, 2, 3, 3)', () => {
    const middle = competitionRanks([
      { key: 'A', value: 80 },
      { key: 'B', value: 75 },
      { key: 'C', value: 80 },
      { key: 'D', value: 90 },
    ]);
    expect(Object.fromEntries(middle)).toEqual({ D: 1, A: 2, C: 2, B: 4 });
    const bottom = competitionRanks([
      { key: 1, value: 70 },
      { key: 2, value: 95 },
      { key: 3, value: 70 },
      { key: 4, value: 80 },
    ]);
    expect(Object.fromEntries(bottom)).toEqual({ 2: 1, 4: 2, 1: 3, 3: 3 });
  });

  it('compares at two decimals, as published, and leaves unscored results unranked', () => {
    const ranks = competitionRanks([
      { key: 'x', value: 85.004 },
      { key: 'y', value: 84.996 },
      { key: 'z', value: null },
      { key: 'w', value: 84.99 },
    ]);
    expect(Object.fromEntries(ranks)).toEqual({ x: 1, y: 1, w: 3 });
    expect(ranks.has('z')).toBe(false);
  });

  it('shows the published rank over the computed one', () => {
    expect(effectiveRank({ rank: 1, of: 4 }, { rank: 2, of: 4 })).toEqual({ rank: 1, of: 4 });
    expect(effectiveRank({ rank: 3, of: null }, { rank: 2, of: 5 })).toEqual({ rank: 3, of: 5 });
    expect(effectiveRank({ rank: null, of: null }, { rank: 2, of: 5 })).toEqual({ rank: 2, of: 5 });
    expect(effectiveRank({ rank: null, of: null }, { rank: null, of: 5 })).toEqual({ rank: null, of: null });
  });
});

describe('year-over-year changes', () => {
  it('subtracts the previous year at two decimals', () => {
    expect(delta(92.19, 90)).toBe(2.19);
    expect(delta(78.75, 90)).toBe(-11.25);
    // 18.25 - 18.1 would be 0.14999999999999858
    expect(delta(18.25, 18.1)).toBe(0.15);
  });

  it('has no change without both years', () => {
    expect(delta(75, null)).toBeNull();
    expect(delta(null, 75)).toBeNull();
    expect(delta(undefined, 75)).toBeNull();
  });

  it('counts places gained, positive when moving up', () => {
    expect(rankChange(2, 3)).toBe(1);
    expect(rankChange(3, 1)).toBe(-2);
    expect(rankChange(1, 1)).toBe(0);
    expect(rankChange(4, null)).toBeNull();
  });
});

describe('weakest field', () => {
  it('is the field that lost most points', () => {
    const fields = [
      { code: '1', maxPoints: 10, points: 9.5 },
      { code: '2', maxPoints: 20, points: 18.25 },
      { code: '3', maxPoints: 50, points: 46 },
    ];
    expect(weakestField(fields)?.code).toBe('3');
    expect(pointsLost(50, 46)).toBe(4);
    expect(pointsLost(20, 18.25)).toBe(1.75);
    expect(pointsLost(20, null)).toBeNull();
  });

  it('breaks a tie by the lower share of the maximum, then by code order', () => {
    // Each loses 1 point: 9/10 = 0.9, 19/20 = 0.95, 49/50 = 0.98.
    const shares = [
      { code: '3', maxPoints: 50, points: 49 },
      { code: '2', maxPoints: 20, points: 19 },
      { code: '1', maxPoints: 10, points: 9 },
    ];
    expect(weakestField(shares)?.code).toBe('1');
    const same = [
      { code: '10', maxPoints: 10, points: 8 },
      { code: '2', maxPoints: 10, points: 8 },
    ];
    expect(weakestField(same)?.code).toBe('2');
  });

  it('is none when no field lost points or none was scored', () => {
    expect(weakestField([{ code: '1', maxPoints: 10, points: 10 }])).toBeNull();
    expect(weakestField([{ code: '1', maxPoints: 10, points: null }])).toBeNull();
  });
});

describe('code order', () => {
  it('compares dotted codes segment by segment as numbers', () => {
    const codes = ['10', '2', '7.10', '7.2', '7', '1.1.2', '1.1', '1'];
    expect([...codes].sort(compareCodes)).toEqual(['1', '1.1', '1.1.2', '2', '7', '7.2', '7.10', '10']);
  });
});
