// Scale data for benchmarks: a deterministic province or district (seeded PRNG, the same rows on
// every load), written in batches through the Prisma client so that every check and trigger of the
// migrations still applies. Sizes:
//   S  a district: 25 units, 2,000 tasks over 5 years
//   L  a province: 2,500 units, 300,000 tasks over 10 years
// with heads and their terms, timelines (about 4 events a task), evidence references, deadline
// extensions, audit entries, and PAR index results with a score on every node of a framework tree
// per unit and year.
//
//   npm run bench:data -- --size S|L [--database-url URL | --data-dir DIR] [--reset]
//
// Without a target it writes the embedded database ./data/bench-<size>. The database must hold no
// data yet (--reset drops everything first). Rows are dated as of benchAsOf, so a benchmark that
// fixes its clock there sees the same timeliness on every run.
// Status changes are the task workflow's own steps (statusStep, seeds/api.ts).
import { pathToFileURL } from 'node:url';
import { openDatabase } from '../api/db.ts';
import type { Prisma, PrismaClient, TaskEventType, TaskStatus } from '../generated/prisma/client.ts';
import { applyMigrations, resetDatabase } from '../prisma/migrate.ts';
import { demoPassword } from '../seeds/data/accounts.ts';
import { frameworks as demoFrameworks, type FieldSeed } from '../seeds/data/par-index.ts';
import { objectives, reformAreas, resolution } from '../seeds/data/resolution.ts';
import { addDays, atVietnamTime, day, daysBetween, isoDay } from '../seeds/dates.ts';
import { hashPassword, statusStep } from '../seeds/api.ts';
import { seededRandom } from '../seeds/scores.ts';

export type BenchSize = 'S' | 'L';

export interface BenchSpec {
  districts: number;
  agenciesPerDistrict: number;
  communesPerDistrict: number;
  tasks: number;
  years: number;
}

export const benchSpecs: Record<BenchSize, BenchSpec> = {
  S: { districts: 1, agenciesPerDistrict: 12, communesPerDistrict: 12, tasks: 2_000, years: 5 },
  L: { districts: 20, agenciesPerDistrict: 14, communesPerDistrict: 110, tasks: 300_000, years: 10 },
};

/** The day the data is current on; benchmarks fix their clock to it. */
export const benchAsOf = '2026-03-31';
/** Every bench account signs in with the demo password. */
export const benchPassword = demoPassword;
export const benchUsers = { admin: 'admin', committee: 'committee', analyst: 'analyst' } as const;

export interface BenchLoadReport {
  size: BenchSize;
  rows: Record<string, number>;
  ms: number;
}

type Random = () => number;

const between = (random: Random, low: number, high: number) => low + Math.floor(random() * (high - low + 1));
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
function weighted<T>(random: Random, choices: readonly (readonly [T, number])[]): T {
  const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
  let r = random() * total;
  for (const [value, weight] of choices) {
    r -= weight;
    if (r < 0) return value;
  }
  return (choices.at(-1) as readonly [T, number])[0];
}
/** An instant during office hours (Vietnam time) on a day. */
const officeTime = (random: Random, date: Date) => atVietnamTime(date, between(random, 7, 16), between(random, 0, 59));

const agencyNames = [
  'Phòng Nội vụ',
  'Phòng Tư pháp',
  'Phòng Tài chính - Kế hoạch',
  'Phòng Tài nguyên và Môi trường',
  'Phòng Kinh tế và Hạ tầng',
  'Phòng Giáo dục và Đào tạo',
  'Phòng Văn hóa và Thông tin',
  'Phòng Lao động - Thương binh và Xã hội',
  'Phòng Y tế',
  'Phòng Nông nghiệp và Phát triển nông thôn',
  'Văn phòng HĐND và UBND',
  'Thanh tra huyện',
  'Phòng Dân tộc',
  'Trung tâm Phục vụ hành chính công',
];
const placeNames = [
  'An Nhơn',
  'Đạ Lây',
  'Hương Lâm',
  'Mỹ Đức',
  'Quảng Trị',
  'Quốc Oai',
  'Triệu Hải',
  'Đạ Pal',
  'Đạ Kho',
  'Hà Đông',
  'Phước Cát',
  'Gia Viễn',
  'Tiên Hoàng',
  'Nam Ninh',
  'Đồng Nai',
  'Lộc Bắc',
  'Lộc Bảo',
  'Đạ Huoai',
  'Madaguôi',
  'Đạ Oai',
  'Đoàn Kết',
  'Phước Lộc',
  'Lộc Ngãi',
  'Tân Hà',
  'Đinh Văn',
  'Liên Hiệp',
  'Ninh Gia',
];
const familyNames = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ'];
const middleNames = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Thanh', 'Quang', 'Ngọc', 'Xuân', 'Kim'];
const givenNames = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Hà',
  'Hải',
  'Hùng',
  'Lan',
  'Long',
  'Mai',
  'Nam',
  'Phong',
  'Quân',
  'Sơn',
  'Tâm',
  'Thảo',
  'Trung',
  'Tuấn',
  'Vân',
  'Yến',
];
const taskVerbs = [
  'Rà soát',
  'Chuẩn hóa',
  'Số hóa',
  'Triển khai',
  'Kiểm tra',
  'Tuyên truyền',
  'Cập nhật',
  'Đánh giá',
  'Xây dựng',
  'Hoàn thiện',
];
const taskTopics = [
  'quy trình một cửa',
  'hồ sơ hộ tịch',
  'thủ tục hành chính cấp xã',
  'dịch vụ công trực tuyến toàn trình',
  'kế hoạch CCHC năm',
  'văn bản quy phạm pháp luật',
  'vị trí việc làm',
  'thanh toán không dùng tiền mặt',
  'khảo sát sự hài lòng (SIPAS)',
  'kho dữ liệu điện tử của tổ chức, cá nhân',
  'quy chế chi tiêu nội bộ',
  'chữ ký số cho cán bộ, công chức',
];
const issuers = ['UBND huyện', 'UBND xã', 'Phòng Nội vụ', 'Văn phòng HĐND và UBND', 'Sở Nội vụ'];
const returnReasons = [
  'Minh chứng chưa đầy đủ, đề nghị bổ sung',
  'Báo cáo chưa nêu kết quả cụ thể',
  'Số liệu chưa khớp với hệ thống',
];

