import { GraphQLError } from 'graphql';

/** Stable codes in `extensions.code`, for clients to act on. */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'INVALID_TRANSITION'
  | 'TOO_MANY_ATTEMPTS'
  | 'RATE_LIMITED'
  | 'REQUEST_TIMEOUT'
  | 'RESPONSE_TOO_LARGE';

/** An expected error: its message reaches the client unmasked, with a code. */
export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extensions } });
  }
}

export interface FieldProblem {
  /** Path of the offending input field, e.g. "input.deadline". */
  field: string;
  message: string;
  /** The rule broken, where clients may show their own words for it (the password policy's rules). */
  rule?: string;
}

/** Bad input: names every offending field; nothing was changed. */
export class ValidationError extends AppError {
  constructor(problems: FieldProblem[]) {
    const message = problems.map((p) => `${p.field}: ${p.message}`).join('; ');
    super('BAD_USER_INPUT', message, { fields: problems });
  }

  static field(field: string, message: string, rule?: string): ValidationError {
    return new ValidationError([{ field, message, ...(rule && { rule }) }]);
  }
}

/**
 * The refusal of bad input: the problems for a signed-in caller; an anonymous one is told to sign in
 * rather than taught the input rules.
 */
export function inputRefusal(problems: FieldProblem[], signedIn: boolean): AppError {
  return signedIn ? new ValidationError(problems) : new UnauthenticatedError();
}

export class NotFoundError extends AppError {
  constructor(what: string, id: string | number) {
    super('NOT_FOUND', `${what} ${id} does not exist`);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'You are not allowed to do this') {
    super('FORBIDDEN', message);
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = 'Sign in first') {
    super('UNAUTHENTICATED', message);
  }
}

/** Someone else changed the record since the caller read it. */
export class ConflictError extends AppError {
  constructor(what: string, id: string | number, currentVersion: number) {
    super('CONFLICT', `${what} ${id} was changed by someone else (now version ${currentVersion}); reload and retry`, {
      currentVersion,
    });
  }
}

/** A workflow step that the task's current status does not allow. */
export class InvalidTransitionError extends AppError {
  constructor(action: string, status: string, allowedFrom: readonly string[]) {
    super(
      'INVALID_TRANSITION',
      `Cannot ${action.toLowerCase().replace(/_/g, ' ')} a task that is ${status}; only from ${allowedFrom.join(' or ')}`,
      { status, action, allowedFrom },
    );
  }
}

/** Too many failed sign-ins for the account name or the client address; try again later. */
export class TooManyAttemptsError extends AppError {
  constructor(retryAfterSeconds: number) {
    super('TOO_MANY_ATTEMPTS', `Too many failed sign-ins; try again in ${retryAfterSeconds} seconds`, {
      retryAfterSeconds,
    });
  }
}

/** The account (or, for anonymous requests, the client address) used up its share of this minute. */
export class RateLimitedError extends AppError {
  constructor(limit: 'requests' | 'cost', max: number, retryAfterSeconds: number) {
    super(
      'RATE_LIMITED',
      `More than ${max} ${limit === 'requests' ? 'requests' : 'in query cost'} a minute; try again in ${retryAfterSeconds} seconds`,
      {
        limit,
        max,
        retryAfterSeconds,
        // Read by yoga for the HTTP answer, then left out of the body.
        http: { status: 429, headers: { 'retry-after': String(retryAfterSeconds) } },
      },
    );
  }
}

/**
 * The request ran out of time: `limit` is the query's deadline (REQUEST_TIMEOUT_MS) or the database's
 * statement timeout (STATEMENT_TIMEOUT_MS).
 */
export class RequestTimeoutError extends AppError {
  constructor(limit: 'deadline' | 'statement', maxMs?: number) {
    const took = maxMs === undefined ? 'too long' : `longer than ${maxMs} ms`;
    super(
      'REQUEST_TIMEOUT',
      limit === 'deadline'
        ? `The request took ${took} and was stopped; ask for less at a time`
        : `A database statement took ${took} and was cancelled; ask for less at a time`,
      maxMs === undefined ? { limit } : { limit, maxMs },
    );
  }
}

/** The response would hold more list items than one request may. */
export class ResponseTooLargeError extends AppError {
  constructor(max: number) {
    super('RESPONSE_TOO_LARGE', `The response would hold more than ${max} list items; ask for fewer rows or fields`, {
      limit: 'rows',
      max,
    });
  }
}
