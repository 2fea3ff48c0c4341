// What each list exports: its columns in reading order, related records by name (the rows come with
// `leadUnit { id name }` and the like, so no extra request is needed), enum values by their label.
import type { TranslateFunction } from 'react-admin';
import { enumLabel, type EnumName } from '../enums';
import { day, instant, num, text, type ExportCell, type ExportTable } from './export';

type Values = Record<string, unknown>;

export interface ExportColumn {
  /** Path of the value in the row, e.g. "leadUnit.name". */
  source: string;
  /** i18n key of the header; `resources.<resource>.fields.<first part of source>` when absent. */
  label?: string;
  kind?: 'text' | 'number' | 'percent' | 'day' | 'instant' | 'instantSeconds' | 'boolean' | 'json';
  /** Enum values are written by their label in the current language. */
  enumName?: EnumName;
  /** A value written by its translation, e.g. `par.audit.entity.Task`. */
  translateKey?: (value: string) => string;
}

/** The value at a dotted path of a row. */
export function valueAt(record: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value as Values | null | undefined)?.[key], record);
}

function cellOf(column: ExportColumn, record: unknown, translate: TranslateFunction): ExportCell {
  const value = valueAt(record, column.source);
  if (value === null || value === undefined) return null;
  if (column.enumName) return text(translate(enumLabel(column.enumName, String(value)), { _: String(value) }));
  if (column.translateKey) return text(translate(column.translateKey(String(value)), { _: String(value) }));
  switch (column.kind) {
    case 'number':
      return num(value);
    case 'percent':
      return num(value, 2);
    case 'day':
      return day(value);
    case 'instant':
      return instant(value);
    case 'instantSeconds':
      return instant(value, true);
    case 'boolean':
      return text(translate(value ? 'ra.boolean.true' : 'ra.boolean.false'));
    case 'json':
      return text(typeof value === 'string' ? value : JSON.stringify(value));
    default:
      return text(value);
  }
}

/** The rows of a list as a table to export, headers in the current language. */
export function exportTable(
  resource: string,
  columns: ExportColumn[],
  records: unknown[],
  translate: TranslateFunction,
): ExportTable {
  return {
    name: resource,
    headers: columns.map((column) =>
      translate(column.label ?? `resources.${resource}.fields.${column.source.split('.')[0]}`),
    ),
    rows: records.map((record) => columns.map((column) => cellOf(column, record, translate))),
  };
}

