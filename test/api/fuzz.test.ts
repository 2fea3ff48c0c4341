// Every mutation of the schema, fuzzed with inputs that are certain to be refused (test/support/fuzz.ts
// builds each one around a valid call with at least one definite problem): wrong types, missing and
// null required values, blank, overlong, control-character and broken-Unicode text, numbers out of
// range or not whole, days that do not exist or lie outside 1990–2100, deadlines before start dates,
// ids of the wrong type, of no row or malformed, unknown enum values and fields, stale versions,
// figures with three decimals, points above a node's maximum, and malformed documents.
//
// Each call must answer below 500 with errors whose codes are all expected ones (never
// INTERNAL_SERVER_ERROR or none), name only input fields that exist and that the input changed (or
// that a rule ties to them), and change nothing. A mutation added to the schema without a generator
// here fails the first test.
//
// Checking that nothing changed: a full snapshot of every table (test/support/snapshot.ts) after each
// of thousands of calls would dominate the run, so each mutation's run takes a full snapshot and a
// checksum before its first call, compares the checksum after every call, and compares a full
// snapshot after its last one. The checksum is one query: each table's row count and an MD5 of its
// rows as text, folded into one MD5 (a few milliseconds for the test world). Refused calls change
// nothing, so one prepared state per mutation serves all its calls. Failed sign-ins are counted by
// design (LoginThrottle), so login and changePassword leave that table out.
//
// FUZZ_RUNS calls per mutation: 30 unless told, for a quick `npm test`; CI (.ci/run) makes 300 (12,000
// per database, about a minute on each). FUZZ_SEED a seed, to replay a failure fast-check reports.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { getNamedType, isObjectType, type GraphQLEnumType, type GraphQLField } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../../api/schema/index.ts';
import type { PlanStatus, PrismaClient, TaskStatus } from '../../generated/prisma/client.ts';
import { fixturePassword, startTestApi, type TestApi } from '../support/api.ts';
import { databaseKinds } from '../support/databases.ts';
import { loadFixture, type Fixture } from '../support/fixture.ts';
import {
  OMIT,
  blank,
  bool,
  changedPaths,
  code,
  date,
  decimal,
  enumOf,
  fixed,
  id,
  int,
  list,
  namesInput,
  notAString,
  object,
  onOneBranch,
  overlong,
  text,
  unknownKeysFor,
  version,
  withControl,
  withLoneSurrogate,
  type Fuzz,
} from '../support/fuzz.ts';
import { requestCountTables, snapshotDatabase } from '../support/snapshot.ts';

type Field = GraphQLField<unknown, unknown>;

/** Calls per mutation. */
const runs = Number(process.env.FUZZ_RUNS ?? 30);
const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

/** The codes a refused call may carry. */
const expectedCodes = new Set([
  'BAD_USER_INPUT',
  'GRAPHQL_VALIDATION_FAILED',
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_TRANSITION',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'TOO_MANY_ATTEMPTS',
]);

const g = (type: string, n: number) => `${type}:${n}`;
const day = (text: string) => new Date(`${text}T00:00:00.000Z`);
const addDays = (text: string, days: number) =>
  new Date(day(text).getTime() + days * 86_400_000).toISOString().slice(0, 10);

// ---------------------------------------------------------------- the world the calls are made in

interface World {
  f: Fixture;
  prisma: PrismaClient;
  target: number;
  headship: number;
  /** AGENCY 2030 framework nodes (max 10 and 7.5), a COMMUNE 2030 one, an AGENCY 2020 one. */
  nodes: { ten: number; sevenHalf: number; commune: number; old: number };
  accounts: { self: number; leaver: number; target: number };
  /** Rows no call may act on: a unit dissolved in 2025 (succeeded by Phòng Tư pháp), an approved plan,
   * a rejected extension request, evidence of a completed task, a task with a pending request. */
  closed: { unit: number; plan: number; extension: number; evidence: number };
  /** A unit under Phòng Tư pháp. */
  childUnit: number;
  pendingTask: number;
}

interface Prepared {
  taskId?: number;
  version?: number;
  extensionId?: number;
  evidenceId?: number;
  planId?: number;
}

/** A Phòng Nội vụ task (Phòng Tư pháp supports it) in the given status. */
async function taskIn(w: World, status: TaskStatus, withEvidence = false): Promise<Prepared> {
  const task = await w.prisma.task.create({
    data: {
      title: `Nhiệm vụ thử ở trạng thái ${status}`,
      objectiveId: w.f.objectives.oneStop.id,
      leadUnitId: w.f.units.homeAffairs.id,
      supportingUnits: { connect: [{ id: w.f.units.justice.id }] },
      startDate: day('2026-02-01'),
      deadline: day('2026-05-31'),
      originalDeadline: day('2026-05-31'),
      status,
      progress: status === 'SUBMITTED' ? 100 : status === 'IN_PROGRESS' ? 30 : 0,
      submittedAt: status === 'SUBMITTED' ? new Date('2026-03-09T08:00:00Z') : null,
    },
  });
  let evidenceId: number | undefined;
  if (withEvidence || status === 'SUBMITTED') {
    const evidence = await w.prisma.evidence.create({
      data: { taskId: task.id, kind: 'LINK', title: 'Cổng thông tin huyện', url: 'https://dateh.lamdong.gov.vn/' },
    });
    evidenceId = evidence.id;
  }
  return { taskId: task.id, version: task.version, evidenceId };
}

async function withPendingExtension(w: World): Promise<Prepared> {
  const task = await taskIn(w, 'IN_PROGRESS');
  const extension = await w.prisma.deadlineExtension.create({
    data: {
      taskId: task.taskId as number,
      previousDeadline: day('2026-05-31'),
      requestedDeadline: day('2026-07-31'),
      reason: 'Chờ hướng dẫn của Sở Nội vụ',
    },
  });
  return { ...task, extensionId: extension.id };
}

/** Phòng Nội vụ's plan for `year` (2031 to 2035, one per mutation; 2030 is createImprovementPlan's base). */
async function planIn(w: World, status: PlanStatus, year: number): Promise<Prepared> {
  const plan = await w.prisma.improvementPlan.create({
    data: {
      unitId: w.f.units.homeAffairs.id,
      year,
      targetPercent: 92.5,
      status,
      targets: { create: [{ nodeId: w.nodes.ten, targetPoints: 8 }] },
    },
  });
  return { planId: plan.id, version: plan.version };
}

// ---------------------------------------------------------------- what each mutation is fuzzed with

type Caller = 'admin' | 'self' | 'leaver' | 'anonymous';

interface Case {
  /** Who calls: the secretariat, or an account of its own for changePassword and logout. */
  caller: Caller;
  /** The record the calls aim at, made once before the first call. */
  prepare?: (w: World) => Promise<Prepared>;
  /** The arguments; absent for a mutation without any (only malformed documents then). */
  args?: (w: World, p: Prepared, field: Field) => Record<string, Fuzz>;
  /** Arguments that are bad together. */
  combos?: (w: World, p: Prepared) => fc.Arbitrary<Record<string, unknown>>[];
  /** Input fields an error may name though the input left them alone: a rule ties them to another. */
  related?: string[];
  /** Tables a refused call changes by design: failed sign-ins are counted. */
  counts?: string[];
  /** Sent as a GraphQL multipart request with the file argument as a part. */
  upload?: boolean;
}

/** The names of an enum of the schema. */
const enumValues = (name: string) => (schema.getType(name) as GraphQLEnumType).getValues().map((v) => v.name);
const roles = enumValues('Role');
const unitKinds = enumValues('UnitKind');
const comparators = enumValues('Comparator');
const targetMetrics = enumValues('TargetMetric');
const sectors = enumValues('ServiceSector');
/** Metric and sector that are bad together: a satisfaction target without a sector, a sector elsewhere, a derived target without a unit. */
const badMetricCombos = [
  fc.record({ metric: fc.constant('SATISFACTION_PERCENT'), sector: fc.constantFrom(OMIT, null) }),
  fc.record({
    metric: fc.constantFrom('MANUAL', 'PAR_INDEX_PERCENT', 'PAR_INDEX_RANK'),
    sector: fc.constantFrom(...sectors),
  }),
  fc.record({
    metric: fc.constantFrom('PAR_INDEX_PERCENT', 'PAR_INDEX_RANK'),
    sector: fc.constant(OMIT),
    unitId: fc.constantFrom(OMIT, null),
  }),
];
const priorities = enumValues('TaskPriority');
const levels = enumValues('IndexLevel');

