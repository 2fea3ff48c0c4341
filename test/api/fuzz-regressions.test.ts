// What the fuzz tests (fuzz.test.ts) found, each pinned down: text the database cannot store or would
// store corrupted, a unit's overlapping heads named as "input.input", a year of a target that does not
// exist named as "input.targetId", a key of two columns named as `input."resolutionId", code`, and
// database errors that are not the client's doing reported as bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translateDatabaseError } from '../../api/services/database-errors.ts';
import { expectError, ok, startTestApi, type TestApi } from '../support/api.ts';
import { databaseKinds } from '../support/databases.ts';
import { loadFixture, type Fixture } from '../support/fixture.ts';
import { snapshotDatabase } from '../support/snapshot.ts';

const g = (type: string, id: number) => `${type}:${id}`;

describe.each(databaseKinds)('inputs the fuzzer found mishandled, on %s', (kind) => {
  let api: TestApi;
  let f: Fixture;
  let admin: string;

  beforeAll(async () => {
    api = await startTestApi(kind);
    f = await loadFixture(api.db.prisma);
    admin = await api.signIn('admin');
  });
  afterAll(() => api.close());

  /** Runs the call, expects BAD_USER_INPUT naming `field` and no change at all. */
  async function refused(
    query: string,
    variables: Record<string, unknown>,
    field: string,
    token: string | null = admin,
  ) {
    const before = await snapshotDatabase(api.db.prisma);
    const error = expectError(await api.gql(query, variables, token), 'BAD_USER_INPUT', field);
    expect(await snapshotDatabase(api.db.prisma)).toEqual(before);
    return error;
  }

  const createPerson = 'mutation ($input: CreatePersonInput!) { createPerson(input: $input) { id fullName } }';

  it('refuses NUL and other control characters in text, which PostgreSQL cannot store (was input.input)', async () => {
    for (const fullName of ['Nguyễn\u0000Văn A', 'Nguyễn\u0007Văn A', 'Nguyễn\u001bVăn A', 'Nguyễn\u0085Văn A']) {
      const error = await refused(createPerson, { input: { fullName } }, 'input.fullName');
      expect(error.message).toMatch(/control characters/);
    }
    // Anonymous callers are told to sign in rather than taught the input rules, even by login.
    const before = await snapshotDatabase(api.db.prisma);
    expectError(
      await api.gql('mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', {
        u: 'ad\u0000min',
        p: 'whatever',
      }),
      'UNAUTHENTICATED',
    );
    expect(await snapshotDatabase(api.db.prisma)).toEqual(before);
    await refused(
      'mutation ($id: ID!, $input: AddEvidenceInput!) { addEvidence(taskId: $id, input: $input) { id } }',
      { id: g('Task', f.tasks.overdue.id), input: { kind: 'LINK', title: 'Cổng', url: 'https://dateh.vn/\u0000' } },
      'input.url',
    );
  });

  it('refuses text with a lone UTF-16 surrogate (was stored as U+FFFD, or a masked error in a timeline)', async () => {
    await refused(createPerson, { input: { fullName: 'Nguyễn \ud800 Văn A' } }, 'input.fullName');
    const task = g('Task', f.tasks.overdue.id);
    await refused(
      'mutation ($id: ID!, $reason: String!) { cancelTask(id: $id, version: 1, reason: $reason) { id } }',
      { id: task, reason: 'Giao lại \udbff' },
      'reason',
    );
    await refused(
      'mutation ($id: ID!, $note: String!) { commentOnTask(id: $id, note: $note) { type } }',
      { id: task, note: '\udc00 ghi chú' },
      'note',
    );
  });

  it('still takes tabs, line breaks and characters outside the BMP', async () => {
    const fullName = 'Nguyễn Văn 𠀧';
    const person = ok(
      await api.gql<{ createPerson: { fullName: string } }>(createPerson, { input: { fullName } }, admin),
    );
    expect(person.createPerson.fullName).toBe(fullName);
    ok(
      await api.gql(
        'mutation ($id: ID!, $note: String!) { commentOnTask(id: $id, note: $note) { type } }',
        { id: g('Task', f.tasks.overdue.id), note: 'Dòng một\r\nDòng hai\tcột' },
        admin,
      ),
    );
  });

  it("names the start or the end of a term that overlaps another of the unit's (was input.input)", async () => {
    // Phòng Nội vụ: the former head 2021-01-01 to 2025-12-31, the head since 2026-01-01.
    const error = await refused(
      'mutation ($input: CreateHeadshipInput!) { createHeadship(input: $input) { id } }',
      {
        input: {
          unitId: g('Unit', f.units.homeAffairs.id),
          personId: g('Person', f.people.communeHead.id),
          title: 'Quyền trưởng phòng',
          startDate: '2025-06-01',
          endDate: '2025-07-31',
        },
      },
      'input.startDate',
    );
    expect(error.message).toMatch(/one head at a time/);
    const former = await api.db.prisma.headship.findFirstOrThrow({ where: { personId: f.people.formerHead.id } });
    await refused(
      'mutation ($id: ID!, $input: UpdateHeadshipInput!) { updateHeadship(id: $id, input: $input) { id } }',
      { id: g('Headship', former.id), input: { endDate: '2026-02-01' } },
      'input.endDate',
    );
  });

  it('answers NOT_FOUND for a year of a target that does not exist (was input.targetId)', async () => {
    const before = await snapshotDatabase(api.db.prisma);
    expectError(
      await api.gql(
        'mutation ($id: ID!) { setTargetYear(targetId: $id, input: { year: 2026, actualValue: 91 }) { id } }',
        { id: 'Target:424242' },
        admin,
      ),
      'NOT_FOUND',
    );
    expect(await snapshotDatabase(api.db.prisma)).toEqual(before);
  });

  it('names the code when another objective of the resolution has it (was input."resolutionId", code)', async () => {
    const error = await refused(
      'mutation ($input: CreateObjectiveInput!) { createObjective(input: $input) { id } }',
      {
        input: {
          resolutionId: g('Resolution', f.resolution.id),
          reformAreaId: g('ReformArea', f.areas.digital.id),
          code: f.objectives.oneStop.code,
          title: 'Mục tiêu trùng mã',
        },
      },
      'input.code',
    );
    expect(error.extensions?.fields).toHaveLength(1);
    await refused(
      'mutation ($id: ID!, $input: UpdateObjectiveInput!) { updateObjective(id: $id, input: $input) { id } }',
      { id: g('Objective', f.objectives.online.id), input: { code: f.objectives.oneStop.code } },
      'input.code',
    );
  });
});

