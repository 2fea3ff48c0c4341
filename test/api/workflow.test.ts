// The accountability workflow through the API: steps and who may take them, evidence before
// submission, returns with reasons, extensions that keep the original deadline, cancellation, and
// the district's calendar day at midnight.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, ok, startTestApi, type GraphQLResult, type TestApi } from '../support/api.ts';
import { databaseKinds } from '../support/databases.ts';
import { loadFixture, type Fixture } from '../support/fixture.ts';
import { snapshotDatabase } from '../support/snapshot.ts';

const taskFields = `id status progress version deadline originalDeadline completedOn submittedAt statusReason
  timeliness daysToDeadline allowedActions
  timeline(first: 100) { nodes { type fromStatus toStatus changes note actor { displayName } } }`;

interface TaskView {
  id: string;
  status: string;
  progress: number;
  version: number;
  deadline: string;
  originalDeadline: string;
  completedOn: string | null;
  submittedAt: string | null;
  statusReason: string | null;
  timeliness: string | null;
  daysToDeadline: number | null;
  allowedActions: string[];
  timeline: {
    nodes: {
      type: string;
      fromStatus: string | null;
      toStatus: string | null;
      changes: Record<string, { before: unknown; after: unknown }> | null;
      note: string | null;
      actor: { displayName: string };
    }[];
  };
}

const steps = {
  start: `mutation ($id: ID!, $version: Int!, $note: String) { result: startTask(id: $id, version: $version, note: $note) { ${taskFields} } }`,
  progress: `mutation ($id: ID!, $version: Int!, $progress: Int, $note: String) { result: reportProgress(id: $id, version: $version, progress: $progress, note: $note) { ${taskFields} } }`,
  submit: `mutation ($id: ID!, $version: Int!, $note: String) { result: submitTask(id: $id, version: $version, note: $note) { ${taskFields} } }`,
  approve: `mutation ($id: ID!, $version: Int!, $note: String) { result: approveTask(id: $id, version: $version, note: $note) { ${taskFields} } }`,
  return: `mutation ($id: ID!, $version: Int!, $reason: String!) { result: returnTask(id: $id, version: $version, reason: $reason) { ${taskFields} } }`,
  cancel: `mutation ($id: ID!, $version: Int!, $reason: String!) { result: cancelTask(id: $id, version: $version, reason: $reason) { ${taskFields} } }`,
};

const comment = `mutation ($id: ID!, $note: String!) { commentOnTask(id: $id, note: $note) { type note actor { displayName } } }`;
const addDocument = `mutation ($taskId: ID!, $input: AddEvidenceInput!) { addEvidence(taskId: $taskId, input: $input) { id reviewStatus } }`;
const reviewEvidence = `mutation ($id: ID!, $version: Int!, $decision: EvidenceDecision!, $note: String) { reviewEvidence(id: $id, version: $version, decision: $decision, note: $note) { id reviewStatus } }`;
const requestExtension = `mutation ($taskId: ID!, $date: Date!, $reason: String!) { requestExtension(taskId: $taskId, requestedDeadline: $date, reason: $reason) { id status previousDeadline requestedDeadline } }`;
const decideExtension = `mutation ($id: ID!, $decision: ExtensionDecision!, $note: String) { decideExtension(id: $id, decision: $decision, note: $note) { id status decisionNote task { ${taskFields} } } }`;
const withdrawExtension = `mutation ($id: ID!) { withdrawExtension(id: $id) { id status } }`;
const readTask = `query ($id: ID!) { node(id: $id) { ... on Task { ${taskFields} } } }`;
const createTask = `mutation ($input: CreateTaskInput!) { createTask(input: $input) { id version } }`;

