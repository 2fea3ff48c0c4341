// Improvement plans (kế hoạch nâng cao chỉ số CCHC): a unit head drafts the unit's plan for a year,
// submits it, and the committee approves or returns it. Every write names the version it read and
// moves it on; the rules (who, from which status, what the targets and actions may name) are plain
// functions, checked before anything is written.
import {
  Prisma,
  type ImprovementPlan,
  type IndexLevel,
  type PlanStatus,
  type UnitKind,
} from '../../generated/prisma/client.ts';
import { viewerOf, type Viewer } from '../context.ts';
import {
  ConflictError,
  ForbiddenError,
  InvalidTransitionError,
  NotFoundError,
  ValidationError,
  type FieldProblem,
} from '../errors.ts';
import { created, updated, type AuditRecord, type Changes } from './audit.ts';
import type { Write } from './mutation.ts';
import { allowedActions, type Rules } from './rules.ts';

export interface PlanTargetInput {
  nodeId: number;
  targetPoints: number;
}

export interface PlanActionInput {
  nodeId?: number | null;
  title: string;
  description?: string | null;
  taskIds?: readonly number[] | null;
}

/** What an update may change; omitted fields stay, given lists replace the whole list. */
export interface PlanContent {
  targetPercent?: number;
  analysis?: string | null;
  targets?: readonly PlanTargetInput[];
  actions?: readonly PlanActionInput[];
}

export interface NewPlan extends PlanContent {
  unitId: number;
  year: number;
  targetPercent: number;
}

export type PlanSelection = { include?: Prisma.ImprovementPlanInclude; select?: Prisma.ImprovementPlanSelect };

// ---------------------------------------------------------------- who may do what, from which status

export const planActions = ['CREATE', 'EDIT', 'SUBMIT', 'APPROVE', 'RETURN'] as const;
export type PlanAction = (typeof planActions)[number];

/** How the viewer stands to a plan: the secretariat, the committee, the head of its unit, or neither. */
export type PlanParty = 'ADMIN' | 'COMMITTEE' | 'UNIT_HEAD' | 'OTHER';

const withTheUnit: readonly PlanStatus[] = ['DRAFT', 'RETURNED'];

export const planRules: Rules<PlanAction, PlanParty, PlanStatus> = {
  CREATE: { parties: ['ADMIN', 'UNIT_HEAD'], from: [], to: 'DRAFT' },
  EDIT: { parties: ['ADMIN', 'UNIT_HEAD'], from: withTheUnit },
  SUBMIT: { parties: ['ADMIN', 'UNIT_HEAD'], from: withTheUnit, to: 'SUBMITTED' },
  APPROVE: { parties: ['ADMIN', 'COMMITTEE'], from: ['SUBMITTED'], to: 'APPROVED' },
  RETURN: { parties: ['ADMIN', 'COMMITTEE'], from: ['SUBMITTED'], to: 'RETURNED' },
};

/** The steps on an existing plan, as opposed to drafting one. */
export type PlanStep = Exclude<PlanAction, 'CREATE'>;

export function planPartyOf(viewer: Pick<Viewer, 'role' | 'unitId'>, plan: { unitId: number }): PlanParty {
  if (viewer.role === 'ADMIN') return 'ADMIN';
  if (viewer.role === 'COMMITTEE') return 'COMMITTEE';
  if (viewer.role === 'UNIT_HEAD' && viewer.unitId !== null && viewer.unitId === plan.unitId) return 'UNIT_HEAD';
  return 'OTHER';
}

/** May the viewer draft a plan for this unit? The secretariat for any unit, a head for their own. */
export function mayDraftFor(viewer: Pick<Viewer, 'role' | 'unitId'>, unitId: number): boolean {
  return planRules.CREATE.parties.includes(planPartyOf(viewer, { unitId }));
}

/** What the viewer may do to the plan now. */
export function allowedPlanActions(
  viewer: Pick<Viewer, 'role' | 'unitId'> | null,
  plan: Pick<ImprovementPlan, 'unitId' | 'status'>,
): PlanStep[] {
  if (!viewer) return [];
  return allowedActions(planRules, planPartyOf(viewer, plan), plan.status).filter(
    (action): action is PlanStep => action !== 'CREATE',
  );
}

