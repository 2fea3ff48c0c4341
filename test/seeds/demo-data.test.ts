import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDatabase, type Database } from '../../api/db.ts';
import { Loaders } from '../../api/loaders.ts';
import { verifyPassword } from '../../api/services/password.ts';
import { loadPlanValues } from '../../api/services/plan-values.ts';
import { loadTargetValues } from '../../api/services/target-values.ts';
import {
  Comparator,
  IndexLevel,
  PlanStatus,
  ReviewStatus,
  ScoringMethod,
  TargetMetric,
  TaskStatus,
  type Prisma,
} from '../../generated/prisma/client.ts';
import { applyMigrations } from '../../prisma/migrate.ts';
import { buildDemoData } from '../../seeds/build.ts';
import { demoAccounts, demoPassword, loadDemoData } from '../../seeds/demo.ts';

// Noon in Đạ Tẻh on 20 Nov 2026: the calendar day the demo's relative dates hang on.
const todayInstant = new Date('2026-11-20T05:00:00Z');
const today = new Date('2026-11-20T00:00:00Z');
const inDays = (days: number) => new Date(today.getTime() + days * 86_400_000);

const cents = (value: Prisma.Decimal | number | null | undefined): number => Math.round(Number(value ?? NaN) * 100);
const openStatuses: TaskStatus[] = [TaskStatus.NOT_STARTED, TaskStatus.IN_PROGRESS, TaskStatus.RETURNED];

let db: Database;
let firstLoad: boolean;

async function rowCounts(): Promise<Record<string, number>> {
  const tables = await db.prisma.$queryRawUnsafe<{ table_name: string }[]>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
  );
  const counts: Record<string, number> = {};
  for (const { table_name: table } of tables) {
    const [row] = await db.prisma.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${table}"`);
    counts[table] = Number(row?.n ?? -1);
  }
  return counts;
}

beforeAll(async () => {
  db = await openDatabase({ dataDir: 'memory://' });
  await applyMigrations(db.adapterFactory);
  firstLoad = await loadDemoData(db.prisma, { today: todayInstant });
});

afterAll(async () => {
  await db?.close();
});

