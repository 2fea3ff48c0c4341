// GraphQL errors → react-admin HttpErrors: a status react-admin acts on (401 signs out), a message it
// can translate, and for bad input `body.errors` by form field, which the forms show beside the inputs.
import { ApolloError } from '@apollo/client/core';
import { HttpError } from 'react-admin';
import { ApiError, type FieldProblem } from '../session';

const byCode: Record<string, { message: string; status: number }> = {
  UNAUTHENTICATED: { message: 'ra.notification.logged_out', status: 401 },
  FORBIDDEN: { message: 'par.errors.forbidden', status: 403 },
  NOT_FOUND: { message: 'ra.notification.item_doesnt_exist', status: 404 },
  CONFLICT: { message: 'par.errors.conflict', status: 409 },
};

function isFieldProblems(value: unknown): value is FieldProblem[] {
  return (
    Array.isArray(value) &&
    value.every((problem) => typeof problem?.field === 'string' && typeof problem?.message === 'string')
  );
}

/** The password policy's rules (API `extensions.fields[].rule`), which the UI words itself. */
const passwordRules = new Set([
  'TOO_SHORT',
  'TOO_LONG',
  'CONTAINS_USERNAME',
  'CONTAINS_NAME',
  'REPEATED',
  'PUBLISHED',
  'COMMON',
]);

/**
 * What a form shows for a problem: the message key of a rule the UI words itself (in the current
 * language), otherwise the API's own message, which react-admin shows as it is.
 */
export function problemText({ message, rule }: FieldProblem): string {
  return rule && passwordRules.has(rule) ? `par.accounts.password_rules.${rule}` : message;
}

/** `input.deadline` → `deadline`: the forms use the input's field names. Other paths have no input. */
function formErrors(problems: FieldProblem[]): Record<string, string> | undefined {
  const errors: Record<string, string> = {};
  for (const problem of problems) {
    const [root, name] = problem.field.split('.');
    if (root === 'input' && name) errors[name] = problemText(problem);
  }
  return Object.keys(errors).length > 0 ? errors : undefined;
}

export function toReadableError(error: unknown): HttpError {
  // ra-data-graphql wraps what it catches in an HttpError whose body is the original error.
  const cause: unknown = error instanceof HttpError ? (error.body ?? error) : error;
  if (cause instanceof HttpError) return cause;
  if (!(cause instanceof ApolloError)) return new HttpError('ra.notification.http_error', 500);
  const [first] = cause.graphQLErrors;
  if (!first) return new HttpError('ra.notification.http_error', 500);
  const code = String(first.extensions?.code ?? '');
  const known = byCode[code];
  if (known) return new HttpError(known.message, known.status);
  if (code === 'BAD_USER_INPUT') {
    const problems = first.extensions?.fields;
    const errors = isFieldProblems(problems) ? formErrors(problems) : undefined;
    // The API's own message names the field and the rule; it is shown when no input carries it.
    return new HttpError(first.message, 400, errors ? { errors } : undefined);
  }
  return new HttpError('ra.notification.http_error', 500);
}

/** What a refused workflow call carries in its HttpError's body, for the page to explain it. */
export interface ApiErrorBody {
  /** The API's `extensions.code`, e.g. CONFLICT; absent for a failed connection. */
  code: string | undefined;
  /** The API's own message, which names the rule or the offending fields. */
  serverMessage: string;
  fields: FieldProblem[];
  /** The same problems by form field (`input.title` → `title`), for react-admin's forms. */
  errors?: Record<string, string>;
}

const statusByCode: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_TRANSITION: 409,
  BAD_USER_INPUT: 400,
  TOO_MANY_ATTEMPTS: 429,
};

/**
 * An error of a call made outside ra-data-graphql (session.ts) → an HttpError whose status react-admin
 * acts on (401 signs out) and whose body keeps the code, the server's message and the fields.
 */
export function fromApiError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  if (!(error instanceof ApiError)) {
    return new HttpError('ra.notification.http_error', 500, {
      code: undefined,
      serverMessage: error instanceof Error ? error.message : String(error),
      fields: [],
    } satisfies ApiErrorBody);
  }
  const body: ApiErrorBody = {
    code: error.code,
    serverMessage: error.message,
    fields: error.fields,
    errors: formErrors(error.fields) ?? fieldErrors(error.fields),
  };
  const known = error.code ? byCode[error.code] : undefined;
  return new HttpError(known?.message ?? error.message, statusByCode[error.code ?? ''] ?? 500, body);
}

/** Problems with plain arguments (`reason`, `file`) by name. */
function fieldErrors(problems: FieldProblem[]): Record<string, string> | undefined {
  if (problems.length === 0) return undefined;
  return Object.fromEntries(
    problems.map((problem) => [problem.field.split('.').pop() ?? problem.field, problemText(problem)]),
  );
}

export function isApiErrorBody(value: unknown): value is ApiErrorBody {
  return typeof value === 'object' && value !== null && typeof (value as ApiErrorBody).serverMessage === 'string';
}
