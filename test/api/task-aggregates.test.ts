// taskTimelinessCounts through GraphQL on a fixed world: the shared fixture's seven tasks plus seven
// more, today 2026-03-10 in the district, due-soon window 7 days (10–17 March). Every expected count
// below is worked out by hand from this table, not by the code under test:
//
//  #  lead unit  objective (area)     deadline    status / dates                           category
//  1  PNV        MT1 (procedures)     2026-03-01  IN_PROGRESS                              overdue
//  2  PTP        MT2 (digital)        2026-03-15  NOT_STARTED                              due soon
//  3  An Nhơn    MT2 (digital)        2026-06-30  NOT_STARTED                              on track
//  4  PNV        MT1 (procedures)     2025-01-31  completed 2025-01-20                     on time
//  5  An Nhơn    MT1 (procedures)     2025-08-31  original 2025-06-30, completed 08-15     within extension
//  6  PTP        MT1 (procedures)     2025-09-30  completed 2025-10-20                     late
//  7  PTP        MT2 (digital)        2025-12-31  CANCELLED                                cancelled
//  8  PNV        MT2 (digital)        2026-03-17  SUBMITTED (last day of the window)       due soon
//  9  An Nhơn    MT1 (procedures)     2026-03-09  RETURNED                                 overdue
// 10  PNV        MT2 (digital)        2026-01-31  original 2025-12-15, completed 01-31     within extension
// 11  An Nhơn    MT2 (digital)        2025-12-31  original 2025-11-30, completed 2026-01-05 late
// 12  PNV        MT1 (procedures)     2026-03-18  CANCELLED                                cancelled
// 13  UBND huyện MT1 (procedures)     2026-03-18  NOT_STARTED (day after the window)       on track
// 14  PTP        MT3 (procedures)     2025-01-15  completed 2025-01-15                     on time
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, ok, startTestApi, type TestApi } from '../support/api.ts';
import { databaseKinds } from '../support/databases.ts';
import { loadFixture, type Fixture } from '../support/fixture.ts';

const day = (text: string) => new Date(`${text}T00:00:00.000Z`);

/** onTrack, dueSoon, overdue, completedOnTime, completedWithinExtension, completedLate, cancelled, open, completed, total. */
type Row = [number, number, number, number, number, number, number, number, number, number];

const countFields = [
  'onTrack',
  'dueSoon',
  'overdue',
  'completedOnTime',
  'completedWithinExtension',
  'completedLate',
  'cancelled',
  'open',
  'completed',
  'total',
] as const;

interface Group {
  key: string;
  unit: { id: string; name: string } | null;
  reformArea: { id: string; code: string } | null;
  objective: { id: string; code: string; reformArea: { code: string } } | null;
  year: number | null;
  month: number | null;
  onTrack: number;
  dueSoon: number;
  overdue: number;
  completedOnTime: number;
  completedWithinExtension: number;
  completedLate: number;
  cancelled: number;
  open: number;
  completed: number;
  total: number;
}

const query = `query ($filter: TaskFilter, $groupBy: TaskGrouping) {
  taskTimelinessCounts(filter: $filter, groupBy: $groupBy) {
    key unit { id name } reformArea { id code } objective { id code reformArea { code } } year month
    ${countFields.join(' ')}
  }
}`;

const rowOf = (group: Group): Row => countFields.map((field) => group[field]) as Row;