describe('demo data', () => {
  test('loads on a fresh database', () => {
    expect(firstLoad).toBe(true);
  });

  test('the 2021 district result is 92.20%, rank 1 of 12, published and not illustrative', async () => {
    const result = await db.prisma.indexResult.findFirstOrThrow({
      where: { unit: { code: 'DATEH' }, framework: { level: IndexLevel.DISTRICT, year: 2021 } },
    });
    expect(result.publishedPercent?.toFixed(2)).toBe('92.20');
    expect(result.publishedRank).toBe(1);
    expect(result.publishedOf).toBe(12);
    expect(result.illustrative).toBe(false);
    expect(result.source).toContain('Báo Lâm Đồng');
  });

  test('the targets of the article exist with their values and comparators', async () => {
    const targets = await db.prisma.target.findMany({
      include: { unit: true, years: { orderBy: { year: 'asc' } }, objective: { include: { resolution: true } } },
    });
    const shape = targets.map((t) => `${t.comparator} ${t.targetValue.toFixed(2)} ${t.measure} ${t.targetYear}`).sort();
    expect(shape).toEqual(
      [
        `${Comparator.GT} 92.00 % 2025`,
        `${Comparator.GTE} 93.00 % 2025`,
        `${Comparator.LTE} 6.00 hạng 2025`,
        `${Comparator.GT} 90.00 % 2025`,
        `${Comparator.GTE} 88.00 % 2025`,
        `${Comparator.GTE} 88.00 % 2025`,
        `${Comparator.GTE} 88.00 % 2025`,
        `${Comparator.GTE} 88.00 % 2025`,
        `${Comparator.EQ} 100.00 % 2025`,
      ].sort(),
    );
    for (const target of targets) {
      expect(target.unit?.code).toBe('DATEH');
      expect(target.objective.resolution.code).toBe('14-NQ/TU');
    }

    const everyYear = targets.find((t) => t.comparator === Comparator.GT && cents(t.targetValue) === 9200);
    expect(everyYear?.baselineValue?.toFixed(2)).toBe('92.20');
    expect(everyYear?.baselineYear).toBe(2021);
    const planned = everyYear?.years.filter((y) => y.year >= 2022 && y.year <= 2025).map((y) => cents(y.plannedValue));
    expect(planned).toEqual([9200, 9200, 9200, 9200]);
    // The index and satisfaction targets store no copies of the actual values: they are derived.
    expect(
      targets
        .filter((t) => t.metric !== TargetMetric.MANUAL)
        .map((t) => t.code)
        .sort(),
    ).toEqual(['CT01', 'CT02', 'CT03', 'CT04', 'CT05', 'CT06', 'CT07', 'CT08']);
    for (const target of targets.filter((t) => t.metric !== TargetMetric.MANUAL)) {
      expect(target.years.every((y) => y.actualValue === null)).toBe(true);
      expect(target.sector !== null).toBe(target.metric === TargetMetric.SATISFACTION_PERCENT);
    }
    const values = await loadTargetValues({ prisma: db.prisma, loaders: new Loaders(db.prisma) }, 'all', 2026);
    const derived = (code: string) => {
      const target = targets.find((t) => t.code === code);
      return values.get(target?.id ?? -1)?.evaluation;
    };
    const ct01 = derived('CT01');
    const actual2021 = ct01?.progress.find((y) => y.year === 2021);
    expect(actual2021?.actualValue).toBe(92.2);
    expect(everyYear?.years.find((y) => y.year === 2021)?.illustrative).toBe(false);
    // Later actuals are invented and say so; one of them misses the target.
    const later = everyYear?.years.filter((y) => y.year > 2021) ?? [];
    expect(later.length).toBe(4);
    expect(later.every((y) => y.illustrative)).toBe(true);
    expect(ct01?.progress.filter((y) => y.year > 2021).map((y) => y.status)).toEqual(['MET', 'MISSED', 'MET', 'MET']);
    expect(ct01?.status).toBe('ACHIEVED');
    expect(ct01?.reason).toBe('2025: 93.12, target > 92; interim value missed in 2023');

    // 2021: rank 1 of 12; the 2025 targets 93% and top 6 are met by 93.12% and rank 3.
    expect(derived('CT03')?.progress.find((y) => y.year === 2021)?.actualValue).toBe(1);
    expect(derived('CT02')?.status).toBe('ACHIEVED');
    expect(derived('CT03')?.reason).toBe('2025: 3, target ≤ 6');
    // Land satisfaction missed 88% in 2023 (86.9%).
    expect(derived('CT07')?.progress.find((y) => y.year === 2023)).toMatchObject({
      actualValue: 86.9,
      status: 'MISSED',
    });
    const oneStop = targets.find((t) => t.comparator === Comparator.EQ);
    expect(oneStop?.metric).toBe(TargetMetric.MANUAL);
    const oneStop2022 = oneStop?.years.find((y) => y.year === 2022);
    expect(oneStop2022?.actualValue?.toFixed(0)).toBe('100');
    expect(oneStop2022?.illustrative).toBe(false);
  });

  test('at least 40 tasks span the statuses, with overdue, due-soon and future open tasks', async () => {
    const tasks = await db.prisma.task.findMany({ include: { supportingUnits: true, timeline: true } });
    expect(tasks.length).toBeGreaterThanOrEqual(40);
    expect(tasks.length).toBeLessThanOrEqual(60);
    const statuses = new Set(tasks.map((task) => task.status));
    expect(statuses.size).toBeGreaterThanOrEqual(Object.keys(TaskStatus).length - 1);

    const open = tasks.filter((task) => openStatuses.includes(task.status));
    const overdue = open.filter((task) => task.deadline < today);
    const dueSoon = open.filter((task) => task.deadline >= today && task.deadline <= inDays(7));
    const future = open.filter((task) => task.deadline > inDays(7));
    expect(overdue.length).toBeGreaterThanOrEqual(2);
    expect(dueSoon.length).toBeGreaterThanOrEqual(2);
    expect(future.length).toBeGreaterThanOrEqual(2);

    const completed = tasks.filter((task) => task.status === TaskStatus.COMPLETED);
    const late = completed.filter((task) => task.completedOn && task.completedOn > task.deadline);
    expect(late.length).toBeGreaterThanOrEqual(2);
    expect(completed.length - late.length).toBeGreaterThanOrEqual(2);

    for (const task of tasks) {
      expect(task.illustrative).toBe(true);
      expect(task.supportingUnits.map((unit) => unit.id)).not.toContain(task.leadUnitId);
      expect(task.supportingUnits.length).toBeLessThanOrEqual(3);
      // Nothing in a task's history happens on or after the demo's today.
      expect(task.timeline.length).toBeGreaterThan(0);
      for (const event of task.timeline) expect(event.at < today).toBe(true);
    }
  });

  test('deadline extensions: at least two approved that moved the deadline, one pending', async () => {
    const extensions = await db.prisma.deadlineExtension.findMany({ include: { task: true } });
    const approved = extensions.filter((e) => e.status === 'APPROVED');
    expect(approved.length).toBeGreaterThanOrEqual(2);
    for (const extension of approved) {
      expect(extension.task.deadline > extension.task.originalDeadline).toBe(true);
      expect(extension.task.deadline.getTime()).toBe(extension.requestedDeadline.getTime());
    }
    expect(extensions.filter((e) => e.status === 'PENDING').length).toBe(1);
  });

  test('every completed or submitted task has evidence, reviewed as its status says', async () => {
    const tasks = await db.prisma.task.findMany({
      where: { status: { in: [TaskStatus.COMPLETED, TaskStatus.SUBMITTED] } },
      include: { evidence: true },
    });
    expect(tasks.length).toBeGreaterThan(0);
    for (const task of tasks) {
      expect(task.evidence.length, task.title).toBeGreaterThan(0);
      const expected = task.status === TaskStatus.COMPLETED ? ReviewStatus.ACCEPTED : ReviewStatus.PENDING;
      for (const item of task.evidence) {
        expect(item.reviewStatus).toBe(expected);
        expect(item.kind).not.toBe('FILE');
      }
    }
  });

  test('each framework has fields summing to 100 points and survey nodes to 32', async () => {
    const frameworks = await db.prisma.indexFramework.findMany({ include: { nodes: true } });
    expect(frameworks.length).toBe(7);
    for (const framework of frameworks) {
      const fields = framework.nodes.filter((node) => node.parentId === null);
      expect(fields.length).toBe(8);
      expect(fields.every((field) => field.reformAreaId !== null)).toBe(true);
      expect(fields.reduce((sum, node) => sum + cents(node.maxPoints), 0)).toBe(10_000);
      const survey = framework.nodes.filter((node) => node.method === ScoringMethod.SURVEY);
      expect(survey.reduce((sum, node) => sum + cents(node.maxPoints), 0)).toBe(3_200);
      for (const field of fields) {
        const children = framework.nodes.filter((node) => node.parentId === field.id);
        expect(children.length).toBeGreaterThanOrEqual(2);
        expect(children.length).toBeLessThanOrEqual(4);
        expect(children.reduce((sum, node) => sum + cents(node.maxPoints), 0)).toBe(cents(field.maxPoints));
      }
    }
  });

  test("each result's node scores sum to its published percent", async () => {
    const results = await db.prisma.indexResult.findMany({
      include: { scores: { include: { node: true } }, framework: { include: { nodes: true } } },
    });
    expect(results.length).toBe(5 + 2 * 11);
    for (const result of results) {
      expect(result.scores.length).toBe(result.framework.nodes.length);
      const fields = result.scores.filter((score) => score.node.parentId === null);
      const total = fields.reduce((sum, score) => sum + cents(score.points), 0);
      expect(total, `${result.id}`).toBe(cents(result.publishedPercent));
      for (const field of fields) {
        const criteria = result.scores.filter((score) => score.node.parentId === field.nodeId);
        expect(criteria.reduce((sum, score) => sum + cents(score.points), 0)).toBe(cents(field.points));
      }
      expect(result.scores.every((score) => score.illustrative)).toBe(true);
    }
  });

  test('commune results rank 11 units with one tie per year', async () => {
    for (const year of [2024, 2025]) {
      const results = await db.prisma.indexResult.findMany({
        where: { framework: { level: IndexLevel.COMMUNE, year } },
      });
      expect(results.length).toBe(11);
      const ranks = results.map((result) => result.publishedRank ?? 0);
      expect(new Set(ranks).size).toBe(10);
      expect(results.every((result) => result.illustrative && result.publishedOf === 11)).toBe(true);
    }
  });

  test('every person is illustrative and every unit has had a head', async () => {
    const people = await db.prisma.person.findMany();
    expect(people.length).toBeGreaterThan(0);
    expect(people.filter((person) => !person.illustrative)).toEqual([]);
    const units = await db.prisma.unit.findMany({ include: { headships: true } });
    expect(units.filter((unit) => unit.headships.length === 0).map((unit) => unit.code)).toEqual([]);
    expect(units.filter((unit) => unit.headships.length > 1).length).toBeGreaterThanOrEqual(3);
    expect(units.some((unit) => unit.headships.some((term) => term.acting))).toBe(true);
  });

  test('merged units point to their successor and lead no open task', async () => {
    const merged = await db.prisma.unit.findMany({
      where: { dissolvedOn: { not: null } },
      include: { successor: true, ledTasks: true },
    });
    expect(merged.map((unit) => `${unit.code}>${unit.successor?.code}`).sort()).toEqual([
      'PLDTBXH>PNV',
      'PNNPTNT>PNNMT',
      'PTNMT>PNNMT',
    ]);
    for (const unit of merged) {
      expect(unit.ledTasks.length).toBeGreaterThan(0);
      expect(unit.ledTasks.filter((task) => openStatuses.includes(task.status))).toEqual([]);
    }
  });

  test('the demo accounts exist with the demo password', async () => {
    const accounts = await db.prisma.account.findMany({ include: { unit: true, person: true } });
    expect(accounts.map((account) => account.username).sort()).toEqual(
      demoAccounts.map((account) => account.username).sort(),
    );
    for (const account of accounts) {
      const demo = demoAccounts.find((candidate) => candidate.username === account.username);
      expect(account.role).toBe(demo?.role);
      expect(account.unit?.code ?? null).toBe(demo?.unitCode);
      if (demo?.currentHead) expect(account.person?.fullName).toBeTruthy();
    }
    const admin = accounts.find((account) => account.username === 'admin');
    expect(await verifyPassword(admin?.passwordHash ?? '', demoPassword)).toBe(true);
  });

  test("the approved plan aims above the district's last result", async () => {
    const last = await db.prisma.indexResult.findFirstOrThrow({
      where: { unit: { code: 'DATEH' }, framework: { level: IndexLevel.DISTRICT } },
      orderBy: { framework: { year: 'desc' } },
      include: { framework: true, scores: true },
    });
    const plan = await db.prisma.improvementPlan.findFirstOrThrow({
      where: { unit: { code: 'DATEH' } },
      include: { targets: { include: { node: true } }, actions: { include: { tasks: true } }, approvedBy: true },
    });
    expect(plan.year).toBe(last.framework.year + 1);
    expect(plan.status).toBe(PlanStatus.APPROVED);
    expect(plan.approvedBy?.username).toBe('committee');
    expect(cents(plan.targetPercent)).toBeGreaterThan(cents(last.publishedPercent));
    expect(plan.targets.length).toBe(8);
    expect(plan.targets.reduce((sum, target) => sum + cents(target.targetPoints), 0)).toBe(cents(plan.targetPercent));
    for (const target of plan.targets) {
      expect(target.node.frameworkId).toBe(last.frameworkId);
      const score = last.scores.find((s) => s.nodeId === target.nodeId);
      expect(cents(target.targetPoints)).toBeGreaterThanOrEqual(cents(score?.points));
    }
    expect(plan.actions.length).toBeGreaterThanOrEqual(4);
    expect(plan.actions.length).toBeLessThanOrEqual(6);
    expect(plan.actions.every((action) => action.tasks.length > 0)).toBe(true);
  });

  test("the district's plan passes its checks; An Nhơn's is flagged for a weakest field without an action", async () => {
    const plans = await db.prisma.improvementPlan.findMany({ select: { id: true, unit: { select: { code: true } } } });
    const values = await loadPlanValues({ prisma: db.prisma, loaders: new Loaders(db.prisma) }, 'all');
    const checksOf = (code: string) => values.get(plans.find((p) => p.unit.code === code)?.id ?? -1)?.checks;
    expect(checksOf('DATEH')).toEqual([]);
    const flagged = checksOf('XA_ANNHON') ?? [];
    expect(flagged.map((c) => c.code)).toEqual(['WEAKEST_FIELD_WITHOUT_ACTION']);
    expect(flagged[0]?.message).toContain('Field 8 ');
  });

  test('loading a second time returns false and changes no row count', async () => {
    const before = await rowCounts();
    expect(before.Task).toBeGreaterThan(0);
    expect(await loadDemoData(db.prisma, { today: todayInstant })).toBe(false);
    expect(await rowCounts()).toEqual(before);
  });

  test('a load that fails part-way leaves the database unchanged', async () => {
    const other = await openDatabase({ dataDir: 'memory://' });
    try {
      await applyMigrations(other.adapterFactory);
      // A unit whose code the demo uses late in its load makes the insert fail there.
      await other.prisma.unit.create({ data: { code: 'XA_TRIEUHAI', name: 'Đơn vị có sẵn', kind: 'COMMUNE' } });
      await expect(loadDemoData(other.prisma, { today: todayInstant })).rejects.toThrow();
      expect(await other.prisma.resolution.count()).toBe(0);
      expect(await other.prisma.reformArea.count()).toBe(0);
      expect(await other.prisma.unit.count()).toBe(1);
    } finally {
      await other.close();
    }
  });
});