interface UnitRow {
  id: number;
  code: string;
  name: string;
  kind: 'DISTRICT' | 'AGENCY' | 'COMMUNE' | 'TOWNSHIP';
  parentId: number | null;
  district: number;
  sortOrder: number;
}

interface Term {
  personId: number;
  startDate: Date;
  endDate: Date | null;
}

/** Batched createMany, for the small tables. */
async function insertAll<T>(insert: (rows: T[]) => Promise<unknown>, rows: T[], batch = 5_000): Promise<void> {
  for (let i = 0; i < rows.length; i += batch) await insert(rows.slice(i, i + batch));
}

/**
 * Columns of the large tables and their SQL types. These are written by one INSERT ... SELECT FROM
 * jsonb_to_recordset($1) per batch: a single JSON parameter (which both adapters pass alike), much
 * faster than createMany (docs/benchmarks.md), and still checked by every constraint and trigger.
 */
const bulkColumns = {
  Task: {
    id: 'int',
    title: 'text',
    description: 'text',
    objectiveId: 'int',
    leadUnitId: 'int',
    startDate: 'date',
    deadline: 'date',
    originalDeadline: 'date',
    completedOn: 'date',
    submittedAt: 'timestamp',
    statusReason: 'text',
    status: '"TaskStatus"',
    progress: 'int',
    priority: '"TaskPriority"',
    version: 'int',
    illustrative: 'boolean',
    createdById: 'int',
    createdAt: 'timestamp',
    updatedAt: 'timestamp',
  },
  TaskEvent: {
    taskId: 'int',
    type: '"TaskEventType"',
    actorId: 'int',
    at: 'timestamp',
    fromStatus: '"TaskStatus"',
    toStatus: '"TaskStatus"',
    changes: 'jsonb',
    note: 'text',
  },
  Evidence: {
    id: 'int',
    taskId: 'int',
    kind: '"EvidenceKind"',
    title: 'text',
    documentNumber: 'text',
    documentDate: 'date',
    issuer: 'text',
    url: 'text',
    submittedById: 'int',
    submittedAt: 'timestamp',
    reviewStatus: '"ReviewStatus"',
    reviewedById: 'int',
    reviewedAt: 'timestamp',
    reviewNote: 'text',
  },
  DeadlineExtension: {
    id: 'int',
    taskId: 'int',
    requestedById: 'int',
    requestedAt: 'timestamp',
    previousDeadline: 'date',
    requestedDeadline: 'date',
    reason: 'text',
    status: '"ExtensionStatus"',
    decidedById: 'int',
    decidedAt: 'timestamp',
    decisionNote: 'text',
  },
  AuditEntry: {
    at: 'timestamp',
    actorId: 'int',
    operation: 'text',
    action: '"AuditAction"',
    entity: 'text',
    entityId: 'int',
    changes: 'jsonb',
    note: 'text',
    requestId: 'text',
    clientAddress: 'text',
  },
  IndexResult: {
    id: 'int',
    unitId: 'int',
    frameworkId: 'int',
    publishedPercent: 'numeric',
    publishedRank: 'int',
    publishedOf: 'int',
    publishedOn: 'date',
    source: 'text',
    illustrative: 'boolean',
    createdAt: 'timestamp',
    updatedAt: 'timestamp',
  },
  IndexScore: { resultId: 'int', nodeId: 'int', points: 'numeric', illustrative: 'boolean' },
  _TaskSupportingUnits: { A: 'int', B: 'int' },
} as const;

type BulkTable = keyof typeof bulkColumns;

function sqlValue(type: string, value: unknown): unknown {
  if (value instanceof Date) return type === 'date' ? isoDay(value) : value.toISOString();
  return value ?? null;
}

async function bulkInsert(
  prisma: PrismaClient,
  table: BulkTable,
  rows: readonly object[],
  batch = 10_000,
): Promise<void> {
  const columns = Object.entries(bulkColumns[table]) as [string, string][];
  const names = columns.map(([name]) => `"${name}"`).join(', ');
  const types = columns.map(([name, type]) => `"${name}" ${type}`).join(', ');
  const sql = `INSERT INTO "${table}" (${names}) SELECT ${names} FROM jsonb_to_recordset($1::jsonb) AS r(${types})`;
  for (let i = 0; i < rows.length; i += batch) {
    const slice = (rows.slice(i, i + batch) as Record<string, unknown>[]).map((row) =>
      Object.fromEntries(columns.map(([name, type]) => [name, sqlValue(type, row[name])])),
    );
    await prisma.$executeRawUnsafe(sql, JSON.stringify(slice));
  }
}

