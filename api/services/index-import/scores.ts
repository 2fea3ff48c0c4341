// Importing a year's scores: one row per unit and node, under the framework of the level and year.
//
// Columns: unit_code (mã đơn vị) · node_code (mã chỉ tiêu) · points (điểm) · unit_name, node_name,
// note (tên đơn vị, tên chỉ tiêu, ghi chú): optional and ignored.
// Rules: units exist and are of the level's kind (DISTRICT, AGENCY, COMMUNE or TOWNSHIP for COMMUNE);
// nodes belong to the framework; points are numbers from 0 to the node's maximum with at most two
// decimals; one row per unit and node. A parent's points are computed from its children when only
// the children are given, and checked against them when both are; a parent given alone stands
// (its children then have no points). Every top-level field of a unit must end up with points, and
// a node with points on some of its children needs them on all.
//
// Replacing: a unit that already has a result under the framework is refused unless `replace` is
// set; then its scores are deleted and written anew, and the result itself (with its published
// figures) is kept. Nothing else refers to scores, so nothing is left dangling.
import type { IndexLevel, Prisma, UnitKind } from '../../../generated/prisma/client.ts';
import type { Write } from '../mutation.ts';
import {
  cellOf,
  columnName,
  matchHeader,
  parsePoints,
  samePoints,
  sortErrors,
  strayCells,
  sumPoints,
  type ColumnSpec,
  type RowError,
} from './columns.ts';
import type { Table } from './read.ts';
import { refusedReport, type ImportReport } from './report.ts';

type ScoreKey = 'unitCode' | 'nodeCode' | 'points' | 'unitName' | 'nodeName' | 'note';

export const scoreColumns: readonly ColumnSpec<ScoreKey>[] = [
  { key: 'unitCode', name: 'unit_code', required: true, aliases: ['unit', 'mã đơn vị', 'đơn vị'] },
  {
    key: 'nodeCode',
    name: 'node_code',
    required: true,
    aliases: ['mã chỉ tiêu', 'mã tiêu chí', 'chỉ tiêu', 'tiêu chí'],
  },
  { key: 'points', name: 'points', required: true, aliases: ['score', 'điểm', 'điểm đạt', 'điểm đạt được', 'điểm số'] },
  { key: 'unitName', name: 'unit_name', required: false, aliases: ['tên đơn vị'], ignored: true },
  { key: 'nodeName', name: 'node_name', required: false, aliases: ['tên chỉ tiêu', 'tên tiêu chí'], ignored: true },
  { key: 'note', name: 'note', required: false, aliases: ['ghi chú'], ignored: true },
];

/** The kinds of unit each level scores. */
export const unitKindsOfLevel: Record<IndexLevel, readonly UnitKind[]> = {
  DISTRICT: ['DISTRICT'],
  AGENCY: ['AGENCY'],
  COMMUNE: ['COMMUNE', 'TOWNSHIP'],
};

export interface ScoresImportInput {
  level: IndexLevel;
  year: number;
  replace: boolean;
  dryRun: boolean;
}

interface FrameworkNode {
  id: number;
  code: string;
  parentId: number | null;
  maxPoints: number;
}

export interface UnitScores {
  unitId: number;
  unitCode: string;
  /** The unit's existing result under the framework, replaced when set. */
  existingResultId: number | null;
  /** Points per node id, given and computed. */
  points: Map<number, number>;
}

export interface ScoresPlan {
  report: ImportReport;
  units: UnitScores[];
}

interface GivenScore {
  row: number;
  points: number;
}

