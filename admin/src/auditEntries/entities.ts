import type { EnumName } from '../enums';

// The kinds of record the audit log names (`AuditEntry.entity`), and the pages that show them.
export const auditEntities = [
  'Task',
  'Evidence',
  'DeadlineExtension',
  'ImprovementPlan',
  'Account',
  'Resolution',
  'Objective',
  'Target',
  'TargetYear',
  'Unit',
  'Person',
  'Headship',
  'ReformArea',
  'TaskEvent',
] as const;

export type AuditEntity = (typeof auditEntities)[number];

/** Entities with a page of their own to link to. */
export const linkedResources: Partial<Record<string, string>> = {
  Task: 'tasks',
  Unit: 'units',
  Objective: 'objectives',
  Target: 'targets',
};

/** The resource whose field labels name an entity's changed fields. */
export const fieldLabelResources: Partial<Record<string, string>> = {
  ...linkedResources,
  Account: 'accounts',
  Evidence: 'evidence',
  DeadlineExtension: 'deadlineExtensions',
  Resolution: 'resolutions',
  TargetYear: 'targetYears',
  Person: 'people',
  Headship: 'headships',
  ReformArea: 'reformAreas',
};

/** Changed fields whose values are enum values, to show in words: by field, then by entity if it differs. */
const enumFields: Record<string, EnumName | Partial<Record<string, EnumName>>> = {
  role: 'Role',
  priority: 'TaskPriority',
  reviewStatus: 'ReviewStatus',
  fromStatus: 'TaskStatus',
  toStatus: 'TaskStatus',
  status: { Task: 'TaskStatus', DeadlineExtension: 'ExtensionStatus' },
  kind: { Unit: 'UnitKind', Evidence: 'EvidenceKind' },
  comparator: 'Comparator',
};

export function enumOfField(entity: string, field: string): EnumName | undefined {
  const found = enumFields[field];
  return typeof found === 'string' ? found : found?.[entity];
}

/** Fields that say which record it is come first in a list of changes; the rest keep their order. */
const leadingFields = ['username', 'code', 'title', 'name', 'fullName', 'displayName', 'status'];

export const byLeadingFields = ([a]: [string, unknown], [b]: [string, unknown]) => {
  const rank = (field: string) => {
    const index = leadingFields.indexOf(field);
    return index === -1 ? leadingFields.length : index;
  };
  return rank(a) - rank(b);
};

export const entityLabel = (entity: string) => `par.audit.entity.${entity}`;

/** Choices of the entity filter; account entries only for the secretariat, who alone sees them. */
export const entityChoices = (withAccounts: boolean) =>
  auditEntities
    .filter((entity) => withAccounts || entity !== 'Account')
    .map((entity) => ({ id: entity, name: entityLabel(entity) }));