/** A plan step its status does not allow. */
export class PlanTransitionError extends InvalidTransitionError {
  constructor(action: PlanStep, status: PlanStatus, allowedFrom: readonly PlanStatus[]) {
    super(action, status, allowedFrom);
    this.message = `Cannot ${action.toLowerCase()} an improvement plan that is ${status}; only from ${allowedFrom.join(' or ')}`;
  }
}

/**
 * Refuses a step the viewer may not take (FORBIDDEN), on an outdated version (CONFLICT) or from a
 * status that does not allow it (INVALID_TRANSITION); returns the status the plan moves to, if any.
 */
export function assertPlanAction(
  viewer: Pick<Viewer, 'role' | 'unitId'>,
  plan: Pick<ImprovementPlan, 'id' | 'unitId' | 'status' | 'version'>,
  action: PlanStep,
  version: number,
): PlanStatus | undefined {
  const rule = planRules[action];
  if (!rule.parties.includes(planPartyOf(viewer, plan))) {
    throw new ForbiddenError(`You may not ${action.toLowerCase()} ImprovementPlan:${plan.id}`);
  }
  if (plan.version !== version) throw new ConflictError('ImprovementPlan', `ImprovementPlan:${plan.id}`, plan.version);
  if (!rule.from.includes(plan.status)) throw new PlanTransitionError(action, plan.status, rule.from);
  return rule.to;
}

// ---------------------------------------------------------------- what targets and actions may name

/** The index level a unit of this kind is scored at; null for bodies the PAR index does not score. */
export function levelOfUnitKind(kind: UnitKind): IndexLevel | null {
  const levels: Partial<Record<UnitKind, IndexLevel>> = {
    DISTRICT: 'DISTRICT',
    AGENCY: 'AGENCY',
    COMMUNE: 'COMMUNE',
    TOWNSHIP: 'COMMUNE',
  };
  return levels[kind] ?? null;
}

export interface NodeFacts {
  id: number;
  code: string;
  maxPoints: Prisma.Decimal;
  framework: { year: number; level: IndexLevel };
}

export interface TaskFacts {
  id: number;
  leadUnitId: number;
  /** The parent of the lead unit: a district's plan carries the tasks of its agencies and communes. */
  leadUnitParentId: number | null;
}

export interface PlanFacts {
  unitId: number;
  year: number;
  /** The level the plan's unit is scored at; null skips the level check. */
  level: IndexLevel | null;
  nodes: ReadonlyMap<number, NodeFacts>;
  tasks: ReadonlyMap<number, TaskFacts>;
}

function nodeProblem(facts: PlanFacts, nodeId: number): string | null {
  const node = facts.nodes.get(nodeId);
  if (!node) return `IndexNode:${nodeId} does not exist`;
  // A plan is drawn up from the last result, often before the year's own structure is published.
  if (node.framework.year !== facts.year && node.framework.year !== facts.year - 1) {
    return `IndexNode:${nodeId} (${node.code}) belongs to the ${node.framework.year} framework; a plan for ${facts.year} uses the ${facts.year} or ${facts.year - 1} one`;
  }
  if (facts.level && node.framework.level !== facts.level) {
    return `IndexNode:${nodeId} (${node.code}) belongs to the ${node.framework.level} framework; the unit is scored at ${facts.level} level`;
  }
  return null;
}

