// The workflow steps of a task (start, progress, submit, approve, return, cancel) and comments.
// Each checks the version read, who may act and from which status, then writes the task, one
// timeline event and one audit row in the mutation's transaction.
import type { Prisma, TaskStatus } from '../../generated/prisma/client.ts';
import { viewerOf } from '../context.ts';
import { ValidationError } from '../errors.ts';
import type { Changes } from './audit.ts';
import { dayIn } from './calendar.ts';
import { settle, writeTaskChange, type LoadedTask } from './guarded-writes.ts';
import type { Write } from './mutation.ts';
import { loadTaskVersion, type TaskSelection } from './task.ts';
import { assertTaskAction, type TaskStep } from './task-workflow.ts';

function statusChange(task: LoadedTask, to: TaskStatus): Changes {
  return { status: { before: task.status, after: to } };
}

/** A plain workflow step that only moves the status (and what goes with it). */
async function step(
  w: Write,
  id: number,
  version: number,
  action: TaskStep,
  note: string | null,
  extra: (
    task: LoadedTask,
    to: TaskStatus,
  ) =>
    | Promise<{ data?: Prisma.TaskUncheckedUpdateManyInput; changes?: Changes }>
    | { data?: Prisma.TaskUncheckedUpdateManyInput; changes?: Changes },
  select: TaskSelection,
) {
  const viewer = viewerOf(w);
  const task = await loadTaskVersion(w.tx, id, version);
  const to = assertTaskAction(viewer, task, action);
  if (!to) throw new Error(`${action} is not a status change`);
  const more = await extra(task, to);
  await writeTaskChange(w, task, {
    data: { status: to, ...more.data },
    changes: { ...statusChange(task, to), ...more.changes },
    type: 'STATUS_CHANGED',
    note,
    toStatus: to,
  });
  return w.tx.task.findUniqueOrThrow({ ...select, where: { id } });
}

async function assertUsableEvidence(w: Write, taskId: number, message: string): Promise<void> {
  const usable = await w.tx.evidence.count({ where: { taskId, reviewStatus: { not: 'REJECTED' } } });
  if (usable === 0) throw ValidationError.field('id', message);
}

export function startTask(w: Write, id: number, version: number, note: string | null, select: TaskSelection) {
  return step(w, id, version, 'START', note, () => ({}), select);
}

export async function reportProgress(
  w: Write,
  id: number,
  version: number,
  progress: number | null,
  note: string | null,
  select: TaskSelection,
) {
  const viewer = viewerOf(w);
  const task = await loadTaskVersion(w.tx, id, version);
  assertTaskAction(viewer, task, 'REPORT_PROGRESS');
  const changes: Changes = {};
  if (progress !== null && progress !== task.progress) changes.progress = { before: task.progress, after: progress };
  if (!changes.progress && !note) {
    throw ValidationError.field('note', 'Give a new progress figure or a note on what was done');
  }
  const starts = task.status === 'NOT_STARTED' && (progress ?? 0) > 0;
  if (starts) changes.status = { before: task.status, after: 'IN_PROGRESS' };
  await writeTaskChange(w, task, {
    data: { ...(changes.progress && { progress: progress as number }), ...(starts && { status: 'IN_PROGRESS' }) },
    changes,
    type: 'PROGRESS_REPORTED',
    note,
    ...(starts && { toStatus: 'IN_PROGRESS' as const }),
  });
  return w.tx.task.findUniqueOrThrow({ ...select, where: { id } });
}

export function submitTask(w: Write, id: number, version: number, note: string | null, select: TaskSelection) {
  return step(
    w,
    id,
    version,
    'SUBMIT',
    note,
    async (task) => {
      await assertUsableEvidence(
        w,
        task.id,
        'Attach at least one piece of evidence that was not rejected before submitting',
      );
      return {
        data: { submittedAt: w.now, statusReason: null },
        changes: { submittedAt: { before: task.submittedAt?.toISOString() ?? null, after: w.now.toISOString() } },
      };
    },
    select,
  );
}

export function approveTask(w: Write, id: number, version: number, note: string | null, select: TaskSelection) {
  return step(
    w,
    id,
    version,
    'APPROVE',
    note,
    async (task) => {
      await assertUsableEvidence(w, task.id, 'Every piece of evidence was rejected; return the task instead');
      // Completion counts from the day the unit submitted the accepted work, not the day of review
      // (and not before the day work could start, for work delivered early).
      const submittedOn = task.submittedAt ? dayIn(task.submittedAt, w.timeZone) : w.today;
      const completedOn = submittedOn < task.startDate ? task.startDate : submittedOn;
      await withdrawPending(w, task.id, 'The task was completed');
      return {
        data: { completedOn, progress: 100 },
        changes: {
          completedOn: { before: null, after: completedOn.toISOString().slice(0, 10) },
          ...(task.progress !== 100 && { progress: { before: task.progress, after: 100 } }),
        },
      };
    },
    select,
  );
}

export function returnTask(w: Write, id: number, version: number, reason: string, select: TaskSelection) {
  return step(
    w,
    id,
    version,
    'RETURN',
    reason,
    (task) => ({
      data: { statusReason: reason },
      changes: { statusReason: { before: task.statusReason, after: reason } },
    }),
    select,
  );
}

export function cancelTask(w: Write, id: number, version: number, reason: string, select: TaskSelection) {
  return step(
    w,
    id,
    version,
    'CANCEL',
    reason,
    async (task) => {
      await withdrawPending(w, task.id, 'The task was cancelled');
      return {
        data: { statusReason: reason },
        changes: { statusReason: { before: task.statusReason, after: reason } },
      };
    },
    select,
  );
}

/** A pending extension request ends with the task; it is withdrawn, not deleted. */
async function withdrawPending(w: Write, taskId: number, note: string): Promise<void> {
  const pending = await w.tx.deadlineExtension.findFirst({ where: { taskId, status: 'PENDING' } });
  if (!pending) return;
  await settle(w, pending.id, { status: 'WITHDRAWN', decisionNote: note });
  const changes = { extension: { before: 'PENDING', after: 'WITHDRAWN' } };
  await w.tx.taskEvent.create({
    data: { taskId, type: 'EXTENSION_DECIDED', actorId: viewerOf(w).accountId, at: w.now, changes, note },
  });
  w.audit({
    action: 'UPDATE',
    entity: 'DeadlineExtension',
    entityId: pending.id,
    changes: { status: changes.extension },
    note,
  });
}

export async function commentOnTask(w: Write, id: number, note: string) {
  const viewer = viewerOf(w);
  const task = await loadTaskVersion(w.tx, id, null);
  assertTaskAction(viewer, task, 'COMMENT');
  const event = await w.tx.taskEvent.create({
    data: { taskId: id, type: 'COMMENTED', actorId: viewer.accountId, at: w.now, note },
  });
  w.audit({ action: 'CREATE', entity: 'TaskEvent', entityId: event.id, note });
  return event;
}
