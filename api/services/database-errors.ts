// Turns the database's refusals (unique keys, foreign keys, checks, triggers, missing rows) into the
// API's expected errors, naming the input field where the constraint tells which one it is.
import { AppError, NotFoundError, ValidationError } from '../errors.ts';

interface PrismaKnownError {
  code: string;
  meta?: {
    modelName?: string;
    driverAdapterError?: {
      cause?: {
        originalMessage?: string;
        constraint?: { fields?: string[]; index?: string };
      };
    };
  };
}

function isPrismaKnownError(error: unknown): error is PrismaKnownError {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { name?: unknown }).name === 'PrismaClientKnownRequestError' &&
    typeof (error as { code?: unknown }).code === 'string'
  );
}

/** Check constraints and the input field each one is about. */
const checkFields: Record<string, string> = {
  Unit_code_check: 'code',
  Unit_not_own_parent_check: 'parentId',
  Unit_not_own_successor_check: 'successorId',
  Unit_dates_check: 'dissolvedOn',
  Headship_dates_check: 'endDate',
  Task_progress_check: 'progress',
  Task_dates_check: 'deadline',
  Task_completion_check: 'status',
  Task_title_check: 'title',
  Target_years_check: 'targetYear',
  Resolution_years_check: 'orientationYear',
  Account_username_check: 'username',
  Account_unit_head_unit_check: 'unitId',
  IndexNode_points_check: 'maxPoints',
  IndexNode_code_check: 'code',
  IndexScore_points_check: 'points',
  DeadlineExtension_date_check: 'requestedDeadline',
  DeadlineExtension_reason_check: 'reason',
  Evidence_kind_fields_check: 'kind',
  Evidence_url_check: 'url',
};

/** `Model_field_key` / `Model_field_fkey` → `field` (several fields joined with ", "). */
function fieldsOfIndex(index: string, model: string | undefined): string {
  const withoutModel = model && index.startsWith(`${model}_`) ? index.slice(model.length + 1) : index;
  return withoutModel
    .replace(/_(key|fkey|pkey)$/, '')
    .split('_')
    .join(', ');
}

export function translateDatabaseError(error: unknown, fieldPrefix = 'input'): AppError | null {
  if (!isPrismaKnownError(error)) return null;
  const model = error.meta?.modelName;
  const cause = error.meta?.driverAdapterError?.cause;
  const at = (field: string) => (fieldPrefix ? `${fieldPrefix}.${field}` : field);
  switch (error.code) {
    case 'P2002': {
      if (cause?.constraint?.index === 'DeadlineExtension_one_pending') {
        return ValidationError.field('taskId', 'Another extension request for this task is waiting for a decision');
      }
      const fields = cause?.constraint?.fields?.join(', ') ?? fieldsOfIndex(cause?.constraint?.index ?? '', model);
      return ValidationError.field(at(fields || 'input'), `Another ${model ?? 'record'} already has this value`);
    }
    case 'P2003': {
      const field = fieldsOfIndex(cause?.constraint?.index ?? '', model);
      return ValidationError.field(at(field || 'input'), 'Refers to a record that does not exist');
    }
    case 'P2025':
      return new NotFoundError(model ?? 'Record', '(requested)');
    case 'P2039':
    case 'P2004': {
      const message = cause?.originalMessage ?? 'A rule of the data was broken';
      const constraint = /constraint "([^"]+)"/.exec(message)?.[1];
      const field = constraint ? checkFields[constraint] : undefined;
      return ValidationError.field(at(field ?? 'input'), constraint ? `Breaks the rule ${constraint}` : message);
    }
    default:
      return null;
  }
}
