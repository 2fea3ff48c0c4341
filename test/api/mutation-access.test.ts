// Every mutation, called by every role and anonymously: refused callers get the right error and
// change nothing (not even an audit row); allowed callers succeed and are audited. A mutation added
// to the schema without a case here fails the coverage test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../../api/schema/index.ts';
import type { PlanStatus, PrismaClient, TaskStatus } from '../../generated/prisma/client.ts';
import { expectError, fixturePassword, ok, startTestApi, type TestApi, type UploadPart } from '../support/api.ts';
import { databaseKinds } from '../support/databases.ts';
import { loadFixture, type Fixture } from '../support/fixture.ts';
import { snapshotDatabase } from '../support/snapshot.ts';

type Caller = 'anonymous' | 'analyst' | 'committee' | 'head.pnv' | 'head.annhon' | 'admin';
const callers: Caller[] = ['anonymous', 'analyst', 'committee', 'head.annhon', 'head.pnv', 'admin'];

type CaseFixture = Fixture & { target: { id: number }; headship: { id: number }; taskVersion: () => number };

interface MutationCase {
  name: string;
  document: string;
  variables: (f: CaseFixture, n: number, prepared: Prepared) => Record<string, unknown>;
  allowed: Caller[];
  /** Files sent as a GraphQL multipart request, for the upload mutation. */
  files?: Record<string, UploadPart>;
  /** Puts a fresh record in the state the mutation needs, before each call (outside the snapshot). */
  prepare?: (prisma: PrismaClient, f: CaseFixture) => Promise<Prepared>;
}

interface Prepared {
  accountId?: number;
  planId?: number;
  taskId?: number;
  version?: number;
  extensionId?: number;
  evidenceId?: number;
  year?: number;
}

const day = (text: string) => new Date(`${text}T00:00:00.000Z`);

/** The PNG signature and an image header: enough for the content check. */
function tinyPng(): Uint8Array {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  const header = [0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0, 0x90, 0x77, 0x53, 0xde];
  return new Uint8Array([...signature, ...header]);
}

let frameworkYear = 2100;

/** A commune framework of a year of its own with one field of 10 points, for importIndexScores. */
async function withCommuneFramework(prisma: PrismaClient): Promise<Prepared> {
  const year = frameworkYear--;
  await prisma.indexFramework.create({
    data: {
      level: 'COMMUNE',
      year,
      name: `Bộ chỉ số xã ${year}`,
      nodes: { create: { code: '1', name: 'Chỉ đạo', maxPoints: 10 } },
    },
  });
  return { year };
}

/** A Phòng Nội vụ task (head.pnv leads it; Phòng Tư pháp supports it) in the given status. */
async function taskIn(prisma: PrismaClient, f: CaseFixture, status: TaskStatus, withEvidence = false) {
  const task = await prisma.task.create({
    data: {
      title: `Nhiệm vụ ở trạng thái ${status}`,
      objectiveId: f.objectives.oneStop.id,
      leadUnitId: f.units.homeAffairs.id,
      supportingUnits: { connect: [{ id: f.units.justice.id }] },
      startDate: day('2026-02-01'),
      deadline: day('2026-05-31'),
      originalDeadline: day('2026-05-31'),
      status,
      progress: status === 'SUBMITTED' ? 100 : status === 'IN_PROGRESS' ? 30 : 0,
      submittedAt: status === 'SUBMITTED' ? new Date('2026-03-09T08:00:00Z') : null,
    },
  });
  if (withEvidence || status === 'SUBMITTED') {
    await prisma.evidence.create({
      data: { taskId: task.id, kind: 'LINK', title: 'Cổng thông tin huyện', url: 'https://dateh.lamdong.gov.vn/' },
    });
  }
  return task;
}

const inStatus =
  (status: TaskStatus, withEvidence = false) =>
  async (prisma: PrismaClient, f: CaseFixture): Promise<Prepared> => {
    const task = await taskIn(prisma, f, status, withEvidence);
    return { taskId: task.id, version: task.version };
  };

const withPendingExtension = async (prisma: PrismaClient, f: CaseFixture): Promise<Prepared> => {
  const task = await taskIn(prisma, f, 'IN_PROGRESS');
  const extension = await prisma.deadlineExtension.create({
    data: {
      taskId: task.id,
      previousDeadline: task.deadline,
      requestedDeadline: day('2026-07-31'),
      reason: 'Chờ hướng dẫn của Sở Nội vụ',
    },
  });
  return { taskId: task.id, extensionId: extension.id };
};