/** Bad combinations in a target's input: metric and sector, a baseline half given or after the target year. */
const targetCombos = [
  ...badMetricCombos,
  fc.record({ baselineValue: fc.constant(50), baselineYear: fc.constantFrom(OMIT, null) }),
  fc.record({ baselineValue: fc.constantFrom(OMIT, null), baselineYear: fc.constant(2020) }),
  fc.integer({ min: 2000, max: 2099 }).chain((t) =>
    fc.record({
      baselineValue: fc.constant(1),
      baselineYear: fc.integer({ min: t + 1, max: 2100 }),
      targetYear: fc.constant(t),
    }),
  ),
];

/** Files the index imports refuse before reading a row: not CSV or XLSX by content, empty, too large, not files. */
const notTableFiles = () => [
  fc.constantFrom(
    part('empty.csv', new Uint8Array()),
    part('anh.csv', new Uint8Array(pngBytes)),
    part('khung.csv', '%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
    part('khung.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])),
    part('utf16.csv', new Uint8Array([0xff, 0xfe, 0x63, 0, 0x6f, 0, 0x64, 0, 0x65, 0])),
    part('latin1.csv', new Uint8Array([0x63, 0x6f, 0x64, 0x65, 0x0a, 0xd0, 0xe9, 0x0a])),
    part('nhi-phan.csv', new Uint8Array([0x63, 0x6f, 0x64, 0x65, 0x00, 0x01, 0x02, 0x0a])),
  ),
  // Just over the 1 MB this app allows (MAX_UPLOAD_MB=1).
  fc.constant(part('lon.csv', { pngOfBytes: 1024 * 1024 + 1 })),
  fc.constantFrom('a file', 1, true),
];

/** A later and an earlier day: a range that ends before it starts. */
const backwards = fc
  .tuple(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 1, max: 2000 }))
  .map(([start, back]) => [addDays('2000-01-01', start + back), addDays('2000-01-01', start)] as const);

const emails = (base: unknown) =>
  text(base, 'optional', 200, [
    fc.constantFrom(
      'not-an-email',
      'a@',
      '@dateh.vn',
      'a b@dateh.vn',
      'a@b',
      'ab@@dateh.vn',
      `${'x'.repeat(195)}@ab.vn`,
    ),
  ]);

const shortPassword = fc.string({ maxLength: 11 });
const repeatedPassword = fc
  .tuple(fc.constantFrom('a', 'x', '1', 'ệ'), fc.integer({ min: 12, max: 256 }))
  .map(([c, n]) => c.repeat(n));
/** New passwords the policy refuses whoever sets them. */
const badNewPassword = [shortPassword, repeatedPassword, overlong(256), notAString];

const taskCode = (_w: World, p: Prepared) => g('Task', p.taskId as number);

/** Tasks no step applies to: completed and cancelled. */
const closedTasks = (w: World) => [g('Task', w.f.tasks.onTime.id), g('Task', w.f.tasks.cancelled.id)];

/** A task step: id, version and a note or reason. */
function taskStep(extra: 'note' | 'reason' | 'progress'): Pick<Case, 'args' | 'combos'> {
  return {
    args: (w, p) => ({
      id: id('Task', taskCode(w, p), 'required', [], closedTasks(w)),
      version: version(p.version as number),
      ...(extra === 'reason'
        ? { reason: text('Thiếu minh chứng, đề nghị bổ sung', 'required', 5000) }
        : { note: text(OMIT, 'optional', 5000) }),
      ...(extra === 'progress' && { progress: int(55, 'optional', 0, 100) }),
    }),
    ...(extra === 'progress' && {
      // Neither new progress nor a note: nothing to report.
      combos: () => [
        fc.record({ progress: fc.constantFrom(OMIT, null, 30), note: fc.constantFrom(OMIT, null, '', '   ') }),
      ],
    }),
  };
}

function planStep(extra?: 'note' | 'reason'): Pick<Case, 'args'> {
  return {
    args: (w, p) => ({
      id: id(
        'ImprovementPlan',
        g('ImprovementPlan', p.planId as number),
        'required',
        [],
        [g('ImprovementPlan', w.closed.plan)],
      ),
      version: version(p.version as number),
      ...(extra === 'note' && { note: text(OMIT, 'optional', 5000) }),
      ...(extra === 'reason' && { reason: text('Chưa phân tích nguyên nhân mất điểm', 'required', 5000) }),
    }),
  };
}

/** ImprovementPlanTargetInput items, around a target of 8 of the 10 points of node `ten`. */
function planTargets(w: World, presence: 'optional' | 'kept') {
  const node = (n: number) => g('IndexNode', n);
  const target = object(
    {
      nodeId: id('IndexNode', node(w.nodes.ten), 'required', [node(w.nodes.sevenHalf)]),
      targetPoints: decimal(8, 'required', 0, 9999.99),
    },
    'item',
    {
      combos: [
        // Above the node's maximum, or from a framework of another level or year.
        fc.record({
          nodeId: fc.constant(node(w.nodes.ten)),
          targetPoints: fc.integer({ min: 1001, max: 999_999 }).map((n) => n / 100),
        }),
        fc.record({
          nodeId: fc.constant(node(w.nodes.sevenHalf)),
          targetPoints: fc.integer({ min: 751, max: 999_999 }).map((n) => n / 100),
        }),
        fc.record({ nodeId: fc.constantFrom(node(w.nodes.commune), node(w.nodes.old)) }),
      ],
      unknownKeys: ['bogus', 'points', 'id'],
    },
  );
  const twice = { nodeId: node(w.nodes.sevenHalf), targetPoints: 5 };
  return list(target, [{ nodeId: node(w.nodes.ten), targetPoints: 8 }], presence, 200, [fc.constant([twice, twice])]);
}

/** ImprovementActionInput items: tasks must be the unit's own, each once. */
function planActions(w: World, presence: 'optional' | 'kept') {
  const own = g('Task', w.f.tasks.overdue.id);
  const action = object(
    {
      title: text('Số hóa hồ sơ một cửa', 'required', 500),
      description: text(OMIT, 'optional', 10_000),
      nodeId: id('IndexNode', OMIT, 'optional', [g('IndexNode', w.nodes.ten)]),
      taskIds: list(
        id('Task', own, 'item'),
        [own],
        'optional',
        50,
        // A task Phòng Tư pháp leads, and a task named twice.
        [fc.constant([g('Task', w.f.tasks.dueSoon.id)]), fc.constant([own, own])],
      ),
    },
    'item',
    { unknownKeys: ['bogus', 'tasks', 'sortOrder'] },
  );
  return list(action, OMIT, presence, 100);
}