const sequenceTables = [
  'Resolution',
  'ReformArea',
  'Objective',
  'Unit',
  'Person',
  'Headship',
  'Account',
  'Task',
  'TaskEvent',
  'DeadlineExtension',
  'Evidence',
  'IndexFramework',
  'IndexNode',
  'IndexResult',
  'IndexScore',
  'AuditEntry',
];

/**
 * Loads bench data of `size` into an empty, migrated database; returns the rows written and the time
 * taken. Throws when the database already holds units.
 */
export async function loadBenchData(
  prisma: PrismaClient,
  size: BenchSize,
  options: { log?: (line: string) => void } = {},
): Promise<BenchLoadReport> {
  const log = options.log ?? (() => {});
  const started = performance.now();
  const spec = benchSpecs[size];
  if ((await prisma.unit.count()) > 0)
    throw new Error('The database already holds data: load bench data into an empty one');
  const asOf = day(benchAsOf);
  const rangeStart = addDays(asOf, -spec.years * 365);
  const firstYear = asOf.getUTCFullYear() - spec.years;
  const rows: Record<string, number> = {};
  const count = (table: string, n: number) => (rows[table] = (rows[table] ?? 0) + n);
  const created = atVietnamTime(addDays(rangeStart, -30), 8);

  // Resolution, reform areas, objectives: the demo's (their code keeps the demo loader off this database).
  await prisma.resolution.create({
    data: { ...resolution, id: 1, issuedOn: day(resolution.issuedOn), createdAt: created, updatedAt: created },
  });
  await prisma.reformArea.createMany({
    data: reformAreas.map((area, index) => ({ id: index + 1, ...area, sortOrder: index + 1 })),
  });
  const areaIds = new Map<string, number>(reformAreas.map((area, index) => [area.code, index + 1]));
  await prisma.objective.createMany({
    data: objectives.map((objective, index) => ({
      id: index + 1,
      resolutionId: 1,
      reformAreaId: areaIds.get(objective.area) as number,
      code: objective.code,
      title: objective.title,
      sortOrder: index + 1,
      createdAt: created,
      updatedAt: created,
    })),
  });
  const objectiveIds = objectives.map((_, index) => index + 1);

  // Units: districts, then their agencies and communes.
  const random = seededRandom(`bench-${size}-units`);
  const units: UnitRow[] = [];
  for (let d = 1; d <= spec.districts; d++) {
    const code = `H${String(d).padStart(2, '0')}`;
    units.push({
      id: d,
      code,
      name: `UBND huyện ${placeNames[(d - 1) % placeNames.length]} ${d}`,
      kind: 'DISTRICT',
      parentId: null,
      district: d,
      sortOrder: d,
    });
  }
  for (let d = 1; d <= spec.districts; d++) {
    const prefix = `H${String(d).padStart(2, '0')}`;
    for (let a = 1; a <= spec.agenciesPerDistrict; a++) {
      units.push({
        id: units.length + 1,
        code: `${prefix}-P${String(a).padStart(2, '0')}`,
        name: agencyNames[(a - 1) % agencyNames.length] as string,
        kind: 'AGENCY',
        parentId: d,
        district: d,
        sortOrder: a,
      });
    }
    for (let c = 1; c <= spec.communesPerDistrict; c++) {
      const township = c === 1;
      const place = placeNames[(c + d) % placeNames.length] as string;
      units.push({
        id: units.length + 1,
        code: `${prefix}-X${String(c).padStart(3, '0')}`,
        name: township ? `UBND thị trấn ${place}` : `UBND xã ${place} ${c}`,
        kind: township ? 'TOWNSHIP' : 'COMMUNE',
        parentId: d,
        district: d,
        sortOrder: 100 + c,
      });
    }
  }
  const unitData = units.map(({ district: _district, ...unit }) => ({
    ...unit,
    createdAt: created,
    updatedAt: created,
  }));
  await prisma.unit.createMany({ data: unitData.filter((u) => u.parentId === null) });
  await insertAll(
    (data) => prisma.unit.createMany({ data }),
    unitData.filter((u) => u.parentId !== null),
  );
  count('Unit', units.length);
  log(`units: ${units.length}`);

  // Heads: consecutive terms of 2 to 5 years, never overlapping, the last one open.
  const people: Prisma.PersonCreateManyInput[] = [];
  const headships: Prisma.HeadshipCreateManyInput[] = [];
  const terms = new Map<number, Term[]>();
  for (const unit of units) {
    const list: Term[] = [];
    let start = addDays(rangeStart, -between(random, 0, 3 * 365));
    for (;;) {
      const personId = people.length + 1;
      people.push({
        id: personId,
        fullName: `${pick(random, familyNames)} ${pick(random, middleNames)} ${pick(random, givenNames)}`,
        illustrative: true,
        createdAt: created,
        updatedAt: created,
      });
      const end = addDays(start, between(random, 2 * 365, 5 * 365));
      const open = end >= asOf;
      list.push({ personId, startDate: start, endDate: open ? null : end });
      headships.push({
        unitId: unit.id,
        personId,
        title: unit.kind === 'AGENCY' ? 'Trưởng phòng' : 'Chủ tịch UBND',
        startDate: start,
        endDate: open ? null : end,
        acting: random() < 0.05,
        createdAt: created,
        updatedAt: created,
      });
      if (open) break;
      start = addDays(end, 1);
    }
    terms.set(unit.id, list);
  }
  await insertAll((data) => prisma.person.createMany({ data }), people);
  await insertAll((data) => prisma.headship.createMany({ data }), headships);
  count('Person', people.length);
  count('Headship', headships.length);
  log(`heads: ${headships.length} terms`);

  // Accounts: secretariat, committee, analyst, and one unit head per unit.
  const passwordHash = await hashPassword(benchPassword);
  const secretariatUnit = units.find((u) => u.kind === 'AGENCY') as UnitRow;
  const accounts: Prisma.AccountCreateManyInput[] = [
    {
      id: 1,
      username: benchUsers.admin,
      displayName: 'Thư ký CCHC',
      role: 'ADMIN',
      unitId: secretariatUnit.id,
      passwordHash,
    },
    { id: 2, username: benchUsers.committee, displayName: 'Thường trực Huyện ủy', role: 'COMMITTEE', passwordHash },
    { id: 3, username: benchUsers.analyst, displayName: 'Chuyên viên phân tích', role: 'ANALYST', passwordHash },
  ];
  const headAccount = new Map<number, number>();
  for (const unit of units) {
    const id = accounts.length + 1;
    headAccount.set(unit.id, id);
    accounts.push({
      id,
      username: `head.${unit.code.toLowerCase()}`,
      displayName: `Thủ trưởng ${unit.name}`,
      role: 'UNIT_HEAD',
      unitId: unit.id,
      personId: (terms.get(unit.id) as Term[]).at(-1)?.personId ?? null,
      passwordHash,
    });
  }
  await insertAll(
    (data) => prisma.account.createMany({ data }),
    accounts.map((a) => ({ ...a, createdAt: created, updatedAt: created, passwordChangedAt: created })),
  );
  count('Account', accounts.length);

  await loadIndex(prisma, { size, units, areaIds, firstYear, years: spec.years, count, log });
  await loadTasks(prisma, { size, spec, units, objectiveIds, headAccount, rangeStart, asOf, count, log });

  // Explicit ids were written: move every sequence past them.
  for (const table of sequenceTables) {
    await prisma.$executeRawUnsafe(
      `SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), (SELECT COALESCE(MAX("id"), 0) + 1 FROM "${table}"), false)`,
    );
  }
  // VACUUM too: freshly loaded tables have no visibility map, so index-only scans read the heap
  // (docs/benchmarks.md).
  await prisma.$executeRawUnsafe('VACUUM ANALYZE');
  return { size, rows, ms: performance.now() - started };
}

