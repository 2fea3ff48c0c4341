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

/** A GraphQL error as the API sends it; `code` is its `extensions.code`. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
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
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json().catch(() => ({}))) as GraphQLResponse<T>;
  const [error] = body.errors ?? [];
  if (error) throw new ApiError(error.message, error.extensions?.code);
  if (!body.data) throw new ApiError(`HTTP ${response.status}`, undefined);
  return body.data;
}