/** Every problem of the targets and actions, each naming its input field; empty when all is well. */
export function planContentProblems(
  content: Pick<PlanContent, 'targets' | 'actions'>,
  facts: PlanFacts,
  prefix = 'input',
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seenNodes = new Set<number>();
  (content.targets ?? []).forEach((target, i) => {
    const field = `${prefix}.targets.${i}`;
    if (seenNodes.has(target.nodeId)) {
      problems.push({
        field: `${field}.nodeId`,
        message: `IndexNode:${target.nodeId} is named twice; one target per node`,
      });
      return;
    }
    seenNodes.add(target.nodeId);
    const problem = nodeProblem(facts, target.nodeId);
    if (problem) {
      problems.push({ field: `${field}.nodeId`, message: problem });
      return;
    }
    const node = facts.nodes.get(target.nodeId) as NodeFacts;
    if (target.targetPoints < 0 || node.maxPoints.lessThan(target.targetPoints)) {
      problems.push({
        field: `${field}.targetPoints`,
        message: `Must be from 0 to ${node.maxPoints.toString()}, the most node ${node.code} gives`,
      });
    }
  });
  (content.actions ?? []).forEach((action, i) => {
    const field = `${prefix}.actions.${i}`;
    if (action.nodeId != null) {
      const problem = nodeProblem(facts, action.nodeId);
      if (problem) problems.push({ field: `${field}.nodeId`, message: problem });
    }
    const seenTasks = new Set<number>();
    (action.taskIds ?? []).forEach((taskId, j) => {
      const taskField = `${field}.taskIds.${j}`;
      const task = facts.tasks.get(taskId);
      if (seenTasks.has(taskId)) problems.push({ field: taskField, message: `Task:${taskId} is named twice` });
      else if (!task) problems.push({ field: taskField, message: `Task:${taskId} does not exist` });
      else if (task.leadUnitId !== facts.unitId && task.leadUnitParentId !== facts.unitId) {
        problems.push({
          field: taskField,
          message: `Task:${taskId} is led by another unit; link tasks of the unit or of the units under it`,
        });
      }
      seenTasks.add(taskId);
    });
  });
  return problems;
}

async function loadFacts(
  tx: Prisma.TransactionClient,
  plan: { unitId: number; year: number; level: IndexLevel | null },
  content: Pick<PlanContent, 'targets' | 'actions'>,
): Promise<PlanFacts> {
  const nodeIds = [
    ...(content.targets ?? []).map((t) => t.nodeId),
    ...(content.actions ?? []).flatMap((a) => (a.nodeId != null ? [a.nodeId] : [])),
  ];
  const taskIds = (content.actions ?? []).flatMap((a) => a.taskIds ?? []);
  // One query at a time: a transaction's queries share one connection.
  const nodes = nodeIds.length
    ? await tx.indexNode.findMany({
        where: { id: { in: [...new Set(nodeIds)] } },
        select: { id: true, code: true, maxPoints: true, framework: { select: { year: true, level: true } } },
      })
    : [];
  const tasks = taskIds.length
    ? await tx.task.findMany({
        where: { id: { in: [...new Set(taskIds)] } },
        select: { id: true, leadUnitId: true, leadUnit: { select: { parentId: true } } },
      })
    : [];
  return {
    ...plan,
    nodes: new Map(nodes.map((n) => [n.id, n])),
    tasks: new Map(
      tasks.map((t) => [t.id, { id: t.id, leadUnitId: t.leadUnitId, leadUnitParentId: t.leadUnit.parentId }]),
    ),
  };
}

async function assertContent(
  tx: Prisma.TransactionClient,
  plan: { unitId: number; year: number; level: IndexLevel | null },
  content: PlanContent,
): Promise<void> {
  if (!content.targets?.length && !content.actions?.length) return;
  const problems = planContentProblems(content, await loadFacts(tx, plan, content));
  if (problems.length) throw new ValidationError(problems);
}

// ---------------------------------------------------------------- audit summaries of the lists

const points = (value: number | Prisma.Decimal) => new Prisma.Decimal(value).toString();

/** Targets as "nodeId:points", by node id. */
export function targetSummary(targets: readonly { nodeId: number; targetPoints: number | Prisma.Decimal }[]) {
  return [...targets].sort((a, b) => a.nodeId - b.nodeId).map((t) => `${t.nodeId}:${points(t.targetPoints)}`);
}

/** Actions as their titles, in plan order. */
export function actionSummary(actions: readonly { title: string }[]) {
  return actions.map((a) => a.title);
}

/** Everything an action says, to tell whether a replacement list changed anything. */
function actionFingerprint(actions: readonly PlanActionInput[]) {
  return JSON.stringify(
    actions.map((a) => [
      a.nodeId ?? null,
      a.title,
      a.description ?? null,
      [...(a.taskIds ?? [])].sort((x, y) => x - y),
    ]),
  );
}

// ---------------------------------------------------------------- writes

const storedPlan = {
  include: {
    unit: { select: { kind: true } },
    targets: { select: { nodeId: true, targetPoints: true } },
    actions: {
      orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }],
      select: { nodeId: true, title: true, description: true, tasks: { select: { id: true } } },
    },
  },
} as const satisfies { include: Prisma.ImprovementPlanInclude };