const withEvidenceToReview = async (prisma: PrismaClient, f: CaseFixture): Promise<Prepared> => {
  const task = await taskIn(prisma, f, 'IN_PROGRESS', true);
  const evidence = await prisma.evidence.findFirstOrThrow({ where: { taskId: task.id } });
  return { taskId: task.id, evidenceId: evidence.id };
};

let accountSerial = 0;

/** A fresh analyst account that is none of the callers (a reset ends its sessions). */
const withAccount = async (prisma: PrismaClient, f: CaseFixture): Promise<Prepared> => {
  accountSerial += 1;
  const account = await prisma.account.create({
    data: {
      username: `target.${accountSerial}`,
      displayName: 'Tài khoản thử',
      role: 'ANALYST',
      passwordHash: f.accounts.analyst.passwordHash,
    },
  });
  return { accountId: account.id };
};

/** Years for prepared plans of Phòng Nội vụ, above those createImprovementPlan's case uses (2000–2039). */
let planYear = 2040;

/** A fresh Phòng Nội vụ improvement plan (head.pnv heads the unit) in the given status. */
const planIn =
  (status: PlanStatus) =>
  async (prisma: PrismaClient, f: CaseFixture): Promise<Prepared> => {
    const plan = await prisma.improvementPlan.create({
      data: { unitId: f.units.homeAffairs.id, year: planYear++, targetPercent: 92.5, status },
    });
    return { planId: plan.id, version: plan.version };
  };

/** A workflow step on the prepared task, with extra arguments as name → [GraphQL type, value]. */
const taskStep = (field: string, extra: Record<string, [string, unknown]> = {}) => step('Task', field, extra);

/** A workflow step on the prepared plan. */
const planStep = (field: string, extra: Record<string, [string, unknown]> = {}) =>
  step('ImprovementPlan', field, extra);

function step(type: 'Task' | 'ImprovementPlan', field: string, extra: Record<string, [string, unknown]>) {
  const entries = Object.entries(extra);
  const declared = entries.map(([name, [argType]]) => `, $${name}: ${argType}`).join('');
  const passed = entries.map(([name]) => `, ${name}: $${name}`).join('');
  return {
    document: `mutation ($id: ID!, $version: Int!${declared}) { ${field}(id: $id, version: $version${passed}) { id status } }`,
    variables: (_f: CaseFixture, _n: number, p: Prepared) => ({
      id: g(type, (type === 'Task' ? p.taskId : p.planId) ?? 0),
      version: p.version,
      ...Object.fromEntries(entries.map(([name, [, value]]) => [name, value])),
    }),
  };
}

const g = (type: string, id: number) => `${type}:${id}`;

