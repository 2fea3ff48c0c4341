import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../support/databases.ts';
import { expectError, fixturePassword, ok, startTestApi, type TestApi } from '../support/api.ts';
import { loadFixture, type Fixture } from '../support/fixture.ts';

describe.each(databaseKinds)('signing in and out on %s', (kind) => {
  let api: TestApi;
  let fixture: Fixture;
  beforeAll(async () => {
    api = await startTestApi(kind);
    fixture = await loadFixture(api.db.prisma);
  });
  afterAll(() => api.close());

  const me = 'query { me { id displayName role username } }';

  it('signs in with the right password and knows who is signed in', async () => {
    const token = await api.signIn('admin');
    const data = ok(await api.gql<{ me: { id: string; role: string; username: string } }>(me, {}, token));
    expect(data.me).toMatchObject({ id: `Account:${fixture.accounts.admin.id}`, role: 'ADMIN', username: 'admin' });
  });

  it('gives the same answer for a wrong password and an unknown account', async () => {
    const login = 'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token } }';
    const wrong = expectError(await api.gql(login, { u: 'admin', p: 'not-the-password' }), 'UNAUTHENTICATED');
    const unknown = expectError(await api.gql(login, { u: 'nobody', p: 'not-the-password' }), 'UNAUTHENTICATED');
    expect(wrong.message).toBe(unknown.message);
  });

  it('refuses a disabled account even with the right password', async () => {
    await api.db.prisma.account.update({ where: { id: fixture.accounts.committee.id }, data: { disabled: true } });
    await expect(api.signIn('committee')).rejects.toThrow(/sign-in of committee failed/);
    await api.db.prisma.account.update({ where: { id: fixture.accounts.committee.id }, data: { disabled: false } });
  });

  it('answers me with null and refuses data to an anonymous caller', async () => {
    expect(ok(await api.gql<{ me: null }>(me)).me).toBeNull();
    expectError(await api.gql('{ tasks { totalCount } }'), 'UNAUTHENTICATED');
    expectError(await api.gql('{ node(id: "Task:1") { id } }'), 'UNAUTHENTICATED');
  });

  it('refuses a made-up token', async () => {
    expectError(await api.gql('{ tasks { totalCount } }', {}, 'x'.repeat(43)), 'UNAUTHENTICATED');
  });

  it('ends the session on logout', async () => {
    const token = await api.signIn('analyst');
    expect(ok(await api.gql<{ logout: boolean }>('mutation { logout }', {}, token)).logout).toBe(true);
    expectError(await api.gql('{ tasks { totalCount } }', {}, token), 'UNAUTHENTICATED');
  });

  it('ends a session idle for longer than 30 minutes', async () => {
    const token = await api.signIn('analyst');
    const start = api.clock.now;
    try {
      api.clock.now = new Date(start.getTime() + 29 * 60_000);
      ok(await api.gql('{ tasks { totalCount } }', {}, token));
      // Active 29 minutes ago, so still alive 29 minutes later.
      api.clock.now = new Date(start.getTime() + 58 * 60_000);
      ok(await api.gql('{ tasks { totalCount } }', {}, token));
      api.clock.now = new Date(start.getTime() + 89 * 60_000);
      expectError(await api.gql('{ tasks { totalCount } }', {}, token), 'UNAUTHENTICATED');
    } finally {
      api.clock.now = start;
    }
  });

  it('ends any session after 12 hours, however active', async () => {
    const token = await api.signIn('analyst');
    const start = api.clock.now;
    try {
      for (let minutes = 20; minutes < 12 * 60; minutes += 20) {
        api.clock.now = new Date(start.getTime() + minutes * 60_000);
        ok(await api.gql('{ me { id } }', {}, token));
      }
      api.clock.now = new Date(start.getTime() + 12 * 3_600_000 + 60_000);
      expectError(await api.gql('{ tasks { totalCount } }', {}, token), 'UNAUTHENTICATED');
    } finally {
      api.clock.now = start;
    }
  });

  it('shows sign-in details only to the secretariat and to the account itself', async () => {
    const query = `query ($id: ID!) { node(id: $id) { ... on Account { displayName username lastLoginAt } } }`;
    const analyst = await api.signIn('analyst');
    const other = ok(
      await api.gql<{ node: { username: string | null } }>(
        query,
        { id: `Account:${fixture.accounts.admin.id}` },
        analyst,
      ),
    );
    expect(other.node.username).toBeNull();
    const self = ok(
      await api.gql<{ node: { username: string | null } }>(
        query,
        { id: `Account:${fixture.accounts.analyst.id}` },
        analyst,
      ),
    );
    expect(self.node.username).toBe('analyst');
    const admin = await api.signIn('admin');
    const seen = ok(
      await api.gql<{ node: { username: string | null } }>(
        query,
        { id: `Account:${fixture.accounts.analyst.id}` },
        admin,
      ),
    );
    expect(seen.node.username).toBe('analyst');
  });

  it('keeps only a hash of the token in the database', async () => {
    const token = await api.signIn('analyst', fixturePassword);
    const sessions = await api.db.prisma.session.findMany({ select: { id: true } });
    expect(sessions.some((s) => s.id === token)).toBe(false);
    expect(sessions.every((s) => /^[0-9a-f]{64}$/.test(s.id))).toBe(true);
  });
});
