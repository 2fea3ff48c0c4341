// Creating and changing tasks: the rules, the optimistic version check, and the timeline event
// written in the same transaction as the change.
import type { Prisma, Task, TaskPriority } from '../../generated/prisma/client.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, type FieldProblem } from '../errors.ts';
import type { Changes } from './audit.ts';
import { formatDay } from './calendar.ts';
import type { Write } from './mutation.ts';
import { assertTaskAction } from './task-workflow.ts';

export interface TaskPlan {
  title?: string | null;
  description?: string | null;
  objectiveId?: number | null;
  leadUnitId?: number | null;
  supportingUnitIds?: number[] | null;
  startDate?: Date | null;
  deadline?: Date | null;
  priority?: TaskPriority | null;
  progress?: number | null;
}

export interface NewTask extends TaskPlan {
  title: string;
  objectiveId: number;
  leadUnitId: number;
  deadline: Date;
}

type Snapshot = Record<string, string | number | boolean | null | number[]>;

export type TaskSelection = { include?: Prisma.TaskInclude; select?: Prisma.TaskSelect };

function snapshot(task: Task, supportingUnitIds: number[]): Snapshot {
  return {
    title: task.title,
    description: task.description,
    objectiveId: task.objectiveId,
    leadUnitId: task.leadUnitId,
    supportingUnitIds: [...supportingUnitIds].sort((a, b) => a - b),
    startDate: formatDay(task.startDate),
    deadline: formatDay(task.deadline),
    priority: task.priority,
    progress: task.progress,
  };
}

function planSnapshot(plan: TaskPlan): Snapshot {
  const result: Snapshot = {};
  for (const [key, value] of Object.entries(plan) as [keyof TaskPlan, TaskPlan[keyof TaskPlan]][]) {
    if (value === undefined) continue;
    if (value instanceof Date) result[key] = formatDay(value);
    else if (Array.isArray(value)) result[key] = [...new Set(value)].sort((a, b) => a - b);
    else result[key] = value;
  }
  return result;
}

/** Field-by-field differences between the stored task and a requested change. */
export function diffTask(before: Snapshot, requested: Snapshot): Changes {
  const changes: Changes = {};
  for (const [field, after] of Object.entries(requested)) {
    const old = before[field] ?? null;
    if (JSON.stringify(old) !== JSON.stringify(after)) changes[field] = { before: old, after };
  }
  return changes;
}

/** The rules a task's plan must keep, checked before anything is written. */
export function checkTaskPlan(
  plan: { startDate: Date; deadline: Date; leadUnitId: number; supportingUnitIds: number[]; progress: number },
  prefix = 'input',
): void {
  const problems: FieldProblem[] = [];
  if (plan.deadline < plan.startDate) {
    problems.push({ field: `${prefix}.deadline`, message: 'The deadline cannot be before the start date' });
  }
  if (plan.supportingUnitIds.includes(plan.leadUnitId)) {
    problems.push({ field: `${prefix}.supportingUnitIds`, message: 'The lead unit cannot also be a supporting unit' });
  }
  if (plan.progress < 0 || plan.progress > 100) {
    problems.push({ field: `${prefix}.progress`, message: 'Progress is a percentage from 0 to 100' });
  }
  if (problems.length) throw new ValidationError(problems);
}

async function assertUnitsActive(tx: Prisma.TransactionClient, ids: number[], field: string, today: Date) {
  if (ids.length === 0) return;
  const units = await tx.unit.findMany({ where: { id: { in: ids } }, select: { id: true, dissolvedOn: true } });
  for (const id of ids) {
    const unit = units.find((u) => u.id === id);
    if (!unit) throw ValidationError.field(field, `Unit:${id} does not exist`);
    if (unit.dissolvedOn && unit.dissolvedOn <= today) {
      throw ValidationError.field(field, `Unit:${id} no longer exists; assign its successor instead`);
    }
  }
}

export async function createTask({ tx, viewer, today, now, audit }: Write, plan: NewTask, select: TaskSelection) {
  if (viewer?.role !== 'ADMIN') throw new ForbiddenError('Only the secretariat assigns tasks');
  const startDate = plan.startDate ?? today;
  const supportingUnitIds = [...new Set(plan.supportingUnitIds ?? [])];
  checkTaskPlan({
    startDate,
    deadline: plan.deadline,
    leadUnitId: plan.leadUnitId,
    supportingUnitIds,
    progress: plan.progress ?? 0,
  });
  await assertUnitsActive(tx, [plan.leadUnitId], 'input.leadUnitId', today);
  await assertUnitsActive(tx, supportingUnitIds, 'input.supportingUnitIds', today);
  const task = await tx.task.create({
    data: {
      title: plan.title,
      description: plan.description ?? null,
      objectiveId: plan.objectiveId,
      leadUnitId: plan.leadUnitId,
      supportingUnits: { connect: supportingUnitIds.map((id) => ({ id })) },
      startDate,
      deadline: plan.deadline,
      originalDeadline: plan.deadline,
      priority: plan.priority ?? 'NORMAL',
      progress: plan.progress ?? 0,
      status: (plan.progress ?? 0) > 0 ? 'IN_PROGRESS' : 'NOT_STARTED',
      createdById: viewer.accountId,
    },
  });
  const initial = snapshot(task, supportingUnitIds);
  await tx.taskEvent.create({
    data: {
      taskId: task.id,
      type: 'CREATED',
      actorId: viewer.accountId,
      at: now,
      toStatus: task.status,
      changes: initial,
    },
  });
  const changes: Changes = {};
  for (const [field, after] of Object.entries(initial)) changes[field] = { before: null, after };
  audit({ action: 'CREATE', entity: 'Task', entityId: task.id, changes });
  return tx.task.findUniqueOrThrow({ ...select, where: { id: task.id } });
}

