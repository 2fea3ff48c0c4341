// Turns a task seed into the task's row, its timeline of events, its evidence and its extension
// request, with actors named by username. It checks the seed against the rules the database
// enforces and against common sense (nothing happens after today, merged units lead no open work),
// so a bad seed fails here with a readable message rather than as a constraint violation.
import {
  EvidenceKind,
  ExtensionStatus,
  ReviewStatus,
  TaskEventType,
  TaskStatus,
  type Prisma,
} from '../generated/prisma/client.ts';
import { statusStep, type TaskStep } from './api.ts';
import { headAccountByUnit, reviewerAccount, secretariatAccount } from './data/accounts.ts';
import type { TaskSeed } from './data/tasks.ts';
import { addDays, atVietnamTime, daysBetween, isoDay, resolveDay, vietnameseDate, type DaySpec } from './dates.ts';

export interface UnitInfo {
  name: string;
  establishedOn?: Date;
  dissolvedOn?: Date;
}

export interface EventDraft {
  type: TaskEventType;
  actor: string;
  at: Date;
  fromStatus?: TaskStatus;
  toStatus?: TaskStatus;
  changes?: Prisma.InputJsonValue;
  note?: string;
}

export interface EvidenceDraft {
  kind: EvidenceKind;
  title: string;
  documentNumber?: string;
  documentDate?: Date;
  issuer?: string;
  url?: string;
  submittedBy: string;
  submittedAt: Date;
  reviewStatus: ReviewStatus;
  reviewedBy?: string;
  reviewedAt?: Date;
  reviewNote?: string;
}

export interface ExtensionDraft {
  requestedBy: string;
  requestedAt: Date;
  previousDeadline: Date;
  requestedDeadline: Date;
  reason: string;
  status: ExtensionStatus;
  decidedBy?: string;
  decidedAt?: Date;
  decisionNote?: string;
}

export interface TaskTimeline {
  seed: TaskSeed;
  startDate: Date;
  deadline: Date;
  originalDeadline: Date;
  completedOn: Date | null;
  submittedAt: Date | null;
  statusReason: string | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  events: EventDraft[];
  evidence: EvidenceDraft[];
  extension: ExtensionDraft | null;
}

/** A status change event's fields for a workflow step, taken through the API's rule table. */
function statusChange(action: TaskStep, from: TaskStatus) {
  const step = statusStep(action, from);
  return {
    type: TaskEventType.STATUS_CHANGED,
    ...step,
    changes: { status: { before: step.fromStatus, after: step.toStatus } },
  };
}

const finishedStatuses: readonly TaskStatus[] = [TaskStatus.COMPLETED, TaskStatus.CANCELLED];
const reportedStatuses: readonly TaskStatus[] = [TaskStatus.COMPLETED, TaskStatus.SUBMITTED, TaskStatus.RETURNED];

