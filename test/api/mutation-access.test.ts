// Every mutation, called by every role and anonymously: refused callers get the right error and
// change nothing; allowed callers succeed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, ok, startTestApi, type TestApi } from '../support/api.ts';
import { databaseKinds } from '../support/databases.ts';
import { loadFixture, type Fixture } from '../support/fixture.ts';
import { snapshotDatabase } from '../support/snapshot.ts';

type Caller = 'anonymous' | 'analyst' | 'committee' | 'head.pnv' | 'head.annhon' | 'admin';
const callers: Caller[] = ['anonymous', 'analyst', 'committee', 'head.annhon', 'head.pnv', 'admin'];

type CaseFixture = Fixture & { target: { id: number }; headship: { id: number }; taskVersion: () => number };

interface MutationCase {
  name: string;
  document: string;
  variables: (f: CaseFixture, n: number) => Record<string, unknown>;
  allowed: Caller[];
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
    name: 'updateTask (progress of a Phòng Nội vụ task)',
    document:
      'mutation ($id: ID!, $version: Int!, $input: UpdateTaskInput!) { updateTask(id: $id, version: $version, input: $input) { id } }',
    variables: (f, n) => ({
      id: g('Task', f.tasks.overdue.id),
      version: f.taskVersion(),
      input: { progress: n % 100 },
    }),
    allowed: ['head.pnv', 'admin'],
  },
];

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

  it.each(cases)('$name: refused to every caller not allowed, with no change, and done for the allowed', async (c) => {
    for (const caller of callers) {
      counter += 1;
      const before = await snapshotDatabase(api.db.prisma);
      const result = await api.gql(c.document, c.variables(fixture, counter), tokens[caller] ?? null);
      if (c.allowed.includes(caller)) {
        ok(result);
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
