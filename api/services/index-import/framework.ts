// Importing the structure of the PAR index for one level and year: one row per field, criterion or
// sub-criterion, its place in the tree given by its dotted code ("3" → "3.2" → "3.2.1").
//
// Columns (English or Vietnamese names, any case, with or without diacritics):
//   code (mã) · name (tên) · max_points (điểm tối đa) · method (phương pháp), optional:
//   SELF_ASSESSED or SURVEY, blank = the parent's method, SELF_ASSESSED at the top ·
//   reform_area (lĩnh vực), optional, the code of a reform area, top-level fields only ·
//   note (ghi chú), optional and ignored.
// Nodes keep the order of the file (their sortOrder is their position in it).
// Rules: codes unique and well formed; every node's parent present; a parent's maximum equal to the
// sum of its children's; maxima above 0 with at most two decimals.
//
// Replacing: a framework of the same level and year is refused unless `replace` is set, and even
// then only while nothing depends on its nodes (no unit's result, no improvement-plan target or
// action): its nodes are then deleted and created anew, and its name and source updated.
import type { IndexLevel, Prisma, ScoringMethod } from '../../../generated/prisma/client.ts';
import { diffRows } from '../audit.ts';
import type { Write } from '../mutation.ts';
import {
  cellOf,
  columnName,
  controlCharacters,
  loneSurrogate,
  matchHeader,
  normalizeName,
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

type StructureKey = 'code' | 'name' | 'maxPoints' | 'method' | 'reformArea' | 'note';

export const structureColumns: readonly ColumnSpec<StructureKey>[] = [
  { key: 'code', name: 'code', required: true, aliases: ['mã', 'mã số', 'mã chỉ tiêu', 'mã tiêu chí', 'node_code'] },
  { key: 'name', name: 'name', required: true, aliases: ['tên', 'tên chỉ tiêu', 'tên tiêu chí', 'nội dung'] },
  {
    key: 'maxPoints',
    name: 'max_points',
    required: true,
    aliases: ['max', 'maximum', 'điểm tối đa', 'điểm chuẩn', 'thang điểm'],
  },
  { key: 'method', name: 'method', required: false, aliases: ['phương pháp', 'phương thức', 'cách chấm', 'hình thức'] },
  { key: 'reformArea', name: 'reform_area', required: false, aliases: ['lĩnh vực', 'lĩnh vực cải cách'] },
  { key: 'note', name: 'note', required: false, aliases: ['ghi chú'], ignored: true },
];

/** Names of the two methods, normalised as headers are. */
const methodNames: Record<string, ScoringMethod> = Object.fromEntries([
  ...['self_assessed', 'self', 'self_assessment', 'tu_danh_gia', 'tdg', 'tu_cham'].map((n) => [n, 'SELF_ASSESSED']),
  ...['survey', 'sociological_survey', 'dieu_tra_xa_hoi_hoc', 'dieu_tra', 'xa_hoi_hoc', 'xhh', 'khao_sat'].map((n) => [
    n,
    'SURVEY',
  ]),
]);

/** Dotted codes of whole numbers without leading zeros: "3", "3.2", "3.10.1". */
const codePattern = /^(0|[1-9]\d*)(\.(0|[1-9]\d*))*$/;
const maxCodeLength = 20;
const maxNameLength = 500;

export const parentCode = (code: string) => (code.includes('.') ? code.slice(0, code.lastIndexOf('.')) : null);

export interface PlannedNode {
  row: number;
  code: string;
  name: string;
  maxPoints: number;
  method: ScoringMethod;
  reformAreaId: number | null;
  /** The position in the file: siblings keep the file's order ("3.10" after "3.9"), and so does the whole tree. */
  sortOrder: number;
}

export interface FrameworkImportInput {
  level: IndexLevel;
  year: number;
  name: string;
  source: string | null;
  replace: boolean;
  dryRun: boolean;
}

export interface FrameworkPlan {
  report: ImportReport;
  nodes: PlannedNode[];
  existing: { id: number; name: string; source: string | null; nodeCount: number } | null;
}

interface ParsedRow {
  row: number;
  code: string | null;
  name: string;
  maxPoints: number | null;
  method: ScoringMethod | null;
  reformAreaId: number | null;
}

/** Checks a structure file against the rules and the database; writes nothing. */
export async function planFrameworkImport(
  db: Prisma.TransactionClient,
  input: FrameworkImportInput,
  table: Table,
): Promise<FrameworkPlan> {
  const [header, ...rows] = table.rows;
  const refuse = (errors: RowError[]): FrameworkPlan => ({
    report: refusedReport(sortErrors(errors), rows.length, input.dryRun),
    nodes: [],
    existing: null,
  });
  if (!header) return refuse([{ row: null, column: null, message: 'The file is empty: no header and no rows' }]);
  const match = matchHeader(header, structureColumns);
  if (match.errors.length) return refuse(match.errors);
  if (rows.length === 0) return refuse([{ row: null, column: null, message: 'The file has a header but no rows' }]);

  const errors: RowError[] = [];
  const col = (key: StructureKey) => columnName(match, structureColumns, key);
  const areas = await db.reformArea.findMany({ select: { id: true, code: true } });
  const areaByCode = new Map(areas.map((a) => [a.code.toUpperCase(), a.id]));

  const parsed: ParsedRow[] = rows.map((row) => {
    errors.push(...strayCells(header, row));
    const fail = (key: StructureKey, message: string) => errors.push({ row: row.row, column: col(key), message });
    const codeText = cellOf(match, row, 'code');
    let code: string | null = null;
    if (codeText === '') fail('code', 'The code is missing');
    else if (codeText.length > maxCodeLength) fail('code', `At most ${maxCodeLength} characters`);
    else if (!codePattern.test(codeText)) fail('code', `"${codeText}" is not a dotted code such as 3, 3.2 or 3.2.1`);
    else code = codeText;

    const name = cellOf(match, row, 'name');
    if (name === '') fail('name', 'The name is missing');
    else if (Array.from(name).length > maxNameLength) fail('name', `At most ${maxNameLength} characters`);
    else if (controlCharacters.test(name) || loneSurrogate.test(name))
      fail('name', 'Must be text without control characters');

    const points = parsePoints(cellOf(match, row, 'maxPoints'));
    let maxPoints: number | null = null;
    if (!points.ok) fail('maxPoints', points.message);
    else if (points.value === 0) fail('maxPoints', 'The maximum must be above 0');
    else maxPoints = points.value;

    const methodText = cellOf(match, row, 'method');
    let method: ScoringMethod | null = null;
    if (methodText !== '') {
      method = methodNames[normalizeName(methodText)] ?? null;
      if (!method) fail('method', `Unknown method "${methodText}"; use SELF_ASSESSED or SURVEY`);
    }

    const areaText = cellOf(match, row, 'reformArea');
    let reformAreaId: number | null = null;
    if (areaText !== '') {
      reformAreaId = areaByCode.get(areaText.toUpperCase()) ?? null;
      if (reformAreaId === null) fail('reformArea', `Unknown reform area "${areaText}"`);
      else if (code?.includes('.')) fail('reformArea', 'Only top-level fields have a reform area');
    }
    return { row: row.row, code, name, maxPoints, method, reformAreaId };
  });

  // Codes: each once, each with its parent in the file.
  const byCode = new Map<string, ParsedRow>();
  for (const row of parsed) {
    if (!row.code) continue;
    const first = byCode.get(row.code);
    if (first)
      errors.push({ row: row.row, column: col('code'), message: `Code ${row.code} is already on row ${first.row}` });
    else byCode.set(row.code, row);
  }
  const children = new Map<string, ParsedRow[]>();
  for (const row of byCode.values()) {
    const parent = parentCode(row.code as string);
    if (parent === null) continue;
    if (!byCode.has(parent)) {
      errors.push({
        row: row.row,
        column: col('code'),
        message: `The parent ${parent} of ${row.code} is not in the file`,
      });
      continue;
    }
    children.set(parent, [...(children.get(parent) ?? []), row]);
  }
  // A parent's maximum is its children's maxima added up.
  for (const [code, kids] of children) {
    const parent = byCode.get(code) as ParsedRow;
    if (parent.maxPoints === null || kids.some((k) => k.maxPoints === null)) continue;
    const sum = sumPoints(kids.map((k) => k.maxPoints as number));
    if (!samePoints(sum, parent.maxPoints)) {
      errors.push({
        row: parent.row,
        column: col('maxPoints'),
        message: `${code} has ${parent.maxPoints} points but its children ${kids.map((k) => k.code).join(', ')} add up to ${sum}`,
      });
    }
  }

  const existing = await db.indexFramework.findUnique({
    where: { level_year: { level: input.level, year: input.year } },
    select: { id: true, name: true, source: true, _count: { select: { nodes: true, results: true } } },
  });
  if (existing) {
    const label = `A ${input.level} framework for ${input.year} ("${existing.name}")`;
    if (!input.replace) {
      errors.push({ row: null, column: null, message: `${label} already exists; choose replace to rebuild it` });
    } else if (existing._count.results > 0) {
      errors.push({
        row: null,
        column: null,
        message: `${label} already has results of ${existing._count.results} unit(s); its structure cannot be replaced`,
      });
    } else {
      const [targets, actions] = await Promise.all([
        db.improvementPlanTarget.count({ where: { node: { frameworkId: existing.id } } }),
        db.improvementAction.count({ where: { node: { frameworkId: existing.id } } }),
      ]);
      if (targets + actions > 0) {
        errors.push({
          row: null,
          column: null,
          message: `${label} has nodes that improvement plans refer to (${targets} target(s), ${actions} action(s)); its structure cannot be replaced`,
        });
      }
    }
  }

  if (errors.length) return refuse(errors);

  const methodOf = (code: string): ScoringMethod => {
    const row = byCode.get(code) as ParsedRow;
    if (row.method) return row.method;
    const parent = parentCode(code);
    return parent ? methodOf(parent) : 'SELF_ASSESSED';
  };
  const nodes = parsed.map((row, position) => {
    const code = row.code as string;
    return {
      row: row.row,
      code,
      name: row.name,
      maxPoints: row.maxPoints as number,
      method: methodOf(code),
      reformAreaId: row.reformAreaId,
      sortOrder: position + 1,
    };
  });
  return {
    report: {
      ok: true,
      dryRun: input.dryRun,
      rowsRead: rows.length,
      errors: [],
      errorCount: 0,
      frameworkId: existing?.id ?? null,
      nodesCreated: nodes.length,
      resultsCreated: 0,
      scoresCreated: 0,
    },
    nodes,
    existing: existing
      ? { id: existing.id, name: existing.name, source: existing.source, nodeCount: existing._count.nodes }
      : null,
  };
}

const depthOf = (code: string) => code.split('.').length;

/** Writes a checked plan: the framework (created, or emptied and renamed) and its nodes, level by level. */
export async function writeFrameworkImport(
  w: Write,
  input: FrameworkImportInput,
  plan: FrameworkPlan,
  format: string,
): Promise<ImportReport> {
  const { tx } = w;
  let frameworkId: number;
  const data = { name: input.name, source: input.source };
  if (plan.existing) {
    frameworkId = plan.existing.id;
    // Children point at parents with ON DELETE RESTRICT: detach them before deleting in one statement.
    await tx.indexNode.updateMany({ where: { frameworkId }, data: { parentId: null } });
    await tx.indexNode.deleteMany({ where: { frameworkId } });
    await tx.indexFramework.update({ where: { id: frameworkId }, data });
  } else {
    frameworkId = (await tx.indexFramework.create({ data: { level: input.level, year: input.year, ...data } })).id;
  }
  const ids = new Map<string, number>();
  const depths = [...new Set(plan.nodes.map((n) => depthOf(n.code)))].sort((a, b) => a - b);
  for (const depth of depths) {
    const level = plan.nodes.filter((n) => depthOf(n.code) === depth);
    const created = await tx.indexNode.createManyAndReturn({
      data: level.map((n) => {
        const parent = parentCode(n.code);
        return {
          frameworkId,
          parentId: parent === null ? null : (ids.get(parent) as number),
          code: n.code,
          name: n.name,
          maxPoints: n.maxPoints,
          method: n.method,
          reformAreaId: n.reformAreaId,
          sortOrder: n.sortOrder,
        };
      }),
      select: { id: true, code: true },
    });
    for (const node of created) ids.set(node.code, node.id);
  }
  const fields = plan.nodes.filter((n) => depthOf(n.code) === 1);
  const summary = {
    level: input.level,
    year: input.year,
    name: input.name,
    source: input.source,
    nodes: plan.nodes.length,
    fields: fields.length,
    maxPoints: sumPoints(fields.map((n) => n.maxPoints)),
  };
  const before = plan.existing
    ? {
        level: input.level,
        year: input.year,
        name: plan.existing.name,
        source: plan.existing.source,
        nodes: plan.existing.nodeCount,
      }
    : null;
  w.audit({
    action: plan.existing ? 'UPDATE' : 'CREATE',
    entity: 'IndexFramework',
    entityId: frameworkId,
    changes: diffRows(before, summary),
    note: `Imported ${plan.nodes.length} nodes (${fields.length} fields) from a ${format} file${plan.existing ? ', replacing the previous structure' : ''}`,
  });
  return { ...plan.report, frameworkId };
}
