// Sign-in through the API's `login` mutation; the bearer token lives in localStorage (session.ts).
import { HttpError, type AuthProvider } from 'react-admin';
import { canAccess, type Viewer } from './access';
import { ApiError, clearSession, requestGraphQL, saveSession, sessionToken } from './session';

const loginMutation = `mutation Login($username: String!, $password: String!) {
  login(username: $username, password: $password) { token expiresAt }
}`;
const logoutMutation = 'mutation Logout { logout }';
const meQuery = 'query Me { me { id displayName role canReadAuditLog unit { id name } } }';

const signedOut = () => new HttpError('ra.auth.auth_check_error', 401);
// The API no longer knows the token: it expired, or the session was ended elsewhere.
const sessionEnded = () => new HttpError('ra.notification.logged_out', 401);

// One `me` request per session: identity, permissions and access checks all ask for it.
let viewerCache: { token: string; viewer: Promise<Viewer> } | null = null;

function currentViewer(): Promise<Viewer> {
  const token = sessionToken();
  if (!token) return Promise.reject(signedOut());
  if (viewerCache?.token !== token) {
    const viewer = requestGraphQL<{ me: Viewer | null }>(meQuery, {}, token).then(({ me }) => {
      if (!me) throw sessionEnded();
      return me;
    });
    // A failed request is not kept: the next call asks again.
    viewer.catch(() => {
      if (viewerCache?.viewer === viewer) viewerCache = null;
    });
    viewerCache = { token, viewer };
  }
  return viewerCache.viewer;
}

function isCredentials(params: unknown): params is { username: string; password: string } {
  const { username, password } = (params ?? {}) as Record<string, unknown>;
  return typeof username === 'string' && typeof password === 'string';
}

export const authProvider: AuthProvider = {
  async login(params: unknown) {
    if (!isCredentials(params)) throw new Error('ra.auth.sign_in_error');
    try {
      const { login } = await requestGraphQL<{ login: { token: string; expiresAt: string } }>(
        loginMutation,
        { username: params.username.trim(), password: params.password },
        null,
      );
      saveSession(login);
    } catch (error) {
      // The API never says whether the account exists; other failures are the connection's.
      throw new Error(error instanceof ApiError && error.code ? 'ra.auth.sign_in_error' : 'ra.notification.http_error');
    }
  },

  async logout() {
    const token = sessionToken();
    clearSession();
    viewerCache = null;
    if (token) await requestGraphQL(logoutMutation, {}, token).catch(() => undefined);
  },

  async checkAuth() {
    if (!sessionToken()) throw signedOut();
  },

  async checkError(error: unknown) {
    // The data provider turns UNAUTHENTICATED into 401: the session expired or was ended elsewhere.
    // react-admin then calls logout, which clears the token.
    if (error instanceof HttpError && error.status === 401) throw error;
  },

  async getIdentity() {
    const viewer = await currentViewer();
    return {
      id: viewer.id,
      fullName: viewer.displayName,
      role: viewer.role,
      unitId: viewer.unit?.id ?? null,
      unitName: viewer.unit?.name ?? null,
      canReadAuditLog: viewer.canReadAuditLog,
    };
  },

  async getPermissions() {
    return (await currentViewer()).role;
  },

  async canAccess({ action, resource, record }) {
    return canAccess(await currentViewer(), action, resource, record);
  },
};
