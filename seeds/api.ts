// The seeds' one way into the API's code. Seeds write their rows directly, not through the mutations
// (which stamp the request's own time and need a signed-in viewer), so wherever a copy of an API rule
// could drift from the original they use the original instead: how passwords are hashed, and the
// task workflow's rule table, through which every status change of a seeded task is taken. Import the
// API from here only, so that what the seeds depend on stays in view.
import type { TaskStatus } from '../generated/prisma/client.ts';
import { taskRules, type TaskStep } from '../api/services/task-workflow.ts';

export { hashPassword } from '../api/services/password.ts';
export type { TaskStep };

/** A status change by a workflow step, as the rule table has it; throws for a step it does not allow. */
export function statusStep(action: TaskStep, from: TaskStatus): { fromStatus: TaskStatus; toStatus: TaskStatus } {
  const rule = taskRules[action];
  if (!rule.to || !rule.from.includes(from)) throw new Error(`The task workflow has no ${action} from ${from}`);
  return { fromStatus: from, toStatus: rule.to };
}
