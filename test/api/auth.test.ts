import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../support/databases.ts';
import { hashPassword } from '../../api/services/password.ts';
import { expectError, fixturePassword, ok, startTestApi, type GraphQLResult, type TestApi } from '../support/api.ts';
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

describe.each(databaseKinds)('sign-in throttling on %s', (kind) => {
  let api: TestApi;
  let passwordHash: string;
  const start = new Date('2026-03-10T03:00:00Z');
  const login = 'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token } }';

  beforeAll(async () => {
    api = await startTestApi(kind, { now: start, env: { TRUST_PROXY: 'true' } });
    await loadFixture(api.db.prisma);
    passwordHash = await hashPassword(fixturePassword);
  });
  afterAll(() => api.close());

  const account = (username: string) =>
    api.db.prisma.account.create({ data: { username, displayName: username, role: 'ANALYST', passwordHash } });
  const attempt = (username: string, password: string, address?: string) =>
    api.gql<{ login: { token: string } }>(
      login,
      { u: username, p: password },
      null,
      address ? { 'x-forwarded-for': address } : {},
    );
  /** Moves the test clock to `seconds` after the start. */
  const at = (seconds: number) => {
    api.clock.now = new Date(start.getTime() + seconds * 1000);
  };
  const retryAfter = (result: GraphQLResult<unknown>) =>
    expectError(result, 'TOO_MANY_ATTEMPTS').extensions?.retryAfterSeconds;

  it('refuses the 4th quick attempt even with the right password, and lets it in after the wait', async () => {
    const user = await account('throttle.quick');
    try {
      at(0);
      const audited = await api.db.prisma.auditEntry.count();
      for (let i = 0; i < 3; i += 1) expectError(await attempt('throttle.quick', 'wrong password'), 'UNAUTHENTICATED');
      expect(await api.db.prisma.auditEntry.count(), 'failed sign-ins are not audited').toBe(audited);
      expect(retryAfter(await attempt('throttle.quick', fixturePassword))).toBe(1);
      at(1);
      ok(await attempt('throttle.quick', fixturePassword));
      const entries = await api.db.prisma.auditEntry.findMany({ where: { id: { gt: audited } } });
      expect(entries).toMatchObject([
        { operation: 'login', action: 'SIGN_IN', entity: 'Account', entityId: user.id, actorId: user.id },
      ]);
      // The success started the name's count again: three more failures pass without a wait.
      for (let i = 0; i < 3; i += 1) expectError(await attempt('THROTTLE.quick', 'wrong password'), 'UNAUTHENTICATED');
      expectError(await attempt('throttle.quick', fixturePassword), 'TOO_MANY_ATTEMPTS');
    } finally {
      api.clock.now = start;
    }
  });

  /**
   * Ten failures for a name, each as soon as allowed, an attempt inside each wait, and the right
   * password (for an existing account) while locked: every response, in order.
   */
  async function lockOut(username: string) {
    const responses: GraphQLResult<unknown>[] = [];
    let seconds = 0;
    at(seconds);
    for (let failure = 1; failure <= 10; failure += 1) {
      responses.push(await attempt(username, `wrong password ${failure}`));
      if (failure < 3) continue;
      responses.push(await attempt(username, fixturePassword));
      if (failure < 10) at((seconds += Math.min(60, 2 ** (failure - 3))));
    }
    at(seconds + 60);
    responses.push(await attempt(username, fixturePassword));
    return { responses, lockedAt: seconds };
  }

  it('slows each name down 1 s, 2 s, 4 s ... and locks it after 10 failures for LOGIN_LOCK_MINUTES', async () => {
    await account('throttle.lock');
    try {
      const { responses, lockedAt } = await lockOut('throttle.lock');
      const codes = responses.map((r) => r.errors?.[0]?.extensions?.code);
      expect(codes).toEqual([
        ...['UNAUTHENTICATED', 'UNAUTHENTICATED'],
        ...Array.from({ length: 8 }, () => ['UNAUTHENTICATED', 'TOO_MANY_ATTEMPTS']).flat(),
        'TOO_MANY_ATTEMPTS',
      ]);
      const waits = responses.filter((r) => r.errors?.[0]?.extensions?.code === 'TOO_MANY_ATTEMPTS').map(retryAfter);
      expect(waits).toEqual([1, 2, 4, 8, 16, 32, 60, 15 * 60, 15 * 60 - 60]);
      // Locked: still refused a second before the lock ends, let in when it has.
      at(lockedAt + 15 * 60 - 1);
      expect(retryAfter(await attempt('throttle.lock', fixturePassword))).toBe(1);
      at(lockedAt + 15 * 60);
      ok(await attempt('throttle.lock', fixturePassword));
    } finally {
      api.clock.now = start;
    }
  });

  it('answers an unknown name exactly as an existing one, throttling included', async () => {
    await account('throttle.known');
    try {
      const known = await lockOut('throttle.known');
      const unknown = await lockOut('throttle.unknown');
      expect(unknown.responses).toEqual(known.responses);
      expect(
        await api.db.prisma.loginThrottle.findUnique({ where: { key: 'account:throttle.unknown' } }),
      ).toMatchObject({ failures: 10 });
    } finally {
      api.clock.now = start;
    }
  });

  it('gives a disabled account the same answer as a wrong password, and counts it', async () => {
    const user = await account('throttle.disabled');
    await api.db.prisma.account.update({ where: { id: user.id }, data: { disabled: true } });
    const disabled = await attempt('throttle.disabled', fixturePassword);
    const wrong = await attempt('throttle.nobody', 'wrong password');
    expect(disabled).toEqual(wrong);
    const row = await api.db.prisma.loginThrottle.findUnique({ where: { key: 'account:throttle.disabled' } });
    expect(row?.failures).toBe(1);
  });

  it('locks a client address after 30 failures across different names, and only that address', async () => {
    const office = '203.0.113.7';
    await account('throttle.office');
    try {
      let seconds = 0;
      at(seconds);
      for (let i = 1; i <= 3; i += 1)
        expectError(await attempt(`guess.${i}`, 'wrong password', office), 'UNAUTHENTICATED');
      // A fourth name from the same address must wait too.
      expect(retryAfter(await attempt('guess.4', 'wrong password', office))).toBe(1);
      // A success from the address does not start the address's count again.
      at((seconds += 1));
      const audited = await api.db.prisma.auditEntry.count();
      ok(await attempt('throttle.office', fixturePassword, office));
      const signIn = await api.db.prisma.auditEntry.findFirstOrThrow({ where: { id: { gt: audited } } });
      expect(signIn.clientAddress).toBe(office);
      const key = { key: `address:${office}` };
      expect(await api.db.prisma.loginThrottle.findUnique({ where: key })).toMatchObject({ failures: 3 });
      for (let i = 4; i <= 30; i += 1) {
        at((seconds += 60));
        expectError(await attempt(`guess.${i}`, 'wrong password', office), 'UNAUTHENTICATED');
      }
      expect(await api.db.prisma.loginThrottle.findUnique({ where: key })).toMatchObject({ failures: 30 });
      at((seconds += 60));
      expect(retryAfter(await attempt('throttle.office', fixturePassword, office))).toBe(15 * 60 - 60);
      expect(retryAfter(await attempt('analyst', fixturePassword, office))).toBe(15 * 60 - 60);
      // Other addresses, and the names themselves, are not locked.
      ok(await attempt('throttle.office', fixturePassword, '198.51.100.9'));
      expectError(await attempt('guess.30', 'wrong password', '198.51.100.9'), 'UNAUTHENTICATED');
      ok(await attempt('analyst', fixturePassword));
    } finally {
      api.clock.now = start;
    }
  });
});

