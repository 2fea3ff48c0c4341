import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, ok, startTestApi, type TestApi } from '../support/api.ts';
import { databaseKinds } from '../support/databases.ts';
import { loadFixture, type Fixture } from '../support/fixture.ts';
import { snapshotDatabase } from '../support/snapshot.ts';

const createTask = `mutation ($input: CreateTaskInput!) {
  createTask(input: $input) {
    id status progress version startDate deadline originalDeadline
    leadUnit { code } supportingUnits { code }
    timeline { totalCount nodes { type toStatus actor { username } changes } }
  }
}`;

const updateTask = `mutation ($id: ID!, $version: Int!, $input: UpdateTaskInput!) {
  updateTask(id: $id, version: $version, input: $input) {
    id status progress version title deadline originalDeadline
    timeline { nodes { type fromStatus toStatus changes actor { username } } }
  }
}`;

interface TaskResult {
  id: string;
  status: string;
  progress: number;
  version: number;
  title: string;
  deadline: string;
  originalDeadline: string;
  timeline: {
    totalCount: number;
    nodes: {
      type: string;
      fromStatus: string | null;
      toStatus: string | null;
      changes: Record<string, unknown>;
      actor: { username: string };
    }[];
  };
}

describe.each(databaseKinds)('assigning and changing tasks on %s', (kind) => {
  let api: TestApi;
  let fixture: Fixture;
  let admin: string;
  let head: string;
  let otherHead: string;
  const g = (type: string, id: number) => `${type}:${id}`;

  beforeAll(async () => {
    api = await startTestApi(kind);
    fixture = await loadFixture(api.db.prisma);
    admin = await api.signIn('admin');
    head = await api.signIn('head.pnv');
    otherHead = await api.signIn('head.annhon');
  });
  afterAll(() => api.close());

  const newTask = (overrides: Record<string, unknown> = {}) => ({
    title: 'Triển khai thanh toán trực tuyến phí, lệ phí',
    objectiveId: g('Objective', fixture.objectives.online.id),
    leadUnitId: g('Unit', fixture.units.homeAffairs.id),
    supportingUnitIds: [g('Unit', fixture.units.justice.id)],
    startDate: '2026-03-10',
    deadline: '2026-06-30',
    priority: 'HIGH',
    ...overrides,
  });

  it('assigns a task that starts not started, at version 1, with its creation on the timeline', async () => {
    const data = ok(
      await api.gql<{ createTask: TaskResult & { supportingUnits: { code: string }[] } }>(
        createTask,
        { input: newTask() },
        admin,
      ),
    );
    expect(data.createTask).toMatchObject({
      status: 'NOT_STARTED',
      progress: 0,
      version: 1,
      deadline: '2026-06-30',
      originalDeadline: '2026-06-30',
    });
    expect(data.createTask.supportingUnits).toEqual([{ code: 'PTP' }]);
    expect(data.createTask.timeline.totalCount).toBe(1);
    expect(data.createTask.timeline.nodes[0]).toMatchObject({
      type: 'CREATED',
      toStatus: 'NOT_STARTED',
      actor: { username: 'admin' },
    });
  });

  it("starts today when no start date is given (the district's today)", async () => {
    const data = ok(
      await api.gql<{ createTask: { startDate: string } }>(
        createTask,
        { input: newTask({ startDate: undefined }) },
        admin,
      ),
    );
    expect(data.createTask.startDate).toBe('2026-03-10');
  });

  it.each<[string, (f: Fixture) => Record<string, unknown>, string | undefined]>([
    ['a deadline before the start', () => ({ deadline: '2026-03-01' }), 'input.deadline'],
    ['an empty title', () => ({ title: '   ' }), 'input.title'],
    ['progress above 100', () => ({ progress: 101 }), 'input.progress'],
    [
      'the lead unit also supporting',
      (f) => ({ supportingUnitIds: [g('Unit', f.units.homeAffairs.id)] }),
      'input.supportingUnitIds',
    ],
    ['an objective id of another type', () => ({ objectiveId: 'Unit:1' }), 'input.objectiveId'],
    ['an objective that does not exist', () => ({ objectiveId: 'Objective:999999' }), 'input.objectiveId'],
    ['a day that does not exist', () => ({ deadline: '2026-02-30' }), undefined],
  ])('refuses %s, naming the field, and stores nothing', async (_label, overrides, field) => {
    const before = await snapshotDatabase(api.db.prisma);
    const result = await api.gql(createTask, { input: newTask(overrides(fixture)) }, admin);
    expectError(result, 'BAD_USER_INPUT', field);
    expect(await snapshotDatabase(api.db.prisma)).toEqual(before);
  });

  it('refuses to assign work to a unit that no longer exists, pointing to its successor', async () => {
    const merged = await api.db.prisma.unit.create({
      data: {
        code: 'OLD',
        name: 'Phòng đã sáp nhập',
        kind: 'AGENCY',
        dissolvedOn: new Date('2025-03-01T00:00:00Z'),
        successorId: fixture.units.homeAffairs.id,
      },
    });
    const result = await api.gql(
      createTask,
      { input: newTask({ leadUnitId: g('Unit', merged.id), supportingUnitIds: [] }) },
      admin,
    );
    expect(expectError(result, 'BAD_USER_INPUT', 'input.leadUnitId').message).toMatch(/successor/);
  });

  it('records each change on the timeline with its before and after values', async () => {
    const created = ok(await api.gql<{ createTask: TaskResult }>(createTask, { input: newTask() }, admin)).createTask;
    const data = ok(
      await api.gql<{ updateTask: TaskResult }>(
        updateTask,
        { id: created.id, version: 1, input: { title: 'Tiêu đề mới', deadline: '2026-07-31' } },
        admin,
      ),
    );
    expect(data.updateTask).toMatchObject({
      version: 2,
      title: 'Tiêu đề mới',
      deadline: '2026-07-31',
      originalDeadline: '2026-07-31',
    });
    const event = data.updateTask.timeline.nodes.at(-1);
    expect(event).toMatchObject({ type: 'UPDATED', actor: { username: 'admin' } });
    expect(event?.changes).toEqual({
      title: { before: 'Triển khai thanh toán trực tuyến phí, lệ phí', after: 'Tiêu đề mới' },
      deadline: { before: '2026-06-30', after: '2026-07-31' },
    });
  });

  it('fails with CONFLICT when the version read is no longer current, and keeps the first write', async () => {
    const created = ok(await api.gql<{ createTask: TaskResult }>(createTask, { input: newTask() }, admin)).createTask;
    ok(await api.gql(updateTask, { id: created.id, version: 1, input: { title: 'Bản của người thứ nhất' } }, admin));
    const before = await snapshotDatabase(api.db.prisma);
    const second = await api.gql(
      updateTask,
      { id: created.id, version: 1, input: { title: 'Bản của người thứ hai' } },
      admin,
    );
    expect(expectError(second, 'CONFLICT').extensions).toMatchObject({ currentVersion: 2 });
    expect(await snapshotDatabase(api.db.prisma)).toEqual(before);
  });

  it('lets exactly one of many concurrent edits of the same version win', async () => {
    const created = ok(await api.gql<{ createTask: TaskResult }>(createTask, { input: newTask() }, admin)).createTask;
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        api.gql(updateTask, { id: created.id, version: 1, input: { progress: 10 + i } }, admin),
      ),
    );
    const winners = results.filter((r) => !r.errors);
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => r.errors?.[0]?.extensions?.code === 'CONFLICT')).toHaveLength(7);
    const stored = await api.db.prisma.task.findUniqueOrThrow({ where: { id: Number(created.id.split(':')[1]) } });
    expect(stored.version).toBe(2);
    expect(await api.db.prisma.taskEvent.count({ where: { taskId: stored.id } })).toBe(2);
  });

  it('lets the head of the lead unit report progress, which starts the work', async () => {
    const created = ok(await api.gql<{ createTask: TaskResult }>(createTask, { input: newTask() }, admin)).createTask;
    const data = ok(
      await api.gql<{ reportProgress: TaskResult }>(
        `mutation ($id: ID!, $version: Int!) { reportProgress(id: $id, version: $version, progress: 30, note: "Đã họp triển khai") {
          id status progress version timeline { nodes { type fromStatus toStatus changes note actor { username } } }
        } }`,
        { id: created.id, version: 1 },
        head,
      ),
    );
    expect(data.reportProgress).toMatchObject({ progress: 30, status: 'IN_PROGRESS', version: 2 });
    expect(data.reportProgress.timeline.nodes.at(-1)).toMatchObject({
      note: 'Đã họp triển khai',
      type: 'PROGRESS_REPORTED',
      fromStatus: 'NOT_STARTED',
      toStatus: 'IN_PROGRESS',
      actor: { username: 'head.pnv' },
    });
  });

  it('refuses a unit head any change of the plan, even of their own task', async () => {
    const created = ok(await api.gql<{ createTask: TaskResult }>(createTask, { input: newTask() }, admin)).createTask;
    const before = await snapshotDatabase(api.db.prisma);
    expectError(
      await api.gql(updateTask, { id: created.id, version: 1, input: { title: 'Tự đổi tên' } }, head),
      'FORBIDDEN',
    );
    expectError(
      await api.gql(updateTask, { id: created.id, version: 1, input: { progress: 50 } }, otherHead),
      'FORBIDDEN',
    );
    expect(await snapshotDatabase(api.db.prisma)).toEqual(before);
  });

  it('moves the deadline of a started task only through an extension request', async () => {
    const id = g('Task', fixture.tasks.overdue.id);
    const before = await snapshotDatabase(api.db.prisma);
    expectError(
      await api.gql(updateTask, { id, version: 1, input: { deadline: '2026-12-31' } }, admin),
      'BAD_USER_INPUT',
      'input.deadline',
    );
    expect(await snapshotDatabase(api.db.prisma)).toEqual(before);
  });

  it.each(['title', 'objectiveId', 'deadline', 'priority', 'progress'])(
    'refuses to clear %s with null, naming it, and changes nothing',
    async (field) => {
      const id = g('Task', fixture.tasks.onTrack.id);
      const before = await snapshotDatabase(api.db.prisma);
      const result = await api.gql(updateTask, { id, version: 1, input: { [field]: null } }, admin);
      expectError(result, 'BAD_USER_INPUT', `input.${field}`);
      expect(await snapshotDatabase(api.db.prisma)).toEqual(before);
    },
  );

  it('refuses changes to a completed task as an invalid transition', async () => {
    const id = g('Task', fixture.tasks.onTime.id);
    const before = await snapshotDatabase(api.db.prisma);
    const error = expectError(
      await api.gql(updateTask, { id, version: 1, input: { title: 'Sửa lại' } }, admin),
      'INVALID_TRANSITION',
    );
    expect(error.extensions).toMatchObject({ status: 'COMPLETED', action: 'EDIT' });
    expect(await snapshotDatabase(api.db.prisma)).toEqual(before);
  });

  it('answers NOT_FOUND for a task that does not exist', async () => {
    expectError(
      await api.gql(updateTask, { id: 'Task:999999', version: 1, input: { progress: 5 } }, admin),
      'NOT_FOUND',
    );
  });

  it('changes nothing and writes no event when nothing differs, but audits the call', async () => {
    const created = ok(await api.gql<{ createTask: TaskResult }>(createTask, { input: newTask() }, admin)).createTask;
    const data = ok(
      await api.gql<{ updateTask: TaskResult }>(
        updateTask,
        { id: created.id, version: 1, input: { priority: 'HIGH' } },
        admin,
      ),
    );
    expect(data.updateTask.version).toBe(1);
    expect(data.updateTask.timeline.nodes).toHaveLength(1);
    const audit = await api.db.prisma.auditEntry.findMany({
      where: { entity: 'Task', entityId: Number(created.id.split(':')[1]) },
      orderBy: { id: 'asc' },
    });
    expect(audit.map((a) => [a.operation, a.action, a.changes])).toEqual([
      ['createTask', 'CREATE', expect.objectContaining({ title: { before: null, after: newTask().title } })],
      ['updateTask', 'UPDATE', {}],
    ]);
  });
});
