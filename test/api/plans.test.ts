// Improvement plans (kế hoạch nâng cao chỉ số CCHC): drafting by the unit's head, review by the
// committee, and updates guarded by the version read, through the real GraphQL layer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { expectError, ok, startTestApi, type GraphQLResult, type TestApi } from '../support/api.ts';
import { databaseKinds } from '../support/databases.ts';
import { loadFixture, type Fixture } from '../support/fixture.ts';
import { snapshotDatabase } from '../support/snapshot.ts';

const planFields = `id status version year targetPercent analysis reviewNote approvedAt
  approvedBy { displayName } unit { code }
  targets { node { code } targetPoints }
  actions { title description sortOrder node { code } tasks { id } }`;

const createPlan = `mutation ($input: CreateImprovementPlanInput!) {
  createImprovementPlan(input: $input) { ${planFields} }
}`;

const updatePlan = `mutation ($id: ID!, $version: Int!, $input: UpdateImprovementPlanInput!) {
  updateImprovementPlan(id: $id, version: $version, input: $input) { ${planFields} }
}`;

const submitPlan = `mutation ($id: ID!, $version: Int!) {
  submitImprovementPlan(id: $id, version: $version) { ${planFields} }
}`;

const approvePlan = `mutation ($id: ID!, $version: Int!, $note: String) {
  approveImprovementPlan(id: $id, version: $version, note: $note) { ${planFields} }
}`;

const returnPlan = `mutation ($id: ID!, $version: Int!, $reason: String!) {
  returnImprovementPlan(id: $id, version: $version, reason: $reason) { ${planFields} }
}`;

interface Plan {
  id: string;
  status: string;
  version: number;
  year: number;
  targetPercent: number;
  analysis: string | null;
  reviewNote: string | null;
  approvedAt: string | null;
  approvedBy: { displayName: string } | null;
  unit: { code: string };
  targets: { node: { code: string }; targetPoints: number }[];
  actions: {
    title: string;
    description: string | null;
    sortOrder: number;
    node: { code: string } | null;
    tasks: { id: string }[];
  }[];
}

const g = (type: string, id: number) => `${type}:${id}`;
const numberOf = (globalId: string) => Number(globalId.split(':')[1]);

/** An AGENCY framework for a year, with fields 1 and 7 and a criterion under each. */
async function frameworkFor(prisma: PrismaClient, year: number) {
  const framework = await prisma.indexFramework.create({
    data: { level: 'AGENCY', year, name: `Bộ chỉ số CCHC cấp phòng năm ${year}` },
  });
  const node = (code: string, maxPoints: number, parentId?: number) =>
    prisma.indexNode.create({
      data: { frameworkId: framework.id, code, name: `Tiêu chí ${code}`, maxPoints, parentId: parentId ?? null },
    });
  const direction = await node('1', 6);
  const plan = await node('1.1', 2.5, direction.id);
  const digital = await node('7', 15);
  const online = await node('7.2', 5, digital.id);
  return { framework, nodes: { direction, plan, digital, online } };
}

