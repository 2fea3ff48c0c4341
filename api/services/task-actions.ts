// Everything the viewer may do to a task now, as Task.allowedActions lists it: the steps of its own
// workflow and the steps on its evidence and extension requests, each from its own table.
import type { TaskStatus } from '../../generated/prisma/client.ts';
import type { Viewer } from '../context.ts';
import { evidenceRules } from './evidence.ts';
import { extensionRules } from './deadline-extension.ts';
import { allowedActions, type Rules } from './rules.ts';
import { partyOf, taskRules, taskSteps, type Party, type TaskParties } from './task-workflow.ts';

export const taskActions = [
  ...taskSteps,
  'ADD_EVIDENCE',
  'REVIEW_EVIDENCE',
  'REQUEST_EXTENSION',
  'DECIDE_EXTENSION',
] as const;

export type TaskAction = (typeof taskActions)[number];

const rulesOnTask: Rules<TaskAction, Party, TaskStatus> = {
  ...taskRules,
  ADD_EVIDENCE: evidenceRules.ADD,
  REVIEW_EVIDENCE: evidenceRules.REVIEW,
  REQUEST_EXTENSION: extensionRules.REQUEST,
  DECIDE_EXTENSION: extensionRules.DECIDE,
};

/** The rules of every action listed on a task. */
export const taskActionRules = Object.values(rulesOnTask);

/** The actions the viewer may take on the task now. */
export function allowedTaskActions(
  viewer: Pick<Viewer, 'role' | 'unitId'> | null,
  task: TaskParties & { status: TaskStatus },
): TaskAction[] {
  if (!viewer) return [];
  return allowedActions(rulesOnTask, partyOf(viewer, task), task.status);
}