const levelOf = { DISTRICT: 'DISTRICT', AGENCY: 'AGENCY', COMMUNE: 'COMMUNE', TOWNSHIP: 'COMMUNE' } as const;

/** Frameworks per level and year (the demo's trees), and every unit's result with a score on each node. */
async function loadIndex(
  prisma: PrismaClient,
  context: {
    size: BenchSize;
    units: UnitRow[];
    areaIds: Map<string, number>;
    firstYear: number;
    years: number;
    count: (table: string, n: number) => void;
    log: (line: string) => void;
  },
): Promise<void> {
  const { units, areaIds, firstYear, years, count } = context;
  const random = seededRandom(`bench-${context.size}-index`);
  const template = (level: 'DISTRICT' | 'COMMUNE'): FieldSeed[] =>
    (demoFrameworks.filter((f) => f.level === level).at(-1) as { fields: FieldSeed[] }).fields;
  const trees = { DISTRICT: template('DISTRICT'), AGENCY: template('COMMUNE'), COMMUNE: template('COMMUNE') };
  let frameworkId = 0;
  let nodeId = 0;
  let resultId = 0;
  const scoreRows: Prisma.IndexScoreCreateManyInput[] = [];
  for (let year = firstYear; year < firstYear + years; year++) {
    for (const level of ['DISTRICT', 'AGENCY', 'COMMUNE'] as const) {
      const id = ++frameworkId;
      const when = atVietnamTime(day(`${year}-01-15`), 9);
      await prisma.indexFramework.create({
        data: {
          id,
          level,
          year,
          name: `Bộ chỉ số CCHC (${level}) năm ${year}`,
          source: 'Số liệu minh họa cho đo hiệu năng',
          createdAt: when,
          updatedAt: when,
        },
      });
      const fields: Prisma.IndexNodeCreateManyInput[] = [];
      const criteria: (Prisma.IndexNodeCreateManyInput & { maxCents: number; parent: number })[] = [];
      const tree = trees[level];
      for (const [fieldIndex, field] of tree.entries()) {
        const fieldId = ++nodeId;
        const maxCents = field.criteria.reduce((sum, c) => sum + Math.round(c.maxPoints * 100), 0);
        fields.push({
          id: fieldId,
          frameworkId: id,
          code: field.code,
          name: field.name,
          maxPoints: maxCents / 100,
          reformAreaId: areaIds.get(field.area) ?? null,
          sortOrder: fieldIndex + 1,
        });
        for (const [position, criterion] of field.criteria.entries()) {
          criteria.push({
            id: ++nodeId,
            frameworkId: id,
            parentId: fieldId,
            code: criterion.code,
            name: criterion.name,
            maxPoints: criterion.maxPoints,
            method: criterion.method,
            sortOrder: position + 1,
            maxCents: Math.round(criterion.maxPoints * 100),
            parent: fieldId,
          });
        }
      }
      await prisma.indexNode.createMany({ data: fields });
      await prisma.indexNode.createMany({ data: criteria.map(({ maxCents: _m, parent: _p, ...node }) => node) });
      count('IndexNode', fields.length + criteria.length);

      // Results, ranked among the units of the same level (and district, below district level).
      const scored = units
        .filter((unit) => levelOf[unit.kind] === level)
        .map((unit) => {
          const skill = 0.78 + random() * 0.2;
          const byNode = new Map<number, number>();
          for (const c of criteria) {
            const cents = Math.min(c.maxCents, Math.round(c.maxCents * Math.min(1, skill + (random() - 0.5) * 0.2)));
            byNode.set(c.id as number, cents);
            byNode.set(c.parent, (byNode.get(c.parent) ?? 0) + cents);
          }
          const total = fields.reduce((sum, f) => sum + (byNode.get(f.id as number) ?? 0), 0);
          const max = criteria.reduce((sum, c) => sum + c.maxCents, 0);
          return { unit, byNode, percent: Math.round((total / max) * 10_000) / 100 };
        });
      const groups = new Map<number, typeof scored>();
      for (const entry of scored) {
        const key = level === 'DISTRICT' ? 0 : entry.unit.district;
        groups.set(key, [...(groups.get(key) ?? []), entry]);
      }
      const results: Prisma.IndexResultCreateManyInput[] = [];
      const published = atVietnamTime(day(`${year + 1}-03-15`), 9);
      for (const group of groups.values()) {
        group.sort((a, b) => b.percent - a.percent || a.unit.id - b.unit.id);
        for (const [rank, entry] of group.entries()) {
          const id2 = ++resultId;
          results.push({
            id: id2,
            unitId: entry.unit.id,
            frameworkId: id,
            publishedPercent: entry.percent,
            publishedRank: rank + 1,
            publishedOf: group.length,
            publishedOn: day(`${year + 1}-03-15`),
            source: 'Số liệu minh họa',
            illustrative: true,
            createdAt: published,
            updatedAt: published,
          });
          for (const [node, cents] of entry.byNode)
            scoreRows.push({ resultId: id2, nodeId: node, points: cents / 100, illustrative: true });
        }
      }
      await bulkInsert(prisma, 'IndexResult', results);
      count('IndexResult', results.length);
      count('IndexFramework', 1);
      if (scoreRows.length >= 20_000) {
        await bulkInsert(prisma, 'IndexScore', scoreRows.splice(0));
      }
    }
  }
  const rest = scoreRows.splice(0);
  await bulkInsert(prisma, 'IndexScore', rest);
  count('IndexScore', await prisma.indexScore.count());
  context.log(`index: ${frameworkId} frameworks, ${resultId} results`);
}