const cases: Record<string, Case> = {
  // ------------------------------------------------ reference data
  createResolution: {
    caller: 'admin',
    args: (_w, _p, field) => ({
      input: object(
        {
          code: text('FZ-01/NQ-HU', 'required', 60, [fc.constant('14-NQ/TU')]),
          title: text('Nghị quyết thử', 'required', 500),
          issuedBy: text('Huyện ủy Đạ Tẻh', 'required', 200),
          issuedOn: date('2026-01-05', 'required'),
          horizonYear: int(2030, 'required', 2000, 2100),
          orientationYear: int(OMIT, 'optional', 2000, 2100),
          summary: text(OMIT, 'optional', 20_000),
        },
        'required',
        {
          combos: [
            fc
              .integer({ min: 2001, max: 2100 })
              .chain((h) =>
                fc.record({ horizonYear: fc.constant(h), orientationYear: fc.integer({ min: 2000, max: h - 1 }) }),
              ),
          ],
          unknownKeys: unknownKeysFor(field, 'input'),
        },
      ),
    }),
    related: ['input.orientationYear'],
  },
  updateResolution: {
    caller: 'admin',
    args: (w, _p, field) => ({
      id: id('Resolution', g('Resolution', w.f.resolution.id), 'required'),
      input: object(
        {
          code: text(OMIT, 'kept', 60),
          title: text(OMIT, 'kept', 500),
          issuedBy: text(OMIT, 'kept', 200),
          issuedOn: date(OMIT, 'kept'),
          horizonYear: int(OMIT, 'kept', 2000, 2100),
          orientationYear: int(OMIT, 'optional', 2000, 2100),
          summary: text('Tóm tắt mới', 'optional', 20_000),
        },
        'required',
        {
          combos: [
            fc
              .integer({ min: 2001, max: 2100 })
              .chain((h) =>
                fc.record({ horizonYear: fc.constant(h), orientationYear: fc.integer({ min: 2000, max: h - 1 }) }),
              ),
          ],
          unknownKeys: unknownKeysFor(field, 'input'),
        },
      ),
    }),
    related: ['input.orientationYear'],
  },
  createReformArea: {
    caller: 'admin',
    args: (_w, _p, field) => ({
      input: object(
        {
          code: code('FUZZ_AREA', 'required', 40, ['lower', 'A B', '1AB', '_AB', 'A-B', 'Á'], ['ADMIN_PROCEDURES']),
          name: text('Lĩnh vực thử', 'required', 200),
          nameEn: text('Test area', 'required', 200),
          sortOrder: int(OMIT, 'optional', 0, 100_000),
        },
        'required',
        { unknownKeys: unknownKeysFor(field, 'input') },
      ),
    }),
  },
  updateReformArea: {
    caller: 'admin',
    args: (w, _p, field) => ({
      id: id('ReformArea', g('ReformArea', w.f.areas.digital.id), 'required'),
      input: object(
        {
          code: code(OMIT, 'kept', 40, ['lower', 'A B', '1AB', '_AB', 'A-B', 'Á'], ['ADMIN_PROCEDURES']),
          name: text(OMIT, 'kept', 200),
          nameEn: text(OMIT, 'kept', 200),
          sortOrder: int(7, 'kept', 0, 100_000),
        },
        'required',
        { unknownKeys: unknownKeysFor(field, 'input') },
      ),
    }),
  },
  createObjective: {
    caller: 'admin',
    args: (w, _p, field) => ({
      input: object(
        {
          resolutionId: id('Resolution', g('Resolution', w.f.resolution.id), 'required'),
          reformAreaId: id('ReformArea', g('ReformArea', w.f.areas.digital.id), 'required', [
            g('ReformArea', w.f.areas.procedures.id),
          ]),
          code: text('MT-FUZZ', 'required', 40, [fc.constant('MT1')]),
          title: text('Mục tiêu thử', 'required', 500),
          description: text(OMIT, 'optional', 20_000),
          sortOrder: int(OMIT, 'optional', 0, 100_000),
        },
        'required',
        { unknownKeys: unknownKeysFor(field, 'input') },
      ),
    }),
  },
  updateObjective: {
    caller: 'admin',
    args: (w, _p, field) => ({
      id: id('Objective', g('Objective', w.f.objectives.online.id), 'required'),
      input: object(
        {
          reformAreaId: id('ReformArea', OMIT, 'kept', [g('ReformArea', w.f.areas.procedures.id)]),
          code: text(OMIT, 'kept', 40, [fc.constant('MT1')]),
          title: text(OMIT, 'kept', 500),
          description: text('Mô tả mới', 'optional', 20_000),
          sortOrder: int(OMIT, 'kept', 0, 100_000),
        },
        'required',
        { unknownKeys: unknownKeysFor(field, 'input') },
      ),
    }),
  },
  createTarget: {
    caller: 'admin',
    args: (w, _p, field) => ({
      input: object(
        {
          objectiveId: id('Objective', g('Objective', w.f.objectives.online.id), 'required'),
          unitId: id('Unit', OMIT, 'optional', [g('Unit', w.f.units.district.id)]),
          code: code('CT-FUZZ', 'required', 40, ['-CT', '.CT', 'C T', 'CT/1'], ['PAR-92']),
          indicator: text('Tỷ lệ hồ sơ trực tuyến', 'required', 500),
          measure: text('%', 'required', 40),
          comparator: enumOf(comparators, 'GTE', 'required'),
          metric: enumOf(targetMetrics, OMIT, 'optional'),
          sector: enumOf(sectors, OMIT, 'optional'),
          baselineValue: decimal(OMIT, 'optional', -1e9, 1e9),
          baselineYear: int(OMIT, 'optional', 2000, 2100),
          targetValue: decimal(80, 'required', -1e9, 1e9),
          targetYear: int(2027, 'required', 2000, 2100),
          source: text(OMIT, 'optional', 500),
        },
        'required',
        {
          combos: targetCombos,
          unknownKeys: unknownKeysFor(field, 'input'),
        },
      ),
    }),
    related: ['input.baselineYear', 'input.sector', 'input.unitId'],
  },
  setTargetYear: {
    caller: 'admin',
    args: (w, _p, field) => ({
      targetId: id('Target', g('Target', w.target), 'required'),
      input: object(
        {
          year: int(2026, 'required', 2000, 2100),
          plannedValue: decimal(OMIT, 'optional', -1e9, 1e9),
          actualValue: decimal(91.5, 'optional', -1e9, 1e9),
          note: text(OMIT, 'optional', 2000),
        },
        'required',
        { unknownKeys: unknownKeysFor(field, 'input') },
      ),
    }),
  },
  updateTarget: {
    caller: 'admin',
    args: (w, _p, field) => ({
      id: id('Target', g('Target', w.target), 'required'),
      input: object(
        {
          unitId: id('Unit', OMIT, 'optional', [g('Unit', w.f.units.district.id)]),
          code: code(OMIT, 'kept', 40, ['-CT', '.CT', 'C T', 'CT/1']),
          indicator: text(OMIT, 'kept', 500),
          measure: text(OMIT, 'kept', 40),
          comparator: enumOf(comparators, OMIT, 'kept'),
          metric: enumOf(targetMetrics, OMIT, 'kept'),
          sector: enumOf(sectors, OMIT, 'optional'),
          baselineValue: decimal(OMIT, 'optional', -1e9, 1e9),
          baselineYear: int(OMIT, 'optional', 2000, 2100),
          targetValue: decimal(OMIT, 'kept', -1e9, 1e9),
          targetYear: int(OMIT, 'kept', 2000, 2100),
          source: text('Nguồn mới', 'optional', 500),
        },
        'required',
        {
          combos: targetCombos,
          unknownKeys: unknownKeysFor(field, 'input'),
        },
      ),
    }),
    related: ['input.baselineYear', 'input.sector', 'input.unitId'],
  },
  createUnit: {
    caller: 'admin',
    args: (w, _p, field) => ({
      input: object(
        {
          code: code('FUZZ_UNIT', 'required', 40, ['pnv', 'P N', '-PNV', '_X', 'Á', 'A.B'], ['PNV']),
          name: text('Đơn vị thử', 'required', 200),
          kind: enumOf(unitKinds, 'AGENCY', 'required'),
          parentId: id('Unit', g('Unit', w.f.units.district.id), 'optional', [g('Unit', w.f.units.homeAffairs.id)]),
          establishedOn: date(OMIT, 'optional'),
          address: text(OMIT, 'optional', 300),
          phone: text(OMIT, 'optional', 40),
          email: emails(OMIT),
          sortOrder: int(OMIT, 'optional', 0, 100_000),
        },
        'required',
        { unknownKeys: unknownKeysFor(field, 'input') },
      ),
    }),
  },
  updateUnit: {
    caller: 'admin',
    args: (w, _p, field) => {
      const unit = (n: number) => g('Unit', n);
      return {
        id: id('Unit', unit(w.f.units.justice.id), 'required'),
        input: object(
          {
            code: code(OMIT, 'kept', 40, ['pnv', 'P N', '-PNV', '_X', 'Á', 'A.B'], ['PNV']),
            name: text(OMIT, 'kept', 200),
            kind: enumOf(unitKinds, OMIT, 'kept'),
            parentId: id('Unit', OMIT, 'optional', [unit(w.f.units.district.id), unit(w.f.units.anNhon.id)]),
            successorId: id('Unit', OMIT, 'optional'),
            establishedOn: date(OMIT, 'optional'),
            dissolvedOn: date(OMIT, 'optional'),
            address: text(OMIT, 'optional', 300),
            phone: text('0263 3880 123', 'optional', 40),
            email: emails(OMIT),
            sortOrder: int(OMIT, 'kept', 0, 100_000),
          },
          'required',
          {
            combos: [
              // A successor without the day the unit ceased; itself as parent or successor; dissolved
              // before it was established.
              fc.record({
                successorId: fc.constant(unit(w.f.units.homeAffairs.id)),
                dissolvedOn: fc.constantFrom(OMIT, null),
              }),
              // Itself, or a unit under it, as parent; a successor chain back to itself.
              fc.record({ parentId: fc.constantFrom(unit(w.f.units.justice.id), unit(w.childUnit)) }),
              fc.record({ successorId: fc.constant(unit(w.closed.unit)), dissolvedOn: fc.constant('2026-01-01') }),
              fc.record({
                successorId: fc.constant(unit(w.f.units.justice.id)),
                dissolvedOn: fc.constant('2026-01-01'),
              }),
              backwards.map(([established, dissolved]) => ({ establishedOn: established, dissolvedOn: dissolved })),
            ],
            unknownKeys: unknownKeysFor(field, 'input'),
          },
        ),
      };
    },
    related: ['input.dissolvedOn'],
  },
  createPerson: {
    caller: 'admin',
    args: (_w, _p, field) => ({
      input: object(
        {
          fullName: text('Người Thử', 'required', 200),
          email: emails(OMIT),
          phone: text(OMIT, 'optional', 40),
        },
        'required',
        { unknownKeys: unknownKeysFor(field, 'input') },
      ),
    }),
  },
  updatePerson: {
    caller: 'admin',
    args: (w, _p, field) => ({
      id: id('Person', g('Person', w.f.people.head.id), 'required'),
      input: object(
        { fullName: text(OMIT, 'kept', 200), email: emails(OMIT), phone: text('0909 000 111', 'optional', 40) },
        'required',
        { unknownKeys: unknownKeysFor(field, 'input') },
      ),
    }),
  },
  createHeadship: {
    caller: 'admin',
    args: (w, _p, field) => ({
      input: object(
        {
          unitId: id('Unit', g('Unit', w.f.units.district.id), 'required', [g('Unit', w.f.units.homeAffairs.id)]),
          personId: id('Person', g('Person', w.f.people.formerHead.id), 'required', [g('Person', w.f.people.head.id)]),
          title: text('Chủ tịch UBND huyện', 'required', 200),
          startDate: date('2000-01-01', 'required'),
          endDate: date('2000-12-31', 'optional'),
          acting: bool(OMIT, 'optional'),
        },
        'required',
        {
          combos: [
            backwards.map(([start, end]) => ({ startDate: start, endDate: end })),
            // Overlaps the term of Phòng Nội vụ's head, open since 2026-01-01.
            fc.record({
              unitId: fc.constant(g('Unit', w.f.units.homeAffairs.id)),
              startDate: fc.constantFrom('2026-02-01', '2025-06-01', '2021-01-01'),
              endDate: fc.constantFrom(OMIT, null, '2026-12-31'),
            }),
          ],
          unknownKeys: unknownKeysFor(field, 'input'),
        },
      ),
    }),
    related: ['input.endDate', 'input.startDate', 'input.unitId'],
  },
  updateHeadship: {
    caller: 'admin',
    args: (w, _p, field) => ({
      id: id('Headship', g('Headship', w.headship), 'required'),
      input: object(
        {
          title: text(OMIT, 'kept', 200),
          startDate: date(OMIT, 'kept'),
          endDate: date('2030-12-31', 'optional'),
          acting: bool(OMIT, 'kept'),
        },
        'required',
        {
          combos: [
            backwards.map(([start, end]) => ({ startDate: start, endDate: end })),
            // Back into the former head's term (2021 to 2025).
            fc.record({ startDate: fc.constantFrom('2025-12-31', '2024-01-01', '2021-06-01') }),
          ],
          unknownKeys: unknownKeysFor(field, 'input'),
        },
      ),
    }),
    related: ['input.endDate', 'input.startDate'],
  },
  // ------------------------------------------------ tasks
  createTask: {
    caller: 'admin',
    args: (w, _p, field) => {
      const unit = (n: number) => g('Unit', n);
      return {
        input: object(
          {
            title: text('Nhiệm vụ thử', 'required', 500),
            description: text(OMIT, 'optional', 10_000),
            objectiveId: id('Objective', g('Objective', w.f.objectives.online.id), 'required', [
              g('Objective', w.f.objectives.oneStop.id),
            ]),
            leadUnitId: id(
              'Unit',
              unit(w.f.units.justice.id),
              'required',
              [unit(w.f.units.anNhon.id)],
              [unit(w.closed.unit)],
            ),
            supportingUnitIds: list(
              id('Unit', unit(w.f.units.homeAffairs.id), 'item', [], [unit(w.closed.unit)]),
              OMIT,
              'optional',
              50,
            ),
            startDate: date(OMIT, 'optional'),
            deadline: date('2026-12-31', 'required'),
            priority: enumOf(priorities, OMIT, 'optional'),
            progress: int(OMIT, 'optional', 0, 100),
          },
          'required',
          {
            combos: [
              backwards.map(([start, deadline]) => ({ startDate: start, deadline })),
              fc.constant({ leadUnitId: unit(w.f.units.justice.id), supportingUnitIds: [unit(w.f.units.justice.id)] }),
            ],
            unknownKeys: unknownKeysFor(field, 'input'),
          },
        ),
      };
    },
    related: ['input.deadline', 'input.supportingUnitIds'],
  },
  updateTask: {
    caller: 'admin',
    prepare: (w) => taskIn(w, 'NOT_STARTED'),
    args: (w, p, field) => {
      const unit = (n: number) => g('Unit', n);
      return {
        id: id('Task', taskCode(w, p), 'required'),
        version: version(p.version as number),
        input: object(
          {
            title: text(OMIT, 'kept', 500),
            description: text('Mô tả mới', 'optional', 10_000),
            objectiveId: id('Objective', OMIT, 'kept', [g('Objective', w.f.objectives.online.id)]),
            leadUnitId: id('Unit', OMIT, 'kept', [unit(w.f.units.anNhon.id)], [unit(w.closed.unit)]),
            supportingUnitIds: list(
              id('Unit', unit(w.f.units.anNhon.id), 'item', [], [unit(w.closed.unit)]),
              OMIT,
              'kept',
              50,
            ),
            startDate: date(OMIT, 'kept'),
            deadline: date(OMIT, 'kept'),
            priority: enumOf(priorities, OMIT, 'kept'),
            progress: int(OMIT, 'kept', 0, 100),
          },
          'required',
          {
            combos: [
              backwards.map(([start, deadline]) => ({ startDate: start, deadline })),
              fc.constant({ leadUnitId: unit(w.f.units.justice.id), supportingUnitIds: [unit(w.f.units.justice.id)] }),
            ],
            unknownKeys: unknownKeysFor(field, 'input'),
          },
        ),
      };
    },
    related: ['input.deadline', 'input.supportingUnitIds'],
  },
  startTask: { caller: 'admin', prepare: (w) => taskIn(w, 'NOT_STARTED'), ...taskStep('note') },
  reportProgress: {
    caller: 'admin',
    prepare: (w) => taskIn(w, 'IN_PROGRESS'),
    ...taskStep('progress'),
    related: ['note'],
  },
  submitTask: { caller: 'admin', prepare: (w) => taskIn(w, 'IN_PROGRESS', true), ...taskStep('note') },
  approveTask: { caller: 'admin', prepare: (w) => taskIn(w, 'SUBMITTED'), ...taskStep('note') },
  returnTask: { caller: 'admin', prepare: (w) => taskIn(w, 'SUBMITTED'), ...taskStep('reason') },
  cancelTask: { caller: 'admin', prepare: (w) => taskIn(w, 'IN_PROGRESS'), ...taskStep('reason') },
  commentOnTask: {
    caller: 'admin',
    prepare: (w) => taskIn(w, 'IN_PROGRESS'),
    args: (w, p) => ({
      id: id('Task', taskCode(w, p), 'required'),
      note: text('Đề nghị đẩy nhanh tiến độ', 'required', 5000),
    }),
  },
  requestExtension: {
    caller: 'admin',
    prepare: (w) => taskIn(w, 'IN_PROGRESS'),
    args: (w, p) => ({
      taskId: id('Task', taskCode(w, p), 'required', [], [...closedTasks(w), g('Task', w.pendingTask)]),
      // The current deadline is 2026-05-31; today is 2026-03-10.
      requestedDeadline: date('2026-07-31', 'required', [
        fc.constantFrom('2026-05-31', '2026-05-30', '2026-03-10', '2026-01-01', '1990-01-01'),
      ]),
      reason: text('Chờ hướng dẫn của Sở Nội vụ', 'required', 5000),
    }),
  },
  withdrawExtension: {
    caller: 'admin',
    prepare: withPendingExtension,
    args: (w, p) => ({
      id: id(
        'DeadlineExtension',
        g('DeadlineExtension', p.extensionId as number),
        'required',
        [],
        [g('DeadlineExtension', w.closed.extension)],
      ),
    }),
  },
  decideExtension: {
    caller: 'admin',
    prepare: withPendingExtension,
    args: (w, p) => ({
      id: id(
        'DeadlineExtension',
        g('DeadlineExtension', p.extensionId as number),
        'required',
        [],
        [g('DeadlineExtension', w.closed.extension)],
      ),
      decision: enumOf(['APPROVED', 'REJECTED'], 'APPROVED', 'required', ['WITHDRAWN', 'PENDING']),
      note: text(OMIT, 'optional', 5000),
    }),
    combos: () => [fc.record({ decision: fc.constant('REJECTED'), note: fc.constantFrom(OMIT, null, '', '   ') })],
    related: ['note'],
  },
  addEvidence: {
    caller: 'admin',
    prepare: (w) => taskIn(w, 'IN_PROGRESS'),
    args: (w, p, field) => {
      const document = { documentNumber: '125/QĐ-UBND', documentDate: '2026-03-05', issuer: 'UBND huyện Đạ Tẻh' };
      return {
        taskId: id('Task', taskCode(w, p), 'required', [], closedTasks(w)),
        input: object(
          {
            kind: enumOf(['DOCUMENT', 'LINK'], 'DOCUMENT', 'required', ['FILE']),
            title: text('Quyết định ban hành quy trình', 'required', 500),
            documentNumber: text(document.documentNumber, 'optional', 100),
            documentDate: date(document.documentDate, 'optional'),
            issuer: text(document.issuer, 'optional', 200),
            url: fixed(OMIT, 'optional', [
              fc.constantFrom(
                'javascript:alert(1)',
                'ftp://dateh.lamdong.gov.vn/',
                'http://',
                'https:// dateh.vn',
                'dateh.lamdong.gov.vn',
                'http:/dateh.vn',
                'file:///etc/passwd',
                `https://dateh.vn/${'a'.repeat(2000)}`,
              ),
              withControl.map((s) => `https://dateh.vn/${s}`),
              withLoneSurrogate.map((s) => `https://dateh.vn/${s}`),
              notAString,
            ]),
          },
          'required',
          {
            combos: [
              // A link carrying a document's fields and no address; a document without its number.
              fc.constant({ kind: 'LINK', ...document, url: OMIT }),
              fc.record({ kind: fc.constant('DOCUMENT'), documentNumber: fc.constantFrom(OMIT, null, '') }),
              fc.record({ kind: fc.constant('DOCUMENT'), documentDate: fc.constantFrom(OMIT, null) }),
            ],
            unknownKeys: unknownKeysFor(field, 'input'),
          },
        ),
      };
    },
    related: ['input.documentNumber', 'input.documentDate', 'input.issuer', 'input.url'],
  },
  uploadEvidence: {
    caller: 'admin',
    upload: true,
    prepare: (w) => taskIn(w, 'IN_PROGRESS'),
    args: (w, p) => ({
      taskId: id('Task', taskCode(w, p), 'required', [], closedTasks(w)),
      title: text('Ảnh chụp bảng niêm yết', 'required', 500),
      file: fixed(png('niem-yet.png'), 'required', [
        fc.constantFrom(
          part('empty.pdf', new Uint8Array()),
          part('trang.html', '<!doctype html><html><body>x</body></html>'),
          part('note.txt', 'Biên bản họp'),
          part('setup.exe', new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff, 0, 0])),
          part('anh.gif', 'GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;'),
          part('anh.svg', '<svg xmlns="http://www.w3.org/2000/svg"></svg>'),
          part('bao-cao.pdf', 'not a pdf at all'),
        ),
        // Just over the 1 MB this app allows (MAX_UPLOAD_MB=1).
        fc.constant(part('lon.png', { pngOfBytes: 1024 * 1024 + 1 })),
        fc.constantFrom('a file', 1, true),
      ]),
    }),
  },
  importIndexFramework: {
    caller: 'admin',
    upload: true,
    args: (_w, _p, field) => ({
      input: object(
        {
          level: enumOf(levels, 'AGENCY', 'required'),
          year: int(2045, 'required', 2000, 2100),
          name: text('Bộ chỉ số thử', 'required', 300),
          source: text(OMIT, 'optional', 500),
          file: fixed(part('khung.csv', 'code,name,max_points\n1,Chỉ đạo,100\n'), 'required', notTableFiles()),
          dryRun: bool(OMIT, 'optional'),
          replace: bool(OMIT, 'optional'),
        },
        'required',
        { unknownKeys: unknownKeysFor(field, 'input') },
      ),
    }),
  },
  importIndexScores: {
    caller: 'admin',
    upload: true,
    // The world's commune framework of 2030 has a field "1" of 10 points.
    args: (_w, _p, field) => ({
      input: object(
        {
          level: enumOf(levels, 'COMMUNE', 'required'),
          year: int(2030, 'required', 2000, 2100),
          file: fixed(part('diem.csv', 'unit_code,node_code,points\nXA_ANNHON,1,7.5\n'), 'required', notTableFiles()),
          dryRun: bool(OMIT, 'optional'),
          replace: bool(OMIT, 'optional'),
        },
        'required',
        { unknownKeys: unknownKeysFor(field, 'input') },
      ),
    }),
  },
  reviewEvidence: {
    caller: 'admin',
    prepare: (w) => taskIn(w, 'IN_PROGRESS', true),
    args: (w, p) => ({
      id: id('Evidence', g('Evidence', p.evidenceId as number), 'required', [], [g('Evidence', w.closed.evidence)]),
      version: version(1),
      decision: enumOf(['ACCEPTED', 'REJECTED'], 'ACCEPTED', 'required', ['PENDING']),
      note: text(OMIT, 'optional', 2000),
    }),
    combos: () => [fc.record({ decision: fc.constant('REJECTED'), note: fc.constantFrom(OMIT, null, '', '   ') })],
    related: ['note'],
  },
  // ------------------------------------------------ improvement plans
  createImprovementPlan: {
    caller: 'admin',
    prepare: (w) => planIn(w, 'DRAFT', 2035),
    args: (w, _p, field) => ({
      input: object(
        {
          unitId: id(
            'Unit',
            g('Unit', w.f.units.homeAffairs.id),
            'required',
            [g('Unit', w.f.units.justice.id)],
            [g('Unit', w.closed.unit)],
          ),
          year: int(2030, 'required', 2000, 2100),
          targetPercent: decimal(92.5, 'required', 0, 100),
          analysis: text(OMIT, 'optional', 10_000),
          targets: planTargets(w, 'optional'),
          actions: planActions(w, 'optional'),
        },
        'required',
        {
          // Phòng Nội vụ has a plan for 2035 already.
          combos: [fc.constant({ unitId: g('Unit', w.f.units.homeAffairs.id), year: 2035 })],
          unknownKeys: unknownKeysFor(field, 'input'),
        },
      ),
    }),
    related: ['input.targets', 'input.actions'],
  },
  updateImprovementPlan: {
    caller: 'admin',
    prepare: (w) => planIn(w, 'DRAFT', 2031),
    args: (w, p, field) => ({
      id: id(
        'ImprovementPlan',
        g('ImprovementPlan', p.planId as number),
        'required',
        [],
        [g('ImprovementPlan', w.closed.plan)],
      ),
      version: version(p.version as number),
      input: object(
        {
          targetPercent: decimal(93, 'kept', 0, 100),
          analysis: text('Phân tích mới', 'optional', 10_000),
          targets: planTargets(w, 'kept'),
          actions: planActions(w, 'kept'),
        },
        'required',
        { unknownKeys: unknownKeysFor(field, 'input') },
      ),
    }),
  },
  submitImprovementPlan: { caller: 'admin', prepare: (w) => planIn(w, 'DRAFT', 2032), ...planStep() },
  approveImprovementPlan: { caller: 'admin', prepare: (w) => planIn(w, 'SUBMITTED', 2033), ...planStep('note') },
  returnImprovementPlan: { caller: 'admin', prepare: (w) => planIn(w, 'SUBMITTED', 2034), ...planStep('reason') },
  // ------------------------------------------------ accounts and sessions
  createAccount: {
    caller: 'admin',
    args: (w, _p, field) => ({
      input: object(
        {
          username: code(
            'fuzz.new',
            'required',
            60,
            ['ab', 'a', '.abc', '-abc', 'a b c', 'ab!c', 'tên.việt'],
            ['admin', 'ANALYST'],
          ),
          displayName: text('Tài khoản mới', 'required', 200),
          role: enumOf(roles, 'ANALYST', 'required'),
          unitId: id('Unit', OMIT, 'optional', [g('Unit', w.f.units.homeAffairs.id)], [g('Unit', w.closed.unit)]),
          personId: id('Person', OMIT, 'optional', [g('Person', w.f.people.head.id)]),
          password: fixed('một mật khẩu đủ dài', 'required', badNewPassword),
        },
        'required',
        {
          combos: [
            fc.record({ role: fc.constant('UNIT_HEAD'), unitId: fc.constantFrom(OMIT, null) }),
            fc.constant({ username: 'fuzz.new', password: 'mật khẩu fuzz.new dài' }),
          ],
          unknownKeys: unknownKeysFor(field, 'input'),
        },
      ),
    }),
    related: ['input.unitId', 'input.password'],
  },
  updateAccount: {
    caller: 'admin',
    args: (w, _p, field) => ({
      id: id('Account', g('Account', w.accounts.target), 'required'),
      input: object(
        {
          displayName: text('Tài khoản đổi tên', 'kept', 200),
          role: enumOf(roles, OMIT, 'kept'),
          unitId: id('Unit', OMIT, 'optional', [g('Unit', w.f.units.homeAffairs.id)], [g('Unit', w.closed.unit)]),
          personId: id('Person', OMIT, 'optional', [g('Person', w.f.people.head.id)]),
          disabled: bool(OMIT, 'kept'),
        },
        'required',
        {
          combos: [fc.record({ role: fc.constant('UNIT_HEAD'), unitId: fc.constantFrom(OMIT, null) })],
          unknownKeys: unknownKeysFor(field, 'input'),
        },
      ),
    }),
    // The secretariat cannot disable itself or give up its own ADMIN role.
    combos: (w) => [
      fc.record({
        id: fc.constant(g('Account', w.f.accounts.admin.id)),
        input: fc.oneof(
          fc.constant({ disabled: true }),
          fc.constantFrom('COMMITTEE', 'UNIT_HEAD', 'ANALYST').map((role) => ({ role })),
        ),
      }),
    ],
    related: ['input.unitId', 'input.disabled', 'input.role'],
  },
  resetPassword: {
    caller: 'admin',
    args: (w) => ({
      id: id('Account', g('Account', w.accounts.target), 'required'),
      newPassword: fixed('mật khẩu mới số một', 'required', badNewPassword),
    }),
    combos: (w) => [
      fc.constant({ newPassword: 'có chứa fuzz.target ở giữa' }),
      // Its own password the secretariat changes with changePassword.
      fc.constant({ id: g('Account', w.f.accounts.admin.id) }),
    ],
    related: ['id', 'newPassword'],
  },
  unlockSignIn: {
    caller: 'admin',
    args: () => ({
      username: fixed('fuzz.target', 'required', [
        fc.constantFrom('nobody', 'fuzz.nobody'),
        overlong(60),
        withControl,
        withLoneSurrogate,
        notAString,
      ]),
    }),
  },
  changePassword: {
    caller: 'self',
    args: () => ({
      currentPassword: fixed(fixturePassword, 'required', [
        fc.string({ minLength: 1, maxLength: 60 }).filter((p) => p !== fixturePassword),
        overlong(256),
        notAString,
      ]),
      newPassword: fixed('mật khẩu mới của tôi', 'required', [
        ...badNewPassword,
        fc.constant('mật khẩu fuzz.self dài'),
      ]),
    }),
    counts: ['LoginThrottle'],
  },
  login: {
    caller: 'anonymous',
    args: () => ({
      username: fixed('fuzz.login', 'required', [
        fc.constantFrom('nobody', 'fuzz.nobody', 'fuzz.login2'),
        blank,
        overlong(60),
        withControl,
        withLoneSurrogate,
        notAString,
      ]),
      password: fixed(fixturePassword, 'required', [
        fc.string({ minLength: 1, maxLength: 40 }).filter((p) => p !== fixturePassword),
        fc.constant(''),
        overlong(256),
        notAString,
      ]),
    }),
    counts: ['LoginThrottle'],
  },
  logout: { caller: 'leaver' },
};

