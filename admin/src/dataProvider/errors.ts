// GraphQL errors → react-admin HttpErrors: a status react-admin acts on (401 signs out), a message it
// can translate, and for bad input `body.errors` by form field, which the forms show beside the inputs.
import { ApolloError } from '@apollo/client/core';
import { HttpError } from 'react-admin';

const byCode: Record<string, { message: string; status: number }> = {
  UNAUTHENTICATED: { message: 'ra.notification.logged_out', status: 401 },
  FORBIDDEN: { message: 'par.errors.forbidden', status: 403 },
  NOT_FOUND: { message: 'ra.notification.item_doesnt_exist', status: 404 },
  CONFLICT: { message: 'par.errors.conflict', status: 409 },
};

interface FieldProblem {
  field: string;
  message: string;
}

function isFieldProblems(value: unknown): value is FieldProblem[] {
  return (
    Array.isArray(value) &&
    value.every((problem) => typeof problem?.field === 'string' && typeof problem?.message === 'string')
  );
}

/** `input.deadline` → `deadline`: the forms use the input's field names. Other paths have no input. */
function formErrors(problems: FieldProblem[]): Record<string, string> | undefined {
  const errors: Record<string, string> = {};
  for (const { field, message } of problems) {
    const [root, name] = field.split('.');
    if (root === 'input' && name) errors[name] = message;
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
