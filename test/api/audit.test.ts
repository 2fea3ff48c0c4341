// Every change to reference data leaves exactly one audit row, written with the change; refused calls
// leave none; and neither the audit log nor the task timeline can be rewritten, not even with raw SQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../generated/prisma/client.ts';
import { expectError, ok, startTestApi, type GraphQLResult, type TestApi } from '../support/api.ts';
import { databaseKinds } from '../support/databases.ts';
import { loadFixture, type Fixture } from '../support/fixture.ts';

describe.each(databaseKinds)('auditing reference data on %s', (kind) => {
  let api: TestApi;
  let fixture: Fixture;
  let admin: string;
  const g = (type: string, id: number) => `${type}:${id}`;
  const idOf = (globalId: string) => Number(globalId.split(':')[1]);

  beforeAll(async () => {
    api = await startTestApi(kind);
    fixture = await loadFixture(api.db.prisma);
    admin = await api.signIn('admin');
  });
  afterAll(() => api.close());

  /** Runs `call` and returns its result with the audit rows written meanwhile. */
  async function audited<T>(
    call: () => Promise<GraphQLResult<T>>,
  ): Promise<{ result: GraphQLResult<T>; rows: AuditEntry[] }> {
    const last = (await api.db.prisma.auditEntry.aggregate({ _max: { id: true } }))._max.id ?? 0;
    const result = await call();
    const rows = await api.db.prisma.auditEntry.findMany({ where: { id: { gt: last } }, orderBy: { id: 'asc' } });
    return { result, rows };
  }

  /** Runs a mutation as the secretariat with a request id, expecting success and one audit row. */
  async function change<T>(requestId: string, document: string, variables: Record<string, unknown>) {
    const { result, rows } = await audited(() => api.gql<T>(document, variables, admin, { 'x-request-id': requestId }));
    const data = ok(result);
    expect(rows).toHaveLength(1);
    const row = rows[0] as AuditEntry;
    expect(row).toMatchObject({ actorId: fixture.accounts.admin.id, requestId });
    return { data, row };
  }

  it('records a new resolution with every field it was given, dates as days', async () => {
    const { data, row } = await change<{ createResolution: { id: string } }>(
      'req-create-resolution',
      'mutation ($input: CreateResolutionInput!) { createResolution(input: $input) { id } }',
      {
        input: {
          code: '05-NQ/HU',
          title: 'Nghị quyết về chuyển đổi số',
          issuedBy: 'Huyện ủy Đạ Tẻh',
          issuedOn: '2023-02-10',
          horizonYear: 2025,
        },
      },
    );
    const id = idOf(data.createResolution.id);
    expect(row).toMatchObject({ operation: 'createResolution', action: 'CREATE', entity: 'Resolution', entityId: id });
    expect(row.changes).toEqual({
      id: { before: null, after: id },
      code: { before: null, after: '05-NQ/HU' },
      title: { before: null, after: 'Nghị quyết về chuyển đổi số' },
      issuedBy: { before: null, after: 'Huyện ủy Đạ Tẻh' },
      issuedOn: { before: null, after: '2023-02-10' },
      horizonYear: { before: null, after: 2025 },
    });
  });

  it('records a changed resolution with only the fields that changed', async () => {
    const { row } = await change(
      'req-update-resolution',
      'mutation ($id: ID!, $input: UpdateResolutionInput!) { updateResolution(id: $id, input: $input) { id } }',
      {
        id: g('Resolution', fixture.resolution.id),
        input: { title: fixture.resolution.title, issuedOn: '2022-05-26', summary: 'Tóm tắt' },
      },
    );
    expect(row).toMatchObject({
      operation: 'updateResolution',
      action: 'UPDATE',
      entity: 'Resolution',
      entityId: fixture.resolution.id,
    });
    expect(row.changes).toEqual({
      issuedOn: { before: '2022-05-25', after: '2022-05-26' },
      summary: { before: null, after: 'Tóm tắt' },
    });
  });

  it('records a new reform area and a change to it', async () => {
    const { data, row } = await change<{ createReformArea: { id: string } }>(
      'req-create-area',
      'mutation ($input: CreateReformAreaInput!) { createReformArea(input: $input) { id } }',
      { input: { code: 'CIVIL_SERVICE', name: 'Cải cách công vụ', nameEn: 'Civil service' } },
    );
    const id = idOf(data.createReformArea.id);
    expect(row).toMatchObject({ operation: 'createReformArea', action: 'CREATE', entity: 'ReformArea', entityId: id });
    expect(row.changes).toEqual({
      id: { before: null, after: id },
      code: { before: null, after: 'CIVIL_SERVICE' },
      name: { before: null, after: 'Cải cách công vụ' },
      nameEn: { before: null, after: 'Civil service' },
      sortOrder: { before: null, after: 0 },
    });
    const update = await change(
      'req-update-area',
      'mutation ($id: ID!, $input: UpdateReformAreaInput!) { updateReformArea(id: $id, input: $input) { id } }',
      { id: g('ReformArea', id), input: { sortOrder: 4 } },
    );
    expect(update.row).toMatchObject({ operation: 'updateReformArea', action: 'UPDATE', entityId: id });
    expect(update.row.changes).toEqual({ sortOrder: { before: 0, after: 4 } });
  });

  it('records a change of an objective to another reform area', async () => {
    const { row } = await change(
      'req-update-objective',
      'mutation ($id: ID!, $input: UpdateObjectiveInput!) { updateObjective(id: $id, input: $input) { id } }',
      {
        id: g('Objective', fixture.objectives.online.id),
        input: { reformAreaId: g('ReformArea', fixture.areas.procedures.id) },
      },
    );
    expect(row).toMatchObject({
      operation: 'updateObjective',
      entity: 'Objective',
      entityId: fixture.objectives.online.id,
    });
    expect(row.changes).toEqual({
      reformAreaId: { before: fixture.areas.digital.id, after: fixture.areas.procedures.id },
    });
  });

  it('records a new unit and a merger, with the successor and the day', async () => {
    const { data, row } = await change<{ createUnit: { id: string } }>(
      'req-create-unit',
      'mutation ($input: CreateUnitInput!) { createUnit(input: $input) { id } }',
      {
        input: {
          code: 'XA_TRIEUHAI',
          name: 'UBND xã Triệu Hải',
          kind: 'COMMUNE',
          parentId: g('Unit', fixture.units.district.id),
          establishedOn: '2019-12-01',
        },
      },
    );
    const id = idOf(data.createUnit.id);
    expect(row).toMatchObject({ operation: 'createUnit', action: 'CREATE', entity: 'Unit', entityId: id });
    expect(row.changes).toEqual({
      id: { before: null, after: id },
      code: { before: null, after: 'XA_TRIEUHAI' },
      name: { before: null, after: 'UBND xã Triệu Hải' },
      kind: { before: null, after: 'COMMUNE' },
      parentId: { before: null, after: fixture.units.district.id },
      establishedOn: { before: null, after: '2019-12-01' },
      sortOrder: { before: null, after: 0 },
    });
    const merger = await change(
      'req-update-unit',
      'mutation ($id: ID!, $input: UpdateUnitInput!) { updateUnit(id: $id, input: $input) { id } }',
      { id: g('Unit', id), input: { dissolvedOn: '2025-07-01', successorId: g('Unit', fixture.units.anNhon.id) } },
    );
    expect(merger.row).toMatchObject({ operation: 'updateUnit', action: 'UPDATE', entity: 'Unit', entityId: id });
    expect(merger.row.changes).toEqual({
      dissolvedOn: { before: null, after: '2025-07-01' },
      successorId: { before: null, after: fixture.units.anNhon.id },
    });
  });

  it('records a new person and a cleared e-mail', async () => {
    const { data, row } = await change<{ createPerson: { id: string } }>(
      'req-create-person',
      'mutation ($input: CreatePersonInput!) { createPerson(input: $input) { id } }',
      { input: { fullName: 'Nguyễn Văn Mới', email: 'moi@dateh.gov.vn' } },
    );
    const id = idOf(data.createPerson.id);
    expect(row).toMatchObject({ operation: 'createPerson', action: 'CREATE', entity: 'Person', entityId: id });
    expect(row.changes).toEqual({
      id: { before: null, after: id },
      fullName: { before: null, after: 'Nguyễn Văn Mới' },
      email: { before: null, after: 'moi@dateh.gov.vn' },
      illustrative: { before: null, after: false },
    });
    const update = await change(
      'req-update-person',
      'mutation ($id: ID!, $input: UpdatePersonInput!) { updatePerson(id: $id, input: $input) { id } }',
      { id: g('Person', id), input: { email: null, phone: '0263 3880 123' } },
    );
    expect(update.row).toMatchObject({ operation: 'updatePerson', action: 'UPDATE', entity: 'Person', entityId: id });
    expect(update.row.changes).toEqual({
      email: { before: 'moi@dateh.gov.vn', after: null },
      phone: { before: null, after: '0263 3880 123' },
    });
  });

  it('records the end of a term and the next head', async () => {
    const term = await api.db.prisma.headship.findFirstOrThrow({
      where: { unitId: fixture.units.anNhon.id, endDate: null },
    });
    const end = await change(
      'req-update-headship',
      'mutation ($id: ID!, $input: UpdateHeadshipInput!) { updateHeadship(id: $id, input: $input) { id } }',
      { id: g('Headship', term.id), input: { endDate: '2026-03-05' } },
    );
    expect(end.row).toMatchObject({
      operation: 'updateHeadship',
      action: 'UPDATE',
      entity: 'Headship',
      entityId: term.id,
    });
    expect(end.row.changes).toEqual({ endDate: { before: null, after: '2026-03-05' } });
    const { data, row } = await change<{ createHeadship: { id: string } }>(
      'req-create-headship',
      'mutation ($input: CreateHeadshipInput!) { createHeadship(input: $input) { id } }',
      {
        input: {
          unitId: g('Unit', fixture.units.anNhon.id),
          personId: g('Person', fixture.people.formerHead.id),
          title: 'Chủ tịch UBND xã',
          startDate: '2026-03-06',
          acting: true,
        },
      },
    );
    const id = idOf(data.createHeadship.id);
    expect(row).toMatchObject({ operation: 'createHeadship', action: 'CREATE', entity: 'Headship', entityId: id });
    expect(row.changes).toEqual({
      id: { before: null, after: id },
      unitId: { before: null, after: fixture.units.anNhon.id },
      personId: { before: null, after: fixture.people.formerHead.id },
      title: { before: null, after: 'Chủ tịch UBND xã' },
      startDate: { before: null, after: '2026-03-06' },
      acting: { before: null, after: true },
    });
  });

  it("records a new target, a change to it, and a year's values first created then updated", async () => {
    const { data, row } = await change<{ createTarget: { id: string } }>(
      'req-create-target',
      'mutation ($input: CreateTargetInput!) { createTarget(input: $input) { id } }',
      {
        input: {
          objectiveId: g('Objective', fixture.objectives.oneStop.id),
          code: 'SIPAS-90',
          indicator: 'Mức độ hài lòng trên 90%',
          measure: '%',
          comparator: 'GT',
          targetValue: 90,
          targetYear: 2025,
        },
      },
    );
    const id = idOf(data.createTarget.id);
    expect(row).toMatchObject({ operation: 'createTarget', action: 'CREATE', entity: 'Target', entityId: id });
    expect(Object.keys(row.changes as object).sort()).toEqual(
      ['code', 'comparator', 'id', 'indicator', 'measure', 'metric', 'objectiveId', 'targetValue', 'targetYear'].sort(),
    );
    const update = await change(
      'req-update-target',
      'mutation ($id: ID!, $input: UpdateTargetInput!) { updateTarget(id: $id, input: $input) { id } }',
      { id: g('Target', id), input: { targetValue: 90.5, baselineValue: 88.25, baselineYear: 2021 } },
    );
    expect(update.row).toMatchObject({ operation: 'updateTarget', action: 'UPDATE', entity: 'Target', entityId: id });
    expect(update.row.changes).toEqual({
      targetValue: { before: '90', after: '90.5' },
      baselineValue: { before: null, after: '88.25' },
      baselineYear: { before: null, after: 2021 },
    });

    const setYear =
      'mutation ($id: ID!, $input: TargetYearInput!) { setTargetYear(targetId: $id, input: $input) { id } }';
    const first = await change<{ setTargetYear: { id: string } }>('req-set-year-1', setYear, {
      id: g('Target', id),
      input: { year: 2024, plannedValue: 89 },
    });
    const yearId = idOf(first.data.setTargetYear.id);
    expect(first.row).toMatchObject({
      operation: 'setTargetYear',
      action: 'CREATE',
      entity: 'TargetYear',
      entityId: yearId,
    });
    expect(first.row.changes).toEqual({
      id: { before: null, after: yearId },
      targetId: { before: null, after: id },
      year: { before: null, after: 2024 },
      plannedValue: { before: null, after: '89' },
      illustrative: { before: null, after: false },
    });
    const second = await change('req-set-year-2', setYear, {
      id: g('Target', id),
      input: { year: 2024, actualValue: 91.3 },
    });
    expect(second.row).toMatchObject({
      operation: 'setTargetYear',
      action: 'UPDATE',
      entity: 'TargetYear',
      entityId: yearId,
    });
    expect(second.row.changes).toEqual({ actualValue: { before: null, after: '91.3' } });
  });

  it('makes up a request id when the client sends none', async () => {
    const { result, rows } = await audited(() =>
      api.gql(
        'mutation ($id: ID!) { updatePerson(id: $id, input: { phone: "0263 3880 999" }) { id } }',
        { id: g('Person', fixture.people.head.id) },
        admin,
      ),
    );
    ok(result);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('writes no audit row for refused calls: invalid input, database rules, missing records, forbidden callers', async () => {
    const analyst = await api.signIn('analyst');
    const head = await api.signIn('head.pnv');
    const refusals: [() => Promise<GraphQLResult<unknown>>, Parameters<typeof expectError>[1]][] = [
      [
        () =>
          api.gql(
            'mutation ($input: CreateResolutionInput!) { createResolution(input: $input) { id } }',
            {
              input: {
                code: 'X',
                title: 'X',
                issuedBy: 'X',
                issuedOn: '2023-01-01',
                horizonYear: 2030,
                orientationYear: 2025,
              },
            },
            admin,
          ),
        'BAD_USER_INPUT',
      ],
      [
        () =>
          api.gql(
            'mutation ($input: CreateUnitInput!) { createUnit(input: $input) { id } }',
            { input: { code: 'PNV', name: 'Trùng mã', kind: 'AGENCY' } },
            admin,
          ),
        'BAD_USER_INPUT',
      ],
      [
        () =>
          api.gql(
            'mutation ($id: ID!, $input: UpdateUnitInput!) { updateUnit(id: $id, input: $input) { id } }',
            {
              id: g('Unit', fixture.units.justice.id),
              input: { successorId: g('Unit', fixture.units.homeAffairs.id) },
            },
            admin,
          ),
        'BAD_USER_INPUT',
      ],
      [
        () =>
          api.gql(
            'mutation ($input: CreateHeadshipInput!) { createHeadship(input: $input) { id } }',
            {
              input: {
                unitId: g('Unit', fixture.units.homeAffairs.id),
                personId: g('Person', fixture.people.communeHead.id),
                title: 'Trưởng phòng',
                startDate: '2026-02-01',
              },
            },
            admin,
          ),
        'BAD_USER_INPUT',
      ],
      [
        () =>
          api.gql(
            'mutation ($id: ID!, $input: UpdateTargetInput!) { updateTarget(id: $id, input: $input) { id } }',
            { id: 'Target:999999', input: { code: 'NONE' } },
            admin,
          ),
        'NOT_FOUND',
      ],
      [
        () =>
          api.gql(
            'mutation ($input: CreatePersonInput!) { createPerson(input: $input) { id } }',
            { input: { fullName: 'Không được phép' } },
            analyst,
          ),
        'FORBIDDEN',
      ],
      [
        () =>
          api.gql(
            'mutation ($id: ID!, $input: UpdateReformAreaInput!) { updateReformArea(id: $id, input: $input) { id } }',
            { id: g('ReformArea', fixture.areas.digital.id), input: { name: 'Không được phép' } },
            head,
          ),
        'FORBIDDEN',
      ],
    ];
    for (const [call, code] of refusals) {
      const { result, rows } = await audited(call);
      expectError(result, code);
      expect(rows).toEqual([]);
    }
    expect(await api.db.prisma.person.count({ where: { fullName: 'Không được phép' } })).toBe(0);
  });

  it('refuses to change or delete audit rows, even with raw SQL', async () => {
    const row = await api.db.prisma.auditEntry.findFirstOrThrow({ where: { operation: 'createResolution' } });
    await expect(
      api.db.prisma.$executeRawUnsafe('UPDATE "AuditEntry" SET "note" = $1 WHERE "id" = $2', 'sửa', row.id),
    ).rejects.toThrow(/append-only/);
    await expect(api.db.prisma.$executeRawUnsafe('DELETE FROM "AuditEntry" WHERE "id" = $1', row.id)).rejects.toThrow(
      /append-only/,
    );
    await expect(api.db.prisma.$executeRawUnsafe('DELETE FROM "AuditEntry"')).rejects.toThrow(/append-only/);
    expect(await api.db.prisma.auditEntry.findUniqueOrThrow({ where: { id: row.id } })).toEqual(row);
  });

  it("refuses to change or delete a task's timeline events, even with raw SQL", async () => {
    const event = await api.db.prisma.taskEvent.create({
      data: {
        taskId: fixture.tasks.overdue.id,
        type: 'COMMENTED',
        actorId: fixture.accounts.admin.id,
        note: 'Ghi chú',
      },
    });
    await expect(
      api.db.prisma.$executeRawUnsafe('UPDATE "TaskEvent" SET "note" = $1 WHERE "id" = $2', 'sửa', event.id),
    ).rejects.toThrow(/append-only/);
    await expect(api.db.prisma.$executeRawUnsafe('DELETE FROM "TaskEvent" WHERE "id" = $1', event.id)).rejects.toThrow(
      /append-only/,
    );
    expect(await api.db.prisma.taskEvent.findUniqueOrThrow({ where: { id: event.id } })).toEqual(event);
  });

  it('refuses to TRUNCATE the audit log or the timeline, directly or by cascade', async () => {
    const counts = async () => [await api.db.prisma.auditEntry.count(), await api.db.prisma.taskEvent.count()];
    const before = await counts();
    expect(before.every((n) => n > 0)).toBe(true);
    for (const statement of [
      'TRUNCATE "AuditEntry"',
      'TRUNCATE "TaskEvent"',
      'TRUNCATE "TaskEvent", "AuditEntry"',
      'TRUNCATE "Task" CASCADE',
      'TRUNCATE "Account" CASCADE',
    ]) {
      await expect(api.db.prisma.$executeRawUnsafe(statement), statement).rejects.toThrow(
        /append-only: TRUNCATE refused/,
      );
    }
    expect(await counts()).toEqual(before);
  });
});