describe('demo dates', () => {
  test('open tasks move with today while past years stay fixed', () => {
    const first = buildDemoData(new Date('2026-11-20T00:00:00Z'));
    const later = buildDemoData(new Date('2027-02-01T00:00:00Z'));
    const shift = (key: string) => {
      const a = first.tasks.find((task) => task.seed.key === key);
      const b = later.tasks.find((task) => task.seed.key === key);
      return ((b?.deadline.getTime() ?? NaN) - (a?.deadline.getTime() ?? NaN)) / 86_400_000;
    };
    expect(shift('land-online-dossiers')).toBe(73);
    expect(shift('land-records-digitisation')).toBe(0);
  });

  test('today is the calendar day in Asia/Ho_Chi_Minh', async () => {
    // 18:00 UTC on 19 Nov is already 20 Nov in Vietnam: relative dates hang on the 20th.
    const built = buildDemoData(new Date('2026-11-20T00:00:00Z'));
    const other = await openDatabase({ dataDir: 'memory://' });
    try {
      await applyMigrations(other.adapterFactory);
      expect(await loadDemoData(other.prisma, { today: new Date('2026-11-19T18:00:00Z') })).toBe(true);
      const task = await other.prisma.task.findFirstOrThrow({
        where: { title: { startsWith: 'Nâng tỷ lệ hồ sơ đất đai' } },
      });
      const expected = built.tasks.find((t) => t.seed.key === 'land-online-dossiers');
      expect(task.deadline.toISOString()).toBe(expected?.deadline.toISOString());
    } finally {
      await other.close();
    }
  });

  test('refuses a today before the demo history ends', async () => {
    await expect(loadDemoData(db.prisma, { today: new Date('2025-06-01T00:00:00Z') })).rejects.toThrow(RangeError);
  });
});
