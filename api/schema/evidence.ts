import { z } from 'zod';
import { EvidenceKind, ReviewStatus, type Prisma, type TaskStatus } from '../../generated/prisma/client.ts';
import { builder } from '../builder.ts';
import { viewerOf } from '../context.ts';
import { listSize } from '../cost.ts';
import {
  acceptedFileTypes,
  addEvidence,
  allowedEvidenceActions,
  evidenceRules,
  evidenceStepRules,
  type EvidenceStep,
  addFileEvidence,
  assertMayAddEvidence,
  checkUpload,
  reviewEvidence,
  type EvidenceDecision,
  type EvidenceDraft,
} from '../services/evidence.ts';
import { runMutation } from '../services/mutation.ts';
import { rolesFor } from './access.ts';
import { TaskStatusFilter, taskPartiesOf, taskPartiesSelection } from './task.ts';
import {
  DateTimeFilter,
  IDFilter,
  enumFilter,
  enumWhere,
  decodeId,
  idWhere,
  logicalFields,
  logicalWhere,
  rangeWhere,
  type EnumFilterValue,
  type IdFilterValue,
  type Logical,
  type RangeFilterValue,
} from './filters.ts';
import { countBesidePage, offsetArgOptions, orderInput, withOffset } from './lists.ts';
import { dateInput, optionalText, plainText, requiredText } from './validation.ts';

export const EvidenceKindEnum = builder.enumType(EvidenceKind, {
  name: 'EvidenceKind',
  description: 'What form a piece of evidence takes.',
});

export const ReviewStatusEnum = builder.enumType(ReviewStatus, {
  name: 'ReviewStatus',
  description: "The committee's verdict on a piece of evidence.",
});

const evidenceStepDescriptions: Record<EvidenceStep, string> = {
  REVIEW: 'Accept or reject the evidence (reviewEvidence).',
};

export const EvidenceActionEnum = builder.enumType('EvidenceAction', {
  description:
    "Something a signed-in account may do to a piece of evidence, as allowed by its role, its unit and the task's status. Adding evidence is the task's ADD_EVIDENCE.",
  values: Object.fromEntries(
    Object.entries(evidenceStepDescriptions).map(([value, description]) => [value, { value, description }]),
  ) as Record<EvidenceStep, { value: EvidenceStep; description: string }>,
});

export const EvidenceRef = builder.prismaNode('Evidence', {
  id: { field: 'id' },
  description: 'Proof (minh chứng) that a task was carried out: a document, a link or an uploaded file.',
  fields: (t) => ({
    task: t.relation('task'),
    kind: t.expose('kind', { type: EvidenceKindEnum }),
    title: t.exposeString('title'),
    documentNumber: t.exposeString('documentNumber', { nullable: true, description: 'e.g. "125/KH-UBND".' }),
    documentDate: t.expose('documentDate', { type: 'Date', nullable: true }),
    issuer: t.exposeString('issuer', { nullable: true }),
    url: t.exposeString('url', { nullable: true }),
    fileSha256: t.exposeString('fileSha256', { nullable: true, description: 'SHA-256 of an uploaded file.' }),
    fileSize: t.exposeInt('fileSize', { nullable: true, description: 'Size of an uploaded file in bytes.' }),
    mimeType: t.exposeString('mimeType', { nullable: true }),
    fileName: t.exposeString('fileName', {
      nullable: true,
      description: 'The name the file had when uploaded, cleaned for display; never used to store it.',
    }),
    submittedBy: t.relation('submittedBy', { nullable: true }),
    submittedAt: t.expose('submittedAt', { type: 'DateTime' }),
    reviewStatus: t.expose('reviewStatus', { type: ReviewStatusEnum }),
    reviewedBy: t.relation('reviewedBy', { nullable: true }),
    reviewedAt: t.expose('reviewedAt', { type: 'DateTime', nullable: true }),
    reviewNote: t.exposeString('reviewNote', { nullable: true }),
    version: t.exposeInt('version', {
      description: 'Starts at 1 and goes up with each review; reviewEvidence names the version it read.',
    }),
    downloadUrl: t.string({
      nullable: true,
      description:
        'Where an uploaded file is downloaded, relative to the server, e.g. "/files/evidence/12"; send the session as a bearer token. Null unless the kind is FILE.',
      select: { id: true, kind: true },
      resolve: (evidence) => (evidence.kind === 'FILE' ? `/files/evidence/${evidence.id}` : null),
    }),
    allowedActions: t.field({
      type: [EvidenceActionEnum],
      description: 'What the signed-in account may do to the evidence now; the server enforces the same rules.',
      extensions: listSize(Object.keys(evidenceStepDescriptions).length),
      select: (_args, ctx) => ({ task: { select: taskPartiesSelection(ctx, evidenceStepRules) } }),
      resolve: (evidence, _args, ctx) => allowedEvidenceActions(ctx.viewer, taskPartiesOf(evidence.task)),
    }),
  }),
});