interface PlannedEvent {
  type: TaskEventType;
  actorId: number;
  at: Date;
  fromStatus?: TaskStatus;
  toStatus?: TaskStatus;
  changes?: Prisma.InputJsonValue;
  note?: string;
  /** The mutation the audit log names, and the record it changed. */
  operation: string;
  entity?: { type: string; id: number; create: boolean };
}

/** Tasks with timelines, evidence, extension requests, supporting units and audit entries, in chunks. */
async function loadTasks(
  prisma: PrismaClient,
  context: {
    size: BenchSize;
    spec: BenchSpec;
    units: UnitRow[];
    objectiveIds: number[];
    headAccount: Map<number, number>;
    rangeStart: Date;
    asOf: Date;
    count: (table: string, n: number) => void;
    log: (line: string) => void;
  },
): Promise<void> {
  const { spec, units, objectiveIds, headAccount, rangeStart, asOf, count } = context;
  const random = seededRandom(`bench-${context.size}-tasks`);
  const admin = 1;
  const committee = 2;
  const leads = units.filter((u) => u.kind !== 'DISTRICT');
  const byDistrict = new Map<number, UnitRow[]>();
  for (const unit of units) byDistrict.set(unit.district, [...(byDistrict.get(unit.district) ?? []), unit]);
  const span = daysBetween(rangeStart, asOf);
  const chunk = 5_000;
  let eventCount = 0;
  let evidenceId = 0;
  let extensionId = 0;
  let requestCounter = 0;
  const asOfEnd = atVietnamTime(asOf, 17);

  for (let first = 0; first < spec.tasks; first += chunk) {
    const tasks: Prisma.TaskCreateManyInput[] = [];
    const links: [number, number][] = [];
    const events: Prisma.TaskEventCreateManyInput[] = [];
    const audits: Prisma.AuditEntryCreateManyInput[] = [];
    const evidence: Prisma.EvidenceCreateManyInput[] = [];
    const extensions: Prisma.DeadlineExtensionCreateManyInput[] = [];
    for (let n = first; n < Math.min(first + chunk, spec.tasks); n++) {
      const id = n + 1;
      // Creation days spread evenly over the years, so ids grow with time as in real use.
      const createdDay = addDays(rangeStart, Math.min(span, Math.floor(((n + random()) * span) / spec.tasks)));
      const lead = random() < 0.04 ? (units[pick(random, leads).district - 1] as UnitRow) : pick(random, leads);
      const headId = headAccount.get(lead.id) as number;
      const startDate = addDays(createdDay, between(random, 0, 14));
      const originalDeadline = addDays(
        startDate,
        weighted(random, [
          [between(random, 14, 45), 3],
          [between(random, 46, 120), 4],
          [between(random, 121, 300), 2],
        ]),
      );
      const priority = weighted(random, [
        ['LOW', 1],
        ['NORMAL', 6],
        ['HIGH', 2],
        ['URGENT', 1],
      ] as const);
      const plan: PlannedEvent[] = [];
      const createdAt = officeTime(random, createdDay);
      plan.push({
        type: 'CREATED',
        actorId: admin,
        at: createdAt,
        operation: 'createTask',
        changes: { deadline: { before: null, after: isoDay(originalDeadline) } },
      });

      // How far the task got by asOf.
      const pastDeadline = daysBetween(originalDeadline, asOf);
      const started = startDate <= asOf && daysBetween(startDate, asOf) >= 3;
      let status: TaskStatus;
      if (!started) status = 'NOT_STARTED';
      else if (random() < 0.03) status = 'CANCELLED';
      else if (pastDeadline > 90 ? random() < 0.92 : pastDeadline > 0 ? random() < 0.6 : random() < 0.12)
        status = 'COMPLETED';
      else
        status = weighted(random, [
          ['NOT_STARTED', 2],
          ['IN_PROGRESS', 11],
          ['SUBMITTED', 4],
          ['RETURNED', 2],
        ] as const);

      // Deadline extensions, asked a few days before the original deadline once work has started:
      // approved ones move the deadline, some are rejected, some still wait for a decision.
      const workStart = addDays(startDate, between(random, 0, 5));
      const requestDay = addDays(originalDeadline, -between(random, 1, 10));
      const decisionDay = addDays(requestDay, between(random, 1, 6));
      const extensionRoll = random();
      let extensionStatus: 'PENDING' | 'APPROVED' | 'REJECTED' | null = null;
      if (
        status !== 'NOT_STARTED' &&
        status !== 'CANCELLED' &&
        requestDay > workStart &&
        requestDay < asOf &&
        extensionRoll < 0.16
      ) {
        if ((status === 'IN_PROGRESS' || status === 'RETURNED') && extensionRoll < 0.06) extensionStatus = 'PENDING';
        else if (decisionDay < asOf) extensionStatus = extensionRoll < 0.12 ? 'APPROVED' : 'REJECTED';
      }
      const requestedDeadline = addDays(originalDeadline, between(random, 15, 90));
      // Work is submitted after a decided request, never while one waits.
      const earliestSubmit = extensionStatus && extensionStatus !== 'PENDING' ? addDays(decisionDay, 1) : workStart;
      const dayBetween = (from: Date, to: Date) =>
        to <= from ? from : addDays(from, between(random, 0, daysBetween(from, to)));

      let completedOn: Date | null = null;
      let submittedAt: Date | null = null;
      let statusReason: string | null = null;
      let progress = 0;
      let submitDay: Date | null = null;
      if (status === 'COMPLETED' || status === 'SUBMITTED' || status === 'RETURNED') {
        const deadline = extensionStatus === 'APPROVED' ? requestedDeadline : originalDeadline;
        if (status === 'COMPLETED') {
          const late = random() < 0.22;
          submitDay = late ? addDays(deadline, between(random, 1, 60)) : dayBetween(addDays(workStart, 2), deadline);
        } else {
          submitDay = dayBetween(earliestSubmit, asOf);
        }
        if (submitDay < earliestSubmit) submitDay = earliestSubmit;
        if (submitDay >= asOf) submitDay = addDays(asOf, -between(random, 1, 3));
        if (submitDay < earliestSubmit) {
          // No room for the request before the submission: the task had none.
          extensionStatus = null;
          if (submitDay < workStart) submitDay = workStart > asOf ? asOf : workStart;
        }
        if (submitDay < startDate) submitDay = startDate;
      }
      const deadline = extensionStatus === 'APPROVED' ? requestedDeadline : originalDeadline;
      if (extensionStatus) {
        const waiting = extensionStatus === 'PENDING';
        const extension: Prisma.DeadlineExtensionCreateManyInput = {
          id: ++extensionId,
          taskId: id,
          requestedById: headId,
          requestedAt: officeTime(random, requestDay),
          previousDeadline: originalDeadline,
          requestedDeadline,
          reason: 'Khối lượng công việc phát sinh, cần thêm thời gian phối hợp',
          status: extensionStatus,
          decidedById: waiting ? null : committee,
          decidedAt: waiting ? null : officeTime(random, decisionDay),
          decisionNote: extensionStatus === 'REJECTED' ? 'Không có căn cứ gia hạn' : null,
        };
        extensions.push(extension);
        plan.push({
          type: 'EXTENSION_REQUESTED',
          actorId: headId,
          at: extension.requestedAt as Date,
          operation: 'requestExtension',
          entity: { type: 'DeadlineExtension', id: extensionId, create: true },
          changes: { requestedDeadline: { before: null, after: isoDay(requestedDeadline) } },
        });
        if (!waiting) {
          plan.push({
            type: 'EXTENSION_DECIDED',
            actorId: committee,
            at: extension.decidedAt as Date,
            operation: 'decideExtension',
            entity: { type: 'DeadlineExtension', id: extensionId, create: false },
            changes: { status: { before: 'PENDING', after: extensionStatus } },
            ...(extensionStatus === 'APPROVED' && { note: 'Đồng ý gia hạn' }),
          });
        }
      }
      if (status === 'COMPLETED') {
        completedOn = submitDay;
        progress = 100;
      } else if (status === 'SUBMITTED' || status === 'RETURNED') {
        progress = between(random, 70, 100);
      } else if (status === 'IN_PROGRESS') {
        progress = between(random, 5, 90);
      } else if (status === 'CANCELLED') {
        progress = between(random, 0, 40);
        statusReason = 'Không còn phù hợp sau sắp xếp đơn vị hành chính';
      }

      const end = completedOn ?? asOf;
      let startEvent: PlannedEvent | null = null;
      if (status !== 'NOT_STARTED' && status !== 'CANCELLED') {
        startEvent = {
          type: 'STATUS_CHANGED',
          ...statusStep('START', 'NOT_STARTED'),
          actorId: headId,
          at: officeTime(random, workStart > asOf ? asOf : workStart),
          operation: 'startTask',
        };
        plan.push(startEvent);
        if (random() < 0.3) {
          plan.push({
            type: 'PROGRESS_REPORTED',
            actorId: headId,
            at: officeTime(random, dayBetween(workStart, submitDay ?? end)),
            operation: 'reportProgress',
            changes: { progress: { before: 0, after: Math.min(progress, 60) } },
          });
        }
      }
      const evidenceFor = (review: 'PENDING' | 'ACCEPTED' | 'REJECTED', when: Date, reviewedOn: Date | null) => {
        const eid = ++evidenceId;
        const link = random() < 0.4;
        const submittedAtEvidence = officeTime(random, when);
        const reviewedAt =
          review === 'PENDING' || !reviewedOn ? null : atVietnamTime(reviewedOn, 16, between(random, 30, 59));
        evidence.push({
          id: eid,
          taskId: id,
          kind: link ? 'LINK' : 'DOCUMENT',
          title: link ? 'Trang thông tin điện tử đăng tải kết quả' : `Báo cáo kết quả thực hiện số ${eid}/BC`,
          documentNumber: link ? null : `${eid}/BC-UBND`,
          documentDate: link ? null : when,
          issuer: link ? null : pick(random, issuers),
          url: link ? `https://dichvucong.example.gov.vn/ket-qua/${eid}` : null,
          submittedById: headId,
          submittedAt: submittedAtEvidence,
          reviewStatus: review,
          reviewedById: reviewedAt ? committee : null,
          reviewedAt,
          reviewNote: review === 'REJECTED' ? 'Minh chứng chưa phù hợp' : null,
        });
        plan.push({
          type: 'EVIDENCE_ADDED',
          actorId: headId,
          at: submittedAtEvidence,
          operation: 'addEvidence',
          entity: { type: 'Evidence', id: eid, create: true },
        });
        if (reviewedAt) {
          plan.push({
            type: 'EVIDENCE_REVIEWED',
            actorId: committee,
            at: reviewedAt,
            operation: 'reviewEvidence',
            entity: { type: 'Evidence', id: eid, create: false },
            changes: { reviewStatus: { before: 'PENDING', after: review } },
          });
        }
      };
      if (submitDay) {
        const reviewDay =
          addDays(submitDay, between(random, 0, 4)) > asOf ? asOf : addDays(submitDay, between(random, 0, 4));
        const evidenceDay = dayBetween(workStart > submitDay ? submitDay : workStart, submitDay);
        if (status === 'RETURNED') evidenceFor('REJECTED', evidenceDay, reviewDay);
        else evidenceFor(status === 'COMPLETED' && random() < 0.35 ? 'ACCEPTED' : 'PENDING', evidenceDay, reviewDay);
        if (random() < 0.1) evidenceFor('PENDING', evidenceDay, null);
        submittedAt = atVietnamTime(submitDay, 16, between(random, 0, 29));
        // Work started on the day of its submission started before it.
        if (startEvent && startEvent.at > submittedAt) startEvent.at = submittedAt;
        plan.push({
          type: 'STATUS_CHANGED',
          ...statusStep('SUBMIT', 'IN_PROGRESS'),
          actorId: headId,
          at: submittedAt,
          operation: 'submitTask',
        });
        if (status === 'COMPLETED') {
          plan.push({
            type: 'STATUS_CHANGED',
            ...statusStep('APPROVE', 'SUBMITTED'),
            actorId: committee,
            at: atVietnamTime(reviewDay, 17, between(random, 0, 50)),
            operation: 'approveTask',
          });
        } else if (status === 'RETURNED') {
          statusReason = pick(random, returnReasons);
          plan.push({
            type: 'STATUS_CHANGED',
            ...statusStep('RETURN', 'SUBMITTED'),
            actorId: committee,
            at: atVietnamTime(reviewDay, 17, between(random, 0, 50)),
            operation: 'returnTask',
            note: statusReason,
          });
        }
      } else if (status === 'IN_PROGRESS' && random() < 0.3) {
        evidenceFor('PENDING', dayBetween(workStart > asOf ? asOf : workStart, asOf), null);
      } else if (status === 'CANCELLED') {
        plan.push({
          type: 'STATUS_CHANGED',
          ...statusStep('CANCEL', 'NOT_STARTED'),
          actorId: admin,
          at: officeTime(random, dayBetween(startDate, asOf)),
          operation: 'cancelTask',
          note: statusReason as string,
        });
      }
      if (random() < 0.1) {
        plan.push({
          type: 'COMMENTED',
          actorId: pick(random, [headId, committee]),
          at: officeTime(random, dayBetween(createdDay, end)),
          operation: 'commentOnTask',
          note: 'Đề nghị đẩy nhanh tiến độ',
        });
      }

      // Order by time (ties keep workflow order), never later than the end of asOf.
      const timeline = plan
        .map((event, order) => ({ event: { ...event, at: event.at > asOfEnd ? asOfEnd : event.at }, order }))
        .sort((a, b) => a.event.at.getTime() - b.event.at.getTime() || a.order - b.order)
        .map(({ event }) => event);
      const updatedAt = timeline.at(-1)?.at ?? createdAt;
      if (submittedAt && submittedAt > asOfEnd) submittedAt = asOfEnd;
      tasks.push({
        id,
        title: `${pick(random, taskVerbs)} ${pick(random, taskTopics)} - ${lead.name} (${startDate.getUTCFullYear()})`,
        description: random() < 0.5 ? 'Thực hiện theo kế hoạch CCHC; báo cáo kết quả kèm minh chứng.' : null,
        objectiveId: pick(random, objectiveIds),
        leadUnitId: lead.id,
        startDate,
        deadline,
        originalDeadline,
        completedOn,
        submittedAt,
        statusReason,
        status,
        progress,
        priority,
        version:
          timeline.filter(
            (e) =>
              e.type === 'STATUS_CHANGED' ||
              e.type === 'PROGRESS_REPORTED' ||
              (e.type === 'EXTENSION_DECIDED' && deadline !== originalDeadline),
          ).length + 1,
        illustrative: true,
        createdById: admin,
        createdAt,
        updatedAt,
      });
      // Supporting units from the same district.
      const neighbours = byDistrict.get(lead.district) as UnitRow[];
      const supporters = new Set<number>();
      for (
        let s = weighted(random, [
          [0, 5],
          [1, 3],
          [2, 2],
        ] as const);
        s > 0;
        s--
      ) {
        const unit = pick(random, neighbours);
        if (unit.id !== lead.id) supporters.add(unit.id);
      }
      for (const unitId of supporters) links.push([id, unitId]);
      for (const event of timeline) {
        events.push({
          taskId: id,
          type: event.type,
          actorId: event.actorId,
          at: event.at,
          fromStatus: event.fromStatus ?? null,
          toStatus: event.toStatus ?? null,
          changes: event.changes,
          note: event.note ?? null,
        });
        const entity = event.entity ?? { type: 'Task', id, create: event.type === 'CREATED' };
        audits.push({
          at: event.at,
          actorId: event.actorId,
          operation: event.operation,
          action: entity.create ? 'CREATE' : 'UPDATE',
          entity: entity.type,
          entityId: entity.id,
          changes: event.changes,
          note: event.note ?? null,
          requestId: `bench-${String(++requestCounter).padStart(8, '0')}`,
          clientAddress: '10.0.0.1',
        });
      }
    }
    await bulkInsert(prisma, 'Task', tasks);
    await bulkInsert(
      prisma,
      '_TaskSupportingUnits',
      links.map(([A, B]) => ({ A, B })),
    );
    await bulkInsert(prisma, 'TaskEvent', events);
    await bulkInsert(prisma, 'Evidence', evidence);
    await bulkInsert(prisma, 'DeadlineExtension', extensions);
    await bulkInsert(prisma, 'AuditEntry', audits);
    eventCount += events.length;
    count('Task', tasks.length);
    count('TaskSupportingUnits', links.length);
    count('TaskEvent', events.length);
    count('Evidence', evidence.length);
    count('DeadlineExtension', extensions.length);
    count('AuditEntry', audits.length);
    context.log(`tasks: ${Math.min(first + chunk, spec.tasks)} of ${spec.tasks} (${eventCount} events)`);
  }
}

