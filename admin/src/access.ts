// What the UI offers each role. The API enforces the same rules; this only hides what would fail.
import type { Role } from './enums';

export interface Viewer {
  id: string;
  displayName: string;
  role: Role;
  /** The unit a unit head answers for. */
  unit: { id: string; name: string } | null;
}

const readActions = new Set(['list', 'show', 'export']);
// Completed and cancelled tasks can no longer be changed by anyone.
const closedTaskStatuses = new Set(['COMPLETED', 'CANCELLED']);

function leadUnitId(task: Record<string, unknown>): unknown {
  const leadUnit = task.leadUnit;
  return typeof leadUnit === 'object' && leadUnit !== null ? (leadUnit as { id?: unknown }).id : task.leadUnitId;
}

export function canAccess(
  viewer: Pick<Viewer, 'role' | 'unit'>,
  action: string,
  resource: string,
  record?: Record<string, unknown>,
): boolean {
  if (readActions.has(action)) return true;
  if (resource === 'tasks' && record && closedTaskStatuses.has(String(record.status))) return false;
  // The secretariat maintains everything; the API deletes nothing.
  if (viewer.role === 'ADMIN') return action === 'edit' || action === 'create';
  // A unit head reports progress on the tasks the unit leads; committee and analysts only read.
  return (
    viewer.role === 'UNIT_HEAD' &&
    resource === 'tasks' &&
    action === 'edit' &&
    (record === undefined || leadUnitId(record) === viewer.unit?.id)
  );
}
