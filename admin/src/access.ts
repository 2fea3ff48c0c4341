// What the UI offers each role. The API enforces the same rules; this only hides what would fail.
// A task's workflow buttons follow the API's own `allowedActions` instead (tasks/TaskActions.tsx).
import type { Role } from './enums';
import { planAccess } from './improvementPlans/types';

export interface Viewer {
  id: string;
  displayName: string;
  role: Role;
  /** The unit a unit head answers for. */
  unit: { id: string; name: string } | null;
}

const readActions = new Set(['list', 'show', 'export']);
/** Resources only some roles may open at all (the API refuses the others); every role reads the rest. */
const readersOf: Partial<Record<string, readonly Role[]>> = {
  accounts: ['ADMIN'],
  auditEntries: ['ADMIN', 'COMMITTEE', 'ANALYST'],
};
/** Resources nobody changes through the UI: the audit log is append-only. */
const readOnlyResources = new Set(['auditEntries']);
// Completed and cancelled tasks can no longer be changed by anyone.
const closedTaskStatuses = new Set(['COMPLETED', 'CANCELLED']);

export function canAccess(
  viewer: Pick<Viewer, 'role' | 'unit'>,
  action: string,
  resource: string,
  record?: Record<string, unknown>,
): boolean {
  const readers = readersOf[resource];
  if (readers && !readers.includes(viewer.role)) return false;
  if (readActions.has(action)) return true;
  // Improvement plans are drafted by the unit's head (or the secretariat) while with the unit.
  if (resource === 'improvementPlans') return planAccess(viewer, action, record);
  // The secretariat maintains everything; the API deletes nothing. Unit heads work on their tasks
  // through the workflow (start, report, evidence, submit), not the edit form.
  if (viewer.role !== 'ADMIN' || readOnlyResources.has(resource) || (action !== 'edit' && action !== 'create')) {
    return false;
  }
  if (resource !== 'tasks' || !record) return true;
  // The task as loaded says whether it may still be edited; a list row knows only its status.
  const allowed = record.allowedActions;
  if (Array.isArray(allowed)) return allowed.includes('EDIT');
  return !closedTaskStatuses.has(String(record.status));
}
