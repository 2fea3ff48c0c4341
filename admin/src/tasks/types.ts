// The task as its page reads it (resources.ts, `tasks.oneFields`).
import type { TaskAction } from '../dataProvider/workflow';
import type { EnumValue, TaskStatus, Timeliness } from '../enums';

export interface AccountRef {
  id: string;
  displayName: string;
}

export interface EvidenceRecord {
  id: string;
  title: string;
  kind: EnumValue<'EvidenceKind'>;
  documentNumber: string | null;
  documentDate: string | null;
  issuer: string | null;
  url: string | null;
  fileName: string | null;
  fileSize: number | null;
  mimeType: string | null;
  downloadUrl: string | null;
  reviewStatus: EnumValue<'ReviewStatus'>;
  reviewNote: string | null;
  reviewedAt: string | null;
  submittedAt: string;
  submittedBy: AccountRef | null;
  reviewedBy: AccountRef | null;
  /** Goes up with each review; a review names the version it read. */
  version: number;
  /** What the signed-in account may do to it now, from the API; on the task's page only. */
  allowedActions?: 'REVIEW'[];
}

export interface ExtensionRecord {
  id: string;
  status: EnumValue<'ExtensionStatus'>;
  reason: string;
  previousDeadline: string;
  requestedDeadline: string;
  requestedAt: string;
  decidedAt: string | null;
  decisionNote: string | null;
  requestedBy: AccountRef | null;
  decidedBy: AccountRef | null;
  /** What the signed-in account may do to it now, from the API; on the task's page only. */
  allowedActions?: ('WITHDRAW' | 'DECIDE')[];
}

export interface TaskEventRecord {
  id: string;
  type: string;
  at: string;
  actor: AccountRef | null;
  fromStatus: string | null;
  toStatus: string | null;
  changes: unknown;
  note: string | null;
}

export interface TaskRecord {
  id: string;
  title: string;
  description?: string | null;
  status: TaskStatus;
  timeliness: Timeliness | null;
  progress: number;
  version: number;
  deadline: string;
  originalDeadline?: string;
  daysToDeadline: number | null;
  submittedAt: string | null;
  statusReason?: string | null;
  leadUnit: { id: string; name: string };
  responsibleHead: { id: string; fullName: string } | null;
  /** Absent while the page shows the row from the list, before the task itself has loaded. */
  allowedActions?: TaskAction[];
  evidence?: EvidenceRecord[];
  extensionRequests?: ExtensionRecord[];
  timeline?: { totalCount: number; nodes: TaskEventRecord[] };
}

/** The actions the signed-in account may take on the task now; none until the task has loaded. */
export function allowedActionsOf(task: Pick<TaskRecord, 'allowedActions'> | undefined): ReadonlySet<TaskAction> {
  return new Set(task?.allowedActions ?? []);
}
