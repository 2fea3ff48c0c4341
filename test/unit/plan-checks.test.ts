// Improvement-plan checks on a fixed result tree with hand-computed answers.
import { describe, expect, it } from 'vitest';
import {
  checkPlan,
  comparePlan,
  nodePoints,
  resultPercent,
  weakestFields,
  type ResultTree,
  type TreeNode,
} from '../../api/services/plan-checks.ts';

const node = (id: number, code: string, maxPoints: number, parentId: number | null = null): TreeNode => ({
  id,
  parentId,
  code,
  name: `Lĩnh vực ${code}`,
  maxPoints,
  sortOrder: parentId === null ? Number(code) : 0,
});

// Five fields, 110 points. Field 2 has no points of its own: its criteria give 8 + 6 = 14.
const nodes = [
  node(1, '1', 10),
  node(2, '2', 20),
  node(21, '2.1', 10, 2),
  node(22, '2.2', 10, 2),
  node(3, '3', 30),
  node(4, '4', 40),
  node(5, '5', 10),
];

// Shares: 1 → 8/10 = .8, 2 → 14/20 = .7, 3 → 24/30 = .8, 4 → 40/40 (full marks), 5 → 8/10 = .8.
// Total 8 + 14 + 24 + 40 + 8 = 94 of 110 = 85.4545 → 85.45%.
const last: ResultTree = {
  nodes,
  points: new Map([
    [1, 8],
    [21, 8],
    [22, 6],
    [3, 24],
    [4, 40],
    [5, 8],
  ]),
  publishedPercent: null,
};

describe('result tree', () => {
  it('sums children when a node has no points of its own, and computes the percent', () => {
    expect(nodePoints(last).get(2)).toBe(14);
    expect(resultPercent(last)).toBe(85.45);
    expect(resultPercent({ ...last, publishedPercent: 86 })).toBe(86);
  });

  it('weakest fields: the three lowest shares, ties with the third included, full marks left out', () => {
    // .7 (field 2), then .8 three times (1, 3, 5): the third's share is .8, so all four.
    expect(weakestFields(last).map((f) => f.code)).toEqual(['2', '1', '3', '5']);
    const noTies: ResultTree = { ...last, points: new Map([...last.points, [1, 9], [5, 9.5]]) };
    // .7 (2), .8 (3), .9 (1), .95 (5): three.
    expect(weakestFields(noTies).map((f) => f.code)).toEqual(['2', '3', '1']);
  });
});

describe('plan checks', () => {
  it('flags a total not above the last result, weakest fields without an action and targets below last points', () => {
    const checks = checkPlan(
      {
        targetPercent: 85.45,
        targets: [
          { code: '3', targetPoints: 25 },
          { code: '2.1', targetPoints: 7 },
        ],
        // An action on criterion 2.2 covers field 2; field 3 directly; one action aims at no node.
        actionCodes: ['2.2', '3', null],
      },
      last,
    );
    expect(checks).toEqual([
      {
        code: 'NOT_ABOVE_LAST_RESULT',
        nodeId: null,
        message: 'The plan aims at 85.45%, not above the last result of 85.45%',
      },
      {
        code: 'WEAKEST_FIELD_WITHOUT_ACTION',
        nodeId: 1,
        message: 'Field 1 (Lĩnh vực 1) is among the weakest last time (8 of 10, 80%) and no action aims at it',
      },
      {
        code: 'WEAKEST_FIELD_WITHOUT_ACTION',
        nodeId: 5,
        message: 'Field 5 (Lĩnh vực 5) is among the weakest last time (8 of 10, 80%) and no action aims at it',
      },
      {
        code: 'FIELD_TARGET_BELOW_LAST_RESULT',
        nodeId: 21,
        message: '2.1 aims at 7 points, below the 8 scored last time',
      },
    ]);
  });

  it('passes a plan above the last result with an action on every weakest field', () => {
    const plan = {
      targetPercent: 87,
      targets: [
        { code: '1', targetPoints: 9 },
        { code: '2', targetPoints: 15 },
      ],
      actionCodes: ['1', '2', '3.1', '5'],
    };
    expect(checkPlan(plan, last)).toEqual([]);
  });

  it('says there is nothing to check against without a last result', () => {
    expect(checkPlan({ targetPercent: 90, targets: [], actionCodes: [] }, null)).toEqual([
      {
        code: 'NO_BASELINE',
        nodeId: null,
        message: 'No earlier PAR index result of the unit to check the plan against',
      },
    ]);
  });
});

describe('plan comparison', () => {
  const plan = {
    targetPercent: 88,
    targets: [
      { code: '1', targetPoints: 9 },
      { code: '2', targetPoints: 17 },
      { code: '3', targetPoints: 25 },
    ],
    actionCodes: [],
  };

  it('shows last and target per field before the year is scored', () => {
    const c = comparePlan(plan, last, null);
    expect(c).toMatchObject({ lastPercent: 85.45, targetPercent: 88, actualPercent: null, met: null });
    expect(c.fields.map((f) => [f.node.code, f.lastPoints, f.targetPoints, f.actualPoints, f.met])).toEqual([
      ['1', 8, 9, null, null],
      ['2', 14, 17, null, null],
      ['3', 24, 25, null, null],
      ['4', 40, null, null, null],
      ['5', 8, null, null, null],
    ]);
  });

  it("compares with the year's result by code: 98 of 110 = 89.09%", () => {
    // The new year's framework has other ids; codes match. 9 + (9 + 7) + 25 + 40 + 8 = 98.
    const shift = (n: TreeNode): TreeNode => ({ ...n, id: n.id + 100, parentId: n.parentId && n.parentId + 100 });
    const actual: ResultTree = {
      nodes: nodes.map(shift),
      points: new Map([
        [101, 9],
        [121, 9],
        [122, 7],
        [103, 25],
        [104, 40],
        [105, 8],
      ]),
      publishedPercent: null,
    };
    const c = comparePlan(plan, last, actual);
    expect(c).toMatchObject({ lastPercent: 85.45, actualPercent: 89.09, met: true });
    expect(c.fields.map((f) => [f.node.id, f.lastPoints, f.targetPoints, f.actualPoints, f.met])).toEqual([
      [101, 8, 9, 9, true],
      [102, 14, 17, 16, false],
      [103, 24, 25, 25, true],
      [104, 40, null, 40, null],
      [105, 8, null, 8, null],
    ]);
  });
});