// ---------------------------------------------------------------- files for uploadEvidence

interface Part {
  part: true;
  name: string;
  /** The bytes, or a PNG of that many bytes (made when sent). */
  content: Uint8Array | string | { pngOfBytes: number };
}

const pngBytes = [
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0,
  0, 0, 0x90, 0x77, 0x53, 0xde,
];

function part(name: string, content: Part['content']): Part {
  return { part: true, name, content };
}

function png(name: string): Part {
  return part(name, new Uint8Array(pngBytes));
}

const isPart = (value: unknown): value is Part => typeof value === 'object' && value !== null && 'part' in value;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The files among the variables, as [dotted path, part]: a variable itself or a field of an input object. */
function partsOf(variables: Record<string, unknown>): [string, Part][] {
  return Object.entries(variables).flatMap(([name, value]): [string, Part][] => {
    if (isPart(value)) return [[name, value]];
    if (!isRecord(value)) return [];
    return Object.entries(value)
      .filter((entry): entry is [string, Part] => isPart(entry[1]))
      .map(([key, part]) => [`${name}.${key}`, part]);
  });
}

/** The variables with every file replaced by null, as the multipart request's operations carry them. */
function withoutParts(variables: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(variables).map(([name, value]) => {
      if (isPart(value)) return [name, null];
      if (!isRecord(value) || !Object.values(value).some(isPart)) return [name, value];
      return [name, Object.fromEntries(Object.entries(value).map(([k, v]) => [k, isPart(v) ? null : v]))];
    }),
  );
}