interface EvidenceFilterValue extends Logical<EvidenceFilterValue> {
  task?: IdFilterValue | null;
  kind?: EnumFilterValue<EvidenceKind> | null;
  reviewStatus?: EnumFilterValue<ReviewStatus> | null;
  submittedAt?: RangeFilterValue<Date> | null;
  leadUnit?: IdFilterValue | null;
  taskStatus?: EnumFilterValue<TaskStatus> | null;
}

const EvidenceKindFilter = enumFilter<EvidenceKind>('EvidenceKindFilter', EvidenceKindEnum, 'Matches evidence kinds.');
const ReviewStatusFilter = enumFilter<ReviewStatus>('ReviewStatusFilter', ReviewStatusEnum, 'Matches review statuses.');

export const EvidenceFilter = builder.inputRef<EvidenceFilterValue>('EvidenceFilter').implement({
  description: 'Selects evidence.',
  fields: (t) => ({
    task: t.field({ type: IDFilter }),
    kind: t.field({ type: EvidenceKindFilter }),
    reviewStatus: t.field({ type: ReviewStatusFilter }),
    submittedAt: t.field({ type: DateTimeFilter }),
    leadUnit: t.field({ type: IDFilter, description: 'The lead unit of the task.' }),
    taskStatus: t.field({
      type: TaskStatusFilter,
      description: 'The status of the task, e.g. open tasks only for a review queue.',
    }),
    ...logicalFields(t, EvidenceFilter),
  }),
});

function evidenceWhere(filter: EvidenceFilterValue | null | undefined): Prisma.EvidenceWhereInput | undefined {
  return logicalWhere(filter, (f): Prisma.EvidenceWhereInput => ({
    ...(f.task && { taskId: idWhere(f.task, 'Task', 'filter.task') }),
    ...(f.kind && { kind: enumWhere(f.kind) }),
    ...(f.reviewStatus && { reviewStatus: enumWhere(f.reviewStatus) }),
    ...(f.submittedAt && { submittedAt: rangeWhere(f.submittedAt) }),
    ...((f.leadUnit || f.taskStatus) && {
      task: {
        ...(f.leadUnit && { leadUnitId: idWhere(f.leadUnit, 'Unit', 'filter.leadUnit') }),
        ...(f.taskStatus && { status: enumWhere(f.taskStatus) }),
      },
    }),
  }));
}

const EvidenceOrder = orderInput<Prisma.EvidenceOrderByWithRelationInput>()('Evidence', {
  SUBMITTED_AT: { description: 'Time of submission.', orderBy: (d) => ({ submittedAt: d }) },
  DOCUMENT_DATE: {
    description: 'Date of the document.',
    orderBy: (d) => ({ documentDate: { sort: d, nulls: 'last' } }),
  },
  TITLE: { description: 'Title.', orderBy: (d) => ({ title: d }) },
});

const evidenceCount = countBesidePage((args: { filter?: Parameters<typeof evidenceWhere>[0] }, ctx) =>
  ctx.prisma.evidence.count({ where: evidenceWhere(args.filter) }),
);

