import { EvidenceKind, ReviewStatus, type Prisma } from '../../generated/prisma/client.ts';
import { builder } from '../builder.ts';
import {
  DateTimeFilter,
  IDFilter,
  enumFilter,
  enumWhere,
  idWhere,
  logicalFields,
  logicalWhere,
  rangeWhere,
  type EnumFilterValue,
  type IdFilterValue,
  type Logical,
  type RangeFilterValue,
} from './filters.ts';
import { offsetArgOptions, orderInput, withOffset } from './lists.ts';

export const EvidenceKindEnum = builder.enumType(EvidenceKind, {
  name: 'EvidenceKind',
  description: 'What form a piece of evidence takes.',
});

export const ReviewStatusEnum = builder.enumType(ReviewStatus, {
  name: 'ReviewStatus',
  description: "The committee's verdict on a piece of evidence.",
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
    fileName: t.exposeString('fileName', { nullable: true, description: 'The name the file had when uploaded.' }),
    submittedBy: t.relation('submittedBy', { nullable: true }),
    submittedAt: t.expose('submittedAt', { type: 'DateTime' }),
    reviewStatus: t.expose('reviewStatus', { type: ReviewStatusEnum }),
    reviewedBy: t.relation('reviewedBy', { nullable: true }),
    reviewedAt: t.expose('reviewedAt', { type: 'DateTime', nullable: true }),
    reviewNote: t.exposeString('reviewNote', { nullable: true }),
  }),
});

interface EvidenceFilterValue extends Logical<EvidenceFilterValue> {
  task?: IdFilterValue | null;
  kind?: EnumFilterValue<EvidenceKind> | null;
  reviewStatus?: EnumFilterValue<ReviewStatus> | null;
  submittedAt?: RangeFilterValue<Date> | null;
  leadUnit?: IdFilterValue | null;
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
    ...logicalFields(t, EvidenceFilter),
  }),
});

function evidenceWhere(filter: EvidenceFilterValue | null | undefined): Prisma.EvidenceWhereInput | undefined {
  return logicalWhere(filter, (f): Prisma.EvidenceWhereInput => ({
    ...(f.task && { taskId: idWhere(f.task, 'Task', 'filter.task') }),
    ...(f.kind && { kind: enumWhere(f.kind) }),
    ...(f.reviewStatus && { reviewStatus: enumWhere(f.reviewStatus) }),
    ...(f.submittedAt && { submittedAt: rangeWhere(f.submittedAt) }),
    ...(f.leadUnit && { task: { leadUnitId: idWhere(f.leadUnit, 'Unit', 'filter.leadUnit') } }),
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
    totalCount: (_parent, args, ctx) => ctx.prisma.evidence.count({ where: evidenceWhere(args.filter) }),
    resolve: (query, _parent, args, ctx) =>
      ctx.prisma.evidence.findMany({
        ...withOffset(query, args),
        where: evidenceWhere(args.filter),
        orderBy: EvidenceOrder.toOrderBy(args.orderBy ?? [{ field: 'SUBMITTED_AT', direction: 'desc' }]),
      }),
  }),
);
