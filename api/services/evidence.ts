// Evidence (minh chứng) of a task's work: a document reference, a link or an uploaded file, and the
// committee's review of it. Each change writes the evidence, one timeline event and one audit row in
// the mutation's transaction. Uploaded files are checked by their content, never by what the client says.
import { fileTypeFromBuffer } from 'file-type';
import type { Evidence, Prisma, ReviewStatus, TaskStatus } from '../../generated/prisma/client.ts';
import { viewerOf, type Viewer } from '../context.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import { created, updated } from './audit.ts';
import type { Write } from './mutation.ts';
import { allowedActions, type Rules } from './rules.ts';
import { loadTaskVersion } from './task.ts';
import {
  assertTaskRule,
  openStatuses,
  partyOf,
  workableStatuses,
  type Party,
  type TaskParties,
} from './task-workflow.ts';

// ---------------------------------------------------------------- who may do what, in which task status

export const evidenceActions = ['ADD', 'REVIEW'] as const;
export type EvidenceAction = (typeof evidenceActions)[number];

/**
 * The evidence steps, by the viewer's standing to the task and the task's status: the units add
 * evidence while the task is with them, the committee reviews it while the task is open.
 */
export const evidenceRules: Rules<EvidenceAction, Party, TaskStatus> = {
  ADD: { parties: ['ADMIN', 'LEAD_HEAD', 'SUPPORT_HEAD'], from: workableStatuses },
  REVIEW: { parties: ['ADMIN', 'COMMITTEE'], from: openStatuses },
};

/** The name of an evidence step in errors, as Task.allowedActions names it. */
export const evidenceTaskActions = { ADD: 'ADD_EVIDENCE', REVIEW: 'REVIEW_EVIDENCE' } as const;

/** The steps on an existing piece of evidence, as opposed to adding one. */
export type EvidenceStep = Exclude<EvidenceAction, 'ADD'>;

/** The rules of those steps: what Evidence.allowedActions needs to read. */
export const evidenceStepRules = [evidenceRules.REVIEW];

/** What the viewer may do to a piece of evidence of the task now. */
export function allowedEvidenceActions(
  viewer: Pick<Viewer, 'role' | 'unitId'> | null,
  task: TaskParties & { status: TaskStatus },
): EvidenceStep[] {
  if (!viewer) return [];
  return allowedActions(evidenceRules, partyOf(viewer, task), task.status).filter(
    (action): action is EvidenceStep => action !== 'ADD',
  );
}

function assertEvidenceAction(
  viewer: Pick<Viewer, 'role' | 'unitId'>,
  task: TaskParties & { id: number; status: TaskStatus },
  action: EvidenceAction,
): void {
  assertTaskRule(viewer, task, evidenceRules[action], evidenceTaskActions[action]);
}

export type EvidenceDecision = Extract<ReviewStatus, 'ACCEPTED' | 'REJECTED'>;

export type EvidenceDraft =
  | { kind: 'DOCUMENT'; title: string; documentNumber: string; documentDate: Date; issuer: string }
  | { kind: 'LINK'; title: string; url: string };

/** What an upload is stored as, once checked. */
export interface FileEvidence {
  title: string;
  sha256: string;
  size: number;
  mimeType: string;
  fileName: string;
}

/** A file of a multipart request (a WHATWG File). */
export interface UploadedFile {
  name?: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

interface AcceptedType {
  label: string;
  /** File name extensions that may stand for the type; the first is the usual one. */
  extensions: readonly string[];
}

/** The types accepted as evidence, by the type file-type detects from the content's magic bytes. */
export const acceptedFileTypes: Readonly<Record<string, AcceptedType>> = {
  'application/pdf': { label: 'PDF', extensions: ['pdf'] },
  'image/png': { label: 'PNG', extensions: ['png'] },
  'image/jpeg': { label: 'JPEG', extensions: ['jpg', 'jpeg'] },
  'image/webp': { label: 'WebP', extensions: ['webp'] },
  'image/tiff': { label: 'TIFF', extensions: ['tif', 'tiff'] },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { label: 'DOCX', extensions: ['docx'] },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { label: 'XLSX', extensions: ['xlsx'] },
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': {
    label: 'PPTX',
    extensions: ['pptx'],
  },
  'application/vnd.oasis.opendocument.text': { label: 'ODT', extensions: ['odt'] },
  'application/vnd.oasis.opendocument.spreadsheet': { label: 'ODS', extensions: ['ods'] },
  // Legacy Word and Excel files are OLE compound files; the content does not tell which.
  'application/x-cfb': { label: 'DOC/XLS', extensions: ['doc', 'xls'] },
};

const acceptedList = Object.values(acceptedFileTypes)
  .map((type) => type.label)
  .join(', ');

/** Bidirectional overrides and marks, which can make "fdp.exe" display as "exe.pdf". */
const bidiControls = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;
const controlCharacters = /\p{Cc}/gu;
const maxFileNameLength = 255;

/**
 * The name shown for an uploaded file (never used to store it): the last path segment, without
 * control characters or bidi overrides, at most 255 characters, and ending in an extension of the
 * detected type (appended when the name claims another, so "x.html" holding a PNG is "x.html.png").
 */
