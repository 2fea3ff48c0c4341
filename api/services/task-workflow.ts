// Who may do what to a task, and in which status: one table that the mutations enforce and that
// the API's Task.allowedActions shows the UI, so buttons never offer what the server would refuse.
import type { Role, TaskStatus } from '../../generated/prisma/client.ts';
import type { Viewer } from '../context.ts';
import { ForbiddenError, InvalidTransitionError } from '../errors.ts';

export const taskActions = [
  'EDIT',
  'START',
  'REPORT_PROGRESS',
  'SUBMIT',
  'APPROVE',
  'RETURN',
  'CANCEL',
  'COMMENT',
  'ADD_EVIDENCE',
  'REVIEW_EVIDENCE',
  'REQUEST_EXTENSION',
  'DECIDE_EXTENSION',
] as const;

export type TaskAction = (typeof taskActions)[number];

/** How the viewer stands to a task: the head of its lead unit, of a supporting unit, or neither. */
export type Party = 'ADMIN' | 'COMMITTEE' | 'LEAD_HEAD' | 'SUPPORT_HEAD' | 'OTHER';

const open: readonly TaskStatus[] = ['NOT_STARTED', 'IN_PROGRESS', 'SUBMITTED', 'RETURNED'];
const workable: readonly TaskStatus[] = ['NOT_STARTED', 'IN_PROGRESS', 'RETURNED'];
const all: readonly TaskStatus[] = [...open, 'COMPLETED', 'CANCELLED'];

interface Rule {
  parties: readonly Party[];
  from: readonly TaskStatus[];
  /** The status a workflow step moves the task to. */
  to?: TaskStatus;
}

export const taskRules: Record<TaskAction, Rule> = {
  EDIT: { parties: ['ADMIN'], from: open },
  START: { parties: ['ADMIN', 'LEAD_HEAD'], from: ['NOT_STARTED'], to: 'IN_PROGRESS' },
  REPORT_PROGRESS: { parties: ['ADMIN', 'LEAD_HEAD'], from: workable },
  SUBMIT: { parties: ['ADMIN', 'LEAD_HEAD'], from: ['IN_PROGRESS', 'RETURNED'], to: 'SUBMITTED' },
  APPROVE: { parties: ['ADMIN', 'COMMITTEE'], from: ['SUBMITTED'], to: 'COMPLETED' },
  RETURN: { parties: ['ADMIN', 'COMMITTEE'], from: ['SUBMITTED'], to: 'RETURNED' },
  CANCEL: { parties: ['ADMIN'], from: open, to: 'CANCELLED' },
  COMMENT: { parties: ['ADMIN', 'COMMITTEE', 'LEAD_HEAD', 'SUPPORT_HEAD'], from: all },
  ADD_EVIDENCE: { parties: ['ADMIN', 'LEAD_HEAD', 'SUPPORT_HEAD'], from: workable },
  REVIEW_EVIDENCE: { parties: ['ADMIN', 'COMMITTEE'], from: open },
  REQUEST_EXTENSION: { parties: ['ADMIN', 'LEAD_HEAD'], from: workable },
  DECIDE_EXTENSION: { parties: ['ADMIN', 'COMMITTEE'], from: open },
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

/** The actions the viewer may take on the task now. */
export function allowedTaskActions(
  viewer: Pick<Viewer, 'role' | 'unitId'> | null,
  task: TaskParties & { status: TaskStatus },
): TaskAction[] {
  if (!viewer) return [];
  const party = partyOf(viewer, task);
  return taskActions.filter((action) => {
    const rule = taskRules[action];
    return rule.parties.includes(party) && rule.from.includes(task.status);
  });
}

/**
 * Refuses an action the viewer may not take (FORBIDDEN) or that the task's status does not allow
 * (INVALID_TRANSITION); returns the status the task moves to, if any.
 */
export function assertTaskAction(
  viewer: Pick<Viewer, 'role' | 'unitId'>,
  task: TaskParties & { id: number; status: TaskStatus },
  action: TaskAction,
): TaskStatus | undefined {
  const rule = taskRules[action];
  if (!rule.parties.includes(partyOf(viewer, task))) {
    throw new ForbiddenError(`You may not ${action.toLowerCase().replace(/_/g, ' ')} on Task:${task.id}`);
  }
  if (!rule.from.includes(task.status)) throw new InvalidTransitionError(action, task.status, rule.from);
  return rule.to;
}