builder.queryField('evidence', (t) =>
  t.prismaConnection({
    type: 'Evidence',
    cursor: 'id',
    description: 'Evidence across tasks, latest first unless told otherwise.',
    args: {
      filter: t.arg({ type: EvidenceFilter }),
      orderBy: t.arg({ type: [EvidenceOrder.ref] }),
      offset: t.arg.int(offsetArgOptions),
    },
    totalCount: evidenceCount.totalCount,
    resolve: (query, _parent, args, ctx, info) => {
      evidenceCount.start(args, ctx, info);
      return ctx.prisma.evidence.findMany({
        ...withOffset(query, args),
        where: evidenceWhere(args.filter),
        orderBy: EvidenceOrder.toOrderBy(args.orderBy ?? [{ field: 'SUBMITTED_AT', direction: 'desc' }]),
      });
    },
  }),
);

/** A WHATWG File, as graphql-yoga hands over the parts of a multipart request. */
function isFile(value: unknown): value is File {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Blob).arrayBuffer === 'function' &&
    typeof (value as Blob).size === 'number'
  );
}

const notAFile = 'Send the file as a part of a GraphQL multipart request';

export const FileScalar = builder.scalarType('File', {
  description:
    'A file uploaded with a GraphQL multipart request (https://github.com/jaydenseric/graphql-multipart-request-spec). Input only.',
  serialize: () => {
    throw new TypeError('File is an input type only');
  },
  parseValue: (value: unknown) => {
    if (isFile(value)) return value;
    throw new TypeError(notAFile);
  },
  parseLiteral: () => {
    throw new TypeError(notAFile);
  },
});

export const EvidenceDecisionEnum = builder.enumType('EvidenceDecision', {
  description: "The committee's verdict when reviewing evidence.",
  values: {
    ACCEPTED: { value: 'ACCEPTED' as const, description: 'The evidence proves the work.' },
    REJECTED: { value: 'REJECTED' as const, description: 'The evidence does not prove the work; a note says why.' },
  },
});