const cases: MutationCase[] = [
  {
    name: 'createResolution',
    document: 'mutation ($input: CreateResolutionInput!) { createResolution(input: $input) { id } }',
    variables: (_f, n) => ({
      input: {
        code: `${n}-NQ/HU`,
        title: 'Nghị quyết thử',
        issuedBy: 'Huyện ủy',
        issuedOn: '2026-01-05',
        horizonYear: 2030,
      },
    }),
    allowed: ['admin'],
  },
  {
    name: 'updateResolution',
    document: 'mutation ($id: ID!, $input: UpdateResolutionInput!) { updateResolution(id: $id, input: $input) { id } }',
    variables: (f, n) => ({ id: g('Resolution', f.resolution.id), input: { summary: `Tóm tắt ${n}` } }),
    allowed: ['admin'],
  },
  {
    name: 'createReformArea',
    document: 'mutation ($input: CreateReformAreaInput!) { createReformArea(input: $input) { id } }',
    variables: (_f, n) => ({ input: { code: `AREA_${n}`, name: 'Lĩnh vực thử', nameEn: 'Test area' } }),
    allowed: ['admin'],
  },
  {
    name: 'updateReformArea',
    document: 'mutation ($id: ID!, $input: UpdateReformAreaInput!) { updateReformArea(id: $id, input: $input) { id } }',
    variables: (f, n) => ({ id: g('ReformArea', f.areas.digital.id), input: { sortOrder: n } }),
    allowed: ['admin'],
  },
  {
    name: 'createObjective',
    document: 'mutation ($input: CreateObjectiveInput!) { createObjective(input: $input) { id } }',
    variables: (f, n) => ({
      input: {
        resolutionId: g('Resolution', f.resolution.id),
        reformAreaId: g('ReformArea', f.areas.digital.id),
        code: `MT${n}`,
        title: 'Mục tiêu thử',
      },
    }),
    allowed: ['admin'],
  },
  {
    name: 'updateObjective',
    document: 'mutation ($id: ID!, $input: UpdateObjectiveInput!) { updateObjective(id: $id, input: $input) { id } }',
    variables: (f, n) => ({ id: g('Objective', f.objectives.online.id), input: { description: `Mô tả ${n}` } }),
    allowed: ['admin'],
  },
  {
    name: 'createTarget',
    document: 'mutation ($input: CreateTargetInput!) { createTarget(input: $input) { id } }',
    variables: (f, n) => ({
      input: {
        objectiveId: g('Objective', f.objectives.online.id),
        code: `CT-${n}`,
        indicator: 'Tỷ lệ hồ sơ trực tuyến',
        measure: '%',
        comparator: 'GTE',
        targetValue: 80,
        targetYear: 2027,
      },
    }),
    allowed: ['admin'],
  },
  {
    name: 'setTargetYear',
    document:
      'mutation ($targetId: ID!, $input: TargetYearInput!) { setTargetYear(targetId: $targetId, input: $input) { id } }',
    variables: (f, n) => ({ targetId: g('Target', f.target.id), input: { year: 2000 + n, actualValue: 91.5 } }),
    allowed: ['admin'],
  },
  {
    name: 'updateTarget',
    document: 'mutation ($id: ID!, $input: UpdateTargetInput!) { updateTarget(id: $id, input: $input) { id } }',
    variables: (f, n) => ({ id: g('Target', f.target.id), input: { source: `Nguồn ${n}` } }),
    allowed: ['admin'],
  },
  {
    name: 'createUnit',
    document: 'mutation ($input: CreateUnitInput!) { createUnit(input: $input) { id } }',
    variables: (f, n) => ({
      input: { code: `UNIT_${n}`, name: 'Đơn vị thử', kind: 'AGENCY', parentId: g('Unit', f.units.district.id) },
    }),
    allowed: ['admin'],
  },
  {
    name: 'updateUnit',
    document: 'mutation ($id: ID!, $input: UpdateUnitInput!) { updateUnit(id: $id, input: $input) { id } }',
    variables: (f, n) => ({ id: g('Unit', f.units.justice.id), input: { phone: `0263 ${n}` } }),
    allowed: ['admin'],
  },
  {
    name: 'createPerson',
    document: 'mutation ($input: CreatePersonInput!) { createPerson(input: $input) { id } }',
    variables: (_f, n) => ({ input: { fullName: `Người Thử ${n}` } }),
    allowed: ['admin'],
  },
  {
    name: 'updatePerson',
    document: 'mutation ($id: ID!, $input: UpdatePersonInput!) { updatePerson(id: $id, input: $input) { id } }',
    variables: (f, n) => ({ id: g('Person', f.people.head.id), input: { phone: `0909 ${n}` } }),
    allowed: ['admin'],
  },
  {
    name: 'createHeadship',
    document: 'mutation ($input: CreateHeadshipInput!) { createHeadship(input: $input) { id } }',
    variables: (f, n) => ({
      input: {
        unitId: g('Unit', f.units.district.id),
        personId: g('Person', f.people.formerHead.id),
        title: 'Chủ tịch UBND huyện',
        startDate: `${2000 + n}-01-01`,
        endDate: `${2000 + n}-12-31`,
      },
    }),
    allowed: ['admin'],
  },
  {
    name: 'updateHeadship',
    document: 'mutation ($id: ID!, $input: UpdateHeadshipInput!) { updateHeadship(id: $id, input: $input) { id } }',
    variables: (f, n) => ({ id: g('Headship', f.headship.id), input: { title: `Trưởng phòng ${n}` } }),
    allowed: ['admin'],
  },
  {
    name: 'createTask',
    document: 'mutation ($input: CreateTaskInput!) { createTask(input: $input) { id } }',
    variables: (f, n) => ({
      input: {
        title: `Nhiệm vụ thử ${n}`,
        objectiveId: g('Objective', f.objectives.online.id),
        leadUnitId: g('Unit', f.units.justice.id),
        deadline: '2026-12-31',
      },
    }),
    allowed: ['admin'],
  },
  {
    name: 'updateTask (the plan of a Phòng Nội vụ task)',
    document:
      'mutation ($id: ID!, $version: Int!, $input: UpdateTaskInput!) { updateTask(id: $id, version: $version, input: $input) { id } }',
    variables: (f, n) => ({
      id: g('Task', f.tasks.overdue.id),
      version: f.taskVersion(),
      input: { progress: n % 100 },
    }),
    allowed: ['admin'],
  },
  {
    name: 'startTask',
    ...taskStep('startTask'),
    prepare: inStatus('NOT_STARTED'),
    allowed: ['head.pnv', 'admin'],
  },
  {
    name: 'reportProgress',
    ...taskStep('reportProgress', { progress: ['Int', 55] }),
    prepare: inStatus('IN_PROGRESS'),
    allowed: ['head.pnv', 'admin'],
  },
  {
    name: 'submitTask',
    ...taskStep('submitTask'),
    prepare: inStatus('IN_PROGRESS', true),
    allowed: ['head.pnv', 'admin'],
  },
  {
    name: 'approveTask',
    ...taskStep('approveTask'),
    prepare: inStatus('SUBMITTED'),
    allowed: ['committee', 'admin'],
  },
  {
    name: 'returnTask',
    ...taskStep('returnTask', { reason: ['String!', 'Thiếu minh chứng'] }),
    prepare: inStatus('SUBMITTED'),
    allowed: ['committee', 'admin'],
  },
  {
    name: 'cancelTask',
    ...taskStep('cancelTask', { reason: ['String!', 'Giao lại cho đơn vị khác'] }),
    prepare: inStatus('IN_PROGRESS'),
    allowed: ['admin'],
  },
  {
    name: 'commentOnTask',
    document: 'mutation ($id: ID!) { commentOnTask(id: $id, note: "Đề nghị đẩy nhanh tiến độ") { type } }',
    variables: (_f, _n, p) => ({ id: g('Task', p.taskId ?? 0) }),
    prepare: inStatus('IN_PROGRESS'),
    allowed: ['committee', 'head.pnv', 'admin'],
  },
  {
    name: 'requestExtension',
    document:
      'mutation ($id: ID!) { requestExtension(taskId: $id, requestedDeadline: "2026-07-31", reason: "Chờ hướng dẫn") { id } }',
    variables: (_f, _n, p) => ({ id: g('Task', p.taskId ?? 0) }),
    prepare: inStatus('IN_PROGRESS'),
    allowed: ['head.pnv', 'admin'],
  },
  {
    name: 'withdrawExtension',
    document: 'mutation ($id: ID!) { withdrawExtension(id: $id) { id status } }',
    variables: (_f, _n, p) => ({ id: g('DeadlineExtension', p.extensionId ?? 0) }),
    prepare: withPendingExtension,
    allowed: ['head.pnv', 'admin'],
  },
  {
    name: 'decideExtension',
    document: 'mutation ($id: ID!) { decideExtension(id: $id, decision: APPROVED, note: "Đồng ý") { id status } }',
    variables: (_f, _n, p) => ({ id: g('DeadlineExtension', p.extensionId ?? 0) }),
    prepare: withPendingExtension,
    allowed: ['committee', 'admin'],
  },
  {
    name: 'addEvidence',
    document: 'mutation ($id: ID!, $input: AddEvidenceInput!) { addEvidence(taskId: $id, input: $input) { id } }',
    variables: (_f, n, p) => ({
      id: g('Task', p.taskId ?? 0),
      input: {
        kind: 'DOCUMENT',
        title: 'Quyết định ban hành quy trình',
        documentNumber: `${n}/QĐ-UBND`,
        documentDate: '2026-03-05',
        issuer: 'UBND huyện Đạ Tẻh',
      },
    }),
    prepare: inStatus('IN_PROGRESS'),
    allowed: ['head.pnv', 'admin'],
  },
  {
    name: 'uploadEvidence',
    document:
      'mutation ($id: ID!, $file: File!) { uploadEvidence(taskId: $id, title: "Ảnh chụp bảng niêm yết", file: $file) { id } }',
    variables: (_f, _n, p) => ({ id: g('Task', p.taskId ?? 0) }),
    files: { file: { name: 'niem-yet.png', type: 'image/png', content: tinyPng() } },
    prepare: inStatus('IN_PROGRESS'),
    allowed: ['head.pnv', 'admin'],
  },
  {
    name: 'importIndexFramework',
    document:
      'mutation ($input: ImportIndexFrameworkInput!) { importIndexFramework(input: $input) { ok errors { message } } }',
    variables: (_f, n) => ({ input: { level: 'AGENCY', year: 2000 + (n % 100), name: `Bộ chỉ số ${n}`, file: null } }),
    files: { 'input.file': { name: 'khung.csv', type: 'text/csv', content: 'code,name,max_points\n1,Chỉ đạo,100\n' } },
    allowed: ['admin'],
  },
  {
    name: 'importIndexScores',
    document:
      'mutation ($input: ImportIndexScoresInput!) { importIndexScores(input: $input) { ok errors { message } } }',
    variables: (_f, _n, p) => ({ input: { level: 'COMMUNE', year: p.year, file: null } }),
    files: {
      'input.file': { name: 'diem.csv', type: 'text/csv', content: 'unit_code,node_code,points\nXA_ANNHON,1,7.5\n' },
    },
    prepare: withCommuneFramework,
    allowed: ['admin'],
  },
  {
    name: 'reviewEvidence',
    document: 'mutation ($id: ID!) { reviewEvidence(id: $id, version: 1, decision: ACCEPTED) { id reviewStatus } }',
    variables: (_f, _n, p) => ({ id: g('Evidence', p.evidenceId ?? 0) }),
    prepare: withEvidenceToReview,
    allowed: ['committee', 'admin'],
  },
  {
    name: 'createImprovementPlan (for Phòng Nội vụ)',
    document: 'mutation ($input: CreateImprovementPlanInput!) { createImprovementPlan(input: $input) { id } }',
    variables: (f, n) => ({
      input: { unitId: g('Unit', f.units.homeAffairs.id), year: 2000 + (n % 40), targetPercent: 92.5 },
    }),
    allowed: ['head.pnv', 'admin'],
  },
  {
    name: 'updateImprovementPlan',
    document:
      'mutation ($id: ID!, $version: Int!, $input: UpdateImprovementPlanInput!) { updateImprovementPlan(id: $id, version: $version, input: $input) { id } }',
    variables: (_f, n, p) => ({
      id: g('ImprovementPlan', p.planId ?? 0),
      version: p.version,
      input: { targetPercent: 93, analysis: `Phân tích ${n}` },
    }),
    prepare: planIn('DRAFT'),
    allowed: ['head.pnv', 'admin'],
  },
  {
    name: 'submitImprovementPlan',
    ...planStep('submitImprovementPlan'),
    prepare: planIn('DRAFT'),
    allowed: ['head.pnv', 'admin'],
  },
  {
    name: 'approveImprovementPlan',
    ...planStep('approveImprovementPlan', { note: ['String', 'Đồng ý'] }),
    prepare: planIn('SUBMITTED'),
    allowed: ['committee', 'admin'],
  },
  {
    name: 'returnImprovementPlan',
    ...planStep('returnImprovementPlan', { reason: ['String!', 'Chưa phân tích nguyên nhân mất điểm'] }),
    prepare: planIn('SUBMITTED'),
    allowed: ['committee', 'admin'],
  },
  {
    name: 'createAccount',
    document: 'mutation ($input: CreateAccountInput!) { createAccount(input: $input) { id } }',
    variables: (_f, n) => ({
      input: {
        username: `account.${n}`,
        displayName: 'Tài khoản mới',
        role: 'ANALYST',
        password: 'một mật khẩu đủ dài',
      },
    }),
    allowed: ['admin'],
  },
  {
    name: 'updateAccount',
    document: 'mutation ($id: ID!, $input: UpdateAccountInput!) { updateAccount(id: $id, input: $input) { id } }',
    variables: (_f, n, p) => ({ id: g('Account', p.accountId ?? 0), input: { displayName: `Tài khoản ${n}` } }),
    prepare: withAccount,
    allowed: ['admin'],
  },
  {
    name: 'resetPassword',
    document: 'mutation ($id: ID!, $p: String!) { resetPassword(id: $id, newPassword: $p) { id } }',
    variables: (_f, n, p) => ({ id: g('Account', p.accountId ?? 0), p: `mật khẩu mới số ${n}` }),
    prepare: withAccount,
    allowed: ['admin'],
  },
  {
    name: 'unlockSignIn',
    document: 'mutation ($u: String!) { unlockSignIn(username: $u) }',
    variables: () => ({ u: 'analyst' }),
    allowed: ['admin'],
  },
  {
    name: 'changePassword (each caller its own)',
    document: 'mutation ($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }',
    variables: (_f, n) => ({ c: fixturePassword, n: `mật khẩu mới số ${n}` }),
    allowed: ['analyst', 'committee', 'head.annhon', 'head.pnv', 'admin'],
  },
];

