// The API's enums in the order people read them (the schema lists them alphabetically), with the
// choices the forms and filters offer. Labels live in i18n under `par.enum.<Enum>.<VALUE>`.

export const enums = {
  TaskStatus: ['NOT_STARTED', 'IN_PROGRESS', 'SUBMITTED', 'RETURNED', 'COMPLETED', 'CANCELLED'],
  Timeliness: ['ON_TRACK', 'DUE_SOON', 'OVERDUE', 'COMPLETED_ON_TIME', 'COMPLETED_WITHIN_EXTENSION', 'COMPLETED_LATE'],
  TaskPriority: ['LOW', 'NORMAL', 'HIGH', 'URGENT'],
  TaskEventType: [
    'CREATED',
    'UPDATED',
    'STATUS_CHANGED',
    'PROGRESS_REPORTED',
    'EVIDENCE_ADDED',
    'EVIDENCE_REVIEWED',
    'EXTENSION_REQUESTED',
    'EXTENSION_DECIDED',
    'COMMENTED',
  ],
  UnitKind: ['DISTRICT', 'COMMITTEE', 'AGENCY', 'TOWNSHIP', 'COMMUNE'],
  Role: ['ADMIN', 'COMMITTEE', 'UNIT_HEAD', 'ANALYST'],
  AuditAction: ['CREATE', 'UPDATE', 'SIGN_IN', 'SIGN_OUT'],
  ExtensionStatus: ['PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN'],
  ReviewStatus: ['PENDING', 'ACCEPTED', 'REJECTED'],
  EvidenceKind: ['DOCUMENT', 'LINK', 'FILE'],
  Comparator: ['GT', 'GTE', 'EQ', 'LTE', 'LT'],
  IndexLevel: ['DISTRICT', 'AGENCY', 'COMMUNE'],
  ScoringMethod: ['SELF_ASSESSED', 'SURVEY'],
  ServiceSector: ['OVERALL', 'HEALTH', 'EDUCATION', 'LAND', 'CONSTRUCTION'],
  SipasElement: ['OVERALL', 'ACCESS', 'PROCEDURE', 'CIVIL_SERVANT', 'RESULT', 'FEEDBACK'],
  // The order of the buttons on a task's page.
  TaskAction: [
    'START',
    'REPORT_PROGRESS',
    'SUBMIT',
    'APPROVE',
    'RETURN',
    'REQUEST_EXTENSION',
    'DECIDE_EXTENSION',
    'ADD_EVIDENCE',
    'REVIEW_EVIDENCE',
    'COMMENT',
    'EDIT',
    'CANCEL',
  ],
} as const;

export type EnumName = keyof typeof enums;
export type EnumValue<E extends EnumName> = (typeof enums)[E][number];
export type Role = EnumValue<'Role'>;
export type Timeliness = EnumValue<'Timeliness'>;
export type TaskStatus = EnumValue<'TaskStatus'>;

/** The shape of the enum labels in every language: a label for each value of each enum. */
export type EnumMessages = { [E in EnumName]: Record<EnumValue<E>, string> };

export const enumLabel = (name: EnumName, value: string) => `par.enum.${name}.${value}`;

/** Choices for a SelectInput or SelectArrayInput; react-admin translates the names. */
export const enumChoices = (name: EnumName) =>
  enums[name].map((value) => ({ id: value, name: enumLabel(name, value) }));