/** The task as stored, with its supporting units, after checking the version the caller read. */
export async function loadTaskVersion(tx: Prisma.TransactionClient, id: number, version: number | null) {
  const task = await tx.task.findUnique({ where: { id }, include: { supportingUnits: { select: { id: true } } } });
  if (!task) throw new NotFoundError('Task', `Task:${id}`);
  if (version !== null && task.version !== version) throw new ConflictError('Task', `Task:${id}`, task.version);
  return { ...task, supportingUnitIds: task.supportingUnits.map((u) => u.id) };
}

export async function updateTask(
  { tx, viewer, today, now, audit }: Write,
  id: number,
  version: number,
  plan: TaskPlan,
  select: TaskSelection,
) {
  if (!viewer) throw new ForbiddenError();
  const current = await loadTaskVersion(tx, id, version);
  assertTaskAction(viewer, current, 'EDIT');

  const before = snapshot(current, current.supportingUnitIds);
  const changes = diffTask(before, planSnapshot(plan));
  const changed = Object.keys(changes);
  if (changed.length === 0) {
    audit({ action: 'UPDATE', entity: 'Task', entityId: id, changes: {}, note: 'No field differed' });
    return tx.task.findUniqueOrThrow({ ...select, where: { id } });
  }
  if (changes.deadline && current.status !== 'NOT_STARTED') {
    throw ValidationError.field(
      'input.deadline',
      'The deadline of a started task moves only through an approved extension request',
    );
  }
  // Once an extension was asked for, the original deadline is what reports measure against.
  if (changes.deadline) {
    const extensions = await tx.deadlineExtension.count({
      where: { taskId: id, status: { in: ['PENDING', 'APPROVED'] } },
    });
    if (extensions > 0) {
      throw ValidationError.field(
        'input.deadline',
        'The deadline moves only through extension requests once one was made for this task',
      );
    }
  }

  const supportingUnitIds = (changes.supportingUnitIds?.after as number[] | undefined) ?? null;
  const next = {
    startDate: plan.startDate ?? current.startDate,
    deadline: plan.deadline ?? current.deadline,
    leadUnitId: plan.leadUnitId ?? current.leadUnitId,
    supportingUnitIds: supportingUnitIds ?? current.supportingUnitIds,
    progress: plan.progress ?? current.progress,
  };
  checkTaskPlan(next);
  if (changes.leadUnitId) await assertUnitsActive(tx, [next.leadUnitId], 'input.leadUnitId', today);
  if (supportingUnitIds) await assertUnitsActive(tx, supportingUnitIds, 'input.supportingUnitIds', today);

  const startsWork = changes.progress && current.status === 'NOT_STARTED' && next.progress > 0;
  const data: Prisma.TaskUncheckedUpdateManyInput = {
    version: { increment: 1 },
    ...(changes.title && { title: plan.title as string }),
    ...(changes.description && { description: plan.description ?? null }),
    ...(changes.objectiveId && { objectiveId: plan.objectiveId as number }),
    ...(changes.leadUnitId && { leadUnitId: next.leadUnitId }),
    ...(changes.startDate && { startDate: next.startDate }),
    ...(changes.deadline && { deadline: next.deadline, originalDeadline: next.deadline }),
    ...(changes.priority && { priority: plan.priority as TaskPriority }),
    ...(changes.progress && { progress: next.progress }),
    ...(startsWork && { status: 'IN_PROGRESS' as const }),
  };
  // The version in the where clause makes a concurrent writer that read the same version lose.
  const { count } = await tx.task.updateMany({ where: { id, version }, data });
  if (count === 0) throw new ConflictError('Task', `Task:${id}`, current.version + 1);
  if (supportingUnitIds) {
    await tx.task.update({
      where: { id },
      data: { supportingUnits: { set: supportingUnitIds.map((uid) => ({ id: uid })) } },
    });
  }
  if (startsWork) changes.status = { before: current.status, after: 'IN_PROGRESS' };
  await tx.taskEvent.create({
    data: {
      taskId: id,
      type: 'UPDATED',
      actorId: viewer.accountId,
      at: now,
      ...(startsWork && { fromStatus: current.status, toStatus: 'IN_PROGRESS' }),
      changes: changes as unknown as Prisma.InputJsonValue,
    },
  });
  audit({ action: 'UPDATE', entity: 'Task', entityId: id, changes });
  return tx.task.findUniqueOrThrow({ ...select, where: { id } });
}
