// How a refused call reads in a notification: in the current language, with the API's own message,
// which names the rule that refused it or each offending field.
import { HttpError, type TranslateFunction } from 'react-admin';
import { fromApiError, isApiErrorBody, problemText, type ApiErrorBody } from '../dataProvider/errors';

/** The code and server message of an error from a workflow call, when it came from the API. */
export function apiErrorBody(error: unknown): ApiErrorBody | undefined {
  const body: unknown = error instanceof HttpError ? error.body : undefined;
  return isApiErrorBody(body) ? body : undefined;
}

export const isConflict = (error: unknown) => apiErrorBody(error)?.code === 'CONFLICT';

/** `input.documentNumber` → the label of "documentNumber" in the current language. */
function fieldLabel(path: string, translate: TranslateFunction): string {
  const name = path.split('.').pop() ?? path;
  return translate(`par.workflow.fields.${name}`, { _: name });
}

export function describeApiError(error: unknown, translate: TranslateFunction): string {
  const readable = error instanceof HttpError ? error : fromApiError(error);
  const body = apiErrorBody(readable);
  switch (body?.code) {
    case 'CONFLICT':
      return translate('par.errors.conflict');
    case 'BAD_USER_INPUT': {
      const details = body.fields.length
        ? body.fields
            .map((problem) => {
              const text = translate(problemText(problem), { _: problem.message });
              return `${fieldLabel(problem.field, translate)}: ${text}`;
            })
            .join('; ')
        : body.serverMessage;
      return translate('par.errors.bad_input', { details });
    }
    case 'INVALID_TRANSITION':
      return translate('par.errors.invalid_transition', { details: body.serverMessage });
    case 'FORBIDDEN':
      return translate('par.errors.forbidden_because', { details: body.serverMessage });
    default:
      break;
  }
  return translate(readable.message, { _: body?.serverMessage ?? readable.message });
}
