// The signed-in session: the bearer token from the `login` mutation, kept in localStorage so that a
// reload stays signed in, and one plain fetch for the calls made outside the data provider.

const storageKey = 'par.session';
export const graphqlEndpoint = '/graphql';

interface StoredSession {
  token: string;
  expiresAt: string;
}

function isStoredSession(value: unknown): value is StoredSession {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as StoredSession).token === 'string' &&
    typeof (value as StoredSession).expiresAt === 'string'
  );
}

/** The token of the current session, or null when signed out or past the session's end. */
export function sessionToken(): string | null {
  const raw = localStorage.getItem(storageKey);
  if (raw === null) return null;
  let session: unknown;
  try {
    session = JSON.parse(raw);
  } catch {
    session = null;
  }
  if (isStoredSession(session) && Date.parse(session.expiresAt) > Date.now()) return session.token;
  localStorage.removeItem(storageKey);
  return null;
}

export function saveSession(session: StoredSession): void {
  localStorage.setItem(storageKey, JSON.stringify(session));
}

export function clearSession(): void {
  localStorage.removeItem(storageKey);
}

/** An offending input field as the API names it in `extensions.fields`, e.g. `input.title`. */
export interface FieldProblem {
  field: string;
  message: string;
  /** The rule broken, where the UI has its own words for it (the password policy's). */
  rule?: string;
}

/** A GraphQL error as the API sends it; `code` is its `extensions.code`. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
    /** For BAD_USER_INPUT: each offending input field and what is wrong with it. */
    readonly fields: FieldProblem[] = [],
  ) {
    super(message);
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; fields?: unknown } }[];
}

function isFieldProblems(value: unknown): value is FieldProblem[] {
  return (
    Array.isArray(value) &&
    value.every(
      (problem: unknown) =>
        typeof (problem as FieldProblem | null)?.field === 'string' &&
        typeof (problem as FieldProblem | null)?.message === 'string',
    )
  );
}

const authorization = (token: string | null): Record<string, string> =>
  token ? { authorization: `Bearer ${token}` } : {};

/** The data of a GraphQL response, or its first error as an ApiError. */
async function readResponse<T>(response: Response): Promise<T> {
  const body = (await response.json().catch(() => ({}))) as GraphQLResponse<T>;
  const [error] = body.errors ?? [];
  if (error) {
    const fields = error.extensions?.fields;
    throw new ApiError(error.message, error.extensions?.code, isFieldProblems(fields) ? fields : []);
  }
  if (!body.data) throw new ApiError(`HTTP ${response.status}`, undefined);
  return body.data;
}

/** Sends one operation with the given token (the current session's unless told otherwise). */
export async function requestGraphQL<T>(
  query: string,
  variables: Record<string, unknown> = {},
  token: string | null = sessionToken(),
): Promise<T> {
  const response = await fetch(graphqlEndpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...authorization(token),
    },
    body: JSON.stringify({ query, variables }),
  });
  return readResponse<T>(response);
}

/**
 * Sends one operation with files, as a GraphQL multipart request
 * (https://github.com/jaydenseric/graphql-multipart-request-spec): the operation, a map from each
 * file part to the variable it fills, then the files. `files` names variables, e.g. `{ file }`.
 */
export async function requestGraphQLWithFiles<T>(
  query: string,
  variables: Record<string, unknown>,
  files: Record<string, File>,
  token: string | null = sessionToken(),
): Promise<T> {
  const form = new FormData();
  const names = Object.keys(files);
  form.append(
    'operations',
    JSON.stringify({ query, variables: { ...variables, ...Object.fromEntries(names.map((name) => [name, null])) } }),
  );
  form.append(
    'map',
    JSON.stringify(Object.fromEntries(names.map((name, index) => [String(index), [`variables.${name}`]]))),
  );
  names.forEach((name, index) => form.append(String(index), files[name] as File));
  // No content-type header: the browser writes the multipart boundary itself.
  const response = await fetch(graphqlEndpoint, {
    method: 'POST',
    headers: {
      accept: 'application/graphql-response+json, application/json',
      // The API refuses a multipart request (which a browser sends cross-site without a preflight) without it.
      'x-graphql-yoga-csrf': '1',
      ...authorization(token),
    },
    body: form,
  });
  return readResponse<T>(response);
}

/**
 * Downloads a file that needs the session (an evidence file): a plain link would not carry the
 * bearer token, so the file is fetched as a blob and saved under the given name.
 */
export async function downloadWithSession(url: string, fileName: string, token: string | null = sessionToken()) {
  const response = await fetch(url, { headers: authorization(token) });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { error?: unknown };
    const message = typeof body.error === 'string' ? body.error : `HTTP ${response.status}`;
    throw new ApiError(
      message,
      response.status === 401 ? 'UNAUTHENTICATED' : response.status === 404 ? 'NOT_FOUND' : undefined,
    );
  }
  const blob = await response.blob();
  const href = URL.createObjectURL(blob);
  try {
    const link = document.createElement('a');
    link.href = href;
    link.download = fileName;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // Give the browser a moment to start the download before the blob goes.
    setTimeout(() => URL.revokeObjectURL(href), 10_000);
  }
}