function argument(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const size = (argument(args, '--size') ?? 'S').toUpperCase();
  if (size !== 'S' && size !== 'L') {
    console.error('Usage: npm run bench:data -- --size S|L [--database-url URL | --data-dir DIR] [--reset]');
    return 2;
  }
  const databaseUrl = argument(args, '--database-url');
  const dataDir = argument(args, '--data-dir') ?? `./data/bench-${size}`;
  const db = await openDatabase(databaseUrl ? { databaseUrl } : { dataDir });
  try {
    console.log(`Loading size ${size} into ${databaseUrl ? databaseUrl.replace(/\/\/[^@]*@/, '//…@') : dataDir}`);
    if (args.includes('--reset')) await resetDatabase(db.adapterFactory);
    await applyMigrations(db.adapterFactory);
    const report = await loadBenchData(db.prisma, size, { log: (line) => console.log(`  ${line}`) });
    for (const [table, n] of Object.entries(report.rows))
      console.log(`  ${table.padEnd(20)} ${n.toLocaleString('en')}`);
    console.log(
      `Loaded in ${(report.ms / 1000).toFixed(1)} s (data as of ${benchAsOf}; password of every account: the demo's)`,
    );
    return 0;
  } finally {
    await db.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // The schema engine leaves a timer running; exit explicitly once done.
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : error);
      process.exit(1);
    },
  );
}