// ---------------------------------------------------------------- documents

type DocumentFlaw =
  'unknownArgument' | 'missingArgument' | 'variableType' | 'literal' | 'selection' | 'query' | 'unusedVariable';

/** The document calling `field` with every argument as a variable, or with one flaw. */
function documentOf(field: Field, flaw?: { kind: DocumentFlaw; arg?: string }): string {
  const named = getNamedType(field.type);
  const objectResult = isObjectType(named);
  const args = field.args.filter((a) => !(flaw?.kind === 'missingArgument' && a.name === flaw.arg));
  const declared = args.map((a) => {
    if (flaw?.kind === 'variableType' && a.name === flaw.arg) {
      return `$${a.name}: ${getNamedType(a.type).name === 'Boolean' ? 'Float' : 'Boolean'}`;
    }
    return `$${a.name}: ${String(a.type)}`;
  });
  if (flaw?.kind === 'unusedVariable') declared.push('$unused: Int');
  const passed = args.map((a) => {
    if (flaw?.kind !== 'literal' || a.name !== flaw.arg) return `${a.name}: $${a.name}`;
    const type = getNamedType(a.type).name;
    const literal =
      type === 'Int'
        ? '"1"'
        : type === 'Float'
          ? '"1.5"'
          : type === 'Boolean'
            ? '"true"'
            : ['String', 'ID'].includes(type)
              ? '1.5'
              : '"x"';
    return `${a.name}: ${literal}`;
  });
  if (flaw?.kind === 'unknownArgument') passed.push('bogus: 1');
  const selection = objectResult
    ? flaw?.kind === 'selection'
      ? ' { __typename bogusField }'
      : ' { __typename }'
    : flaw?.kind === 'selection'
      ? ' { __typename }'
      : '';
  const declaration = declared.length ? `(${declared.join(', ')})` : '';
  const call = passed.length ? `(${passed.join(', ')})` : '';
  return `${flaw?.kind === 'query' ? 'query' : 'mutation'}${declaration} { ${field.name}${call}${selection} }`;
}

