// Deadline extensions: the lead unit asks for a later date with a reason, the committee decides. An
// approval moves the deadline and keeps the original one, so reports still show the task as late
// against what was first assigned.
import type { DeadlineExtension, ExtensionStatus, Prisma, TaskStatus } from '../../generated/prisma/client.ts';
import { viewerOf, type Viewer } from '../context.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { formatDay } from './calendar.ts';
import { created } from './audit.ts';
import type { Write } from './mutation.ts';
import { settle, writeTaskChange } from './guarded-writes.ts';
import { loadTaskVersion } from './task.ts';
import { allowedActions, type Rules } from './rules.ts';
import {
  allStatuses,
  assertTaskRule,
  openStatuses,
  partyOf,
  workableStatuses,
  type Party,
  type TaskParties,
} from './task-workflow.ts';

// ---------------------------------------------------------------- who may do what, in which task status

export const extensionActions = ['REQUEST', 'WITHDRAW', 'DECIDE'] as const;
export type ExtensionAction = (typeof extensionActions)[number];

/**
 * The extension steps, by the viewer's standing to the task and the task's status: the lead unit asks
 * while the task is with it, and may withdraw its request; the committee decides while the task is
 * open. Withdrawing and deciding act on a PENDING request only.
 */
export const extensionRules: Rules<ExtensionAction, Party, TaskStatus> = {
  REQUEST: { parties: ['ADMIN', 'LEAD_HEAD'], from: workableStatuses },
  WITHDRAW: { parties: ['ADMIN', 'LEAD_HEAD'], from: allStatuses },
  DECIDE: { parties: ['ADMIN', 'COMMITTEE'], from: openStatuses },
};

/** The name of an extension step in errors, as Task.allowedActions names it (withdrawing is not listed there). */
export const extensionTaskActions = {
  REQUEST: 'REQUEST_EXTENSION',
  WITHDRAW: 'WITHDRAW_EXTENSION',
  DECIDE: 'DECIDE_EXTENSION',
} as const;

/** The steps on an existing request, as opposed to asking. */
export type ExtensionStep = Exclude<ExtensionAction, 'REQUEST'>;

/** The rules of those steps: what DeadlineExtension.allowedActions needs to read. */
export const extensionStepRules = [extensionRules.WITHDRAW, extensionRules.DECIDE];

/** What the viewer may do to an extension request of the task now: nothing once it is settled. */
export function allowedExtensionActions(
  viewer: Pick<Viewer, 'role' | 'unitId'> | null,
  task: TaskParties & { status: TaskStatus },
  request: { status: ExtensionStatus },
): ExtensionStep[] {
  if (!viewer || request.status !== 'PENDING') return [];
  return allowedActions(extensionRules, partyOf(viewer, task), task.status).filter(
    (action): action is ExtensionStep => action !== 'REQUEST',
  );
}

function assertExtensionAction(
  viewer: Pick<Viewer, 'role' | 'unitId'>,
  task: TaskParties & { id: number; status: TaskStatus },
  action: ExtensionAction,
): void {
  assertTaskRule(viewer, task, extensionRules[action], extensionTaskActions[action]);
}

type ExtensionSelection = { include?: Prisma.DeadlineExtensionInclude; select?: Prisma.DeadlineExtensionSelect };

export type ExtensionDecision = 'APPROVED' | 'REJECTED';

export async function requestExtension(
  w: Write,
  taskId: number,
  requestedDeadline: Date,
  reason: string,
  select: ExtensionSelection,
) {
  const viewer = viewerOf(w);
  const task = await loadTaskVersion(w.tx, taskId, null);
  assertExtensionAction(viewer, task, 'REQUEST');
  if (requestedDeadline <= task.deadline) {
    throw ValidationError.field(
      'requestedDeadline',
      `Ask for a day after the current deadline ${formatDay(task.deadline)}`,
    );
  }
  if (requestedDeadline < w.today) {
    throw ValidationError.field('requestedDeadline', 'Ask for a day from today on');
  }
  const pending = await w.tx.deadlineExtension.findFirst({ where: { taskId, status: 'PENDING' } });
  if (pending) {
    throw ValidationError.field(
      'taskId',
      `Extension request DeadlineExtension:${pending.id} is still waiting for a decision`,
    );
  }
  const extension = await w.tx.deadlineExtension.create({
    data: {
      taskId,
      requestedById: viewer.accountId,
      requestedAt: w.now,
      previousDeadline: task.deadline,
      requestedDeadline,
      reason,
    },
  });
  await w.tx.taskEvent.create({
    data: {
      taskId,
      type: 'EXTENSION_REQUESTED',
      actorId: viewer.accountId,
      at: w.now,
      changes: { deadline: { before: formatDay(task.deadline), after: formatDay(requestedDeadline) } },
      note: reason,
    },
  });
  w.audit(created('DeadlineExtension', extension));
  return w.tx.deadlineExtension.findUniqueOrThrow({ ...select, where: { id: extension.id } });
}