export function displayFileName(clientName: string | undefined, type: AcceptedType): string {
  const cleaned = (clientName ?? '').normalize('NFC').replace(controlCharacters, '').replace(bidiControls, '');
  const name = (cleaned.split(/[/\\]/).pop() ?? '').trim();
  const dot = name.lastIndexOf('.');
  const claimed = dot >= 0 ? name.slice(dot + 1).toLowerCase() : '';
  const keeps = type.extensions.includes(claimed);
  const tail = keeps ? name.slice(dot) : `.${type.extensions[0] as string}`;
  const stem = Array.from(keeps ? name.slice(0, dot) : name)
    .slice(0, maxFileNameLength - Array.from(tail).length)
    .join('')
    .trim()
    .replace(/[\s.]+$/u, '');
  return `${stem || 'file'}${tail}`;
}

export interface CheckedUpload {
  content: Uint8Array;
  mimeType: string;
  fileName: string;
}

/** Refuses files that are empty, too large or of a type not accepted (by content); errors name `file`. */
export async function checkUpload(file: UploadedFile, maxBytes: number): Promise<CheckedUpload> {
  const megabytes = Math.round((maxBytes / 1024 / 1024) * 10) / 10;
  if (file.size > maxBytes) throw ValidationError.field('file', `The file is larger than ${megabytes} MB`);
  if (file.size === 0) throw ValidationError.field('file', 'The file is empty');
  const content = new Uint8Array(await file.arrayBuffer());
  if (content.byteLength > maxBytes) throw ValidationError.field('file', `The file is larger than ${megabytes} MB`);
  const detected = await fileTypeFromBuffer(content);
  const type = detected ? acceptedFileTypes[detected.mime] : undefined;
  if (!detected || !type) {
    throw ValidationError.field(
      'file',
      `${detected ? `Files of type ${detected.ext} are` : 'This type of file is'} not accepted as evidence; accepted: ${acceptedList}`,
    );
  }
  return { content, mimeType: detected.mime, fileName: displayFileName(file.name, type) };
}

/**
 * Refuses early, before an upload is stored, a viewer who may not add evidence to the task now;
 * the mutation checks again in its transaction.
 */
export async function assertMayAddEvidence(db: Prisma.TransactionClient, viewer: Viewer | null, taskId: number) {
  const task = await loadTaskVersion(db, taskId, null);
  assertEvidenceAction(viewerOf({ viewer }), task, 'ADD');
  return task;
}

async function recordEvidence(
  w: Write,
  taskId: number,
  data: Omit<Prisma.EvidenceUncheckedCreateInput, 'taskId' | 'submittedById' | 'submittedAt'>,
): Promise<Evidence> {
  const viewer = viewerOf(w);
  await assertMayAddEvidence(w.tx, viewer, taskId);
  const evidence = await w.tx.evidence.create({
    data: { ...data, taskId, submittedById: viewer.accountId, submittedAt: w.now },
  });
  await w.tx.taskEvent.create({
    data: {
      taskId,
      type: 'EVIDENCE_ADDED',
      actorId: viewer.accountId,
      at: w.now,
      changes: { evidence: { before: null, after: evidence.title } },
      note: evidence.title,
    },
  });
  w.audit(created('Evidence', evidence));
  return evidence;
}

/** Adds a document reference or a link to a task. */
export function addEvidence(w: Write, taskId: number, draft: EvidenceDraft): Promise<Evidence> {
  return recordEvidence(
    w,
    taskId,
    draft.kind === 'DOCUMENT'
      ? {
          kind: 'DOCUMENT',
          title: draft.title,
          documentNumber: draft.documentNumber,
          documentDate: draft.documentDate,
          issuer: draft.issuer,
        }
      : { kind: 'LINK', title: draft.title, url: draft.url },
  );
}

/** Records an uploaded file, already stored under its SHA-256, as evidence of a task. */
export function addFileEvidence(w: Write, taskId: number, file: FileEvidence): Promise<Evidence> {
  return recordEvidence(w, taskId, {
    kind: 'FILE',
    title: file.title,
    fileSha256: file.sha256,
    fileSize: file.size,
    mimeType: file.mimeType,
    fileName: file.fileName,
  });
}

/** Accepts or rejects a piece of evidence; a rejection needs a note that tells the unit why. */
export async function reviewEvidence(
  w: Write,
  id: number,
  version: number,
  decision: EvidenceDecision,
  note: string | null,
): Promise<Evidence> {
  const viewer = viewerOf(w);
  const reviewNote = note?.trim() || null;
  if (decision === 'REJECTED' && !reviewNote) {
    throw ValidationError.field('note', 'Say why the evidence is rejected');
  }
  const before = await w.tx.evidence.findUnique({ where: { id } });
  if (!before) throw new NotFoundError('Evidence', `Evidence:${id}`);
  const task = await loadTaskVersion(w.tx, before.taskId, null);
  assertEvidenceAction(viewer, task, 'REVIEW');
  if (before.version !== version) throw new ConflictError('Evidence', `Evidence:${id}`, before.version);
  // The version in the filter makes the second of two reviewers deciding at once lose, not overwrite.
  const { count } = await w.tx.evidence.updateMany({
    where: { id, version },
    data: {
      reviewStatus: decision,
      reviewedById: viewer.accountId,
      reviewedAt: w.now,
      reviewNote,
      version: { increment: 1 },
    },
  });
  if (count === 0) throw new ConflictError('Evidence', `Evidence:${id}`, version + 1);
  const after = await w.tx.evidence.findUniqueOrThrow({ where: { id } });
  await w.tx.taskEvent.create({
    data: {
      taskId: before.taskId,
      type: 'EVIDENCE_REVIEWED',
      actorId: viewer.accountId,
      at: w.now,
      changes: { reviewStatus: { before: before.reviewStatus, after: decision } },
      note: reviewNote,
    },
  });
  w.audit(updated('Evidence', before, after, reviewNote));
  return after;
}
