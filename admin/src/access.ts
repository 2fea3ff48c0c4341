// What the UI offers each role. The API enforces the same rules; this only hides what would fail.
// Workflow buttons, and whether a task or plan may still be edited, follow the API's own
// `allowedActions` of the record; whether the audit log may be read, the API's `me`.
import type { Role } from './enums';

export interface Viewer {
  id: string;
  displayName: string;
  role: Role;
  /** The unit a unit head answers for. */
  unit: { id: string; name: string } | null;
  /** Whether the API lets the account read the audit log. */
  canReadAuditLog: boolean;
}

const readActions = new Set(['list', 'show', 'export']);
/** Resources only some may open at all (the API refuses the others); every role reads the rest. */
const readableBy: Partial<Record<string, (viewer: Pick<Viewer, 'role' | 'canReadAuditLog'>) => boolean>> = {
  accounts: (viewer) => viewer.role === 'ADMIN',
  auditEntries: (viewer) => viewer.canReadAuditLog,
};
/** Resources nobody changes through the UI: the audit log is append-only. */
const readOnlyResources = new Set(['auditEntries']);
// Completed and cancelled tasks can no longer be changed by anyone.
const closedTaskStatuses = new Set(['COMPLETED', 'CANCELLED']);

/** The secretariat drafts plans for any unit, a unit head for their own. */
const mayDraftPlans = (viewer: Pick<Viewer, 'role' | 'unit'>) =>
  viewer.role === 'ADMIN' || (viewer.role === 'UNIT_HEAD' && viewer.unit !== null);

export function canAccess(
  viewer: Pick<Viewer, 'role' | 'unit' | 'canReadAuditLog'>,
  action: string,
  resource: string,
  record?: Record<string, unknown>,
): boolean {
  const readable = readableBy[resource];
  if (readable && !readable(viewer)) return false;
  if (readActions.has(action)) return true;
  // An improvement plan may be edited while its allowedActions say so.
  if (resource === 'improvementPlans') {
    if (action === 'create') return mayDraftPlans(viewer);
    if (action !== 'edit') return false;
    const allowed = record?.allowedActions;
    return Array.isArray(allowed) ? allowed.includes('EDIT') : mayDraftPlans(viewer);
  }
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