describe.each(databaseKinds)('improvement plans on %s', (kind) => {
  let api: TestApi;
  let fixture: Fixture;
  let nodes: Awaited<ReturnType<typeof frameworkFor>>['nodes'];
  let twoYearsBefore: Awaited<ReturnType<typeof frameworkFor>>['nodes'];
  const tokens: Record<'admin' | 'committee' | 'head' | 'otherHead' | 'analyst', string> = {
    admin: '',
    committee: '',
    head: '',
    otherHead: '',
    analyst: '',
  };
  /** Years for plans without targets, one per test, so each starts from a fresh plan. */
  let nextYear = 2030;

  beforeAll(async () => {
    api = await startTestApi(kind);
    fixture = await loadFixture(api.db.prisma);
    nodes = (await frameworkFor(api.db.prisma, 2026)).nodes;
    twoYearsBefore = (await frameworkFor(api.db.prisma, 2024)).nodes;
    tokens.admin = await api.signIn('admin');
    tokens.committee = await api.signIn('committee');
    tokens.head = await api.signIn('head.pnv');
    tokens.otherHead = await api.signIn('head.annhon');
    tokens.analyst = await api.signIn('analyst');
  });
  afterAll(() => api.close());

  /** A 2026 plan of Phòng Nội vụ with two targets and two actions. */
  const newPlan = (overrides: Record<string, unknown> = {}) => ({
    unitId: g('Unit', fixture.units.homeAffairs.id),
    year: 2026,
    targetPercent: 91.5,
    analysis: 'Mất điểm ở lĩnh vực chính quyền số: tỷ lệ hồ sơ trực tuyến thấp.',
    targets: [
      { nodeId: g('IndexNode', nodes.plan.id), targetPoints: 2.5 },
      { nodeId: g('IndexNode', nodes.online.id), targetPoints: 4.25 },
    ],
    actions: [
      {
        nodeId: g('IndexNode', nodes.online.id),
        title: 'Nâng tỷ lệ hồ sơ nộp trực tuyến',
        description: 'Hướng dẫn người dân tại bộ phận một cửa.',
        taskIds: [g('Task', fixture.tasks.overdue.id)],
      },
      { title: 'Kiểm tra CCHC định kỳ' },
    ],
    ...overrides,
  });

  /** A plan of Phòng Nội vụ for a year of its own, drafted by its head. */
  const draft = async (input: Record<string, unknown> = {}): Promise<Plan> =>
    ok(
      await api.gql<{ createImprovementPlan: Plan }>(
        createPlan,
        { input: { unitId: g('Unit', fixture.units.homeAffairs.id), year: nextYear++, targetPercent: 90, ...input } },
        tokens.head,
      ),
    ).createImprovementPlan;

  const auditOf = (plan: { id: string }) =>
    api.db.prisma.auditEntry.findMany({
      where: { entity: 'ImprovementPlan', entityId: numberOf(plan.id) },
      orderBy: { id: 'asc' },
    });

  /** Runs a refused call: the error code, and not a row changed anywhere (audit log included). */
  async function refused(
    call: () => Promise<GraphQLResult<unknown>>,
    code: Parameters<typeof expectError>[1],
    field?: string,
  ) {
    const before = await snapshotDatabase(api.db.prisma);
    const error = expectError(await call(), code, field);
    expect(await snapshotDatabase(api.db.prisma)).toEqual(before);
    return error;
  }

  it("lets a unit head draft their own unit's plan: DRAFT, version 1, targets and ordered actions, audited", async () => {
    const plan = ok(
      await api.gql<{ createImprovementPlan: Plan }>(createPlan, { input: newPlan() }, tokens.head),
    ).createImprovementPlan;
    expect(plan).toMatchObject({
      status: 'DRAFT',
      version: 1,
      year: 2026,
      targetPercent: 91.5,
      reviewNote: null,
      approvedAt: null,
      unit: { code: 'PNV' },
      targets: [
        { node: { code: '1.1' }, targetPoints: 2.5 },
        { node: { code: '7.2' }, targetPoints: 4.25 },
      ],
      actions: [
        {
          title: 'Nâng tỷ lệ hồ sơ nộp trực tuyến',
          sortOrder: 1,
          node: { code: '7.2' },
          tasks: [{ id: g('Task', fixture.tasks.overdue.id) }],
        },
        { title: 'Kiểm tra CCHC định kỳ', sortOrder: 2, node: null, tasks: [], description: null },
      ],
    });
    const audit = await auditOf(plan);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      operation: 'createImprovementPlan',
      action: 'CREATE',
      actorId: fixture.accounts.head.id,
    });
    expect(audit[0]?.changes).toMatchObject({
      year: { before: null, after: 2026 },
      targetPercent: { before: null, after: '91.5' },
      status: { before: null, after: 'DRAFT' },
      targets: { before: null, after: [`${nodes.plan.id}:2.5`, `${nodes.online.id}:4.25`] },
      actions: { before: null, after: ['Nâng tỷ lệ hồ sơ nộp trực tuyến', 'Kiểm tra CCHC định kỳ'] },
    });
  });

  it('refuses a second plan of the same unit and year, naming input.year', async () => {
    await refused(
      () => api.gql(createPlan, { input: newPlan({ targets: [], actions: [] }) }, tokens.admin),
      'BAD_USER_INPUT',
      'input.year',
    );
  });

  it("refuses a head another unit's plan, and the committee, the analyst and anonymous callers any", async () => {
    const forJustice = newPlan({ unitId: g('Unit', fixture.units.justice.id), targets: [], actions: [] });
    await refused(() => api.gql(createPlan, { input: forJustice }, tokens.head), 'FORBIDDEN');
    const forHomeAffairs = newPlan({ year: 2099, targets: [], actions: [] });
    await refused(() => api.gql(createPlan, { input: forHomeAffairs }, tokens.otherHead), 'FORBIDDEN');
    await refused(() => api.gql(createPlan, { input: forHomeAffairs }, tokens.committee), 'FORBIDDEN');
    await refused(() => api.gql(createPlan, { input: forHomeAffairs }, tokens.analyst), 'FORBIDDEN');
    await refused(() => api.gql(createPlan, { input: forHomeAffairs }, null), 'UNAUTHENTICATED');
  });

  it('lets the secretariat draft a plan for any unit', async () => {
    const plan = ok(
      await api.gql<{ createImprovementPlan: Plan }>(
        createPlan,
        {
          input: newPlan({
            unitId: g('Unit', fixture.units.justice.id),
            year: 2027,
            targets: [],
            actions: [{ title: 'Rà soát văn bản', taskIds: [g('Task', fixture.tasks.dueSoon.id)] }],
          }),
        },
        tokens.admin,
      ),
    ).createImprovementPlan;
    expect(plan).toMatchObject({ status: 'DRAFT', version: 1, unit: { code: 'PTP' }, targets: [] });
    expect(await auditOf(plan)).toHaveLength(1);
  });

  // Drafted for Phòng Tư pháp in 2026 by the secretariat, which has no plan for that year.
  it.each<[string, (f: Fixture) => Record<string, unknown>, string]>([
    ['a year before 2000', () => ({ year: 1999, targets: [], actions: [] }), 'input.year'],
    ['a target above 100%', () => ({ targetPercent: 100.01 }), 'input.targetPercent'],
    ['a target with three decimals', () => ({ targetPercent: 92.345 }), 'input.targetPercent'],
    ['an analysis over 10000 characters', () => ({ analysis: 'x'.repeat(10_001) }), 'input.analysis'],
    ['a unit that does not exist', () => ({ unitId: 'Unit:999999' }), 'input.unitId'],
    ['a unit id of another type', () => ({ unitId: 'Task:1' }), 'input.unitId'],
    [
      "a node of another year's framework",
      () => ({ targets: [{ nodeId: g('IndexNode', twoYearsBefore.plan.id), targetPoints: 1 }] }),
      'input.targets.0.nodeId',
    ],
    [
      'the same node twice',
      () => ({
        targets: [
          { nodeId: g('IndexNode', nodes.plan.id), targetPoints: 1 },
          { nodeId: g('IndexNode', nodes.plan.id), targetPoints: 2 },
        ],
      }),
      'input.targets.1.nodeId',
    ],
    [
      'a node that does not exist',
      () => ({ targets: [{ nodeId: 'IndexNode:999999', targetPoints: 1 }] }),
      'input.targets.0.nodeId',
    ],
    [
      'a node id of another type',
      () => ({ targets: [{ nodeId: 'Unit:1', targetPoints: 1 }] }),
      'input.targets.0.nodeId',
    ],
    [
      "points above the node's maximum",
      () => ({ targets: [{ nodeId: g('IndexNode', nodes.plan.id), targetPoints: 2.51 }] }),
      'input.targets.0.targetPoints',
    ],
    [
      'negative points',
      () => ({ targets: [{ nodeId: g('IndexNode', nodes.plan.id), targetPoints: -1 }] }),
      'input.targets.0.targetPoints',
    ],
    ['an action without a title', () => ({ actions: [{ title: '  ' }] }), 'input.actions.0.title'],
    ['an action title over 500 characters', () => ({ actions: [{ title: 'x'.repeat(501) }] }), 'input.actions.0.title'],
    [
      "an action aimed at another year's node",
      () => ({ actions: [{ title: 'Việc', nodeId: g('IndexNode', twoYearsBefore.online.id) }] }),
      'input.actions.0.nodeId',
    ],
    [
      'a task another unit leads',
      (f) => ({ actions: [{ title: 'Việc', taskIds: [g('Task', f.tasks.onTrack.id)] }] }),
      'input.actions.0.taskIds.0',
    ],
    [
      'a task that does not exist',
      () => ({ actions: [{ title: 'Việc', taskIds: ['Task:999999'] }] }),
      'input.actions.0.taskIds.0',
    ],
  ])('refuses %s, naming the field, and stores nothing', async (_label, overrides, field) => {
    const input = newPlan({
      unitId: g('Unit', fixture.units.justice.id),
      targets: [],
      actions: [{ title: 'Việc của Phòng Tư pháp', taskIds: [g('Task', fixture.tasks.dueSoon.id)] }],
      ...overrides(fixture),
    });
    await refused(() => api.gql(createPlan, { input }, tokens.admin), 'BAD_USER_INPUT', field);
  });

  it('names every offending field at once', async () => {
    const input = newPlan({
      unitId: g('Unit', fixture.units.justice.id),
      targets: [
        { nodeId: g('IndexNode', twoYearsBefore.plan.id), targetPoints: 1 },
        { nodeId: g('IndexNode', nodes.online.id), targetPoints: 5.5 },
      ],
      actions: [{ title: 'Việc', taskIds: [g('Task', fixture.tasks.overdue.id)] }],
    });
    const error = await refused(() => api.gql(createPlan, { input }, tokens.admin), 'BAD_USER_INPUT');
    expect(error.extensions?.fields?.map((f) => f.field)).toEqual([
      'input.targets.0.nodeId',
      'input.targets.1.targetPoints',
      'input.actions.0.taskIds.0',
    ]);
  });

  it("refuses nodes of another level's framework (a commune is not scored as an agency)", async () => {
    const input = newPlan({
      unitId: g('Unit', fixture.units.anNhon.id),
      actions: [],
    });
    await refused(() => api.gql(createPlan, { input }, tokens.otherHead), 'BAD_USER_INPUT', 'input.targets.0.nodeId');
  });

  it('replaces the lists on update, moves the version on, and audits the before and after', async () => {
    const plan = await draft({
      targets: [],
      actions: [{ title: 'Việc cũ', taskIds: [g('Task', fixture.tasks.overdue.id)] }],
    });
    // Nodes of that year's framework, so the targets can be set.
    const year = await frameworkFor(api.db.prisma, plan.year);
    const updated = ok(
      await api.gql<{ updateImprovementPlan: Plan }>(
        updatePlan,
        {
          id: plan.id,
          version: 1,
          input: {
            targetPercent: 92.75,
            analysis: null,
            targets: [{ nodeId: g('IndexNode', year.nodes.direction.id), targetPoints: 5.5 }],
            actions: [{ title: 'Việc mới 1' }, { title: 'Việc mới 2', nodeId: g('IndexNode', year.nodes.online.id) }],
          },
        },
        tokens.head,
      ),
    ).updateImprovementPlan;
    expect(updated).toMatchObject({
      version: 2,
      status: 'DRAFT',
      targetPercent: 92.75,
      analysis: null,
      targets: [{ node: { code: '1' }, targetPoints: 5.5 }],
      actions: [
        { title: 'Việc mới 1', sortOrder: 1, node: null, tasks: [] },
        { title: 'Việc mới 2', sortOrder: 2, node: { code: '7.2' } },
      ],
    });
    const audit = await auditOf(plan);
    expect(audit.map((a) => a.operation)).toEqual(['createImprovementPlan', 'updateImprovementPlan']);
    expect(audit[1]?.changes).toEqual({
      targetPercent: { before: '90', after: '92.75' },
      targets: { before: [], after: [`${year.nodes.direction.id}:5.5`] },
      actions: { before: ['Việc cũ'], after: ['Việc mới 1', 'Việc mới 2'] },
    });
    // Fields left out stay, lists included.
    const again = ok(
      await api.gql<{ updateImprovementPlan: Plan }>(
        updatePlan,
        { id: plan.id, version: 2, input: { analysis: 'Phân tích mới' } },
        tokens.admin,
      ),
    ).updateImprovementPlan;
    expect(again).toMatchObject({ version: 3, analysis: 'Phân tích mới', targetPercent: 92.75 });
    expect(again.targets).toHaveLength(1);
    expect(again.actions).toHaveLength(2);
  });

  it('refuses update input that breaks a rule, naming the field, and changes nothing', async () => {
    const plan = await draft();
    await refused(
      () =>
        api.gql(
          updatePlan,
          { id: plan.id, version: 1, input: { targets: [{ nodeId: g('IndexNode', nodes.plan.id), targetPoints: 1 }] } },
          tokens.head,
        ),
      'BAD_USER_INPUT',
      'input.targets.0.nodeId',
    );
    await refused(
      () => api.gql(updatePlan, { id: plan.id, version: 1, input: { targetPercent: null } }, tokens.head),
      'BAD_USER_INPUT',
      'input.targetPercent',
    );
    await refused(
      () => api.gql(updatePlan, { id: plan.id, version: 1, input: { targets: null } }, tokens.head),
      'BAD_USER_INPUT',
      'input.targets',
    );
    await refused(
      () =>
        api.gql(
          updatePlan,
          { id: plan.id, version: 1, input: { actions: [{ title: 'Việc', taskIds: ['Objective:1'] }] } },
          tokens.head,
        ),
      'BAD_USER_INPUT',
      'input.actions.0.taskIds.0',
    );
    expect(await auditOf(plan)).toHaveLength(1);
  });

  it('fails with CONFLICT and the current version when the version read is outdated, keeping the first write', async () => {
    const plan = await draft();
    ok(await api.gql(updatePlan, { id: plan.id, version: 1, input: { analysis: 'Bản thứ nhất' } }, tokens.head));
    const error = await refused(
      () => api.gql(updatePlan, { id: plan.id, version: 1, input: { analysis: 'Bản thứ hai' } }, tokens.admin),
      'CONFLICT',
    );
    expect(error.extensions).toMatchObject({ currentVersion: 2 });
    const stored = await api.db.prisma.improvementPlan.findUniqueOrThrow({ where: { id: numberOf(plan.id) } });
    expect(stored).toMatchObject({ version: 2, analysis: 'Bản thứ nhất' });
    expect((await auditOf(plan)).map((a) => a.operation)).toEqual(['createImprovementPlan', 'updateImprovementPlan']);
  });

  it('answers NOT_FOUND for a plan that does not exist', async () => {
    await refused(
      () => api.gql(updatePlan, { id: 'ImprovementPlan:999999', version: 1, input: { analysis: 'x' } }, tokens.admin),
      'NOT_FOUND',
    );
  });

  it('lists what each role may do to a plan in each status, as the server then allows', async () => {
    const plan = await draft();
    const allowed = async (token: string) =>
      ok(
        await api.gql<{ node: { allowedActions: string[] } }>(
          'query ($id: ID!) { node(id: $id) { ... on ImprovementPlan { allowedActions } } }',
          { id: plan.id },
          token,
        ),
      ).node.allowedActions;
    const byRole = async () =>
      Object.fromEntries(
        await Promise.all(Object.entries(tokens).map(async ([who, token]) => [who, await allowed(token)])),
      );
    const nobody = { committee: [], otherHead: [], analyst: [] };
    expect(await byRole()).toEqual({ admin: ['EDIT', 'SUBMIT'], head: ['EDIT', 'SUBMIT'], ...nobody });
    ok(await api.gql(submitPlan, { id: plan.id, version: 1 }, tokens.head));
    expect(await byRole()).toEqual({
      admin: ['APPROVE', 'RETURN'],
      committee: ['APPROVE', 'RETURN'],
      head: [],
      otherHead: [],
      analyst: [],
    });
    ok(await api.gql(returnPlan, { id: plan.id, version: 2, reason: 'Bổ sung hành động' }, tokens.committee));
    expect(await byRole()).toEqual({ admin: ['EDIT', 'SUBMIT'], head: ['EDIT', 'SUBMIT'], ...nobody });
    ok(await api.gql(submitPlan, { id: plan.id, version: 3 }, tokens.head));
    ok(await api.gql(approvePlan, { id: plan.id, version: 4 }, tokens.committee));
    expect(await byRole()).toEqual({ admin: [], head: [], ...nobody });
    // The list reads them too, for every row.
    const list = ok(
      await api.gql<{ improvementPlans: { nodes: { id: string; allowedActions: string[] }[] } }>(
        '{ improvementPlans(first: 100) { nodes { id allowedActions } } }',
        {},
        tokens.committee,
      ),
    ).improvementPlans.nodes;
    expect(list.find((row) => row.id === plan.id)?.allowedActions).toEqual([]);
  });

  it('goes DRAFT → SUBMITTED → APPROVED, and is closed to changes once submitted', async () => {
    const plan = await draft();
    const id = plan.id;
    // Only the unit's head or the secretariat submits; only the committee or the secretariat reviews.
    await refused(() => api.gql(submitPlan, { id, version: 1 }, tokens.otherHead), 'FORBIDDEN');
    await refused(() => api.gql(submitPlan, { id, version: 1 }, tokens.committee), 'FORBIDDEN');
    await refused(() => api.gql(submitPlan, { id, version: 1 }, tokens.analyst), 'FORBIDDEN');
    await refused(() => api.gql(approvePlan, { id, version: 1 }, tokens.committee), 'INVALID_TRANSITION');

    const submitted = ok(
      await api.gql<{ submitImprovementPlan: Plan }>(submitPlan, { id, version: 1 }, tokens.head),
    ).submitImprovementPlan;
    expect(submitted).toMatchObject({ status: 'SUBMITTED', version: 2 });

    const error = await refused(
      () => api.gql(updatePlan, { id, version: 2, input: { analysis: 'Sửa sau khi nộp' } }, tokens.head),
      'INVALID_TRANSITION',
    );
    expect(error.extensions).toMatchObject({ status: 'SUBMITTED', action: 'EDIT', allowedFrom: ['DRAFT', 'RETURNED'] });
    await refused(() => api.gql(submitPlan, { id, version: 2 }, tokens.head), 'INVALID_TRANSITION');
    await refused(() => api.gql(approvePlan, { id, version: 2 }, tokens.head), 'FORBIDDEN');
    await refused(() => api.gql(approvePlan, { id, version: 2 }, tokens.analyst), 'FORBIDDEN');
    await refused(() => api.gql(approvePlan, { id, version: 1 }, tokens.committee), 'CONFLICT');

    const approved = ok(
      await api.gql<{ approveImprovementPlan: Plan }>(
        approvePlan,
        { id, version: 2, note: 'Đồng ý, lưu ý tiến độ quý II' },
        tokens.committee,
      ),
    ).approveImprovementPlan;
    expect(approved).toMatchObject({
      status: 'APPROVED',
      version: 3,
      reviewNote: 'Đồng ý, lưu ý tiến độ quý II',
      approvedBy: { displayName: 'committee' },
      approvedAt: '2026-03-10T03:00:00.000Z',
    });

    await refused(
      () => api.gql(updatePlan, { id, version: 3, input: { analysis: 'Sửa sau khi duyệt' } }, tokens.admin),
      'INVALID_TRANSITION',
    );
    await refused(
      () => api.gql(returnPlan, { id, version: 3, reason: 'Trả lại' }, tokens.committee),
      'INVALID_TRANSITION',
    );
    await refused(() => api.gql(submitPlan, { id, version: 3 }, tokens.head), 'INVALID_TRANSITION');

    const audit = await auditOf(plan);
    expect(audit.map((a) => [a.operation, a.action])).toEqual([
      ['createImprovementPlan', 'CREATE'],
      ['submitImprovementPlan', 'UPDATE'],
      ['approveImprovementPlan', 'UPDATE'],
    ]);
    expect(audit[1]?.changes).toEqual({ status: { before: 'DRAFT', after: 'SUBMITTED' } });
    expect(audit[2]).toMatchObject({ actorId: fixture.accounts.committee.id, note: 'Đồng ý, lưu ý tiến độ quý II' });
    expect(audit[2]?.changes).toMatchObject({
      status: { before: 'SUBMITTED', after: 'APPROVED' },
      approvedById: { before: null, after: fixture.accounts.committee.id },
      reviewNote: { before: null, after: 'Đồng ý, lưu ý tiến độ quý II' },
    });
  });

  it('goes SUBMITTED → RETURNED with a reason, then the unit changes and resubmits it', async () => {
    const plan = await draft();
    const id = plan.id;
    ok(await api.gql(submitPlan, { id, version: 1 }, tokens.head));
    await refused(() => api.gql(returnPlan, { id, version: 2, reason: 'Bổ sung' }, tokens.head), 'FORBIDDEN');
    await refused(
      () => api.gql(returnPlan, { id, version: 2, reason: '  ' }, tokens.committee),
      'BAD_USER_INPUT',
      'reason',
    );

    const returned = ok(
      await api.gql<{ returnImprovementPlan: Plan }>(
        returnPlan,
        { id, version: 2, reason: 'Chưa phân tích nguyên nhân mất điểm' },
        tokens.admin,
      ),
    ).returnImprovementPlan;
    expect(returned).toMatchObject({
      status: 'RETURNED',
      version: 3,
      reviewNote: 'Chưa phân tích nguyên nhân mất điểm',
      approvedAt: null,
    });
    await refused(() => api.gql(approvePlan, { id, version: 3 }, tokens.committee), 'INVALID_TRANSITION');

    const changed = ok(
      await api.gql<{ updateImprovementPlan: Plan }>(
        updatePlan,
        { id, version: 3, input: { analysis: 'Mất điểm do chậm số hóa hồ sơ' } },
        tokens.head,
      ),
    ).updateImprovementPlan;
    expect(changed).toMatchObject({ status: 'RETURNED', version: 4 });
    const resubmitted = ok(
      await api.gql<{ submitImprovementPlan: Plan }>(submitPlan, { id, version: 4 }, tokens.head),
    ).submitImprovementPlan;
    expect(resubmitted).toMatchObject({ status: 'SUBMITTED', version: 5 });

    const audit = await auditOf(plan);
    expect(audit.map((a) => a.operation)).toEqual([
      'createImprovementPlan',
      'submitImprovementPlan',
      'returnImprovementPlan',
      'updateImprovementPlan',
      'submitImprovementPlan',
    ]);
    expect(audit[2]).toMatchObject({ note: 'Chưa phân tích nguyên nhân mất điểm', actorId: fixture.accounts.admin.id });
    expect(audit[4]?.changes).toEqual({ status: { before: 'RETURNED', after: 'SUBMITTED' } });
  });

  it('keeps every acknowledged write of 8 concurrent editors, in version order, with no gaps', async () => {
    const plan = await draft();
    const clients = 8;
    const writesEach = 5;
    const acknowledged: { version: number; targetPercent: number; analysis: string }[] = [];
    let conflicts = 0;
    const started = Date.now();

    const readVersion = async (token: string) =>
      ok(
        await api.gql<{ node: { version: number } }>(
          'query ($id: ID!) { node(id: $id) { ... on ImprovementPlan { version } } }',
          { id: plan.id },
          token,
        ),
      ).node.version;

    const client = async (c: number) => {
      const token = c % 2 === 0 ? tokens.head : tokens.admin;
      for (let j = 0; j < writesEach; j += 1) {
        const value = {
          targetPercent: Number((90 + (c * writesEach + j) / 100).toFixed(2)),
          analysis: `client ${c} write ${j}`,
        };
        for (let attempt = 0; ; attempt += 1) {
          if (attempt > 200) throw new Error(`client ${c} gave up on write ${j}`);
          const version = await readVersion(token);
          const result = await api.gql<{ updateImprovementPlan: Plan }>(
            updatePlan,
            { id: plan.id, version, input: value },
            token,
          );
          if (!result.errors) {
            const written = ok(result).updateImprovementPlan;
            expect(written).toMatchObject(value);
            acknowledged.push({ version: written.version, ...value });
            break;
          }
          expect(result.errors[0]?.extensions?.code, JSON.stringify(result.errors)).toBe('CONFLICT');
          conflicts += 1;
        }
      }
    };
    await Promise.all(Array.from({ length: clients }, (_, c) => client(c)));

    const byVersion = [...acknowledged].sort((a, b) => a.version - b.version);
    expect(byVersion.map((a) => a.version)).toEqual(Array.from({ length: clients * writesEach }, (_, i) => i + 2));
    const last = byVersion.at(-1);
    const stored = await api.db.prisma.improvementPlan.findUniqueOrThrow({ where: { id: numberOf(plan.id) } });
    expect({
      version: stored.version,
      targetPercent: stored.targetPercent.toNumber(),
      analysis: stored.analysis,
    }).toEqual(last);
    // The audit log holds exactly the acknowledged writes, in the order they committed.
    const audit = (await auditOf(plan)).filter((a) => a.operation === 'updateImprovementPlan');
    expect(
      audit.map((a) => {
        const changes = a.changes as Record<string, { after: unknown }>;
        return changes.analysis?.after;
      }),
    ).toEqual(byVersion.map((a) => a.analysis));
    console.info(
      `[${kind}] improvement plan concurrency: ${clients} clients × ${writesEach} updates → ${acknowledged.length} acknowledged (versions ${byVersion[0]?.version}..${last?.version}, no gaps), ${conflicts} conflicts retried, ${audit.length} audit rows, ${Date.now() - started} ms`,
    );
  });
});