function isWebAddress(value: string): boolean {
  if (!/^https?:\/\/\S+$/i.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** The fields each kind of evidence added by addEvidence needs, and no others. */
const kindFields: Record<string, readonly string[]> = {
  DOCUMENT: ['documentNumber', 'documentDate', 'issuer'],
  LINK: ['url'],
};
const kindSpecificFields = ['documentNumber', 'documentDate', 'issuer', 'url'];

export const AddEvidenceInput = builder.inputType('AddEvidenceInput', {
  description:
    'A document reference (title, documentNumber, documentDate, issuer) or a link (title, url). Files are sent with uploadEvidence.',
  validate: z.looseObject({ kind: z.string() }).superRefine((input, issues) => {
    const needed = kindFields[input.kind] ?? [];
    const kind = input.kind.toLowerCase();
    for (const field of kindSpecificFields) {
      const value = input[field];
      const present = value !== null && value !== undefined && value !== '';
      if (needed.includes(field) && !present) {
        issues.addIssue({ code: 'custom', path: [field], message: `Required for a ${kind}` });
      } else if (!needed.includes(field) && present) {
        issues.addIssue({ code: 'custom', path: [field], message: `Not used for a ${kind}` });
      }
    }
  }),
  fields: (t) => ({
    kind: t.field({
      type: EvidenceKindEnum,
      required: true,
      description: 'DOCUMENT or LINK; FILE is refused here (use uploadEvidence).',
      validate: z.string().refine((kind) => kind !== 'FILE', 'Send files with uploadEvidence'),
    }),
    title: t.string({
      required: true,
      description: 'What the evidence is, e.g. "Kế hoạch số 125/KH-UBND".',
      validate: requiredText(500),
    }),
    documentNumber: t.string({
      description: 'Official number of the document, e.g. "125/KH-UBND". Documents only.',
      validate: optionalText(100),
    }),
    documentDate: t.field({ type: 'Date', description: 'Date of the document. Documents only.', validate: dateInput }),
    issuer: t.string({
      description: 'The body that issued the document. Documents only.',
      validate: optionalText(200),
    }),
    url: t.string({
      description: 'An http:// or https:// address, at most 2000 characters. Links only.',
      validate: plainText(
        z
          .string()
          .trim()
          .max(2000, 'At most 2000 characters')
          .refine(isWebAddress, 'Must be an http:// or https:// address'),
      ).nullish(),
    }),
  }),
});

function evidenceDraft(input: typeof AddEvidenceInput.$inferInput): EvidenceDraft {
  // The input's validator has made sure the fields of the kind are there.
  if (input.kind === 'DOCUMENT') {
    return {
      kind: 'DOCUMENT',
      title: input.title,
      documentNumber: input.documentNumber as string,
      documentDate: input.documentDate as Date,
      issuer: input.issuer as string,
    };
  }
  return { kind: 'LINK', title: input.title, url: input.url as string };
}

const acceptedTypes = [...new Set(Object.values(acceptedFileTypes).map((type) => type.label))].join(', ');
const taskIdArg = { required: true, description: 'Global id of the task.' } as const;

builder.mutationFields((t) => ({
  addEvidence: t.prismaField({
    type: 'Evidence',
    description:
      'Adds a document reference or a link as evidence of a task while it is with the unit (not started, in progress or returned). The heads of the lead and supporting units, or the secretariat.',
    authScopes: rolesFor(evidenceRules, 'ADD'),
    args: {
      taskId: t.arg.id(taskIdArg),
      input: t.arg({ type: AddEvidenceInput, required: true, description: 'The document or link.' }),
    },
    resolve: (query, _root, args, ctx, info) =>
      runMutation(ctx, info, async (w) => {
        const evidence = await addEvidence(w, decodeId(args.taskId, 'Task', 'taskId'), evidenceDraft(args.input));
        return w.tx.evidence.findUniqueOrThrow({ ...query, where: { id: evidence.id } });
      }),
  }),
  uploadEvidence: t.prismaField({
    type: 'Evidence',
    description: `Uploads a file as evidence of a task (a GraphQL multipart request), while the task is with the unit. Accepted, judged by the content and not the name: ${acceptedTypes}; at most MAX_UPLOAD_MB (20 MB unless configured). The heads of the lead and supporting units, or the secretariat.`,
    authScopes: rolesFor(evidenceRules, 'ADD'),
    args: {
      taskId: t.arg.id(taskIdArg),
      title: t.arg.string({
        required: true,
        description: 'What the file is, e.g. "Báo cáo quý 1".',
        validate: requiredText(500),
      }),
      file: t.arg({ type: FileScalar, required: true, description: 'The file; its name is kept for display only.' }),
    },
    resolve: async (query, _root, args, ctx, info) => {
      const taskId = decodeId(args.taskId, 'Task', 'taskId');
      const { store, maxBytes } = ctx.uploads;
      // Refused callers leave nothing behind, not even a file.
      await assertMayAddEvidence(ctx.prisma, viewerOf(ctx), taskId);
      const upload = await checkUpload(args.file, maxBytes);
      // An orphan file after a failed transaction is harmless: it is named by its content and reused.
      const stored = await store.put(upload.content);
      return runMutation(ctx, info, async (w) => {
        const evidence = await addFileEvidence(w, taskId, {
          title: args.title,
          sha256: stored.sha256,
          size: stored.size,
          mimeType: upload.mimeType,
          fileName: upload.fileName,
        });
        return w.tx.evidence.findUniqueOrThrow({ ...query, where: { id: evidence.id } });
      });
    },
  }),
  reviewEvidence: t.prismaField({
    type: 'Evidence',
    description:
      'Accepts or rejects a piece of evidence of an open task; a rejection needs a note. Names the version of the evidence it read: when another review came first, CONFLICT (extensions.currentVersion). The committee or the secretariat.',
    authScopes: rolesFor(evidenceRules, 'REVIEW'),
    args: {
      id: t.arg.id({ required: true, description: 'Global id of the evidence, e.g. "Evidence:12".' }),
      version: t.arg.int({
        required: true,
        description: 'The version of the evidence the decision is based on; CONFLICT when outdated.',
      }),
      decision: t.arg({ type: EvidenceDecisionEnum, required: true, description: 'Accept or reject.' }),
      note: t.arg.string({
        description: "The reviewer's note; required when rejecting.",
        validate: optionalText(2_000),
      }),
    },
    resolve: (query, _root, args, ctx, info) =>
      runMutation(ctx, info, async (w) => {
        const decision: EvidenceDecision = args.decision;
        const id = decodeId(args.id, 'Evidence');
        const evidence = await reviewEvidence(w, id, args.version, decision, args.note ?? null);
        return w.tx.evidence.findUniqueOrThrow({ ...query, where: { id: evidence.id } });
      }),
  }),
}));
