import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, ok, startTestApi, type TestApi } from '../support/api.ts';
import { databaseKinds } from '../support/databases.ts';
import { loadFixture, type Fixture } from '../support/fixture.ts';
import { snapshotDatabase } from '../support/snapshot.ts';

describe.each(databaseKinds)('keeping reference data on %s', (kind) => {
  let api: TestApi;
  let fixture: Fixture;
  let admin: string;
  const g = (type: string, id: number) => `${type}:${id}`;

  beforeAll(async () => {
    api = await startTestApi(kind);
    fixture = await loadFixture(api.db.prisma);
    admin = await api.signIn('admin');
  });
  afterAll(() => api.close());

  /** Runs a refused mutation and checks that the database is exactly as before. */
  async function refused(document: string, variables: Record<string, unknown>, field?: string) {
    const before = await snapshotDatabase(api.db.prisma);
    const result = await api.gql(document, variables, admin);
    const error = expectError(result, 'BAD_USER_INPUT', field);
    expect(await snapshotDatabase(api.db.prisma)).toEqual(before);
    return error;
  }

  const createUnit =
    'mutation ($input: CreateUnitInput!) { createUnit(input: $input) { id code name kind parent { code } active } }';
  const updateUnit =
    'mutation ($id: ID!, $input: UpdateUnitInput!) { updateUnit(id: $id, input: $input) { id active dissolvedOn successor { code } ledTasks { totalCount } } }';

  it('adds a unit under its parent', async () => {
    const data = ok(
      await api.gql<{ createUnit: Record<string, unknown> }>(
        createUnit,
        {
          input: {
            code: 'PVHTT',
            name: 'Phòng Văn hóa và Thông tin',
            kind: 'AGENCY',
            parentId: g('Unit', fixture.units.district.id),
          },
        },
        admin,
      ),
    );
    expect(data.createUnit).toMatchObject({ code: 'PVHTT', kind: 'AGENCY', parent: { code: 'DATEH' }, active: true });
  });

  it('refuses a unit code that is taken, naming the code', async () => {
    await refused(createUnit, { input: { code: 'PNV', name: 'Trùng mã', kind: 'AGENCY' } }, 'input.code');
  });

  it('refuses a unit code in lower case or with spaces', async () => {
    await refused(createUnit, { input: { code: 'phong moi', name: 'Sai mã', kind: 'AGENCY' } }, 'input.code');
  });

  it('records a merger: the old unit keeps its tasks and points to its successor', async () => {
    const data = ok(
      await api.gql<{ updateUnit: Record<string, unknown> }>(
        updateUnit,
        {
          id: g('Unit', fixture.units.justice.id),
          input: { dissolvedOn: '2026-03-01', successorId: g('Unit', fixture.units.homeAffairs.id) },
        },
        admin,
      ),
    );
    expect(data.updateUnit).toMatchObject({ active: false, dissolvedOn: '2026-03-01', successor: { code: 'PNV' } });
    expect((data.updateUnit.ledTasks as { totalCount: number }).totalCount).toBe(3);
  });

  it('refuses a successor without the day of the merger', async () => {
    await refused(
      updateUnit,
      { id: g('Unit', fixture.units.anNhon.id), input: { successorId: g('Unit', fixture.units.homeAffairs.id) } },
      'input.dissolvedOn',
    );
  });

  it('refuses a loop of parents', async () => {
    await refused(
      updateUnit,
      { id: g('Unit', fixture.units.district.id), input: { parentId: g('Unit', fixture.units.anNhon.id) } },
      'input.parentId',
    );
  });

  it('refuses a unit as its own successor', async () => {
    await refused(
      updateUnit,
      {
        id: g('Unit', fixture.units.anNhon.id),
        input: { successorId: g('Unit', fixture.units.anNhon.id), dissolvedOn: '2026-03-01' },
      },
      'input.successorId',
    );
  });

  it("refuses to clear a unit's name with null, and clears an optional phone", async () => {
    await refused(updateUnit, { id: g('Unit', fixture.units.anNhon.id), input: { name: null } }, 'input.name');
    ok(await api.gql(updateUnit, { id: g('Unit', fixture.units.anNhon.id), input: { phone: null } }, admin));
  });

  it('answers NOT_FOUND when changing a unit that does not exist', async () => {
    expectError(await api.gql(updateUnit, { id: 'Unit:999999', input: { name: 'X' } }, admin), 'NOT_FOUND');
  });

  const createHeadship =
    'mutation ($input: CreateHeadshipInput!) { createHeadship(input: $input) { id current person { fullName } } }';

  it('refuses a second head for the same days, and changes nothing', async () => {
    const error = await refused(createHeadship, {
      input: {
        unitId: g('Unit', fixture.units.homeAffairs.id),
        personId: g('Person', fixture.people.communeHead.id),
        title: 'Trưởng phòng',
        startDate: '2026-02-01',
      },
    });
    expect(error.message).toMatch(/overlaps/i);
  });

  it('lets the next head start the day after the last term ends', async () => {
    const current = await api.db.prisma.headship.findFirstOrThrow({
      where: { unitId: fixture.units.anNhon.id, endDate: null },
    });
    ok(
      await api.gql(
        'mutation ($id: ID!) { updateHeadship(id: $id, input: { endDate: "2026-03-05" }) { id } }',
        { id: g('Headship', current.id) },
        admin,
      ),
    );
    const data = ok(
      await api.gql<{ createHeadship: { current: boolean; person: { fullName: string } } }>(
        createHeadship,
        {
          input: {
            unitId: g('Unit', fixture.units.anNhon.id),
            personId: g('Person', fixture.people.formerHead.id),
            title: 'Chủ tịch UBND xã',
            startDate: '2026-03-06',
          },
        },
        admin,
      ),
    );
    expect(data.createHeadship).toMatchObject({ current: true, person: { fullName: 'Người Đứng Đầu Cũ' } });
  });

  it('refuses a term that ends before it starts', async () => {
    await refused(
      createHeadship,
      {
        input: {
          unitId: g('Unit', fixture.units.district.id),
          personId: g('Person', fixture.people.head.id),
          title: 'Chủ tịch',
          startDate: '2026-03-01',
          endDate: '2026-02-01',
        },
      },
      'input.endDate',
    );
  });

  const createTarget =
    'mutation ($input: CreateTargetInput!) { createTarget(input: $input) { id code targetValue comparator baselineValue baselineYear } }';
  const target = (overrides: Record<string, unknown> = {}) => ({
    objectiveId: g('Objective', fixture.objectives.oneStop.id),
    unitId: g('Unit', fixture.units.district.id),
    code: 'PAR-93-2025',
    indicator: 'Chỉ số CCHC của huyện đạt 93%',
    measure: '%',
    comparator: 'GTE',
    targetValue: 93,
    targetYear: 2025,
    baselineValue: 92.2,
    baselineYear: 2021,
    ...overrides,
  });

  it('adds a target with its baseline, keeping two decimals exactly', async () => {
    const data = ok(await api.gql<{ createTarget: Record<string, unknown> }>(createTarget, { input: target() }, admin));
    expect(data.createTarget).toMatchObject({
      targetValue: 93,
      baselineValue: 92.2,
      baselineYear: 2021,
      comparator: 'GTE',
    });
  });

  it('refuses a baseline without its year, a baseline after the target year, and three decimals', async () => {
    await refused(createTarget, { input: target({ code: 'T1', baselineYear: null }) }, 'input.baselineYear');
    await refused(createTarget, { input: target({ code: 'T2', baselineYear: 2026 }) }, 'input.baselineYear');
    await refused(createTarget, { input: target({ code: 'T3', targetValue: 92.123 }) }, 'input.targetValue');
  });

  it("records a year's actual value, and replaces it when recorded again", async () => {
    const id = (await api.db.prisma.target.findFirstOrThrow({ where: { code: 'PAR-93-2025' } })).id;
    const set =
      'mutation ($id: ID!, $input: TargetYearInput!) { setTargetYear(targetId: $id, input: $input) { year plannedValue actualValue } }';
    ok(await api.gql(set, { id: g('Target', id), input: { year: 2022, plannedValue: 92, actualValue: 92.41 } }, admin));
    const again = ok(
      await api.gql<{ setTargetYear: Record<string, unknown> }>(
        set,
        { id: g('Target', id), input: { year: 2022, actualValue: 92.5 } },
        admin,
      ),
    );
    expect(again.setTargetYear).toEqual({ year: 2022, plannedValue: 92, actualValue: 92.5 });
    expect(await api.db.prisma.targetYear.count({ where: { targetId: id } })).toBe(1);
  });

  it('refuses a resolution whose orientation year comes before its horizon', async () => {
    await refused(
      'mutation ($input: CreateResolutionInput!) { createResolution(input: $input) { id } }',
      {
        input: {
          code: '15-NQ/TU',
          title: 'X',
          issuedBy: 'Tỉnh ủy',
          issuedOn: '2023-01-01',
          horizonYear: 2030,
          orientationYear: 2025,
        },
      },
      'input.orientationYear',
    );
  });

  it('refuses a malformed e-mail address of a person', async () => {
    await refused(
      'mutation { createPerson(input: { fullName: "Nguyễn Văn A", email: "not-an-email" }) { id } }',
      {},
      'input.email',
    );
  });
});