/** Columns of each resource's list export. */
export const exportColumns: Record<string, ExportColumn[]> = {
  tasks: [
    { source: 'title' },
    { source: 'leadUnit.name' },
    { source: 'responsibleHead.fullName' },
    { source: 'objective.code' },
    { source: 'deadline', kind: 'day' },
    { source: 'daysToDeadline', kind: 'number' },
    { source: 'status', enumName: 'TaskStatus' },
    { source: 'timeliness', enumName: 'Timeliness' },
    { source: 'priority', enumName: 'TaskPriority' },
    { source: 'progress', kind: 'number' },
    { source: 'submittedAt', kind: 'instant' },
  ],
  units: [
    { source: 'code' },
    { source: 'name' },
    { source: 'kind', enumName: 'UnitKind' },
    { source: 'parent.name' },
    { source: 'currentHead.fullName' },
    { source: 'active', kind: 'boolean' },
    { source: 'dissolvedOn', kind: 'day' },
  ],
  objectives: [
    { source: 'code' },
    { source: 'title' },
    { source: 'reformArea.name' },
    { source: 'resolution.code' },
    { source: 'taskCount', kind: 'number' },
  ],
  targets: [
    { source: 'code' },
    { source: 'indicator' },
    { source: 'comparator', enumName: 'Comparator' },
    { source: 'targetValue', kind: 'number' },
    { source: 'measure' },
    { source: 'targetYear', kind: 'number' },
    { source: 'status', label: 'par.targets.status', translateKey: (value) => `par.targets.statuses.${value}` },
    { source: 'metric', label: 'par.targets.metric', translateKey: (value) => `par.targets.metrics.${value}` },
    { source: 'objective.code' },
    { source: 'unit.name' },
  ],
  resolutions: [
    { source: 'code' },
    { source: 'title' },
    { source: 'issuedBy' },
    { source: 'issuedOn', kind: 'day' },
    { source: 'horizonYear', kind: 'number' },
    { source: 'orientationYear', kind: 'number' },
  ],
  reformAreas: [{ source: 'sortOrder', kind: 'number' }, { source: 'code' }, { source: 'name' }, { source: 'nameEn' }],
  people: [
    { source: 'fullName' },
    { source: 'email' },
    { source: 'phone' },
    { source: 'illustrative', kind: 'boolean' },
  ],
  headships: [
    { source: 'unit.name' },
    { source: 'person.fullName' },
    { source: 'title' },
    { source: 'startDate', kind: 'day' },
    { source: 'endDate', kind: 'day' },
    { source: 'acting', kind: 'boolean' },
    { source: 'current', kind: 'boolean' },
  ],
  indexResults: [
    { source: 'year', kind: 'number' },
    { source: 'unit.name' },
    { source: 'framework.level', label: 'resources.indexResults.fields.level', enumName: 'IndexLevel' },
    { source: 'publishedPercent', kind: 'percent' },
    { source: 'publishedRank', kind: 'number' },
    { source: 'publishedOf', label: 'par.export.rank_of', kind: 'number' },
    { source: 'publishedOn', kind: 'day' },
    { source: 'percent', kind: 'percent' },
    { source: 'totalPoints', kind: 'number' },
    { source: 'illustrative', kind: 'boolean' },
    { source: 'rank', label: 'par.scores.rank_column', kind: 'number' },
    { source: 'computedRank', label: 'par.scores.computed_rank_column', kind: 'number' },
    { source: 'percentDelta', label: 'par.scores.delta_column', kind: 'percent' },
  ],
  satisfactionResults: [
    { source: 'year', kind: 'number' },
    { source: 'unit.name' },
    { source: 'sector', enumName: 'ServiceSector' },
    { source: 'element', enumName: 'SipasElement' },
    { source: 'satisfactionPercent', kind: 'percent' },
    { source: 'perceptionPercent', kind: 'percent' },
    { source: 'expectationPercent', kind: 'percent' },
    { source: 'respondents', kind: 'number' },
    { source: 'targetValue', kind: 'number' },
    { source: 'meetsTarget', translateKey: (v) => (v === 'true' ? 'par.scores.meets' : 'par.scores.misses') },
    { source: 'illustrative', kind: 'boolean' },
  ],
  accounts: [
    { source: 'username' },
    { source: 'displayName' },
    { source: 'role', enumName: 'Role' },
    { source: 'unit.name' },
    { source: 'person.fullName' },
    { source: 'disabled', kind: 'boolean' },
    { source: 'lastLoginAt', kind: 'instant' },
  ],
  improvementPlans: [
    { source: 'unit.name' },
    { source: 'year', kind: 'number' },
    { source: 'targetPercent', kind: 'percent' },
    { source: 'comparison.lastPercent', label: 'par.plans.last_percent', kind: 'percent' },
    { source: 'status', translateKey: (value) => `par.plans.statuses.${value}` },
    { source: 'flagged', kind: 'boolean' },
  ],
  auditEntries: [
    { source: 'at', kind: 'instantSeconds' },
    { source: 'actor.displayName' },
    { source: 'operation' },
    { source: 'action', enumName: 'AuditAction' },
    { source: 'entity', label: 'resources.auditEntries.fields.entity', translateKey: (v) => `par.audit.entity.${v}` },
    { source: 'entityId', label: 'par.export.entity_id', kind: 'number' },
    { source: 'changes', kind: 'json' },
    { source: 'note' },
  ],
};