describe.each(databaseKinds)('the task workflow on %s', (kind) => {
  let api: TestApi;
  let fixture: Fixture;
  const tokens: Record<string, string> = {};
  const g = (type: string, id: number) => `${type}:${id}`;

  beforeAll(async () => {
    api = await startTestApi(kind);
    fixture = await loadFixture(api.db.prisma);
    for (const name of ['admin', 'committee', 'head.pnv', 'head.annhon', 'analyst']) {
      tokens[name] = await api.signIn(name);
    }
  });
  afterAll(() => api.close());

  const as = (who: string) => tokens[who] as string;

  /** Moves the clock, and signs everyone in again: sessions end after 30 idle minutes. */
  async function travel(instant: string) {
    api.clock.now = new Date(instant);
    for (const name of Object.keys(tokens)) tokens[name] = await api.signIn(name);
  }

  async function step(name: keyof typeof steps, who: string, variables: Record<string, unknown>) {
    return api.gql<{ result: TaskView }>(steps[name], variables, as(who));
  }

  async function stepOk(name: keyof typeof steps, who: string, task: { id: string; version: number }, extra = {}) {
    return ok(await step(name, who, { id: task.id, version: task.version, ...extra })).result;
  }

  async function read(id: string): Promise<TaskView> {
    return ok(await api.gql<{ node: TaskView }>(readTask, { id }, as('admin'))).node;
  }

  /** A fresh task led by Phòng Nội vụ (head.pnv), supported by Phòng Tư pháp. */
  async function newTask(deadline = '2026-06-30', startDate = '2026-03-01') {
    const input = {
      title: `Nhiệm vụ kiểm thử ${Math.random().toString(36).slice(2)}`,
      objectiveId: g('Objective', fixture.objectives.oneStop.id),
      leadUnitId: g('Unit', fixture.units.homeAffairs.id),
      supportingUnitIds: [g('Unit', fixture.units.justice.id)],
      startDate,
      deadline,
    };
    return ok(await api.gql<{ createTask: { id: string; version: number } }>(createTask, { input }, as('admin')))
      .createTask;
  }

  async function addEvidence(taskId: string, who = 'head.pnv') {
    const input = {
      kind: 'DOCUMENT',
      title: 'Báo cáo kết quả thực hiện',
      documentNumber: `${Math.floor(Math.random() * 900) + 100}/BC-PNV`,
      documentDate: '2026-03-09',
      issuer: 'Phòng Nội vụ',
    };
    return ok(await api.gql<{ addEvidence: { id: string } }>(addDocument, { taskId, input }, as(who))).addEvidence;
  }

  it('walks start → progress → submit → return with a reason → resubmit → approve, each step on the timeline', async () => {
    let task = await read((await newTask()).id);
    expect(task.allowedActions).toEqual(expect.arrayContaining(['EDIT', 'START', 'CANCEL']));

    task = await stepOk('start', 'head.pnv', task, { note: 'Bắt đầu triển khai' });
    expect(task).toMatchObject({ status: 'IN_PROGRESS', version: 2 });
    task = await stepOk('progress', 'head.pnv', task, { progress: 60, note: 'Đã hoàn thành dự thảo' });
    expect(task).toMatchObject({ status: 'IN_PROGRESS', progress: 60, version: 3 });

    await addEvidence(task.id);
    task = await stepOk('submit', 'head.pnv', task, { note: 'Đề nghị công nhận' });
    expect(task).toMatchObject({ status: 'SUBMITTED', submittedAt: '2026-03-10T03:00:00.000Z' });

    task = await stepOk('return', 'committee', task, { reason: 'Thiếu quyết định ban hành quy trình' });
    expect(task).toMatchObject({ status: 'RETURNED', statusReason: 'Thiếu quyết định ban hành quy trình' });

    await travel('2026-03-12T02:00:00Z');
    try {
      await addEvidence(task.id);
      task = await stepOk('submit', 'head.pnv', task);
      expect(task).toMatchObject({ status: 'SUBMITTED', statusReason: null });
      await travel('2026-03-16T02:00:00Z');
      task = await stepOk('approve', 'committee', task, { note: 'Đạt yêu cầu' });
    } finally {
      await travel('2026-03-10T03:00:00Z');
    }
    // Completed on the day of the accepted submission, not the day of the review.
    expect(task).toMatchObject({
      status: 'COMPLETED',
      progress: 100,
      completedOn: '2026-03-12',
      timeliness: 'COMPLETED_ON_TIME',
      allowedActions: ['COMMENT'],
    });
    const statusSteps = task.timeline.nodes
      .filter((e) => e.type === 'STATUS_CHANGED')
      .map((e) => [e.fromStatus, e.toStatus, e.actor.displayName, e.note]);
    expect(statusSteps).toEqual([
      ['NOT_STARTED', 'IN_PROGRESS', 'head.pnv', 'Bắt đầu triển khai'],
      ['IN_PROGRESS', 'SUBMITTED', 'head.pnv', 'Đề nghị công nhận'],
      ['SUBMITTED', 'RETURNED', 'committee', 'Thiếu quyết định ban hành quy trình'],
      ['RETURNED', 'SUBMITTED', 'head.pnv', null],
      ['SUBMITTED', 'COMPLETED', 'committee', 'Đạt yêu cầu'],
    ]);
    const taskId = Number(task.id.split(':')[1]);
    const audit = await api.db.prisma.auditEntry.findMany({
      where: { entity: 'Task', entityId: taskId },
      orderBy: { id: 'asc' },
    });
    expect(audit.map((a) => a.operation)).toEqual([
      'createTask',
      'startTask',
      'reportProgress',
      'submitTask',
      'returnTask',
      'submitTask',
      'approveTask',
    ]);
  });

  it('refuses to submit without evidence, or with only rejected evidence, and changes nothing', async () => {
    let task = await read((await newTask()).id);
    task = await stepOk('start', 'head.pnv', task);
    const before = await snapshotDatabase(api.db.prisma);
    expectError(await step('submit', 'head.pnv', { id: task.id, version: task.version }), 'BAD_USER_INPUT', 'id');
    expect(await snapshotDatabase(api.db.prisma)).toEqual(before);

    const evidence = await addEvidence(task.id);
    ok(
      await api.gql(
        reviewEvidence,
        { id: evidence.id, version: 1, decision: 'REJECTED', note: 'Sai số hiệu' },
        as('committee'),
      ),
    );
    task = await read(task.id);
    expectError(await step('submit', 'head.pnv', { id: task.id, version: task.version }), 'BAD_USER_INPUT', 'id');
  });

  it('refuses steps the status does not allow with INVALID_TRANSITION, naming the allowed statuses', async () => {
    const task = await read((await newTask()).id);
    const before = await snapshotDatabase(api.db.prisma);
    const attempts: [keyof typeof steps, string, Record<string, unknown>][] = [
      ['approve', 'committee', {}],
      ['return', 'committee', { reason: 'Chưa đạt' }],
      ['submit', 'head.pnv', {}],
    ];
    for (const [name, who, extra] of attempts) {
      const error = expectError(
        await step(name, who, { id: task.id, version: task.version, ...extra }),
        'INVALID_TRANSITION',
      );
      expect(error.extensions?.status).toBe('NOT_STARTED');
    }
    const completed = await read(g('Task', fixture.tasks.onTime.id));
    for (const name of ['start', 'progress', 'submit'] as const) {
      expectError(
        await step(name, 'head.pnv', { id: completed.id, version: completed.version, progress: 10, note: 'x' }),
        'INVALID_TRANSITION',
      );
    }
    expectError(
      await step('cancel', 'admin', { id: completed.id, version: completed.version, reason: 'Hủy' }),
      'INVALID_TRANSITION',
    );
    expect(await snapshotDatabase(api.db.prisma)).toEqual(before);
  });

  it('refuses the wrong people: another unit, a supporting unit, the committee doing the unit’s work', async () => {
    let task = await read((await newTask()).id);
    task = await stepOk('start', 'head.pnv', task);
    await addEvidence(task.id);
    const before = await snapshotDatabase(api.db.prisma);
    expectError(
      await step('progress', 'head.annhon', { id: task.id, version: task.version, progress: 50 }),
      'FORBIDDEN',
    );
    expectError(await step('submit', 'committee', { id: task.id, version: task.version }), 'FORBIDDEN');
    expectError(await step('cancel', 'committee', { id: task.id, version: task.version, reason: 'x' }), 'FORBIDDEN');
    expectError(await api.gql(comment, { id: task.id, note: 'Góp ý' }, as('head.annhon')), 'FORBIDDEN');
    expectError(await api.gql(comment, { id: task.id, note: 'Góp ý' }, as('analyst')), 'FORBIDDEN');
    expect(await snapshotDatabase(api.db.prisma)).toEqual(before);
  });

  it('lets the committee and a supporting unit comment, with the comment on the timeline', async () => {
    const task = await newTask();
    const { commentOnTask } = ok(
      await api.gql<{ commentOnTask: { type: string; note: string; actor: { displayName: string } } }>(
        comment,
        { id: task.id, note: 'Đề nghị phối hợp với Phòng Tư pháp' },
        as('committee'),
      ),
    );
    expect(commentOnTask).toEqual({
      type: 'COMMENTED',
      note: 'Đề nghị phối hợp với Phòng Tư pháp',
      actor: { displayName: 'committee' },
    });
    // Phòng Tư pháp supports the task; its account is the fixture's admin-free path through the service.
    const supportHead = await api.db.prisma.account.update({
      where: { id: fixture.accounts.communeHead.id },
      data: { unitId: fixture.units.justice.id },
    });
    try {
      const token = await api.signIn(supportHead.username);
      ok(await api.gql(comment, { id: task.id, note: 'Tư pháp đã góp ý dự thảo' }, token));
      expectError(await step('submit', 'head.annhon', { id: task.id, version: 1 }), 'FORBIDDEN');
    } finally {
      await api.db.prisma.account.update({
        where: { id: fixture.accounts.communeHead.id },
        data: { unitId: fixture.units.anNhon.id },
      });
    }
    const view = await read(task.id);
    expect(view.timeline.nodes.filter((e) => e.type === 'COMMENTED').map((e) => e.note)).toEqual([
      'Đề nghị phối hợp với Phòng Tư pháp',
      'Tư pháp đã góp ý dự thảo',
    ]);
    expect(view.version).toBe(1);
  });

  it('asks for a reason to return or cancel, naming the field', async () => {
    let task = await read((await newTask()).id);
    task = await stepOk('start', 'head.pnv', task);
    await addEvidence(task.id);
    task = await stepOk('submit', 'head.pnv', task);
    expectError(
      await step('return', 'committee', { id: task.id, version: task.version, reason: '   ' }),
      'BAD_USER_INPUT',
      'reason',
    );
    expectError(
      await step('cancel', 'admin', { id: task.id, version: task.version, reason: '' }),
      'BAD_USER_INPUT',
      'reason',
    );
    expect((await read(task.id)).status).toBe('SUBMITTED');
  });

  it('cancels with a reason and withdraws a pending extension request', async () => {
    const task = await read((await newTask('2026-03-20')).id);
    const ext = ok(
      await api.gql<{ requestExtension: { id: string } }>(
        requestExtension,
        { taskId: task.id, date: '2026-04-30', reason: 'Chờ hướng dẫn của tỉnh' },
        as('head.pnv'),
      ),
    ).requestExtension;
    const cancelled = await stepOk('cancel', 'admin', task, { reason: 'Nhiệm vụ được giao lại cho đơn vị khác' });
    expect(cancelled).toMatchObject({
      status: 'CANCELLED',
      statusReason: 'Nhiệm vụ được giao lại cho đơn vị khác',
      timeliness: null,
    });
    const stored = await api.db.prisma.deadlineExtension.findUniqueOrThrow({
      where: { id: Number(ext.id.split(':')[1]) },
    });
    expect(stored.status).toBe('WITHDRAWN');
  });

  it('lists on an extension request what each role may do to it: withdraw for the lead unit, decide for reviewers, nothing once settled', async () => {
    const task = await read((await newTask('2026-03-20')).id);
    const ext = ok(
      await api.gql<{ requestExtension: { id: string } }>(
        requestExtension,
        { taskId: task.id, date: '2026-04-30', reason: 'Chờ hướng dẫn của tỉnh' },
        as('head.pnv'),
      ),
    ).requestExtension;
    const allowed = async (who: string) =>
      ok(
        await api.gql<{ node: { allowedActions: string[] } }>(
          'query ($id: ID!) { node(id: $id) { ... on DeadlineExtension { allowedActions } } }',
          { id: ext.id },
          as(who),
        ),
      ).node.allowedActions;
    const byRole = async () =>
      Object.fromEntries(
        await Promise.all(
          ['admin', 'committee', 'head.pnv', 'head.annhon', 'analyst'].map(async (who) => [who, await allowed(who)]),
        ),
      );
    expect(await byRole()).toEqual({
      admin: ['WITHDRAW', 'DECIDE'],
      committee: ['DECIDE'],
      'head.pnv': ['WITHDRAW'],
      'head.annhon': [],
      analyst: [],
    });
    // The task's page reads them with the requests, as the task's own actions say.
    const page = ok(
      await api.gql<{ node: { allowedActions: string[]; extensionRequests: { allowedActions: string[] }[] } }>(
        'query ($id: ID!) { node(id: $id) { ... on Task { allowedActions extensionRequests { allowedActions } } } }',
        { id: task.id },
        as('committee'),
      ),
    ).node;
    expect(page.allowedActions).toContain('DECIDE_EXTENSION');
    expect(page.extensionRequests.map((r) => r.allowedActions)).toEqual([['DECIDE']]);
    ok(await api.gql(decideExtension, { id: ext.id, decision: 'REJECTED', note: 'Không có căn cứ' }, as('committee')));
    expect(await byRole()).toEqual({ admin: [], committee: [], 'head.pnv': [], 'head.annhon': [], analyst: [] });
  });

  it('moves the deadline only by an approved extension, keeping the original for reporting', async () => {
    let task = await read((await newTask('2026-03-20', '2026-03-01')).id);
    task = await stepOk('start', 'head.pnv', task);
    const request = (date: string, who = 'head.pnv') =>
      api.gql<{ requestExtension: { id: string; status: string; previousDeadline: string } }>(
        requestExtension,
        { taskId: task.id, date, reason: 'Chờ ý kiến thẩm định của Sở Nội vụ' },
        as(who),
      );
    expectError(await request('2026-03-20'), 'BAD_USER_INPUT', 'requestedDeadline');
    expectError(await request('2026-04-30', 'head.annhon'), 'FORBIDDEN');
    expectError(await request('2026-04-30', 'committee'), 'FORBIDDEN');

    const first = ok(await request('2026-04-30')).requestExtension;
    expect(first).toMatchObject({ status: 'PENDING', previousDeadline: '2026-03-20' });
    expectError(await request('2026-05-15'), 'BAD_USER_INPUT', 'taskId');
    expectError(await api.gql(decideExtension, { id: first.id, decision: 'APPROVED' }, as('head.pnv')), 'FORBIDDEN');
    expectError(
      await api.gql(decideExtension, { id: first.id, decision: 'REJECTED' }, as('committee')),
      'BAD_USER_INPUT',
      'note',
    );
    const rejected = ok(
      await api.gql<{ decideExtension: { status: string; task: TaskView } }>(
        decideExtension,
        { id: first.id, decision: 'REJECTED', note: 'Không có căn cứ' },
        as('committee'),
      ),
    ).decideExtension;
    expect(rejected).toMatchObject({ status: 'REJECTED', task: { deadline: '2026-03-20', version: task.version } });
    expectError(
      await api.gql(decideExtension, { id: first.id, decision: 'APPROVED' }, as('committee')),
      'BAD_USER_INPUT',
      'id',
    );

    const withdrawn = ok(await request('2026-04-15')).requestExtension;
    expect(
      ok(
        await api.gql<{ withdrawExtension: { status: string } }>(
          withdrawExtension,
          { id: withdrawn.id },
          as('head.pnv'),
        ),
      ).withdrawExtension.status,
    ).toBe('WITHDRAWN');

    const second = ok(await request('2026-04-30')).requestExtension;
    const approved = ok(
      await api.gql<{ decideExtension: { status: string; task: TaskView } }>(
        decideExtension,
        { id: second.id, decision: 'APPROVED', note: 'Đồng ý gia hạn' },
        as('committee'),
      ),
    ).decideExtension;
    expect(approved.status).toBe('APPROVED');
    expect(approved.task).toMatchObject({
      deadline: '2026-04-30',
      originalDeadline: '2026-03-20',
      version: task.version + 1,
    });
    expect(approved.task.timeline.nodes.at(-1)).toMatchObject({
      type: 'EXTENSION_DECIDED',
      changes: { deadline: { before: '2026-03-20', after: '2026-04-30' } },
    });

    // Done after the original deadline but within the extension: reported as such, not hidden.
    await travel('2026-04-10T02:00:00Z');
    try {
      task = approved.task;
      await addEvidence(task.id);
      task = await stepOk('submit', 'head.pnv', task);
      task = await stepOk('approve', 'committee', task);
      expect(task).toMatchObject({ completedOn: '2026-04-10', timeliness: 'COMPLETED_WITHIN_EXTENSION' });
      const listed = ok(
        await api.gql<{ tasks: { nodes: { id: string }[] } }>(
          `{ tasks(filter: { timeliness: [COMPLETED_WITHIN_EXTENSION] }, first: 100) { nodes { id } } }`,
          {},
          as('analyst'),
        ),
      );
      expect(listed.tasks.nodes.map((n) => n.id)).toContain(task.id);
    } finally {
      await travel('2026-03-10T03:00:00Z');
    }
  });

  it("counts days in the district's time zone: a submission at 23:59 is on time, at 00:00 the next day late", async () => {
    const onTime = await read((await newTask('2026-03-31')).id);
    const late = await read((await newTask('2026-03-31')).id);
    const submitAt = async (task: TaskView, instant: string) => {
      await travel(instant);
      let current = await stepOk('start', 'head.pnv', task);
      await addEvidence(current.id);
      current = await stepOk('submit', 'head.pnv', current);
      await travel('2026-04-03T02:00:00Z');
      return stepOk('approve', 'committee', current);
    };
    try {
      // 16:59:59 UTC is 23:59:59 on 31/03 in Hà Nội time; 17:00 UTC is already 01/04.
      expect(await submitAt(onTime, '2026-03-31T16:59:59Z')).toMatchObject({
        completedOn: '2026-03-31',
        timeliness: 'COMPLETED_ON_TIME',
      });
      expect(await submitAt(late, '2026-03-31T17:00:00Z')).toMatchObject({
        completedOn: '2026-04-01',
        timeliness: 'COMPLETED_LATE',
      });

      const open = await newTask('2026-03-31');
      await travel('2026-03-31T16:59:59Z');
      expect(await read(open.id)).toMatchObject({ timeliness: 'DUE_SOON', daysToDeadline: 0 });
      await travel('2026-03-31T17:00:00Z');
      expect(await read(open.id)).toMatchObject({ timeliness: 'OVERDUE', daysToDeadline: -1 });
    } finally {
      await travel('2026-03-10T03:00:00Z');
    }
  });

  it('gives the review queue its lists: submissions oldest first, pending evidence of open tasks only', async () => {
    const first = await read((await newTask()).id);
    const second = await read((await newTask()).id);
    const submitted: string[] = [];
    for (const [task, instant] of [
      [second, '2026-03-10T04:00:00Z'],
      [first, '2026-03-10T05:00:00Z'],
    ] as const) {
      await travel(instant);
      const started = await stepOk('start', 'head.pnv', task);
      await addEvidence(started.id);
      submitted.push((await stepOk('submit', 'head.pnv', started)).id);
    }
    await travel('2026-03-10T03:00:00Z');
    const queue = ok(
      await api.gql<{ tasks: { nodes: { id: string }[] }; evidence: { nodes: { task: { status: string } }[] } }>(
        `{ tasks(filter: { status: { in: [SUBMITTED] } }, orderBy: [{ field: SUBMITTED_AT }], first: 100) { nodes { id } }
           evidence(filter: { reviewStatus: { in: [PENDING] }, taskStatus: { in: [NOT_STARTED, IN_PROGRESS, SUBMITTED, RETURNED] } }, first: 100) { nodes { task { status } } } }`,
        {},
        as('committee'),
      ),
    );
    const ids = queue.tasks.nodes.map((n) => n.id);
    expect(ids.indexOf(submitted[0] as string)).toBeLessThan(ids.indexOf(submitted[1] as string));
    expect(queue.evidence.nodes.length).toBeGreaterThan(0);
    expect(queue.evidence.nodes.every((n) => !['COMPLETED', 'CANCELLED'].includes(n.task.status))).toBe(true);
  });

  it('lets only one of two simultaneous decisions on an extension request win', async () => {
    const task = await read((await newTask('2026-04-30')).id);
    const request = ok(
      await api.gql<{ requestExtension: { id: string } }>(
        requestExtension,
        { taskId: task.id, date: '2026-06-30', reason: 'Chờ kinh phí' },
        as('head.pnv'),
      ),
    ).requestExtension;
    const [approve, reject] = await Promise.all([
      api.gql(decideExtension, { id: request.id, decision: 'APPROVED', note: 'Đồng ý' }, as('committee')),
      api.gql(decideExtension, { id: request.id, decision: 'REJECTED', note: 'Không đồng ý' }, as('admin')),
    ]);
    const outcomes = [approve, reject].map((r) => (r.errors ? 'refused' : 'done')).sort();
    expect(outcomes).toEqual(['done', 'refused']);
    const stored = await api.db.prisma.deadlineExtension.findUniqueOrThrow({
      where: { id: Number(request.id.split(':')[1]) },
    });
    const after = await read(task.id);
    // The task's deadline agrees with whichever decision won.
    expect(after.deadline).toBe(stored.status === 'APPROVED' ? '2026-06-30' : '2026-04-30');
  });

  it('keeps the original deadline once an extension was asked for: no direct edits after that', async () => {
    const task = await read((await newTask('2026-04-30')).id);
    ok(
      await api.gql(requestExtension, { taskId: task.id, date: '2026-06-30', reason: 'Chờ kinh phí' }, as('head.pnv')),
    );
    const before = await snapshotDatabase(api.db.prisma);
    expectError(
      await api.gql(
        'mutation ($id: ID!) { updateTask(id: $id, version: 1, input: { deadline: "2026-09-30" }) { id } }',
        { id: task.id },
        as('admin'),
      ),
      'BAD_USER_INPUT',
      'input.deadline',
    );
    expect(await snapshotDatabase(api.db.prisma)).toEqual(before);
  });

  it('refuses to approve when every piece of evidence was rejected after submission', async () => {
    let task = await read((await newTask()).id);
    task = await stepOk('start', 'head.pnv', task);
    const evidence = await addEvidence(task.id);
    task = await stepOk('submit', 'head.pnv', task);
    ok(
      await api.gql(
        reviewEvidence,
        { id: evidence.id, version: 1, decision: 'REJECTED', note: 'Giả mạo' },
        as('committee'),
      ),
    );
    expectError(await step('approve', 'committee', { id: task.id, version: task.version }), 'BAD_USER_INPUT', 'id');
    expect((await stepOk('return', 'committee', task, { reason: 'Minh chứng không hợp lệ' })).status).toBe('RETURNED');
  });

  it('counts work delivered before its start date as completed on the start date', async () => {
    let task = await read((await newTask('2026-06-30', '2026-04-01')).id);
    task = await stepOk('start', 'head.pnv', task);
    await addEvidence(task.id);
    task = await stepOk('submit', 'head.pnv', task);
    task = await stepOk('approve', 'committee', task);
    expect(task).toMatchObject({ status: 'COMPLETED', completedOn: '2026-04-01', timeliness: 'COMPLETED_ON_TIME' });
  });

  it('keeps every step behind the version: a step on an old version gets CONFLICT with the current one', async () => {
    const task = await read((await newTask()).id);
    await stepOk('start', 'head.pnv', task);
    const before = await snapshotDatabase(api.db.prisma);
    const error = expectError(
      await step('progress', 'head.pnv', { id: task.id, version: task.version, progress: 20 }),
      'CONFLICT',
    );
    expect(error.extensions?.currentVersion).toBe(task.version + 1);
    expect(await snapshotDatabase(api.db.prisma)).toEqual(before);
  });

  it('proves no lost update: many concurrent editors, final state equals the replay of the acknowledged writes', async () => {
    const task = await read((await newTask()).id);
    const editors = 8;
    const writesEach = 6;
    const acknowledged: { version: number; progress: number; note: string }[] = [];
    let conflicts = 0;
    let attempts = 0;

    await Promise.all(
      Array.from({ length: editors }, async (_, editor) => {
        for (let n = 0; n < writesEach; n++) {
          const note = `editor ${editor} write ${n}`;
          const progress = (editor * writesEach + n) % 101;
          for (;;) {
            attempts++;
            const current = await read(task.id);
            const result: GraphQLResult<{ result: TaskView }> = await step('progress', 'admin', {
              id: task.id,
              version: current.version,
              progress,
              note,
            });
            if (result.errors?.[0]?.extensions?.code === 'CONFLICT') {
              conflicts++;
              continue;
            }
            const written = ok(result).result;
            acknowledged.push({ version: written.version, progress, note });
            break;
          }
        }
      }),
    );

    const final = await read(task.id);
    const replay = [...acknowledged].sort((a, b) => a.version - b.version);
    expect(replay.map((w) => w.version)).toEqual(replay.map((_, i) => i + 2));
    expect(final.version).toBe(1 + editors * writesEach);
    expect(final.progress).toBe(replay.at(-1)?.progress);
    // The timeline holds exactly the acknowledged writes, in the order of their versions.
    const reported = final.timeline.nodes.filter((e) => e.type === 'PROGRESS_REPORTED').map((e) => e.note);
    expect(reported).toEqual(replay.map((w) => w.note));
    const audited = await api.db.prisma.auditEntry.count({
      where: { entity: 'Task', entityId: Number(task.id.split(':')[1]), operation: 'reportProgress' },
    });
    expect(audited).toBe(editors * writesEach);
    console.info(
      `[${kind}] concurrency: ${editors} editors, ${acknowledged.length} acknowledged writes, ${conflicts} conflicts in ${attempts} attempts`,
    );
  });
});
