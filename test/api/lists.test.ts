import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, ok, startTestApi, type TestApi } from '../support/api.ts';
import { databaseKinds } from '../support/databases.ts';
import { loadFixture, type Fixture } from '../support/fixture.ts';

interface TaskPage {
  tasks: { totalCount: number; nodes: { id: string; title: string; timeliness: string | null }[] };
}

describe.each(databaseKinds)('reading lists on %s', (kind) => {
  let api: TestApi;
  let fixture: Fixture;
  let token: string;
  const titles = (data: TaskPage) => data.tasks.nodes.map((n) => n.title);
  const tasks = async (variables: Record<string, unknown>) =>
    ok(
      await api.gql<TaskPage>(
        `query ($filter: TaskFilter, $orderBy: [TaskOrder!], $first: Int, $offset: Int) {
          tasks(filter: $filter, orderBy: $orderBy, first: $first, offset: $offset) {
            totalCount nodes { id title timeliness }
          }
        }`,
        variables,
        token,
      ),
    );

  beforeAll(async () => {
    api = await startTestApi(kind);
    fixture = await loadFixture(api.db.prisma);
    token = await api.signIn('analyst');
  });
  afterAll(() => api.close());

  it('counts every task and orders by deadline by default', async () => {
    const data = await tasks({});
    expect(data.tasks.totalCount).toBe(7);
    expect(titles(data)[0]).toBe('Kế hoạch CCHC năm 2025');
  });

  it('derives timeliness from the dates as of today in the district', async () => {
    const data = await tasks({});
    const byTitle = Object.fromEntries(data.tasks.nodes.map((n) => [n.title, n.timeliness]));
    expect(byTitle).toEqual({
      'Chuẩn hóa quy trình một cửa': 'OVERDUE',
      'Số hóa hồ sơ hộ tịch': 'DUE_SOON',
      'Thanh toán điện tử tại xã': 'ON_TRACK',
      'Kế hoạch CCHC năm 2025': 'COMPLETED_ON_TIME',
      'Khảo sát sự hài lòng 2025': 'COMPLETED_WITHIN_EXTENSION',
      'Rà soát thủ tục hành chính 2025': 'COMPLETED_LATE',
      'Nhiệm vụ đã hủy': null,
    });
  });

  it('filters by each timeliness category exactly as the field reports it', async () => {
    for (const category of [
      'OVERDUE',
      'DUE_SOON',
      'ON_TRACK',
      'COMPLETED_ON_TIME',
      'COMPLETED_WITHIN_EXTENSION',
      'COMPLETED_LATE',
    ]) {
      const data = await tasks({ filter: { timeliness: [category] } });
      expect(data.tasks.totalCount, category).toBe(1);
      expect(data.tasks.nodes[0]?.timeliness).toBe(category);
    }
  });

  it("moves a task from due soon to overdue when the district's day turns", async () => {
    const start = api.clock.now;
    const saved = token;
    try {
      // 23:59 on 15 March in Hanoi: the deadline day, still due soon.
      api.clock.now = new Date('2026-03-15T16:59:00Z');
      token = await api.signIn('analyst');
      expect(titles(await tasks({ filter: { timeliness: ['OVERDUE'] } }))).not.toContain('Số hóa hồ sơ hộ tịch');
      // 00:00 on 16 March in Hanoi (still 15 March in UTC): overdue.
      api.clock.now = new Date('2026-03-15T17:00:00Z');
      expect(titles(await tasks({ filter: { timeliness: ['OVERDUE'] } }))).toContain('Số hóa hồ sơ hộ tịch');
    } finally {
      api.clock.now = start;
      token = saved;
    }
  });

  it('combines filters with AND, OR and NOT', async () => {
    const homeAffairs = `Unit:${fixture.units.homeAffairs.id}`;
    const either = await tasks({
      filter: { OR: [{ leadUnit: { equals: homeAffairs } }, { timeliness: ['COMPLETED_LATE'] }] },
    });
    expect(titles(either).sort()).toEqual(
      ['Chuẩn hóa quy trình một cửa', 'Kế hoạch CCHC năm 2025', 'Rà soát thủ tục hành chính 2025'].sort(),
    );
    const notCompleted = await tasks({
      filter: { leadUnit: { equals: homeAffairs }, NOT: { status: { equals: 'COMPLETED' } } },
    });
    expect(titles(notCompleted)).toEqual(['Chuẩn hóa quy trình một cửa']);
    const both = await tasks({
      filter: { AND: [{ status: { in: ['COMPLETED'] } }, { completedOn: { gte: '2025-08-01' } }] },
    });
    expect(titles(both).sort()).toEqual(['Khảo sát sự hài lòng 2025', 'Rà soát thủ tục hành chính 2025'].sort());
  });

  it("keeps a filter's own conditions when OR is added beside them", async () => {
    await api.db.prisma.unit.create({
      data: { code: 'OLD_UNIT', name: 'Đơn vị cũ', kind: 'AGENCY', dissolvedOn: new Date('2025-01-01T00:00:00Z') },
    });
    const data = ok(
      await api.gql<{ units: { nodes: { code: string }[] } }>(
        '{ units(filter: { active: true, OR: [{ code: { equals: "PNV" } }, { code: { equals: "OLD_UNIT" } }] }) { nodes { code } } }',
        {},
        token,
      ),
    );
    expect(data.units.nodes.map((u) => u.code)).toEqual(['PNV']);
  });

  it('applies both a day in office and a start-date range to terms of heads', async () => {
    const data = ok(
      await api.gql<{ headships: { totalCount: number } }>(
        '{ headships(filter: { on: "2025-06-01", startDate: { gte: "2026-01-01" } }) { totalCount } }',
        {},
        token,
      ),
    );
    expect(data.headships.totalCount).toBe(0);
  });

  it('finds tasks a unit leads or supports', async () => {
    const data = await tasks({ filter: { unit: { equals: `Unit:${fixture.units.homeAffairs.id}` } } });
    expect(data.tasks.totalCount).toBe(3);
    expect(titles(data)).toContain('Số hóa hồ sơ hộ tịch');
  });

  it('searches words in titles regardless of letter case', async () => {
    expect(titles(await tasks({ filter: { q: 'HỒ SƠ' } }))).toEqual(['Số hóa hồ sơ hộ tịch']);
  });

  it('sorts by several keys and pages with offset', async () => {
    const orderBy = [{ field: 'LEAD_UNIT' }, { field: 'DEADLINE', direction: 'DESC' }];
    const all = titles(await tasks({ orderBy }));
    const page2 = titles(await tasks({ orderBy, first: 3, offset: 3 }));
    expect(page2).toEqual(all.slice(3, 6));
  });

  it('refuses a page larger than 100 instead of cutting it silently', async () => {
    expectError(await api.gql('{ tasks(first: 101) { totalCount } }', {}, token), 'BAD_USER_INPUT', 'first');
    ok(await api.gql('{ tasks(first: 100) { totalCount } }', {}, token));
  });

  it('refuses an id of the wrong type in a filter, naming the field', async () => {
    const result = await api.gql(
      'query ($filter: TaskFilter) { tasks(filter: $filter) { totalCount } }',
      { filter: { leadUnit: { equals: 'Task:1' } } },
      token,
    );
    expectError(result, 'BAD_USER_INPUT', 'filter.leadUnit.equals');
  });

  it('fetches any object by its global id', async () => {
    const id = `Unit:${fixture.units.anNhon.id}`;
    const data = ok(
      await api.gql<{ node: { id: string; name: string } }>(
        'query ($id: ID!) { node(id: $id) { id ... on Unit { name } } }',
        { id },
        token,
      ),
    );
    expect(data.node).toEqual({ id, name: 'UBND xã An Nhơn' });
  });

  it("names the head accountable for each task: the head on the completion day, or today's", async () => {
    const query = 'query ($id: ID!) { node(id: $id) { ... on Task { responsibleHead { fullName } } } }';
    const done = ok(
      await api.gql<{ node: { responsibleHead: { fullName: string } } }>(
        query,
        { id: `Task:${fixture.tasks.onTime.id}` },
        token,
      ),
    );
    expect(done.node.responsibleHead.fullName).toBe('Người Đứng Đầu Cũ');
    const open = ok(
      await api.gql<{ node: { responsibleHead: { fullName: string } } }>(
        query,
        { id: `Task:${fixture.tasks.overdue.id}` },
        token,
      ),
    );
    expect(open.node.responsibleHead.fullName).toBe('Người Đứng Đầu Mới');
  });

  it('lists related records inside a unit with their own counts and filters', async () => {
    const data = ok(
      await api.gql<{
        node: { ledTasks: { totalCount: number }; currentHead: { fullName: string }; children: unknown[] };
      }>(
        `query ($id: ID!) { node(id: $id) { ... on Unit {
        ledTasks(filter: { status: { equals: COMPLETED } }) { totalCount }
        currentHead { fullName }
        children { id }
      } } }`,
        { id: `Unit:${fixture.units.homeAffairs.id}` },
        token,
      ),
    );
    expect(data.node.ledTasks.totalCount).toBe(1);
    expect(data.node.currentHead.fullName).toBe('Người Đứng Đầu Mới');
    expect(data.node.children).toEqual([]);
  });

  it('reads every entity through a connection with a total count', async () => {
    const data = ok(
      await api.gql<Record<string, { totalCount: number }>>(
        `{ resolutions { totalCount } reformAreas { totalCount } objectives { totalCount } targets { totalCount }
         units { totalCount } people { totalCount } headships { totalCount } tasks { totalCount }
         taskEvents { totalCount } deadlineExtensions { totalCount } evidence { totalCount }
         indexFrameworks { totalCount } indexResults { totalCount } satisfactionResults { totalCount }
         improvementPlans { totalCount } }`,
        {},
        token,
      ),
    );
    expect(Object.fromEntries(Object.entries(data).map(([list, page]) => [list, page.totalCount]))).toMatchObject({
      resolutions: 1,
      reformAreas: 2,
      objectives: 2,
      units: 5,
      people: 3,
      headships: 3,
      tasks: 7,
      indexResults: 0,
    });
  });

  it('lists accounts to the secretariat only', async () => {
    expectError(await api.gql('{ accounts { totalCount } }', {}, token), 'FORBIDDEN');
    const admin = await api.signIn('admin');
    expect(
      ok(await api.gql<{ accounts: { totalCount: number } }>('{ accounts { totalCount } }', {}, admin)).accounts
        .totalCount,
    ).toBe(5);
  });
});