export function buildTaskTimeline(seed: TaskSeed, today: Date, units: ReadonlyMap<string, UnitInfo>): TaskTimeline {
  const fail = (message: string): never => {
    throw new Error(`Demo task "${seed.key}": ${message}`);
  };
  const at = (spec: DaySpec): Date => resolveDay(spec, today);
  const optional = (spec: DaySpec | undefined): Date | undefined => (spec === undefined ? undefined : at(spec));
  const unit = (code: string): UnitInfo => units.get(code) ?? fail(`unknown unit ${code}`);

  const status = seed.status;
  const start = at(seed.start);
  const originalDeadline = at(seed.deadline);
  const completedOn = optional(seed.completedOn);
  const returnedOn = optional(seed.returnedOn);
  const cancelledOn = optional(seed.cancelledOn);
  const submittedOn =
    optional(seed.submittedOn) ??
    (completedOn ? new Date(Math.max(start.getTime(), addDays(completedOn, -3).getTime())) : undefined);
  const lastPossibleDay = addDays(today, -1);

  // The rules of the Task table.
  if (!Number.isInteger(seed.progress) || seed.progress < 0 || seed.progress > 100) fail('progress outside 0..100');
  if (originalDeadline < start) fail('deadline before start');
  if ((status === TaskStatus.COMPLETED) !== (completedOn !== undefined)) fail('completedOn iff COMPLETED');
  if (status === TaskStatus.COMPLETED && seed.progress !== 100) fail('completed with progress below 100');
  if (completedOn && completedOn < start) fail('completed before start');
  if (start > lastPossibleDay) fail('starts today or later: its CREATED event would lie in the future');

  // What each status needs.
  if (reportedStatuses.includes(status)) {
    if (!submittedOn) fail(`${status} needs submittedOn`);
    if (!seed.evidence?.length) fail(`${status} needs evidence`);
  } else if (seed.submittedOn !== undefined) fail(`${status} cannot have submittedOn`);
  if (status === TaskStatus.SUBMITTED && seed.progress !== 100) fail('submitted with progress below 100');
  if ((status === TaskStatus.RETURNED) !== (returnedOn !== undefined && seed.returnReason !== undefined)) {
    fail('returnedOn and returnReason iff RETURNED');
  }
  if ((status === TaskStatus.CANCELLED) !== (cancelledOn !== undefined && seed.cancelReason !== undefined)) {
    fail('cancelledOn and cancelReason iff CANCELLED');
  }
  if (status === TaskStatus.NOT_STARTED && (seed.progress !== 0 || seed.evidence?.length)) {
    fail('not started with progress or evidence');
  }
  if (submittedOn && completedOn && submittedOn >= completedOn) fail('completed on or before its submission');
  if (submittedOn && returnedOn && submittedOn >= returnedOn) fail('returned on or before its submission');

  // The day the task entered its current status, or the last day of activity for open tasks.
  const statusDay = completedOn ?? returnedOn ?? cancelledOn ?? submittedOn ?? lastPossibleDay;
  if (statusDay > lastPossibleDay) fail(`status date ${isoDay(statusDay)} is not before today`);
  if (statusDay < start) fail('status date before start');

  // Units: merged units lead and support only work that ended before the merger.
  const lead = unit(seed.lead);
  const closedOn = finishedStatuses.includes(status) ? statusDay : undefined;
  const checkUnitAlive = (code: string, info: UnitInfo) => {
    if (info.establishedOn && start < info.establishedOn) fail(`${code} did not exist on ${isoDay(start)}`);
    if (info.dissolvedOn && !(closedOn && closedOn < info.dissolvedOn)) {
      fail(`${code} was dissolved on ${isoDay(info.dissolvedOn)} while the task was open`);
    }
  };
  checkUnitAlive(seed.lead, lead);
  const support = seed.support ?? [];
  if (support.includes(seed.lead)) fail('lead unit also supports');
  if (new Set(support).size !== support.length) fail('duplicate supporting unit');
  if (support.length > 3) fail('more than 3 supporting units');
  for (const code of support) checkUnitAlive(code, unit(code));

  const leadActor = headAccountByUnit[seed.lead] ?? secretariatAccount;
  const events: EventDraft[] = [];
  const supportNames = support.map((code) => unit(code).name);
  events.push({
    type: TaskEventType.CREATED,
    actor: secretariatAccount,
    at: atVietnamTime(start, 8),
    toStatus: TaskStatus.NOT_STARTED,
    note:
      `Giao ${lead.name} chủ trì, thời hạn ${vietnameseDate(originalDeadline)}` +
      (supportNames.length ? `; phối hợp: ${supportNames.join(', ')}.` : '.'),
  });

  // Work begins two days after assignment (not for tasks never started).
  const started = status !== TaskStatus.NOT_STARTED && !(status === TaskStatus.CANCELLED && seed.progress === 0);
  const startedOn = new Date(Math.min(addDays(start, 2).getTime(), statusDay.getTime()));
  if (started) {
    events.push({
      ...statusChange('START', TaskStatus.NOT_STARTED),
      actor: leadActor,
      at: atVietnamTime(startedOn, 9),
      note: 'Bắt đầu triển khai.',
    });
  }

  // Progress reports: one midway, one at the end (submission, shortly before cancellation, or lately).
  const reportedProgress = status === TaskStatus.COMPLETED || status === TaskStatus.SUBMITTED ? 100 : seed.progress;
  if (started && reportedProgress > 0) {
    const lastReportOn =
      submittedOn ??
      (cancelledOn
        ? new Date(Math.max(startedOn.getTime(), addDays(cancelledOn, -5).getTime()))
        : new Date(Math.max(startedOn.getTime(), addDays(today, -3).getTime())));
    const span = daysBetween(startedOn, lastReportOn);
    let before = 0;
    if (span >= 6) {
      const midway = Math.max(5, Math.round(reportedProgress / 2 / 5) * 5);
      events.push({
        type: TaskEventType.PROGRESS_REPORTED,
        actor: leadActor,
        at: atVietnamTime(addDays(startedOn, Math.floor(span / 2)), 14, 30),
        changes: { progress: { before, after: midway } },
        note: `Đang triển khai, đạt khoảng ${midway}% khối lượng công việc.`,
      });
      before = midway;
    }
    events.push({
      type: TaskEventType.PROGRESS_REPORTED,
      actor: leadActor,
      at: atVietnamTime(lastReportOn, 14, 45),
      changes: { progress: { before, after: reportedProgress } },
      note: seed.note ?? `Đã thực hiện được ${reportedProgress}% khối lượng công việc.`,
    });
  }

  // Extension request and decision.
  let deadline = originalDeadline;
  let extension: ExtensionDraft | null = null;
  if (seed.extension) {
    const request = seed.extension;
    const requestedOn = at(request.requestedOn);
    const requestedDeadline = at(request.to);
    const decidedOn = optional(request.decidedOn);
    if (requestedOn < start || requestedOn > statusDay) fail('extension requested outside the task’s open period');
    if (requestedDeadline <= originalDeadline) fail('extension must move the deadline later');
    if ((request.status === 'PENDING') !== (decidedOn === undefined)) fail('a decided extension needs decidedOn');
    if (decidedOn && (decidedOn < requestedOn || decidedOn > lastPossibleDay)) fail('extension decided out of order');
    if (request.status === 'PENDING' && finishedStatuses.includes(status)) fail('pending extension on a closed task');
    extension = {
      requestedBy: leadActor,
      requestedAt: atVietnamTime(requestedOn, 10),
      previousDeadline: originalDeadline,
      requestedDeadline,
      reason: request.reason,
      status: ExtensionStatus[request.status],
      decidedBy: decidedOn ? reviewerAccount : undefined,
      decidedAt: decidedOn ? atVietnamTime(decidedOn, 15) : undefined,
      decisionNote: request.decisionNote,
    };
    events.push({
      type: TaskEventType.EXTENSION_REQUESTED,
      actor: leadActor,
      at: extension.requestedAt,
      note: `${request.reason} Đề nghị gia hạn đến ${vietnameseDate(requestedDeadline)}.`,
    });
    if (decidedOn) {
      const approved = request.status === 'APPROVED';
      if (approved) deadline = requestedDeadline;
      events.push({
        type: TaskEventType.EXTENSION_DECIDED,
        actor: reviewerAccount,
        at: atVietnamTime(decidedOn, 15),
        changes: approved
          ? { deadline: { before: isoDay(originalDeadline), after: isoDay(requestedDeadline) } }
          : undefined,
        note: request.decisionNote ?? (approved ? 'Đồng ý gia hạn.' : 'Không đồng ý gia hạn.'),
      });
    }
  }

  // Evidence: attached on submission day, or on its document's day for work still in progress.
  const reviewedOn = completedOn ?? returnedOn;
  const reviewStatus =
    status === TaskStatus.COMPLETED
      ? ReviewStatus.ACCEPTED
      : status === TaskStatus.RETURNED
        ? ReviewStatus.REJECTED
        : ReviewStatus.PENDING;
  const evidence: EvidenceDraft[] = (seed.evidence ?? []).map((item) => {
    const documentDay = optional(item.date);
    const addedOn = submittedOn ?? documentDay ?? statusDay;
    if (documentDay && (documentDay > addedOn || documentDay < start))
      fail(`evidence "${item.title}" dated outside the task`);
    const draft: EvidenceDraft = {
      kind: item.kind === 'DOCUMENT' ? EvidenceKind.DOCUMENT : EvidenceKind.LINK,
      title: item.title,
      submittedBy: leadActor,
      submittedAt: atVietnamTime(addedOn, 15, 30),
      reviewStatus,
      reviewedBy: reviewedOn ? reviewerAccount : undefined,
      reviewedAt: reviewedOn ? atVietnamTime(reviewedOn, 9, 30) : undefined,
      reviewNote: status === TaskStatus.RETURNED ? seed.returnReason : undefined,
    };
    if (item.kind === 'DOCUMENT') {
      draft.documentNumber = item.number;
      draft.issuer = item.issuer;
      draft.documentDate = documentDay ?? addedOn;
    } else {
      if (!/^https:\/\//.test(item.url)) fail(`evidence URL ${item.url} is not https`);
      draft.url = item.url;
    }
    events.push({
      type: TaskEventType.EVIDENCE_ADDED,
      actor: leadActor,
      at: draft.submittedAt,
      changes: item.kind === 'DOCUMENT' ? { evidence: { after: item.number } } : { evidence: { after: item.url } },
      note: item.title,
    });
    return draft;
  });

  if (submittedOn) {
    events.push({
      ...statusChange('SUBMIT', TaskStatus.IN_PROGRESS),
      actor: leadActor,
      at: atVietnamTime(submittedOn, 16),
      note: 'Báo cáo hoàn thành, gửi kèm minh chứng, đề nghị xem xét.',
    });
  }
  if (reviewedOn) {
    const accepted = status === TaskStatus.COMPLETED;
    events.push({
      type: TaskEventType.EVIDENCE_REVIEWED,
      actor: reviewerAccount,
      at: atVietnamTime(reviewedOn, 9, 30),
      note: accepted ? 'Minh chứng đạt yêu cầu.' : seed.returnReason,
    });
    const lateDays = completedOn && submittedOn ? daysBetween(deadline, submittedOn) : 0;
    events.push({
      ...statusChange(accepted ? 'APPROVE' : 'RETURN', TaskStatus.SUBMITTED),
      actor: reviewerAccount,
      at: atVietnamTime(reviewedOn, 9, 45),
      note: !accepted
        ? `Trả lại: ${seed.returnReason ?? ''}`
        : lateDays > 0
          ? `Công nhận hoàn thành, trễ ${lateDays} ngày so với thời hạn ${vietnameseDate(deadline)}.`
          : 'Công nhận hoàn thành đúng hạn.',
    });
  }
  if (cancelledOn) {
    const from = started ? TaskStatus.IN_PROGRESS : TaskStatus.NOT_STARTED;
    events.push({
      ...statusChange('CANCEL', from),
      actor: reviewerAccount,
      at: atVietnamTime(cancelledOn, 10),
      note: seed.cancelReason,
    });
  }

  events.sort((a, b) => a.at.getTime() - b.at.getTime());
  const first = events[0] ?? fail('no events');
  const last = events[events.length - 1] ?? first;
  if (last.at >= atVietnamTime(today, 0)) fail('an event falls on or after today');
  if (first.type !== TaskEventType.CREATED) fail('an event precedes the task’s creation');

  const changesTask: readonly TaskEventType[] = [TaskEventType.STATUS_CHANGED, TaskEventType.PROGRESS_REPORTED];
  const version =
    1 +
    events.filter(
      (event) => changesTask.includes(event.type) || (event.type === TaskEventType.EXTENSION_DECIDED && event.changes),
    ).length;

  return {
    seed,
    startDate: start,
    deadline,
    originalDeadline,
    // A task counts as completed on the day of the submission the committee accepted.
    completedOn: completedOn ? (submittedOn ?? null) : null,
    submittedAt: submittedOn ? atVietnamTime(submittedOn, 16) : null,
    statusReason: seed.returnReason ?? seed.cancelReason ?? null,
    createdAt: first.at,
    updatedAt: last.at,
    version,
    events,
    evidence,
    extension,
  };
}