/** The mutation a case's document calls. */
const mutationOf = (c: MutationCase) => /\{\s*(\w+)\s*[({]/.exec(c.document.replace(/^mutation[^{]*/, ''))?.[1];

describe.each(databaseKinds)('who may call each mutation, on %s', (kind) => {
  let api: TestApi;
  let fixture: CaseFixture;
  const tokens: Partial<Record<Caller, string>> = {};
  let counter = 0;

  beforeAll(async () => {
    api = await startTestApi(kind);
    const base = await loadFixture(api.db.prisma);
    const target = await api.db.prisma.target.create({
      data: {
        objectiveId: base.objectives.oneStop.id,
        code: 'PAR-92',
        indicator: 'Chỉ số CCHC',
        measure: '%',
        comparator: 'GT',
        targetValue: 92,
        targetYear: 2025,
      },
    });
    const headship = await api.db.prisma.headship.findFirstOrThrow({ where: { personId: base.people.head.id } });
    let version = 1;
    fixture = { ...base, target, headship, taskVersion: () => version };
    // Each successful updateTask moves the version on.
    afterEachCall = async () => {
      version = (await api.db.prisma.task.findUniqueOrThrow({ where: { id: base.tasks.overdue.id } })).version;
    };
    for (const caller of callers) if (caller !== 'anonymous') tokens[caller] = await api.signIn(caller);
  });
  afterAll(() => api.close());

  let afterEachCall: () => Promise<void> = async () => {};

  it('has a case for every mutation in the schema', () => {
    const covered = new Set([...cases.map(mutationOf), 'login', 'logout']);
    const missing = Object.keys(schema.getMutationType()?.getFields() ?? {}).filter((name) => !covered.has(name));
    expect(missing).toEqual([]);
  });

  it.each(cases)('$name: refused to every caller not allowed, with no change, and done for the allowed', async (c) => {
    for (const caller of callers) {
      counter += 1;
      const prepared = c.prepare ? await c.prepare(api.db.prisma, fixture) : {};
      const before = await snapshotDatabase(api.db.prisma);
      const audited = await api.db.prisma.auditEntry.count();
      const variables = c.variables(fixture, counter, prepared);
      const token = tokens[caller] ?? null;
      const result = c.files
        ? await api.upload(c.document, variables, c.files, token)
        : await api.gql(c.document, variables, token);
      if (c.allowed.includes(caller)) {
        ok(result);
        const entries = await api.db.prisma.auditEntry.findMany({ where: { id: { gt: audited } } });
        expect(entries.length, `${c.name} by ${caller} was not audited`).toBeGreaterThan(0);
        expect(new Set(entries.map((e) => e.operation))).toEqual(new Set([mutationOf(c)]));
        await afterEachCall();
      } else {
        expectError(result, caller === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
        expect(await snapshotDatabase(api.db.prisma), `${c.name} by ${caller} changed data`).toEqual(before);
      }
    }
  });

  it('answers an anonymous caller "sign in" before judging the input', async () => {
    const result = await api.gql('mutation { updateTask(id: "Task:1", version: 1, input: { progress: 500 }) { id } }');
    expectError(result, 'UNAUTHENTICATED');
  });

  it('lets any signed-in caller log out, but not an anonymous one', async () => {
    expectError(await api.gql('mutation { logout }'), 'UNAUTHENTICATED');
    for (const caller of callers) {
      if (caller === 'anonymous') continue;
      ok(await api.gql('mutation { logout }', {}, tokens[caller] ?? null));
    }
  });
});