describe('database errors and what the client is told', () => {
  const prismaError = (code: string, meta: object) =>
    Object.assign(new Error('x'), { name: 'PrismaClientKnownRequestError', code, meta });

  it('leaves an error of the driver that is no check violation to be masked (was BAD_USER_INPUT input.input)', () => {
    const nul = prismaError('P2039', {
      modelName: 'Person',
      driverAdapterError: {
        cause: { originalCode: '22021', originalMessage: 'invalid byte sequence for encoding "UTF8": 0x00' },
      },
    });
    expect(translateDatabaseError(nul)).toBeNull();
  });

  it('names the input as a whole, not input.input, when a refusal does not tell the field', () => {
    const trigger = prismaError('P2039', {
      modelName: 'Task',
      driverAdapterError: {
        cause: { originalCode: '23514', originalMessage: 'Unit 2 leads task 5 and cannot also support it' },
      },
    });
    expect(translateDatabaseError(trigger)?.extensions).toMatchObject({ fields: [{ field: 'input' }] });
    const unique = prismaError('P2002', { modelName: 'Unit', driverAdapterError: { cause: {} } });
    expect(translateDatabaseError(unique)?.extensions).toMatchObject({ fields: [{ field: 'input' }] });
  });

  it('names the last column of a key of several, by columns (PGlite, quoted) or by index (PostgreSQL)', () => {
    for (const constraint of [{ fields: ['"resolutionId"', 'code'] }, { index: 'Objective_resolutionId_code_key' }]) {
      const error = translateDatabaseError(
        prismaError('P2002', { modelName: 'Objective', driverAdapterError: { cause: { constraint } } }),
      );
      expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.code' }] });
      expect(error?.message).toMatch(/same resolutionId/);
    }
  });
});