type StoredPlan = Prisma.ImprovementPlanGetPayload<typeof storedPlan>;

async function loadPlan(tx: Prisma.TransactionClient, id: number): Promise<StoredPlan> {
  const plan = await tx.improvementPlan.findUnique({ ...storedPlan, where: { id } });
  if (!plan) throw new NotFoundError('ImprovementPlan', `ImprovementPlan:${id}`);
  return plan;
}

/** The plan's own columns, without the relations loaded with it. */
function columns(plan: StoredPlan): ImprovementPlan {
  const { unit: _unit, targets: _targets, actions: _actions, ...row } = plan;
  return row;
}

const actionRows = (actions: readonly PlanActionInput[]) =>
  actions.map((action, index) => ({
    nodeId: action.nodeId ?? null,
    title: action.title,
    description: action.description ?? null,
    sortOrder: index + 1,
    tasks: { connect: [...new Set(action.taskIds ?? [])].map((id) => ({ id })) },
  }));

function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { name?: unknown }).name === 'PrismaClientKnownRequestError' &&
    (error as { code?: unknown }).code === 'P2002'
  );
}

function alreadyPlanned(year: number, existingId?: number): ValidationError {
  const which = existingId ? ` (ImprovementPlan:${existingId})` : '';
  return ValidationError.field('input.year', `The unit already has an improvement plan for ${year}${which}`);
}

export async function createPlan(w: Write, plan: NewPlan, select: PlanSelection) {
  const viewer = viewerOf(w);
  if (!mayDraftFor(viewer, plan.unitId)) {
    throw new ForbiddenError("A unit head drafts only their own unit's improvement plan");
  }
  const unit = await w.tx.unit.findUnique({ where: { id: plan.unitId } });
  if (!unit) throw ValidationError.field('input.unitId', `Unit:${plan.unitId} does not exist`);
  if (unit.dissolvedOn && unit.dissolvedOn <= w.today) {
    throw ValidationError.field('input.unitId', `Unit:${plan.unitId} no longer exists; plan for its successor`);
  }
  const existing = await w.tx.improvementPlan.findUnique({
    where: { unitId_year: { unitId: plan.unitId, year: plan.year } },
    select: { id: true },
  });
  if (existing) throw alreadyPlanned(plan.year, existing.id);
  await assertContent(w.tx, { unitId: plan.unitId, year: plan.year, level: levelOfUnitKind(unit.kind) }, plan);

  const targets = plan.targets ?? [];
  const actions = plan.actions ?? [];
  let row: ImprovementPlan;
  try {
    row = await w.tx.improvementPlan.create({
      data: {
        unitId: plan.unitId,
        year: plan.year,
        targetPercent: plan.targetPercent,
        analysis: plan.analysis ?? null,
        targets: { create: targets.map((t) => ({ nodeId: t.nodeId, targetPoints: t.targetPoints })) },
        actions: { create: actionRows(actions) },
      },
    });
  } catch (error) {
    // Another request created the unit's plan for the year after our look.
    if (isUniqueViolation(error)) throw alreadyPlanned(plan.year);
    throw error;
  }
  const record = created('ImprovementPlan', row);
  record.changes = {
    ...record.changes,
    ...(targets.length && { targets: { before: null, after: targetSummary(targets) } }),
    ...(actions.length && { actions: { before: null, after: actionSummary(actions) } }),
  };
  w.audit(record);
  return w.tx.improvementPlan.findUniqueOrThrow({ ...select, where: { id: row.id } });
}

/**
 * Writes the plan's columns guarded by the version read: a writer that read the same version and
 * committed first makes this one match no row, which is a CONFLICT.
 */
async function writePlan(w: Write, plan: StoredPlan, data: Prisma.ImprovementPlanUncheckedUpdateManyInput) {
  const { count } = await w.tx.improvementPlan.updateMany({
    where: { id: plan.id, version: plan.version },
    data: { ...data, version: { increment: 1 } },
  });
  if (count === 0) {
    const now = await w.tx.improvementPlan.findUnique({ where: { id: plan.id }, select: { version: true } });
    throw new ConflictError('ImprovementPlan', `ImprovementPlan:${plan.id}`, now?.version ?? plan.version + 1);
  }
}

