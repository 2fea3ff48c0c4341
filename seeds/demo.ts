// Loads the demo data of Đạ Tẻh district: Resolution 14-NQ/TU, its targets, units and heads,
// tasks with their timelines, PAR index frameworks and results, satisfaction, improvement plans
// and demo accounts. Facts from the source article are stored as such; everything else is marked
// illustrative. See seeds/data/ for the data and seeds/build.ts for what is derived from it.
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import { hashPassword } from './api.ts';
import { demoAccounts, demoPassword, reviewerAccount, secretariatAccount } from './data/accounts.ts';
import { frameworks } from './data/par-index.ts';
import { headships, people } from './data/people.ts';
import { plans } from './data/plans.ts';
import { objectives, reformAreas, resolution, resolutionCode } from './data/resolution.ts';
import { satisfactionResults } from './data/satisfaction.ts';
import { targets } from './data/targets.ts';
import { units } from './data/units.ts';
import { atVietnamTime, calendarDay, day } from './dates.ts';
import { buildDemoData, frameworkKey, indexResults, resultKey, type DemoData } from './build.ts';
import { fromCents, toCents } from './scores.ts';

export { demoAccounts, demoPassword, resolutionCode };

/**
 * The demo includes the 2025 index results (published early 2026) and the plan approved on
 * 2026-03-27, so it cannot be loaded as of an earlier day.
 */
export const earliestDemoToday = '2026-04-01';

type Tx = Prisma.TransactionClient;

/**
 * Loads the demo data in one transaction and returns true, or returns false without changing
 * anything when it is already present (Resolution 14-NQ/TU exists). `today` (default: now) is
 * read as its calendar day in Asia/Ho_Chi_Minh; open tasks' dates are relative to it.
 */
export async function loadDemoData(prisma: PrismaClient, options: { today?: Date } = {}): Promise<boolean> {
  const today = calendarDay(options.today ?? new Date());
  if (today < day(earliestDemoToday)) {
    throw new RangeError(`The demo data needs today on or after ${earliestDemoToday}`);
  }
  const data = buildDemoData(today);
  if (await isLoaded(prisma)) return false;
  // Hashed once, outside the transaction: argon2 is deliberately slow.
  const passwordHash = await hashPassword(demoPassword);
  return prisma.$transaction(
    async (tx) => {
      if (await isLoaded(tx)) return false;
      await insertDemoData(tx, data, passwordHash);
      return true;
    },
    { timeout: 120_000, maxWait: 120_000 },
  );
}

async function isLoaded(client: Tx): Promise<boolean> {
  const found = await client.resolution.findUnique({ where: { code: resolutionCode }, select: { id: true } });
  return found !== null;
}

function lookup<K, V>(map: ReadonlyMap<K, V>, key: K, what: string): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`Demo data: unknown ${what} ${String(key)}`);
  return value;
}

const optionalDay = (iso: string | undefined): Date | null => (iso === undefined ? null : day(iso));