describe.each(databaseKinds)('a name locked on purpose on %s', (kind) => {
  let api: TestApi;
  let passwordHash: string;
  const start = new Date('2026-03-10T03:00:00Z');
  const login = 'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token } }';
  const unlock = 'mutation ($u: String!) { unlockSignIn(username: $u) }';

  beforeAll(async () => {
    api = await startTestApi(kind, { now: start, env: { TRUST_PROXY: 'true' } });
    await loadFixture(api.db.prisma);
    passwordHash = await hashPassword(fixturePassword);
  });
  afterAll(() => api.close());

  const account = (username: string) =>
    api.db.prisma.account.create({ data: { username, displayName: username, role: 'ANALYST', passwordHash } });
  const attempt = (username: string, password: string, address: string) =>
    api.gql<{ login: { token: string } }>(login, { u: username, p: password }, null, { 'x-forwarded-for': address });
  const at = (seconds: number) => {
    api.clock.now = new Date(start.getTime() + seconds * 1000);
  };
  const retryAfter = (result: GraphQLResult<unknown>) =>
    expectError(result, 'TOO_MANY_ATTEMPTS').extensions?.retryAfterSeconds;

  /** Ten wrong passwords for a name from one address, each as soon as allowed; returns the time of the last. */
  async function failTenTimes(username: string, address: string, from: number): Promise<number> {
    let seconds = from;
    for (let failure = 1; failure <= 10; failure += 1) {
      at(seconds);
      expectError(await attempt(username, `wrong password ${failure}`, address), 'UNAUTHENTICATED');
      if (failure >= 3 && failure < 10) seconds += Math.min(60, 2 ** (failure - 3));
    }
    return seconds;
  }

  it('locks the name from the attacking address only: its owner signs in from another', async () => {
    await account('target.one');
    try {
      const lockedAt = await failTenTimes('target.one', '203.0.113.66', 0);
      expect(retryAfter(await attempt('target.one', fixturePassword, '203.0.113.66'))).toBe(15 * 60);
      ok(await attempt('target.one', fixturePassword, '198.51.100.20'));
      // The owner's success leaves the attacker's lock in place.
      at(lockedAt + 60);
      expect(retryAfter(await attempt('target.one', fixturePassword, '203.0.113.66'))).toBe(15 * 60 - 60);
    } finally {
      api.clock.now = start;
    }
  });

  it('locks the name from anywhere only after 100 failures, which the secretariat can lift, audited', async () => {
    const owner = await account('target.many');
    try {
      at(0);
      // An attack from many addresses, one guess each: no address, and no (name, address) pair, is slowed.
      for (let i = 1; i <= 99; i += 1) {
        expectError(await attempt('target.many', 'wrong password', `198.18.0.${i}`), 'UNAUTHENTICATED');
      }
      ok(await attempt('target.many', fixturePassword, '198.51.100.21'));
      expectError(await attempt('target.many', 'wrong password', '198.18.0.100'), 'UNAUTHENTICATED');
      expect(retryAfter(await attempt('target.many', fixturePassword, '198.51.100.21'))).toBe(15 * 60);

      const committee = await api.signIn('committee');
      expectError(await api.gql(unlock, { u: 'target.many' }, committee), 'FORBIDDEN');
      const admin = await api.signIn('admin');
      expectError(await api.gql(unlock, { u: 'nobody.here' }, admin), 'NOT_FOUND');
      const since = (await api.db.prisma.auditEntry.aggregate({ _max: { id: true } }))._max.id ?? 0;
      expect(ok(await api.gql<{ unlockSignIn: boolean }>(unlock, { u: ' Target.Many ' }, admin)).unlockSignIn).toBe(
        true,
      );
      expect(await api.db.prisma.auditEntry.findMany({ where: { id: { gt: since } } })).toMatchObject([
        {
          operation: 'unlockSignIn',
          action: 'UPDATE',
          entity: 'Account',
          entityId: owner.id,
          changes: { signInFailures: { before: 100, after: 0 } },
        },
      ]);
      ok(await attempt('target.many', fixturePassword, '198.51.100.21'));
      expect(ok(await api.gql<{ unlockSignIn: boolean }>(unlock, { u: 'target.many' }, admin)).unlockSignIn).toBe(
        false,
      );
    } finally {
      api.clock.now = start;
    }
  });

  it("lifts a name's lock from the attacking address too, but not that address's own counter", async () => {
    await account('target.two');
    try {
      const lockedAt = await failTenTimes('target.two', '203.0.113.67', 0);
      at(lockedAt + 1);
      const admin = await api.signIn('admin');
      ok(await api.gql(unlock, { u: 'target.two' }, admin));
      // The address itself failed ten times in a row: it still waits its minute.
      expect(retryAfter(await attempt('target.two', fixturePassword, '203.0.113.67'))).toBe(59);
      at(lockedAt + 60);
      ok(await attempt('target.two', fixturePassword, '203.0.113.67'));
    } finally {
      api.clock.now = start;
    }
  });
});