function auditPlanChange(w: Write, before: StoredPlan, after: ImprovementPlan, more: Changes, note: string | null) {
  const record: AuditRecord = updated('ImprovementPlan', columns(before), after, note);
  record.changes = { ...record.changes, ...more };
  if (Object.keys(record.changes).length === 0) record.note ??= 'No field differed';
  w.audit(record);
}

export async function updatePlan(w: Write, id: number, version: number, change: PlanContent, select: PlanSelection) {
  const viewer = viewerOf(w);
  const plan = await loadPlan(w.tx, id);
  assertPlanAction(viewer, plan, 'EDIT', version);
  await assertContent(w.tx, { unitId: plan.unitId, year: plan.year, level: levelOfUnitKind(plan.unit.kind) }, change);

  const lists: Changes = {};
  if (change.targets) {
    const before = targetSummary(plan.targets);
    const after = targetSummary(change.targets);
    if (JSON.stringify(before) !== JSON.stringify(after)) lists.targets = { before, after };
  }
  const storedActions: PlanActionInput[] = plan.actions.map((a) => ({ ...a, taskIds: a.tasks.map((t) => t.id) }));
  const actionsDiffer =
    change.actions !== undefined && actionFingerprint(change.actions) !== actionFingerprint(storedActions);
  if (change.actions && actionsDiffer) {
    lists.actions = { before: actionSummary(plan.actions), after: actionSummary(change.actions) };
  }

  await writePlan(w, plan, {
    ...(change.targetPercent !== undefined && { targetPercent: change.targetPercent }),
    ...(change.analysis !== undefined && { analysis: change.analysis }),
  });
  if (lists.targets && change.targets) {
    await w.tx.improvementPlanTarget.deleteMany({ where: { planId: id } });
    await w.tx.improvementPlanTarget.createMany({
      data: change.targets.map((t) => ({ planId: id, nodeId: t.nodeId, targetPoints: t.targetPoints })),
    });
  }
  if (actionsDiffer && change.actions) {
    await w.tx.improvementAction.deleteMany({ where: { planId: id } });
    for (const action of actionRows(change.actions)) {
      await w.tx.improvementAction.create({ data: { ...action, planId: id } });
    }
  }
  const after = await w.tx.improvementPlan.findUniqueOrThrow({ where: { id } });
  auditPlanChange(w, plan, after, lists, null);
  return w.tx.improvementPlan.findUniqueOrThrow({ ...select, where: { id } });
}

/** A workflow step: checks, moves the status with what goes with it, audits with the note. */
async function step(
  w: Write,
  id: number,
  version: number,
  action: Exclude<PlanStep, 'EDIT'>,
  note: string | null,
  data: Prisma.ImprovementPlanUncheckedUpdateManyInput,
  select: PlanSelection,
) {
  const viewer = viewerOf(w);
  const plan = await loadPlan(w.tx, id);
  const to = assertPlanAction(viewer, plan, action, version);
  if (!to) throw new Error(`${action} is not a status change`);
  await writePlan(w, plan, { ...data, status: to });
  const after = await w.tx.improvementPlan.findUniqueOrThrow({ where: { id } });
  auditPlanChange(w, plan, after, {}, note);
  return w.tx.improvementPlan.findUniqueOrThrow({ ...select, where: { id } });
}

/** DRAFT or RETURNED → SUBMITTED for the committee's review. */
export function submitPlan(w: Write, id: number, version: number, select: PlanSelection) {
  return step(w, id, version, 'SUBMIT', null, {}, select);
}

/** SUBMITTED → APPROVED, recording who approved it, when, and the committee's note. */
export function approvePlan(w: Write, id: number, version: number, note: string | null, select: PlanSelection) {
  return step(
    w,
    id,
    version,
    'APPROVE',
    note,
    { approvedById: w.viewer?.accountId ?? null, approvedAt: w.now, reviewNote: note },
    select,
  );
}

/** SUBMITTED → RETURNED to the unit, with the reason as the review note. */
export function returnPlan(w: Write, id: number, version: number, reason: string, select: PlanSelection) {
  return step(w, id, version, 'RETURN', reason, { reviewNote: reason }, select);
}