describe.each(databaseKinds)('task timeliness counts on %s', (kind) => {
  let api: TestApi;
  let fixture: Fixture;
  let token: string;
  let mt3: { id: number };

  const counts = async (variables: Record<string, unknown>, as = token) =>
    ok(await api.gql<{ taskTimelinessCounts: Group[] }>(query, variables, as)).taskTimelinessCounts;
  /** Group key → its counts, in the order the API returns them. */
  const table = (groups: Group[]) => groups.map((g) => [g.key, rowOf(g)] as const);

  beforeAll(async () => {
    api = await startTestApi(kind);
    fixture = await loadFixture(api.db.prisma);
    token = await api.signIn('analyst');
    const { prisma } = api.db;
    const { homeAffairs, justice, anNhon, district } = fixture.units;
    const { oneStop, online } = fixture.objectives;
    mt3 = await prisma.objective.create({
      data: {
        resolutionId: fixture.resolution.id,
        reformAreaId: fixture.areas.procedures.id,
        code: 'MT3',
        title: 'Liên thông điện tử',
      },
    });
    const task = (
      title: string,
      objectiveId: number,
      leadUnitId: number,
      deadline: string,
      status: 'NOT_STARTED' | 'SUBMITTED' | 'RETURNED' | 'COMPLETED' | 'CANCELLED',
      more: { originalDeadline?: string; completedOn?: string } = {},
    ) =>
      prisma.task.create({
        data: {
          title,
          objectiveId,
          leadUnitId,
          startDate: day('2024-12-01'),
          deadline: day(deadline),
          originalDeadline: day(more.originalDeadline ?? deadline),
          completedOn: more.completedOn ? day(more.completedOn) : null,
          status,
          progress: status === 'COMPLETED' ? 100 : 0,
          statusReason: status === 'CANCELLED' || status === 'RETURNED' ? 'Trùng nhiệm vụ khác' : null,
          submittedAt: status === 'SUBMITTED' ? new Date('2026-03-08T02:00:00Z') : null,
        },
      });
    await task('8 nộp chờ duyệt', online.id, homeAffairs.id, '2026-03-17', 'SUBMITTED');
    await task('9 bị trả lại', oneStop.id, anNhon.id, '2026-03-09', 'RETURNED');
    await task('10 xong đúng hạn gia hạn', online.id, homeAffairs.id, '2026-01-31', 'COMPLETED', {
      originalDeadline: '2025-12-15',
      completedOn: '2026-01-31',
    });
    await task('11 xong sau hạn gia hạn', online.id, anNhon.id, '2025-12-31', 'COMPLETED', {
      originalDeadline: '2025-11-30',
      completedOn: '2026-01-05',
    });
    await task('12 hủy', oneStop.id, homeAffairs.id, '2026-03-18', 'CANCELLED');
    await task('13 của huyện', oneStop.id, district.id, '2026-03-18', 'NOT_STARTED');
    await task('14 đúng ngày hạn', mt3.id, justice.id, '2025-01-15', 'COMPLETED', { completedOn: '2025-01-15' });
  });
  afterAll(() => api.close());

  const id = (type: string, n: number) => `${type}:${n}`;

  it('counts every task in one group without groupBy', async () => {
    const groups = await counts({});
    expect(table(groups)).toEqual([['ALL', [2, 2, 2, 2, 2, 2, 2, 6, 6, 14]]]);
    expect(groups[0]).toMatchObject({ unit: null, reformArea: null, objective: null, year: null, month: null });
  });

  it('groups by lead unit, sorted by unit name, with the unit', async () => {
    const { homeAffairs, justice, district, anNhon } = fixture.units;
    const groups = await counts({ groupBy: 'UNIT' });
    expect(table(groups)).toEqual([
      [id('Unit', homeAffairs.id), [0, 1, 1, 1, 1, 0, 1, 2, 2, 5]],
      [id('Unit', justice.id), [0, 1, 0, 1, 0, 1, 1, 1, 2, 4]],
      [id('Unit', district.id), [1, 0, 0, 0, 0, 0, 0, 1, 0, 1]],
      [id('Unit', anNhon.id), [1, 0, 1, 0, 1, 1, 0, 2, 2, 4]],
    ]);
    expect(groups.map((g) => g.unit?.name)).toEqual([
      'Phòng Nội vụ',
      'Phòng Tư pháp',
      'UBND huyện Đạ Tẻh',
      'UBND xã An Nhơn',
    ]);
    expect(groups.every((g) => g.objective === null && g.year === null)).toBe(true);
  });

  it('groups by objective, with the objective and its nested fields', async () => {
    const { oneStop, online } = fixture.objectives;
    const groups = await counts({ groupBy: 'OBJECTIVE' });
    expect(table(groups)).toEqual([
      [id('Objective', oneStop.id), [1, 0, 2, 1, 1, 1, 1, 3, 3, 7]],
      [id('Objective', online.id), [1, 2, 0, 0, 1, 1, 1, 3, 2, 6]],
      [id('Objective', mt3.id), [0, 0, 0, 1, 0, 0, 0, 0, 1, 1]],
    ]);
    expect(groups.map((g) => [g.objective?.code, g.objective?.reformArea.code])).toEqual([
      ['MT1', 'ADMIN_PROCEDURES'],
      ['MT2', 'DIGITAL_GOVERNMENT'],
      ['MT3', 'ADMIN_PROCEDURES'],
    ]);
  });

  it("groups by the objective's reform area, adding up its objectives", async () => {
    const { procedures, digital } = fixture.areas;
    const groups = await counts({ groupBy: 'REFORM_AREA' });
    expect(table(groups)).toEqual([
      [id('ReformArea', procedures.id), [1, 0, 2, 2, 1, 1, 1, 3, 4, 8]],
      [id('ReformArea', digital.id), [1, 2, 0, 0, 1, 1, 1, 3, 2, 6]],
    ]);
    expect(groups.map((g) => g.reformArea?.code)).toEqual(['ADMIN_PROCEDURES', 'DIGITAL_GOVERNMENT']);
  });

  it("groups by the deadline's month, oldest first", async () => {
    const groups = await counts({ groupBy: 'MONTH' });
    expect(table(groups)).toEqual([
      ['2025-01', [0, 0, 0, 2, 0, 0, 0, 0, 2, 2]],
      ['2025-08', [0, 0, 0, 0, 1, 0, 0, 0, 1, 1]],
      ['2025-09', [0, 0, 0, 0, 0, 1, 0, 0, 1, 1]],
      ['2025-12', [0, 0, 0, 0, 0, 1, 1, 0, 1, 2]],
      ['2026-01', [0, 0, 0, 0, 1, 0, 0, 0, 1, 1]],
      ['2026-03', [1, 2, 2, 0, 0, 0, 1, 5, 0, 6]],
      ['2026-06', [1, 0, 0, 0, 0, 0, 0, 1, 0, 1]],
    ]);
    expect(groups.map((g) => [g.year, g.month])).toEqual([
      [2025, 1],
      [2025, 8],
      [2025, 9],
      [2025, 12],
      [2026, 1],
      [2026, 3],
      [2026, 6],
    ]);
  });

  it("groups by the deadline's year", async () => {
    const groups = await counts({ groupBy: 'YEAR' });
    expect(table(groups)).toEqual([
      ['2025', [0, 0, 0, 2, 1, 2, 1, 0, 5, 6]],
      ['2026', [2, 2, 2, 0, 1, 0, 1, 6, 1, 8]],
    ]);
    expect(groups.map((g) => [g.year, g.month])).toEqual([
      [2025, null],
      [2026, null],
    ]);
  });

  it('takes the same filter as the task list, OR and NOT included', async () => {
    const { homeAffairs, justice, anNhon } = fixture.units;
    // Led by PNV or in the digital area (1 2 3 4 7 8 10 11 12), not cancelled: 1 2 3 4 8 10 11.
    const filter = {
      OR: [
        { leadUnit: { equals: id('Unit', homeAffairs.id) } },
        { reformArea: { equals: id('ReformArea', fixture.areas.digital.id) } },
      ],
      NOT: { status: { in: ['CANCELLED'] } },
    };
    expect(table(await counts({ filter }))).toEqual([['ALL', [1, 2, 1, 1, 1, 1, 0, 4, 3, 7]]]);
    expect(table(await counts({ filter, groupBy: 'UNIT' }))).toEqual([
      [id('Unit', homeAffairs.id), [0, 1, 1, 1, 1, 0, 0, 2, 2, 4]],
      [id('Unit', justice.id), [0, 1, 0, 0, 0, 0, 0, 1, 0, 1]],
      [id('Unit', anNhon.id), [1, 0, 0, 0, 0, 1, 0, 1, 1, 2]],
    ]);
    const list = ok(
      await api.gql<{ tasks: { totalCount: number } }>(
        'query ($filter: TaskFilter) { tasks(filter: $filter, first: 1) { totalCount } }',
        { filter },
        token,
      ),
    );
    expect(list.tasks.totalCount).toBe(7);
  });

  it('NOT on timeliness keeps the cancelled tasks, which have none', async () => {
    // Deadline from June 2025 (1 2 3 5 6 7 8 9 10 11 12 13), neither overdue nor due soon: 3 5 6 7 10 11 12 13.
    const filter = { deadline: { gte: '2025-06-01' }, NOT: { timeliness: ['OVERDUE', 'DUE_SOON'] } };
    expect(table(await counts({ filter, groupBy: 'YEAR' }))).toEqual([
      ['2025', [0, 0, 0, 0, 1, 2, 1, 0, 3, 4]],
      ['2026', [2, 0, 0, 0, 1, 0, 1, 2, 1, 4]],
    ]);
  });

  it('counts cancelled tasks apart, in the total only', async () => {
    const { justice, homeAffairs } = fixture.units;
    const filter = { status: { in: ['CANCELLED'] } };
    expect(table(await counts({ filter }))).toEqual([['ALL', [0, 0, 0, 0, 0, 0, 2, 0, 0, 2]]]);
    expect(table(await counts({ filter, groupBy: 'UNIT' }))).toEqual([
      [id('Unit', homeAffairs.id), [0, 0, 0, 0, 0, 0, 1, 0, 0, 1]],
      [id('Unit', justice.id), [0, 0, 0, 0, 0, 0, 1, 0, 0, 1]],
    ]);
  });

  it('tells completion within an extension from completion after it', async () => {
    // Extended deadlines: 5 (within), 10 (within, on the extended day itself), 11 (after it).
    const filter = { extended: true };
    expect(table(await counts({ filter, groupBy: 'MONTH' }))).toEqual([
      ['2025-08', [0, 0, 0, 0, 1, 0, 0, 0, 1, 1]],
      ['2025-12', [0, 0, 0, 0, 0, 1, 0, 0, 1, 1]],
      ['2026-01', [0, 0, 0, 0, 1, 0, 0, 0, 1, 1]],
    ]);
  });

  it('leaves out empty groups but always answers one group without groupBy', async () => {
    const filter = { title: { equals: 'no such task' } };
    expect(await counts({ filter, groupBy: 'OBJECTIVE' })).toEqual([]);
    expect(table(await counts({ filter }))).toEqual([['ALL', [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]]]);
  });

  it('counts as of the district day: a deadline turns overdue at midnight in Hanoi', async () => {
    const start = api.clock.now;
    try {
      // 00:00 on 16 March in Hanoi: task 2 (15 March) is overdue; 8 (17) due soon; 12 cancelled; 13 (18) due soon.
      api.clock.now = new Date('2026-03-15T17:00:00Z');
      const later = await api.signIn('analyst');
      const filter = { deadline: { gte: '2026-03-01', lte: '2026-03-31' } };
      expect(table(await counts({ filter }, later))).toEqual([['ALL', [0, 2, 3, 0, 0, 0, 1, 5, 0, 6]]]);
    } finally {
      api.clock.now = start;
    }
  });

  it('is read by every signed-in role, over every task as the list is, and by nobody signed out', async () => {
    for (const username of ['admin', 'committee', 'head.pnv', 'head.annhon']) {
      const as = await api.signIn(username);
      expect(table(await counts({}, as)), username).toEqual([['ALL', [2, 2, 2, 2, 2, 2, 2, 6, 6, 14]]]);
    }
    expectError(await api.gql(query, {}, null), 'UNAUTHENTICATED');
  });

  it('rejects an id of the wrong type in the filter as the list does', async () => {
    const result = await api.gql(query, { filter: { leadUnit: { equals: 'Task:1' } }, groupBy: 'UNIT' }, token);
    expectError(result, 'BAD_USER_INPUT', 'filter.leadUnit.equals');
  });
});
