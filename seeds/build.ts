// The pure half of the loader: derives and checks everything computed from the seed data (task
// timelines, index scores, plan targets) before a transaction is opened.
import { IndexLevel, ScoringMethod, UnitKind } from '../generated/prisma/client.ts';
import { demoAccounts } from './data/accounts.ts';
import { communeResults, districtResults, frameworks, type FrameworkSeed, type ResultSeed } from './data/par-index.ts';
import { headships } from './data/people.ts';
import { plans, type PlanSeed } from './data/plans.ts';
import { tasks } from './data/tasks.ts';
import { units } from './data/units.ts';
import { day } from './dates.ts';
import { distribute, fieldMaxCents, frameworkMaxCents, scoreResult, toCents } from './scores.ts';
import { buildTaskTimeline, type TaskTimeline, type UnitInfo } from './timeline.ts';

export const indexResults: readonly ResultSeed[] = [...districtResults, ...communeResults];

export const frameworkKey = (level: IndexLevel, year: number): string => `${level}|${year}`;
export const resultKey = (unit: string, level: IndexLevel, year: number): string => `${unit}|${level}|${year}`;

export interface DemoData {
  tasks: TaskTimeline[];
  /** Node scores in cents by resultKey, then node code. */
  scores: Map<string, Map<string, number>>;
  /** Target points in cents per field code, by plan. */
  planTargets: Map<PlanSeed, Map<string, number>>;
}

const levelOfKind: Partial<Record<UnitKind, IndexLevel>> = {
  [UnitKind.DISTRICT]: IndexLevel.DISTRICT,
  [UnitKind.AGENCY]: IndexLevel.AGENCY,
  [UnitKind.COMMUNE]: IndexLevel.COMMUNE,
  [UnitKind.TOWNSHIP]: IndexLevel.COMMUNE,
};

/** Framework rules: 8 fields of 2–4 criteria, 100 points, 32 of them surveyed. */
export function checkFramework(framework: FrameworkSeed): void {
  const name = `${framework.level} ${framework.year}`;
  if (framework.fields.length !== 8) throw new Error(`Framework ${name} needs 8 fields`);
  for (const field of framework.fields) {
    if (field.criteria.length < 2 || field.criteria.length > 4) {
      throw new Error(`Field ${field.code} of ${name} needs 2 to 4 criteria`);
    }
    for (const criterion of field.criteria) {
      if (!criterion.code.startsWith(`${field.code}.`)) throw new Error(`${criterion.code} is not under ${field.code}`);
      if (criterion.maxPoints <= 0) throw new Error(`${criterion.code} of ${name} has no points`);
    }
  }
  if (frameworkMaxCents(framework) !== 10_000) throw new Error(`Framework ${name} does not total 100 points`);
  const surveyCents = framework.fields
    .flatMap((field) => field.criteria)
    .filter((criterion) => criterion.method === ScoringMethod.SURVEY)
    .reduce((sum, criterion) => sum + toCents(criterion.maxPoints), 0);
  if (surveyCents !== 3_200) throw new Error(`Framework ${name} has ${surveyCents / 100} survey points, not 32`);
}

export function buildDemoData(today: Date): DemoData {
  const unitInfo = new Map<string, UnitInfo>(
    units.map((unit) => [
      unit.code,
      {
        name: unit.name,
        establishedOn: 'establishedOn' in unit ? day(unit.establishedOn) : undefined,
        dissolvedOn: 'dissolvedOn' in unit ? day(unit.dissolvedOn) : undefined,
      },
    ]),
  );
  const unitKind = new Map<string, UnitKind>(units.map((unit) => [unit.code, unit.kind]));

  const keys = new Set<string>();
  const timelines = tasks.map((seed) => {
    if (keys.has(seed.key)) throw new Error(`Duplicate task key ${seed.key}`);
    keys.add(seed.key);
    return buildTaskTimeline(seed, today, unitInfo);
  });

  const frameworkByKey = new Map<string, FrameworkSeed>();
  for (const framework of frameworks) {
    checkFramework(framework);
    frameworkByKey.set(frameworkKey(framework.level, framework.year), framework);
  }

  const scores = new Map<string, Map<string, number>>();
  for (const result of indexResults) {
    const framework = frameworkByKey.get(frameworkKey(result.level, result.year));
    if (!framework) throw new Error(`No ${result.level} framework for ${result.year}`);
    if (levelOfKind[unitKind.get(result.unit) ?? UnitKind.COMMITTEE] !== result.level) {
      throw new Error(`${result.unit} is not scored at the ${result.level} level`);
    }
    const key = resultKey(result.unit, result.level, result.year);
    if (scores.has(key)) throw new Error(`Duplicate index result ${key}`);
    scores.set(key, scoreResult(framework, result));
  }

  // Plans aim above the result they analyse; the gain falls on the fields that lost the most.
  const planTargets = new Map<PlanSeed, Map<string, number>>();
  for (const plan of plans) {
    const { level, year } = plan.basedOn;
    const framework = frameworkByKey.get(frameworkKey(level, year));
    const result = indexResults.find((row) => row.unit === plan.unit && row.level === level && row.year === year);
    const resultScores = scores.get(resultKey(plan.unit, level, year));
    if (!framework || !result || !resultScores) throw new Error(`Plan of ${plan.unit} has no result to build on`);
    if (plan.targetPercent <= result.percent)
      throw new Error(`Plan of ${plan.unit} does not aim above ${result.percent}%`);
    if (plan.year <= year) throw new Error(`Plan of ${plan.unit} is not for a later year`);
    const nodeCodes = new Set(framework.fields.flatMap((field) => [field.code, ...field.criteria.map((c) => c.code)]));
    for (const action of plan.actions) {
      if (!nodeCodes.has(action.node)) throw new Error(`Plan action aims at unknown node ${action.node}`);
      for (const key of action.tasks) if (!keys.has(key)) throw new Error(`Plan action names unknown task ${key}`);
    }
    const lost = framework.fields.map((field) => fieldMaxCents(field) - (resultScores.get(field.code) ?? 0));
    const gain = toCents(plan.targetPercent) - toCents(result.percent);
    const extra = distribute(gain, lost, lost);
    planTargets.set(
      plan,
      new Map(
        framework.fields.map((field, index) => [field.code, (resultScores.get(field.code) ?? 0) + (extra[index] ?? 0)]),
      ),
    );
  }

  for (const account of demoAccounts) {
    if (account.currentHead && !headships.some((term) => term.unit === account.unitCode && !term.end)) {
      throw new Error(`Account ${account.username} needs a current head of ${account.unitCode ?? 'its unit'}`);
    }
  }

  return { tasks: timelines, scores, planTargets };
}