/** The flaws a document of `field` can have (every one of them makes it invalid). */
function documentFlaws(field: Field) {
  const required = field.args.filter((a) => String(a.type).endsWith('!')).map((a) => a.name);
  const names = field.args.map((a) => a.name);
  const flaws: fc.Arbitrary<{ kind: DocumentFlaw; arg?: string }>[] = [
    fc.constantFrom<{ kind: DocumentFlaw }>(
      { kind: 'unknownArgument' },
      { kind: 'selection' },
      { kind: 'query' },
      { kind: 'unusedVariable' },
    ),
  ];
  if (required.length)
    flaws.push(fc.constantFrom(...required).map((arg) => ({ kind: 'missingArgument' as const, arg })));
  if (names.length) {
    flaws.push(fc.constantFrom(...names).map((arg) => ({ kind: 'variableType' as const, arg })));
    flaws.push(fc.constantFrom(...names).map((arg) => ({ kind: 'literal' as const, arg })));
  }
  return fc.oneof(...flaws);
}

// ---------------------------------------------------------------- one call and its checks

interface Call {
  query: string;
  variables: Record<string, unknown>;
  /** Paths of the variables that differ from the valid call. */
  changed: string[];
}

interface Answer {
  status: number;
  body: {
    data?: Record<string, unknown> | null;
    errors?: { message?: string; path?: unknown[]; extensions?: Record<string, unknown> }[];
  };
  text: string;
}