async function loadPending(w: Write, id: number): Promise<DeadlineExtension> {
  const extension = await w.tx.deadlineExtension.findUnique({ where: { id } });
  if (!extension) throw new NotFoundError('DeadlineExtension', `DeadlineExtension:${id}`);
  if (extension.status !== 'PENDING') {
    throw ValidationError.field('id', `The request was already ${extension.status.toLowerCase()}`);
  }
  return extension;
}

/** The timeline event of a request settled without moving the deadline (withdrawn or rejected). */
function recordSettledWithoutChange(
  w: Write,
  taskId: number,
  actorId: number,
  after: 'WITHDRAWN' | 'REJECTED',
  note: string | null,
) {
  return w.tx.taskEvent.create({
    data: {
      taskId,
      type: 'EXTENSION_DECIDED',
      actorId,
      at: w.now,
      changes: { extension: { before: 'PENDING', after } },
      note,
    },
  });
}

export async function withdrawExtension(w: Write, id: number, select: ExtensionSelection) {
  const viewer = viewerOf(w);
  const extension = await loadPending(w, id);
  const task = await loadTaskVersion(w.tx, extension.taskId, null);
  assertExtensionAction(viewer, task, 'WITHDRAW');
  await settle(w, id, { status: 'WITHDRAWN' });
  await recordSettledWithoutChange(w, task.id, viewer.accountId, 'WITHDRAWN', 'Withdrawn by the unit');
  w.audit({
    action: 'UPDATE',
    entity: 'DeadlineExtension',
    entityId: id,
    changes: { status: { before: 'PENDING', after: 'WITHDRAWN' } },
  });
  return w.tx.deadlineExtension.findUniqueOrThrow({ ...select, where: { id } });
}

export async function decideExtension(
  w: Write,
  id: number,
  decision: ExtensionDecision,
  note: string | null,
  select: ExtensionSelection,
) {
  const viewer = viewerOf(w);
  const extension = await loadPending(w, id);
  const task = await loadTaskVersion(w.tx, extension.taskId, null);
  assertExtensionAction(viewer, task, 'DECIDE');
  if (decision === 'REJECTED' && !note) throw ValidationError.field('note', 'Give the reason for refusing');
  if (decision === 'APPROVED' && task.deadline.getTime() !== extension.previousDeadline.getTime()) {
    throw ValidationError.field(
      'id',
      `The deadline is now ${formatDay(task.deadline)}, not ${formatDay(extension.previousDeadline)} as when asked; the unit must ask again`,
    );
  }
  await settle(w, id, { status: decision, decidedById: viewer.accountId, decidedAt: w.now, decisionNote: note });
  const extensionChanges = { status: { before: 'PENDING', after: decision } };
  w.audit({ action: 'UPDATE', entity: 'DeadlineExtension', entityId: id, changes: extensionChanges, note });
  if (decision === 'APPROVED') {
    // The task's deadline moves under the task's own version, so a concurrent edit cannot be lost.
    await writeTaskChange(w, task, {
      data: { deadline: extension.requestedDeadline },
      changes: {
        extension: { before: 'PENDING', after: 'APPROVED' },
        deadline: { before: formatDay(task.deadline), after: formatDay(extension.requestedDeadline) },
      },
      type: 'EXTENSION_DECIDED',
      note: note ?? 'Extension approved',
    });
  } else {
    await recordSettledWithoutChange(w, task.id, viewer.accountId, 'REJECTED', note);
  }
  return w.tx.deadlineExtension.findUniqueOrThrow({ ...select, where: { id } });
}