/** Checks a scores file against the framework, the units and the rules; writes nothing. */
export async function planScoresImport(
  db: Prisma.TransactionClient,
  input: ScoresImportInput,
  table: Table,
): Promise<ScoresPlan> {
  const [header, ...rows] = table.rows;
  const refuse = (errors: RowError[], frameworkId: number | null = null): ScoresPlan => ({
    report: refusedReport(sortErrors(errors), rows.length, input.dryRun, frameworkId),
    units: [],
  });
  if (!header) return refuse([{ row: null, column: null, message: 'The file is empty: no header and no rows' }]);
  const match = matchHeader(header, scoreColumns);
  const framework = await db.indexFramework.findUnique({
    where: { level_year: { level: input.level, year: input.year } },
    select: { id: true, nodes: { select: { id: true, code: true, parentId: true, maxPoints: true } } },
  });
  const fileErrors = [...match.errors];
  if (!framework) {
    fileErrors.unshift({
      row: null,
      column: null,
      message: `There is no ${input.level} framework for ${input.year}; import its structure first`,
    });
  }
  if (!framework || fileErrors.length) return refuse(fileErrors, framework?.id ?? null);
  if (rows.length === 0) {
    return refuse([{ row: null, column: null, message: 'The file has a header but no rows' }], framework.id);
  }

  const errors: RowError[] = [];
  const col = (key: ScoreKey) => columnName(match, scoreColumns, key);
  const nodes: FrameworkNode[] = framework.nodes.map((n) => ({ ...n, maxPoints: n.maxPoints.toNumber() }));
  const nodeByCode = new Map(nodes.map((n) => [n.code, n]));
  const childrenOf = new Map<number | null, FrameworkNode[]>();
  for (const node of nodes) childrenOf.set(node.parentId, [...(childrenOf.get(node.parentId) ?? []), node]);
  const kinds = unitKindsOfLevel[input.level];

  // Units are a few hundred at most: codes are matched without regard to letter case here.
  const units = await db.unit.findMany({ select: { id: true, code: true, name: true, kind: true } });
  const unitByCode = new Map(units.map((u) => [u.code.toUpperCase(), u]));

  /** Per unit: its first row and the points given per node. */
  const given = new Map<number, { unitCode: string; firstRow: number; scores: Map<number, GivenScore> }>();
  for (const row of rows) {
    errors.push(...strayCells(header, row));
    const fail = (key: ScoreKey, message: string) => errors.push({ row: row.row, column: col(key), message });
    const unitText = cellOf(match, row, 'unitCode');
    const unit = unitByCode.get(unitText.toUpperCase());
    if (unitText === '') fail('unitCode', 'The unit code is missing');
    else if (!unit) fail('unitCode', `Unknown unit "${unitText}"`);
    else if (!kinds.includes(unit.kind)) {
      fail('unitCode', `${unit.code} (${unit.name}) is a ${unit.kind} unit, not scored at the ${input.level} level`);
    }
    const nodeText = cellOf(match, row, 'nodeCode');
    const node = nodeByCode.get(nodeText);
    if (nodeText === '') fail('nodeCode', 'The node code is missing');
    else if (!node) fail('nodeCode', `No node ${nodeText} in the ${input.level} framework for ${input.year}`);
    const points = parsePoints(cellOf(match, row, 'points'));
    const aboveMaximum = points.ok && node !== undefined && points.value > node.maxPoints;
    if (!points.ok) fail('points', points.message);
    else if (aboveMaximum) fail('points', `${points.value} is above the maximum of ${node.code} (${node.maxPoints})`);
    if (!unit || !node || !points.ok || aboveMaximum || !kinds.includes(unit.kind)) continue;
    const entry = given.get(unit.id) ?? { unitCode: unit.code, firstRow: row.row, scores: new Map() };
    given.set(unit.id, entry);
    const earlier = entry.scores.get(node.id);
    if (earlier) {
      fail('nodeCode', `${unit.code} already has points for ${node.code} on row ${earlier.row}`);
      continue;
    }
    entry.scores.set(node.id, { row: row.row, points: points.value });
  }

  // The tree, unit by unit: parents computed from children or checked against them.
  const planned: UnitScores[] = [];
  for (const [unitId, entry] of given) {
    const points = new Map<number, number>();
    const broken = new Set<number>();
    const unitError = (row: number, column: string, message: string) =>
      errors.push({ row, column, message: `${entry.unitCode}: ${message}` });
    /** The node's points, given or computed; undefined when it has none (or is broken). */
    const resolve = (node: FrameworkNode): number | undefined => {
      const kids = childrenOf.get(node.id) ?? [];
      const own = entry.scores.get(node.id);
      const values = kids.map(resolve);
      if (kids.some((k) => broken.has(k.id))) {
        broken.add(node.id);
        return undefined;
      }
      const present = kids.filter((_k, i) => values[i] !== undefined);
      if (present.length > 0 && present.length < kids.length) {
        const missing = kids.filter((_k, i) => values[i] === undefined).map((k) => k.code);
        const firstGiven = Math.min(...present.map((k) => firstRowUnder(k, entry.scores, childrenOf)));
        unitError(
          firstGiven,
          col('nodeCode'),
          `${node.code} has points on some of its children but none on ${missing.join(', ')}`,
        );
        broken.add(node.id);
        return undefined;
      }
      const childSum = present.length ? sumPoints(values as number[]) : undefined;
      if (own && childSum !== undefined && !samePoints(own.points, childSum)) {
        unitError(
          own.row,
          col('points'),
          `${node.code} has ${own.points} points but its children add up to ${childSum}`,
        );
        broken.add(node.id);
        return undefined;
      }
      const value = own?.points ?? childSum;
      if (value !== undefined) points.set(node.id, value);
      return value;
    };
    const fields = childrenOf.get(null) ?? [];
    const unscored = fields.filter((field) => resolve(field) === undefined && !broken.has(field.id));
    if (unscored.length) {
      unitError(
        entry.firstRow,
        col('unitCode'),
        `no points for ${unscored.length === 1 ? 'field' : 'fields'} ${unscored.map((f) => f.code).join(', ')} (nor their criteria)`,
      );
    }
    planned.push({ unitId, unitCode: entry.unitCode, existingResultId: null, points });
  }

  const existing = await db.indexResult.findMany({
    where: { frameworkId: framework.id, unitId: { in: [...given.keys()] } },
    select: { id: true, unitId: true },
  });
  const existingByUnit = new Map(existing.map((r) => [r.unitId, r.id]));
  for (const unit of planned) {
    const resultId = existingByUnit.get(unit.unitId);
    if (resultId === undefined) continue;
    unit.existingResultId = resultId;
    if (!input.replace) {
      const entry = given.get(unit.unitId);
      errors.push({
        row: entry?.firstRow ?? null,
        column: col('unitCode'),
        message: `${unit.unitCode} already has a result for ${input.year}; choose replace to overwrite its scores`,
      });
    }
  }

  if (errors.length) return refuse(errors, framework.id);
  return {
    report: {
      ok: true,
      dryRun: input.dryRun,
      rowsRead: rows.length,
      errors: [],
      errorCount: 0,
      frameworkId: framework.id,
      nodesCreated: 0,
      resultsCreated: planned.filter((u) => u.existingResultId === null).length,
      scoresCreated: planned.reduce((sum, u) => sum + u.points.size, 0),
    },
    units: planned,
  };
}