describe.each(databaseKinds)('a short LOGIN_LOCK_MINUTES on %s', (kind) => {
  let api: TestApi;
  const start = new Date('2026-03-10T03:00:00Z');
  const login = 'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token } }';

  beforeAll(async () => {
    api = await startTestApi(kind, { now: start, env: { LOGIN_LOCK_MINUTES: '1' } });
    await loadFixture(api.db.prisma);
  });
  afterAll(() => api.close());

  const attempt = (password: string) => api.gql(login, { u: 'analyst', p: password });
  const at = (seconds: number) => {
    api.clock.now = new Date(start.getTime() + seconds * 1000);
  };

  it('doubles each lock instead of starting over when one ends, until a success', async () => {
    let seconds = 0;
    const waits: unknown[] = [];
    for (let failure = 1; failure <= 14; failure += 1) {
      at(seconds);
      expectError(await attempt(`wrong password ${failure}`), 'UNAUTHENTICATED');
      if (failure < 3) continue;
      // Asked again at once, with the right password: refused, saying how long to wait.
      const retry = expectError(await attempt(fixturePassword), 'TOO_MANY_ATTEMPTS').extensions?.retryAfterSeconds;
      waits.push(retry);
      seconds += Number(retry);
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 120, 240, 480, 960]);
    at(seconds - 1);
    expectError(await attempt(fixturePassword), 'TOO_MANY_ATTEMPTS');
    at(seconds);
    ok(await attempt(fixturePassword));
    // The success started the name's count again.
    expectError(await attempt('wrong password again'), 'UNAUTHENTICATED');
    ok(await attempt(fixturePassword));
  });
});