async function send(api: TestApi, call: Call, token: string | null, upload: boolean): Promise<Answer> {
  let request: Request;
  const auth: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const parts = upload ? partsOf(call.variables) : [];
  if (parts.length) {
    const form = new FormData();
    const variables = withoutParts(call.variables);
    form.append('operations', JSON.stringify({ query: call.query, variables }));
    form.append(
      'map',
      JSON.stringify(Object.fromEntries(parts.map(([name], i) => [String(i), [`variables.${name}`]]))),
    );
    parts.forEach(([, value], i) => {
      const file = value;
      let content: Uint8Array<ArrayBuffer> | string;
      if (typeof file.content === 'string') content = file.content;
      else if (file.content instanceof Uint8Array) content = new Uint8Array(file.content);
      else {
        content = new Uint8Array(file.content.pngOfBytes);
        content.set(pngBytes);
      }
      form.append(String(i), new Blob([content]), file.name);
    });
    request = new Request('http://test/graphql', {
      method: 'POST',
      headers: { 'x-graphql-yoga-csrf': '1', ...auth },
      body: form,
    });
  } else {
    request = new Request('http://test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth },
      body: JSON.stringify({ query: call.query, variables: call.variables }),
    });
  }
  const response = await api.app.fetch(request);
  const text = await response.text();
  let body: Answer['body'] = {};
  try {
    body = JSON.parse(text) as Answer['body'];
  } catch {
    // Left empty: the checks report the text.
  }
  return { status: response.status, body, text };
}

/** What is wrong with an answer to a call that must be refused; empty when nothing is. */
function problemsOf(field: Field, c: Case, call: Call, answer: Answer): string[] {
  const problems: string[] = [];
  if (answer.status >= 500) problems.push(`HTTP ${answer.status}`);
  const errors = answer.body.errors ?? [];
  if (errors.length === 0) problems.push('no errors: the call was not refused');
  if (answer.body.data?.[field.name] != null) problems.push('data came back');
  for (const error of errors) {
    const code = error.extensions?.code;
    if (typeof code !== 'string' || !expectedCodes.has(code)) problems.push(`code ${String(code)}: ${error.message}`);
    if (typeof error.message !== 'string' || error.message.trim() === '') problems.push('an error without a message');
    const fields = error.extensions?.fields as { field?: unknown; message?: unknown }[] | undefined;
    // Refusals of the document or its variables (no path) come before any field is looked at; those
    // of the mutation itself name the fields.
    if (fields === undefined && code === 'BAD_USER_INPUT' && error.path)
      problems.push(`names no field: ${error.message}`);
    if (fields === undefined) continue;
    if (code !== 'BAD_USER_INPUT' || !Array.isArray(fields) || fields.length === 0) {
      problems.push(`fields on a ${String(code)} error, or none named: ${JSON.stringify(fields)}`);
      continue;
    }
    for (const named of fields) {
      if (typeof named.field !== 'string' || typeof named.message !== 'string' || !named.message) {
        problems.push(`a malformed field problem ${JSON.stringify(named)}`);
        continue;
      }
      if (!namesInput(field, named.field)) problems.push(`names "${named.field}", not an input of ${field.name}`);
      else if (![...call.changed, ...(c.related ?? [])].some((p) => onOneBranch(p, named.field as string))) {
        problems.push(`names "${named.field}", which the input did not change (changed: ${call.changed.join(', ')})`);
      }
    }
  }
  return problems;
}

/** Every table's row count and an MD5 of its rows, in one query. */
async function checksumQuery(prisma: PrismaClient, skip: string[]): Promise<string> {
  const tables = await prisma.$queryRawUnsafe<{ table_name: string }[]>(
    `SELECT table_name FROM information_schema.tables
     WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'
     ORDER BY table_name`,
  );
  const parts = tables
    .map((t) => t.table_name)
    .filter((t) => !skip.includes(t) && !requestCountTables.includes(t))
    .map(
      (t) =>
        `SELECT '${t}' AS name, count(*)::int AS rows, md5(coalesce(string_agg(r::text, '|' ORDER BY r::text), '')) AS sum FROM "${t}" r`,
    );
  return `SELECT md5(string_agg(name || ':' || rows || ':' || sum, ',' ORDER BY name)) AS sum FROM (${parts.join(' UNION ALL ')}) s`;
}

const withoutTables = (snapshot: Record<string, unknown[]>, skip: string[]) =>
  Object.fromEntries(Object.entries(snapshot).filter(([table]) => !skip.includes(table)));

const short = (value: unknown) => {
  const json = JSON.stringify(value, (_k, v: unknown) =>
    typeof v === 'string' && v.length > 200 ? `${v.slice(0, 60)}…(${v.length} chars)` : v,
  );
  return json && json.length > 1500 ? `${json.slice(0, 1500)}…` : json;
};