/** The first row giving points to the node or a node below it. */
function firstRowUnder(
  node: FrameworkNode,
  scores: Map<number, GivenScore>,
  childrenOf: Map<number | null, FrameworkNode[]>,
): number {
  const own = scores.get(node.id)?.row ?? Number.POSITIVE_INFINITY;
  const below = (childrenOf.get(node.id) ?? []).map((k) => firstRowUnder(k, scores, childrenOf));
  return Math.min(own, ...below);
}

/** Writes a checked plan: new results, replaced scores, and one audit row for the whole import. */
export async function writeScoresImport(w: Write, plan: ScoresPlan, format: string): Promise<ImportReport> {
  const { tx } = w;
  const frameworkId = plan.report.frameworkId as number;
  const replaced = plan.units.filter((u) => u.existingResultId !== null);
  if (replaced.length) {
    await tx.indexScore.deleteMany({ where: { resultId: { in: replaced.map((u) => u.existingResultId as number) } } });
  }
  const fresh = plan.units.filter((u) => u.existingResultId === null);
  const created = fresh.length
    ? await tx.indexResult.createManyAndReturn({
        data: fresh.map((u) => ({ unitId: u.unitId, frameworkId })),
        select: { id: true, unitId: true },
      })
    : [];
  const resultOf = new Map([
    ...replaced.map((u) => [u.unitId, u.existingResultId as number] as const),
    ...created.map((r) => [r.unitId, r.id] as const),
  ]);
  const data = plan.units.flatMap((u) =>
    [...u.points].map(([nodeId, points]) => ({ resultId: resultOf.get(u.unitId) as number, nodeId, points })),
  );
  const { count } = await tx.indexScore.createMany({ data });
  const units = plan.units.map((u) => u.unitCode).sort();
  w.audit({
    action: 'UPDATE',
    entity: 'IndexFramework',
    entityId: frameworkId,
    changes: {
      scoredUnits: { before: replaced.map((u) => u.unitCode).sort(), after: units },
    },
    note: `Imported ${count} scores of ${units.length} unit(s) from a ${format} file: ${created.length} new result(s), ${replaced.length} replaced`,
  });
  return { ...plan.report, resultsCreated: created.length, scoresCreated: count };
}
