// Who may take which step of a task's own workflow, and in which status: one table that the mutations
// enforce and that Task.allowedActions (task-actions.ts) shows the UI, so buttons never offer what the
// server would refuse. The steps on a task's evidence and extension requests have tables of their own
// (evidence.ts, deadline-extension.ts) over the same parties and statuses.
import type { Role, TaskStatus } from '../../generated/prisma/client.ts';
import type { Viewer } from '../context.ts';
import { ForbiddenError, InvalidTransitionError } from '../errors.ts';
import type { Rule, Rules } from './rules.ts';

export const taskSteps = [
  'EDIT',
  'START',
  'REPORT_PROGRESS',
  'SUBMIT',
  'APPROVE',
  'RETURN',
  'CANCEL',
  'COMMENT',
] as const;

export type TaskStep = (typeof taskSteps)[number];

/** How the viewer stands to a task: the head of its lead unit, of a supporting unit, or neither. */
export type Party = 'ADMIN' | 'COMMITTEE' | 'LEAD_HEAD' | 'SUPPORT_HEAD' | 'OTHER';

/** Statuses in which the task is still open. */
export const openStatuses: readonly TaskStatus[] = ['NOT_STARTED', 'IN_PROGRESS', 'SUBMITTED', 'RETURNED'];
/** Statuses in which the task is with the unit. */
export const workableStatuses: readonly TaskStatus[] = ['NOT_STARTED', 'IN_PROGRESS', 'RETURNED'];
export const allStatuses: readonly TaskStatus[] = [...openStatuses, 'COMPLETED', 'CANCELLED'];

export type TaskRule = Rule<Party, TaskStatus>;

export const taskRules: Rules<TaskStep, Party, TaskStatus> = {
  EDIT: { parties: ['ADMIN'], from: openStatuses },
  START: { parties: ['ADMIN', 'LEAD_HEAD'], from: ['NOT_STARTED'], to: 'IN_PROGRESS' },
  REPORT_PROGRESS: { parties: ['ADMIN', 'LEAD_HEAD'], from: workableStatuses },
  SUBMIT: { parties: ['ADMIN', 'LEAD_HEAD'], from: ['IN_PROGRESS', 'RETURNED'], to: 'SUBMITTED' },
  APPROVE: { parties: ['ADMIN', 'COMMITTEE'], from: ['SUBMITTED'], to: 'COMPLETED' },
  RETURN: { parties: ['ADMIN', 'COMMITTEE'], from: ['SUBMITTED'], to: 'RETURNED' },
  CANCEL: { parties: ['ADMIN'], from: openStatuses, to: 'CANCELLED' },
  COMMENT: { parties: ['ADMIN', 'COMMITTEE', 'LEAD_HEAD', 'SUPPORT_HEAD'], from: allStatuses },
};

export interface TaskParties {
  leadUnitId: number;
  supportingUnitIds: readonly number[];
}

export function partyOf(viewer: Pick<Viewer, 'role' | 'unitId'>, task: TaskParties): Party {
  const byRole: Partial<Record<Role, Party>> = { ADMIN: 'ADMIN', COMMITTEE: 'COMMITTEE' };
  const party = byRole[viewer.role];
  if (party) return party;
  if (viewer.role === 'UNIT_HEAD' && viewer.unitId !== null) {
    if (viewer.unitId === task.leadUnitId) return 'LEAD_HEAD';
    if (task.supportingUnitIds.includes(viewer.unitId)) return 'SUPPORT_HEAD';
  }
  return 'OTHER';
}

/**
 * Refuses a step on a task (its own, or on its evidence or extension requests) that the viewer may
 * not take (FORBIDDEN) or that the task's status does not allow (INVALID_TRANSITION), naming the step
 * as `action`; returns the status the task moves to, if any.
 */
export function assertTaskRule(
  viewer: Pick<Viewer, 'role' | 'unitId'>,
  task: TaskParties & { id: number; status: TaskStatus },
  rule: TaskRule,
  action: string,
): TaskStatus | undefined {
  if (!rule.parties.includes(partyOf(viewer, task))) {
    throw new ForbiddenError(`You may not ${action.toLowerCase().replace(/_/g, ' ')} on Task:${task.id}`);
  }
  if (!rule.from.includes(task.status)) throw new InvalidTransitionError(action, task.status, rule.from);
  return rule.to;
}

/** assertTaskRule for a step of the task's own workflow. */
export function assertTaskAction(
  viewer: Pick<Viewer, 'role' | 'unitId'>,
  task: TaskParties & { id: number; status: TaskStatus },
  step: TaskStep,
): TaskStatus | undefined {
  return assertTaskRule(viewer, task, taskRules[step], step);
}