// ---------------------------------------------------------------- the runs

const mutationFields = schema.getMutationType()?.getFields() ?? {};

describe.each(databaseKinds)('bad input to every mutation, on %s', (kind) => {
  let api: TestApi;
  let world: World;
  let filesDir: string;
  const tokens: Record<Caller, string | null> = { admin: null, self: null, leaver: null, anonymous: null };
  const tally: Record<string, { calls: number; codes: Record<string, number> }> = {};

  beforeAll(async () => {
    filesDir = mkdtempSync(path.join(tmpdir(), 'par-fuzz-files-'));
    api = await startTestApi(kind, { env: { FILES_DIR: filesDir, MAX_UPLOAD_MB: '1' } });
    const prisma = api.db.prisma;
    const f = await loadFixture(prisma);
    const target = await prisma.target.create({
      data: {
        objectiveId: f.objectives.oneStop.id,
        code: 'PAR-92',
        indicator: 'Chỉ số CCHC',
        measure: '%',
        comparator: 'GT',
        targetValue: 92,
        targetYear: 2025,
      },
    });
    const headship = await prisma.headship.findFirstOrThrow({ where: { personId: f.people.head.id } });
    const framework = (level: 'AGENCY' | 'COMMUNE', year: number) =>
      prisma.indexFramework.create({ data: { level, year, name: `Bộ chỉ số ${level} ${year}` } });
    const node = async (frameworkId: number, nodeCode: string, maxPoints: number) =>
      (
        await prisma.indexNode.create({
          data: { frameworkId, code: nodeCode, name: `Tiêu chí ${nodeCode}`, maxPoints },
        })
      ).id;
    const agency = await framework('AGENCY', 2030);
    const nodes = {
      ten: await node(agency.id, '1', 10),
      sevenHalf: await node(agency.id, '2', 7.5),
      commune: await node((await framework('COMMUNE', 2030)).id, '1', 10),
      old: await node((await framework('AGENCY', 2020)).id, '1', 10),
    };
    const account = async (username: string) =>
      (
        await prisma.account.create({
          data: { username, displayName: username, role: 'ANALYST', passwordHash: f.accounts.analyst.passwordHash },
        })
      ).id;
    const accounts = {
      self: await account('fuzz.self'),
      leaver: await account('fuzz.leaver'),
      target: await account('fuzz.target'),
    };
    await account('fuzz.login');
    const oldUnit = await prisma.unit.create({
      data: {
        code: 'PTP_CU',
        name: 'Phòng Tư pháp cũ',
        kind: 'AGENCY',
        parentId: f.units.district.id,
        dissolvedOn: day('2025-06-30'),
        successorId: f.units.justice.id,
      },
    });
    const childUnit = await prisma.unit.create({
      data: { code: 'PTP_TO', name: 'Tổ hòa giải', kind: 'AGENCY', parentId: f.units.justice.id },
    });
    const approvedPlan = await prisma.improvementPlan.create({
      data: {
        unitId: f.units.homeAffairs.id,
        year: 2036,
        targetPercent: 93,
        status: 'APPROVED',
        approvedAt: new Date(),
      },
    });
    const rejected = await prisma.deadlineExtension.create({
      data: {
        taskId: f.tasks.overdue.id,
        previousDeadline: f.tasks.overdue.deadline,
        requestedDeadline: day('2026-04-30'),
        reason: 'Chờ kinh phí',
        status: 'REJECTED',
        decidedAt: new Date('2026-03-05T02:00:00Z'),
        decisionNote: 'Không đủ lý do',
      },
    });
    const closedEvidence = await prisma.evidence.create({
      data: {
        taskId: f.tasks.onTime.id,
        kind: 'LINK',
        title: 'Kế hoạch đã ban hành',
        url: 'https://dateh.lamdong.gov.vn/kh',
      },
    });
    const pendingTask = await taskIn({ f, prisma } as World, 'IN_PROGRESS');
    await prisma.deadlineExtension.create({
      data: {
        taskId: pendingTask.taskId as number,
        previousDeadline: day('2026-05-31'),
        requestedDeadline: day('2026-06-30'),
        reason: 'Chờ ý kiến của Sở',
      },
    });
    world = {
      f,
      prisma,
      target: target.id,
      headship: headship.id,
      nodes,
      accounts,
      closed: { unit: oldUnit.id, plan: approvedPlan.id, extension: rejected.id, evidence: closedEvidence.id },
      childUnit: childUnit.id,
      pendingTask: pendingTask.taskId as number,
    };
    tokens.admin = await api.signIn('admin');
    tokens.self = await api.signIn('fuzz.self');
    tokens.leaver = await api.signIn('fuzz.leaver');
  });

  afterAll(async () => {
    await api.close();
    rmSync(filesDir, { recursive: true, force: true });
    const lines = Object.entries(tally).map(
      ([name, { calls, codes }]) =>
        `  ${name}: ${calls} calls; ${Object.entries(codes)
          .map(([code, n]) => `${code} ${n}`)
          .join(', ')}`,
    );
    console.log(`Bad input on ${kind}, calls per mutation and the codes of their errors:\n${lines.join('\n')}`);
  });

  it('has a generator for every mutation in the schema', () => {
    expect(Object.keys(mutationFields).filter((name) => !cases[name])).toEqual([]);
    expect(Object.keys(cases).filter((name) => !mutationFields[name])).toEqual([]);
  });

  it.each(Object.keys(mutationFields))(
    '%s refuses every bad input, with an expected code and no change',
    async (name) => {
      const field = mutationFields[name] as Field;
      const c = cases[name] as Case;
      const prisma = api.db.prisma;
      const prepared = c.prepare ? await c.prepare(world) : {};
      const skip = c.counts ?? [];
      const sql = await checksumQuery(prisma, skip);
      const before = withoutTables(await snapshotDatabase(prisma), skip);
      const checksum = JSON.stringify(await prisma.$queryRawUnsafe(sql));
      const filesBefore = readdirSync(filesDir, { recursive: true }).length;

      const argFuzz = c.args?.(world, prepared, field);
      const args = argFuzz ? object(argFuzz, 'optional', { combos: c.combos?.(world, prepared) }) : null;
      const baseVariables = (args?.base ?? {}) as Record<string, unknown>;
      const byDocument = documentFlaws(field).map((flaw): Call => ({
        query: documentOf(field, flaw),
        variables: baseVariables,
        changed: [],
      }));
      const byVariables = args?.bad.map((variables): Call => ({
        query: documentOf(field),
        variables: variables as Record<string, unknown>,
        changed: changedPaths(variables, baseVariables),
      }));
      const calls = byVariables
        ? fc.oneof({ weight: 9, arbitrary: byVariables }, { weight: 1, arbitrary: byDocument })
        : byDocument;

      let count = 0;
      const codes: Record<string, number> = {};
      await fc.assert(
        fc.asyncProperty(calls, async (call) => {
          const answer = await send(api, call, tokens[c.caller], c.upload === true);
          for (const error of answer.body.errors ?? []) {
            const code = String(error.extensions?.code);
            codes[code] = (codes[code] ?? 0) + 1;
          }
          count += 1;
          const problems = problemsOf(field, c, call, answer);
          const now = JSON.stringify(await prisma.$queryRawUnsafe(sql));
          if (now !== checksum) problems.push('the database changed');
          if (problems.length) {
            throw new Error(
              `${name}: ${problems.join('; ')}\n  variables ${short(call.variables)}\n  query ${call.query}\n  answer ${answer.status} ${short(answer.body)}`,
            );
          }
        }),
        { numRuns: runs, seed, endOnFailure: true },
      );
      tally[name] = { calls: count, codes };

      expect(withoutTables(await snapshotDatabase(prisma), skip), `${name} changed the database`).toEqual(before);
      expect(readdirSync(filesDir, { recursive: true }).length, `${name} stored a file`).toBe(filesBefore);
    },
    600_000,
  );
});
