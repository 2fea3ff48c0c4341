// Turns the database's refusals (unique keys, foreign keys, checks, triggers, missing rows, statements
// cut by the statement timeout) into the API's expected errors, naming the input field where the
// constraint tells which one it is.
import { AppError, NotFoundError, RequestTimeoutError, ValidationError } from '../errors.ts';

interface PrismaKnownError {
  code: string;
  meta?: {
    modelName?: string;
    driverAdapterError?: {
      cause?: {
        /** The SQLSTATE, e.g. 23514 for a check violation. */
        originalCode?: string;
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
  Target_sector_check: 'sector',
  Target_metric_unit_check: 'unitId',
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

/** `Model_field_key` / `Model_a_b_key` / `Model_field_fkey` → its columns: `['field']`, `['a', 'b']`. */
function fieldsOfIndex(index: string, model: string | undefined): string[] {
  const withoutModel = model && index.startsWith(`${model}_`) ? index.slice(model.length + 1) : index;
  const columns = withoutModel.replace(/_(key|fkey|pkey)$/, '');
  return columns ? columns.split('_') : [];
}

export function translateDatabaseError(error: unknown, fieldPrefix = 'input'): AppError | null {
  if (!isPrismaKnownError(error)) return null;
  const model = error.meta?.modelName;
  const cause = error.meta?.driverAdapterError?.cause;
  // 57014: PostgreSQL cancelled the statement, which it does when statement_timeout is reached.
  if (cause?.originalCode === '57014') return new RequestTimeoutError('statement');
  const at = (field: string) => (fieldPrefix ? `${fieldPrefix}.${field}` : field);
  /** The input as a whole, when the constraint does not tell which field it is about. */
  const whole = fieldPrefix || 'input';
  switch (error.code) {
    case 'P2002': {
      if (cause?.constraint?.index === 'DeadlineExtension_one_pending') {
        return ValidationError.field('taskId', 'Another extension request for this task is waiting for a decision');
      }
      // PGlite names the columns (quoted when not lower case), PostgreSQL the index.
      const fields = (cause?.constraint?.fields ?? fieldsOfIndex(cause?.constraint?.index ?? '', model)).map((f) =>
        f.replace(/"/g, ''),
      );
      // A key of several columns is a scope and a value (an objective's code within its resolution):
      // the value is the field to change.
      const field = fields.at(-1);
      const scope = fields.slice(0, -1);
      const record = model ?? 'record';
      return ValidationError.field(
        field ? at(field) : whole,
        scope.length
          ? `Another ${record} with the same ${scope.join(' and ')} already has this ${field}`
          : `Another ${record} already has this value`,
      );
    }
    case 'P2003': {
      const fields = fieldsOfIndex(cause?.constraint?.index ?? '', model);
      return ValidationError.field(
        fields.length === 1 ? at(fields[0] as string) : whole,
        'Refers to a record that does not exist',
      );
    }
    case 'P2025':
      return new NotFoundError(model ?? 'Record', '(requested)');
    case 'P2039':
    case 'P2004': {
      // P2039 is whatever the driver reports: only check violations (constraints, and triggers raising
      // check_violation) are the client's to fix; anything else (a byte the encoding refuses, a lost
      // connection ...) is unexpected and left to be masked.
      if (error.code === 'P2039' && cause?.originalCode !== undefined && cause.originalCode !== '23514') return null;
      const message = cause?.originalMessage ?? 'A rule of the data was broken';
      const constraint = /constraint "([^"]+)"/.exec(message)?.[1];
      const field = constraint ? checkFields[constraint] : undefined;
      return ValidationError.field(field ? at(field) : whole, constraint ? `Breaks the rule ${constraint}` : message);
    }
    default:
      return null;
  }
}