async function insertDemoData(tx: Tx, data: DemoData, passwordHash: string): Promise<void> {
  // Resolution, reform areas, objectives.
  const { id: resolutionId } = await tx.resolution.create({
    data: { ...resolution, issuedOn: day(resolution.issuedOn) },
    select: { id: true },
  });
  await tx.reformArea.createMany({
    data: reformAreas.map((area, index) => ({ ...area, sortOrder: index + 1 })),
  });
  const areaIds = new Map(
    (await tx.reformArea.findMany({ select: { id: true, code: true } })).map((area) => [area.code, area.id]),
  );
  await tx.objective.createMany({
    data: objectives.map((objective, index) => ({
      resolutionId,
      reformAreaId: lookup(areaIds, objective.area, 'reform area'),
      code: objective.code,
      title: objective.title,
      description: 'description' in objective ? objective.description : null,
      sortOrder: index + 1,
    })),
  });
  const objectiveIds = new Map(
    (await tx.objective.findMany({ where: { resolutionId }, select: { id: true, code: true } })).map((o) => [
      o.code,
      o.id,
    ]),
  );

  // Units: parents first, successors linked once all exist.
  const unitIds = new Map<string, number>();
  for (const [index, unit] of units.entries()) {
    const created = await tx.unit.create({
      data: {
        code: unit.code,
        name: unit.name,
        kind: unit.kind,
        parentId: 'parent' in unit ? lookup(unitIds, unit.parent, 'parent unit') : null,
        establishedOn: optionalDay('establishedOn' in unit ? unit.establishedOn : undefined),
        dissolvedOn: optionalDay('dissolvedOn' in unit ? unit.dissolvedOn : undefined),
        sortOrder: index + 1,
      },
      select: { id: true },
    });
    unitIds.set(unit.code, created.id);
  }
  for (const unit of units) {
    if (!('successor' in unit)) continue;
    await tx.unit.update({
      where: { id: lookup(unitIds, unit.code, 'unit') },
      data: { successorId: lookup(unitIds, unit.successor, 'successor unit') },
    });
  }

  // People (all invented) and their terms as heads.
  const personIds = new Map<string, number>();
  for (const person of people) {
    const created = await tx.person.create({
      data: { fullName: person.fullName, illustrative: true },
      select: { id: true },
    });
    personIds.set(person.key, created.id);
  }
  await tx.headship.createMany({
    data: headships.map((term) => ({
      unitId: lookup(unitIds, term.unit, 'unit'),
      personId: lookup(personIds, term.person, 'person'),
      title: term.title,
      startDate: day(term.start),
      endDate: optionalDay(term.end),
      acting: term.acting ?? false,
    })),
  });

  // Accounts; a unit head's account is linked to the unit's current head.
  const accountIds = new Map<string, number>();
  for (const account of demoAccounts) {
    const currentHead = account.currentHead
      ? headships.find((term) => term.unit === account.unitCode && term.end === undefined)
      : undefined;
    const created = await tx.account.create({
      data: {
        username: account.username,
        displayName: account.displayName,
        passwordHash,
        role: account.role,
        unitId: account.unitCode ? lookup(unitIds, account.unitCode, 'unit') : null,
        personId: currentHead ? lookup(personIds, currentHead.person, 'person') : null,
      },
      select: { id: true },
    });
    accountIds.set(account.username, created.id);
  }
  const accountId = (username: string): number => lookup(accountIds, username, 'account');

  // Targets and their yearly values.
  for (const target of targets) {
    await tx.target.create({
      data: {
        objectiveId: lookup(objectiveIds, target.objective, 'objective'),
        unitId: target.unit ? lookup(unitIds, target.unit, 'unit') : null,
        code: target.code,
        indicator: target.indicator,
        measure: target.measure,
        comparator: target.comparator,
        metric: target.metric,
        sector: target.sector ?? null,
        baselineValue: target.baseline?.value ?? null,
        baselineYear: target.baseline?.year ?? null,
        targetValue: target.targetValue,
        targetYear: target.targetYear,
        source: target.source,
        years: {
          create: target.years.map((year) => ({
            year: year.year,
            plannedValue: year.planned ?? null,
            actualValue: year.actual ?? null,
            note: year.note ?? null,
            illustrative: year.illustrative,
          })),
        },
      },
    });
  }

  // PAR index frameworks: fields (whose maxima are their criteria's sum), then criteria.
  const frameworkIds = new Map<string, number>();
  const nodeIds = new Map<string, Map<string, number>>();
  for (const framework of frameworks) {
    const key = frameworkKey(framework.level, framework.year);
    const { id: frameworkId } = await tx.indexFramework.create({
      data: { level: framework.level, year: framework.year, name: framework.name, source: framework.source },
      select: { id: true },
    });
    frameworkIds.set(key, frameworkId);
    for (const [index, field] of framework.fields.entries()) {
      const { id: parentId } = await tx.indexNode.create({
        data: {
          frameworkId,
          code: field.code,
          name: field.name,
          maxPoints: fromCents(field.criteria.reduce((sum, c) => sum + toCents(c.maxPoints), 0)),
          reformAreaId: lookup(areaIds, field.area, 'reform area'),
          sortOrder: index + 1,
        },
        select: { id: true },
      });
      await tx.indexNode.createMany({
        data: field.criteria.map((criterion, position) => ({
          frameworkId,
          parentId,
          code: criterion.code,
          name: criterion.name,
          maxPoints: criterion.maxPoints,
          method: criterion.method,
          sortOrder: position + 1,
        })),
      });
    }
    const nodes = await tx.indexNode.findMany({ where: { frameworkId }, select: { id: true, code: true } });
    nodeIds.set(key, new Map(nodes.map((node) => [node.code, node.id])));
  }

  // Index results with a score for every node.
  for (const result of indexResults) {
    const key = frameworkKey(result.level, result.year);
    const nodes = lookup(nodeIds, key, 'framework');
    const scores = lookup(data.scores, resultKey(result.unit, result.level, result.year), 'result');
    await tx.indexResult.create({
      data: {
        unitId: lookup(unitIds, result.unit, 'unit'),
        frameworkId: lookup(frameworkIds, key, 'framework'),
        publishedPercent: result.percent,
        publishedRank: result.rank ?? null,
        publishedOf: result.of ?? null,
        publishedOn: optionalDay(result.publishedOn),
        source: result.source,
        illustrative: result.illustrative,
        scores: {
          createMany: {
            data: [...scores].map(([code, cents]) => ({
              nodeId: lookup(nodes, code, 'index node'),
              points: fromCents(cents),
              // The breakdown by criterion is never published in the article.
              illustrative: true,
            })),
          },
        },
      },
    });
  }

  await tx.satisfactionResult.createMany({
    data: satisfactionResults.map((row) => ({
      unitId: lookup(unitIds, row.unit, 'unit'),
      year: row.year,
      sector: row.sector,
      element: row.element,
      satisfactionPercent: row.satisfaction,
      perceptionPercent: row.perception ?? null,
      expectationPercent: row.expectation ?? null,
      respondents: row.respondents ?? null,
      illustrative: true,
    })),
  });

  // Tasks, then their timelines in bulk.
  const taskIds = new Map<string, number>();
  const events: Prisma.TaskEventCreateManyInput[] = [];
  const evidence: Prisma.EvidenceCreateManyInput[] = [];
  const extensions: Prisma.DeadlineExtensionCreateManyInput[] = [];
  for (const task of data.tasks) {
    const { seed } = task;
    const { id: taskId } = await tx.task.create({
      data: {
        title: seed.title,
        description: seed.description,
        objectiveId: lookup(objectiveIds, seed.objective, 'objective'),
        leadUnitId: lookup(unitIds, seed.lead, 'unit'),
        supportingUnits: { connect: (seed.support ?? []).map((code) => ({ id: lookup(unitIds, code, 'unit') })) },
        startDate: task.startDate,
        deadline: task.deadline,
        originalDeadline: task.originalDeadline,
        completedOn: task.completedOn,
        submittedAt: task.submittedAt,
        statusReason: task.statusReason,
        status: seed.status,
        progress: seed.progress,
        priority: seed.priority,
        version: task.version,
        illustrative: true,
        createdById: accountId(secretariatAccount),
        createdAt: task.createdAt,
        updatedAt: task.updatedAt,
      },
      select: { id: true },
    });
    taskIds.set(seed.key, taskId);
    for (const event of task.events) {
      events.push({
        taskId,
        type: event.type,
        actorId: accountId(event.actor),
        at: event.at,
        fromStatus: event.fromStatus ?? null,
        toStatus: event.toStatus ?? null,
        changes: event.changes,
        note: event.note ?? null,
      });
    }
    for (const item of task.evidence) {
      evidence.push({
        taskId,
        kind: item.kind,
        title: item.title,
        documentNumber: item.documentNumber ?? null,
        documentDate: item.documentDate ?? null,
        issuer: item.issuer ?? null,
        url: item.url ?? null,
        submittedById: accountId(item.submittedBy),
        submittedAt: item.submittedAt,
        reviewStatus: item.reviewStatus,
        reviewedById: item.reviewedBy ? accountId(item.reviewedBy) : null,
        reviewedAt: item.reviewedAt ?? null,
        reviewNote: item.reviewNote ?? null,
      });
    }
    if (task.extension) {
      const request = task.extension;
      extensions.push({
        taskId,
        requestedById: accountId(request.requestedBy),
        requestedAt: request.requestedAt,
        previousDeadline: request.previousDeadline,
        requestedDeadline: request.requestedDeadline,
        reason: request.reason,
        status: request.status,
        decidedById: request.decidedBy ? accountId(request.decidedBy) : null,
        decidedAt: request.decidedAt ?? null,
        decisionNote: request.decisionNote ?? null,
      });
    }
  }
  await tx.taskEvent.createMany({ data: events });
  await tx.evidence.createMany({ data: evidence });
  await tx.deadlineExtension.createMany({ data: extensions });

  // Improvement plans: field targets from build.ts, actions linked to tasks.
  for (const plan of plans) {
    const key = frameworkKey(plan.basedOn.level, plan.basedOn.year);
    const nodes = lookup(nodeIds, key, 'framework');
    const fieldTargets = lookup(data.planTargets, plan, 'plan');
    const approved = plan.approvedOn !== undefined;
    await tx.improvementPlan.create({
      data: {
        unitId: lookup(unitIds, plan.unit, 'unit'),
        year: plan.year,
        targetPercent: plan.targetPercent,
        analysis: plan.analysis,
        status: plan.status,
        approvedById: approved ? accountId(reviewerAccount) : null,
        approvedAt: plan.approvedOn ? atVietnamTime(day(plan.approvedOn), 15) : null,
        illustrative: true,
        targets: {
          create: [...fieldTargets].map(([code, cents]) => ({
            nodeId: lookup(nodes, code, 'index node'),
            targetPoints: fromCents(cents),
          })),
        },
        actions: {
          create: plan.actions.map((action, index) => ({
            nodeId: lookup(nodes, action.node, 'index node'),
            title: action.title,
            description: action.description,
            sortOrder: index + 1,
            tasks: { connect: action.tasks.map((taskKey) => ({ id: lookup(taskIds, taskKey, 'task') })) },
          })),
        },
      },
    });
  }
}
