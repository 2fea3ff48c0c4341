// Accounts kept by the secretariat, and passwords: creating, changing and disabling accounts,
// resets by the secretariat and changes by the account itself, with their audit rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../api/services/password.ts';
import { expectError, fixturePassword, ok, startTestApi, type TestApi } from '../support/api.ts';
import { databaseKinds } from '../support/databases.ts';
import { loadFixture, type Fixture } from '../support/fixture.ts';
import { snapshotDatabase } from '../support/snapshot.ts';
import { demoPassword } from '../../seeds/data/accounts.ts';

const createAccount = `mutation ($input: CreateAccountInput!) {
  createAccount(input: $input) { id username displayName role disabled passwordChangedAt unit { id } person { id } }
}`;
const updateAccount = `mutation ($id: ID!, $input: UpdateAccountInput!) {
  updateAccount(id: $id, input: $input) { id displayName role disabled unit { id } person { id } }
}`;
const resetPassword = `mutation ($id: ID!, $p: String!) { resetPassword(id: $id, newPassword: $p) { id passwordChangedAt } }`;
const changePassword = `mutation ($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }`;
const tasks = '{ tasks { totalCount } }';

interface AccountData {
  id: string;
  username: string;
  displayName: string;
  role: string;
  disabled: boolean;
  passwordChangedAt: string;
  unit: { id: string } | null;
  person: { id: string } | null;
}

describe.each(databaseKinds)('accounts and passwords on %s', (kind) => {
  let api: TestApi;
  let fixture: Fixture;
  let admin: string;
  let passwordHash: string;

  beforeAll(async () => {
    api = await startTestApi(kind);
    fixture = await loadFixture(api.db.prisma);
    admin = await api.signIn('admin');
    passwordHash = await hashPassword(fixturePassword);
  });
  afterAll(() => api.close());

  const g = (type: string, id: number) => `${type}:${id}`;
  /** An analyst account made directly in the database, password fixturePassword. */
  const account = (username: string) =>
    api.db.prisma.account.create({ data: { username, displayName: username, role: 'ANALYST', passwordHash } });
  const auditedSince = (id: number) =>
    api.db.prisma.auditEntry.findMany({ where: { id: { gt: id } }, orderBy: { id: 'asc' } });
  const lastAuditId = async () => (await api.db.prisma.auditEntry.aggregate({ _max: { id: true } }))._max.id ?? 0;

  /** Runs a refused mutation and checks that it changed nothing, audit log included. */
  async function refused(query: string, variables: Record<string, unknown>, token: string | null) {
    const before = await snapshotDatabase(api.db.prisma);
    const result = await api.gql(query, variables, token);
    expect(await snapshotDatabase(api.db.prisma)).toEqual(before);
    return result;
  }

  describe('allowedActions and canReadAuditLog', () => {
    const read = async (id: string, token: string) =>
      ok(
        await api.gql<{ node: { allowedActions: string[] } }>(
          'query ($id: ID!) { node(id: $id) { ... on Account { allowedActions } } }',
          { id },
          token,
        ),
      ).node.allowedActions;

    it('lists the secretariat its steps on an account, fewer on its own, and nothing to the others', async () => {
      const other = await account('allowed.other');
      const disabled = await api.db.prisma.account.create({
        data: { username: 'allowed.disabled', displayName: 'x', role: 'ANALYST', passwordHash, disabled: true },
      });
      expect(await read(g('Account', other.id), admin)).toEqual([
        'UPDATE',
        'DISABLE',
        'RESET_PASSWORD',
        'UNLOCK_SIGN_IN',
      ]);
      expect(await read(g('Account', disabled.id), admin)).toEqual([
        'UPDATE',
        'ENABLE',
        'RESET_PASSWORD',
        'UNLOCK_SIGN_IN',
      ]);
      expect(await read(g('Account', fixture.accounts.admin.id), admin)).toEqual(['UPDATE', 'UNLOCK_SIGN_IN']);
      for (const username of ['committee', 'head.pnv', 'analyst']) {
        const token = await api.signIn(username);
        expect(await read(g('Account', other.id), token)).toEqual([]);
      }
    });

    it('tells each role through me whether it may read the audit log, as auditEntries then answers', async () => {
      for (const [username, reads] of [
        ['admin', true],
        ['committee', true],
        ['analyst', true],
        ['head.pnv', false],
      ] as const) {
        const token = await api.signIn(username);
        const me = ok(await api.gql<{ me: { canReadAuditLog: boolean } }>('{ me { canReadAuditLog } }', {}, token)).me;
        expect(me.canReadAuditLog, username).toBe(reads);
        const log = await api.gql('{ auditEntries(first: 1) { totalCount } }', {}, token);
        if (reads) ok(log);
        else expectError(log, 'FORBIDDEN');
      }
    });
  });

  describe('createAccount', () => {
    const input = (over: Record<string, unknown> = {}) => ({
      username: 'Head.PTP',
      displayName: 'Trưởng phòng Tư pháp',
      role: 'UNIT_HEAD',
      unitId: g('Unit', fixture.units.justice.id),
      personId: g('Person', fixture.people.head.id),
      password: 'Đạ Tẻh mùa lúa chín 2026',
      ...over,
    });

    it('creates an account in lower case that can sign in, audited without the password', async () => {
      const since = await lastAuditId();
      const data = ok(await api.gql<{ createAccount: AccountData }>(createAccount, { input: input() }, admin));
      expect(data.createAccount).toMatchObject({
        username: 'head.ptp',
        role: 'UNIT_HEAD',
        disabled: false,
        passwordChangedAt: api.clock.now.toISOString(),
        unit: { id: g('Unit', fixture.units.justice.id) },
        person: { id: g('Person', fixture.people.head.id) },
      });
      const token = await api.signIn('head.ptp', 'Đạ Tẻh mùa lúa chín 2026');
      ok(await api.gql(tasks, {}, token));
      const [entry] = await auditedSince(since);
      const id = Number(data.createAccount.id.split(':')[1]);
      expect(entry).toMatchObject({ operation: 'createAccount', action: 'CREATE', entity: 'Account', entityId: id });
      expect(entry?.actorId).toBe(fixture.accounts.admin.id);
      const changes = entry?.changes as Record<string, { before: unknown; after: unknown }>;
      expect(changes.username).toEqual({ before: null, after: 'head.ptp' });
      expect(changes.role).toEqual({ before: null, after: 'UNIT_HEAD' });
      expect(Object.keys(changes).some((field) => /password(Hash)?$/.test(field))).toBe(false);
      expect(JSON.stringify(changes)).not.toContain('argon2');
    });

    it('creates an account without a unit for other roles', async () => {
      const data = ok(
        await api.gql<{ createAccount: AccountData }>(
          createAccount,
          { input: input({ username: 'analyst.two', role: 'ANALYST', unitId: null, personId: null }) },
          admin,
        ),
      );
      expect(data.createAccount).toMatchObject({ username: 'analyst.two', role: 'ANALYST', unit: null, person: null });
    });

    it('refuses a username already taken, in any letter case', async () => {
      await account('taken');
      const result = await refused(createAccount, { input: input({ username: 'TAKEN' }) }, admin);
      expectError(result, 'BAD_USER_INPUT', 'input.username');
    });

    it('refuses usernames that are too short, too long or have other characters', async () => {
      for (const username of ['ab', 'x'.repeat(61), 'nguyễn.văn.a', 'two words', '.dot.first']) {
        expectError(
          await refused(createAccount, { input: input({ username }) }, admin),
          'BAD_USER_INPUT',
          'input.username',
        );
      }
    });

    it('wants a unit exactly for a unit head, one that exists and is not dissolved', async () => {
      const dissolved = await api.db.prisma.unit.create({
        data: { code: 'XA_CU', name: 'UBND xã cũ', kind: 'COMMUNE', dissolvedOn: new Date('2025-07-01T00:00:00Z') },
      });
      for (const over of [
        { unitId: null },
        { unitId: g('Unit', 999_999) },
        { unitId: g('Unit', dissolved.id) },
        { role: 'ANALYST', unitId: g('Unit', dissolved.id) },
        { unitId: g('Person', fixture.people.head.id) },
      ]) {
        const result = await refused(createAccount, { input: input({ username: 'head.new', ...over }) }, admin);
        expectError(result, 'BAD_USER_INPUT', 'input.unitId');
      }
      const result = await refused(createAccount, { input: input({ personId: g('Person', 999_999) }) }, admin);
      expectError(result, 'BAD_USER_INPUT', 'input.personId');
    });

    it('refuses a weak password, naming input.password', async () => {
      for (const password of ['short', 'my head.new password', 'HEAD.NEW-2026-x', 'zzzzzzzzzzzzzz', 'y'.repeat(257)]) {
        const result = await refused(createAccount, { input: input({ username: 'head.new', password }) }, admin);
        expectError(result, 'BAD_USER_INPUT', 'input.password');
      }
    });

    it("refuses a commonly used password or one containing the account's name, saying which rule", async () => {
      const cases = [
        { password: 'Password@2026', rule: 'COMMON', words: /commonly used/ },
        { password: 'qwertyuiop 123!', rule: 'COMMON', words: /commonly used/ },
        { password: 'TRUONG phong 2026', rule: 'CONTAINS_NAME', words: /name/ },
      ];
      for (const { password, rule, words } of cases) {
        const result = await refused(createAccount, { input: input({ username: 'head.new', password }) }, admin);
        const error = expectError(result, 'BAD_USER_INPUT', 'input.password');
        expect(error.extensions?.fields, password).toEqual([
          { field: 'input.password', rule, message: expect.stringMatching(words) },
        ]);
      }
    });

    it('is for the secretariat only', async () => {
      const committee = await api.signIn('committee');
      expectError(await refused(createAccount, { input: input({ username: 'head.new' }) }, committee), 'FORBIDDEN');
      expectError(await refused(createAccount, { input: input({ username: 'head.new' }) }, null), 'UNAUTHENTICATED');
    });
  });

  describe('updateAccount', () => {
    it('changes an account and audits the differences', async () => {
      const user = await account('update.me');
      const since = await lastAuditId();
      const data = ok(
        await api.gql<{ updateAccount: AccountData }>(
          updateAccount,
          {
            id: g('Account', user.id),
            input: {
              displayName: 'Cán bộ phòng Tư pháp',
              role: 'UNIT_HEAD',
              unitId: g('Unit', fixture.units.justice.id),
            },
          },
          admin,
        ),
      );
      expect(data.updateAccount).toMatchObject({
        displayName: 'Cán bộ phòng Tư pháp',
        role: 'UNIT_HEAD',
        unit: { id: g('Unit', fixture.units.justice.id) },
      });
      expect(await auditedSince(since)).toMatchObject([
        {
          operation: 'updateAccount',
          action: 'UPDATE',
          entityId: user.id,
          changes: {
            displayName: { before: 'update.me', after: 'Cán bộ phòng Tư pháp' },
            role: { before: 'ANALYST', after: 'UNIT_HEAD' },
            unitId: { before: null, after: fixture.units.justice.id },
          },
        },
      ]);
    });

    it('disabling an account ends its sessions: its token stops working at once', async () => {
      const user = await account('disable.me');
      const token = await api.signIn('disable.me');
      ok(await api.gql(tasks, {}, token));
      const data = ok(
        await api.gql<{ updateAccount: AccountData }>(
          updateAccount,
          { id: g('Account', user.id), input: { disabled: true } },
          admin,
        ),
      );
      expect(data.updateAccount.disabled).toBe(true);
      expectError(await api.gql(tasks, {}, token), 'UNAUTHENTICATED');
      const sessions = await api.db.prisma.session.findMany({ where: { accountId: user.id } });
      expect(sessions.map((s) => s.revokedAt)).toEqual([api.clock.now]);
      await expect(api.signIn('disable.me')).rejects.toThrow(/failed/);
      // Enabling it again does not bring the old session back.
      ok(await api.gql(updateAccount, { id: g('Account', user.id), input: { disabled: false } }, admin));
      expectError(await api.gql(tasks, {}, token), 'UNAUTHENTICATED');
      ok(await api.gql(tasks, {}, await api.signIn('disable.me')));
    });

    it('does not let the secretariat disable its own account or give up its own ADMIN role', async () => {
      const self = g('Account', fixture.accounts.admin.id);
      const disable = await refused(updateAccount, { id: self, input: { disabled: true } }, admin);
      expectError(disable, 'BAD_USER_INPUT', 'input.disabled');
      const demote = await refused(updateAccount, { id: self, input: { role: 'ANALYST' } }, admin);
      expectError(demote, 'BAD_USER_INPUT', 'input.role');
      ok(await api.gql(updateAccount, { id: self, input: { role: 'ADMIN', displayName: 'Phòng Nội vụ' } }, admin));
    });

    it('keeps a unit on every unit head', async () => {
      const head = g('Account', fixture.accounts.head.id);
      expectError(
        await refused(updateAccount, { id: head, input: { unitId: null } }, admin),
        'BAD_USER_INPUT',
        'input.unitId',
      );
      const user = await account('no.unit');
      const promote = await refused(updateAccount, { id: g('Account', user.id), input: { role: 'UNIT_HEAD' } }, admin);
      expectError(promote, 'BAD_USER_INPUT', 'input.unitId');
      const nullName = await refused(updateAccount, { id: head, input: { displayName: null } }, admin);
      expectError(nullName, 'BAD_USER_INPUT', 'input.displayName');
    });

    it('answers NOT_FOUND for an unknown account and FORBIDDEN to others than the secretariat', async () => {
      expectError(
        await refused(updateAccount, { id: 'Account:999999', input: { displayName: 'x' } }, admin),
        'NOT_FOUND',
      );
      const analyst = await api.signIn('analyst');
      const self = g('Account', fixture.accounts.analyst.id);
      expectError(await refused(updateAccount, { id: self, input: { displayName: 'x' } }, analyst), 'FORBIDDEN');
    });
  });

  describe('resetPassword', () => {
    it('sets a new password, ends the sessions and is audited without the password', async () => {
      const user = await account('reset.me');
      const token = await api.signIn('reset.me');
      const since = await lastAuditId();
      ok(await api.gql(resetPassword, { id: g('Account', user.id), p: 'mật khẩu mới 2026' }, admin));
      expectError(await api.gql(tasks, {}, token), 'UNAUTHENTICATED');
      await expect(api.signIn('reset.me')).rejects.toThrow(/failed/);
      ok(await api.gql(tasks, {}, await api.signIn('reset.me', 'mật khẩu mới 2026')));
      const [entry] = await auditedSince(since);
      expect(entry).toMatchObject({
        operation: 'resetPassword',
        action: 'UPDATE',
        entity: 'Account',
        entityId: user.id,
        actorId: fixture.accounts.admin.id,
        changes: { password: { before: null, after: 'changed' } },
      });
      const stored = await api.db.prisma.account.findUniqueOrThrow({ where: { id: user.id } });
      expect(stored.passwordChangedAt).toEqual(api.clock.now);
    });

    it('lifts the sign-in locks on the name, from every address', async () => {
      const user = await account('locked.out');
      const lastFailureAt = api.clock.now;
      const blockedUntil = new Date(lastFailureAt.getTime() + 10 * 60_000);
      await api.db.prisma.loginThrottle.createMany({
        data: [
          { key: 'pair:locked.out@unknown', failures: 10, lastFailureAt, blockedUntil },
          { key: 'account:locked.out', failures: 100, lastFailureAt, blockedUntil },
        ],
      });
      await expect(api.signIn('locked.out')).rejects.toThrow(/TOO_MANY_ATTEMPTS/);
      ok(await api.gql(resetPassword, { id: g('Account', user.id), p: 'một mật khẩu mới' }, admin));
      await api.signIn('locked.out', 'một mật khẩu mới');
    });

    it("refuses a weak password, the secretariat's own account, an unknown one and other roles", async () => {
      const user = await account('reset.weak');
      const id = g('Account', user.id);
      for (const p of ['short', 'reset.weak.2026!', '111111111111']) {
        expectError(await refused(resetPassword, { id, p }, admin), 'BAD_USER_INPUT', 'newPassword');
      }
      const self = g('Account', fixture.accounts.admin.id);
      expectError(await refused(resetPassword, { id: self, p: 'a good new password' }, admin), 'BAD_USER_INPUT', 'id');
      expectError(await refused(resetPassword, { id: 'Account:999999', p: 'a good new password' }, admin), 'NOT_FOUND');
      const committee = await api.signIn('committee');
      expectError(await refused(resetPassword, { id, p: 'a good new password' }, committee), 'FORBIDDEN');
    });

    it('lets the published demo and fixture passwords be set outside production', async () => {
      const user = await account('reset.demo');
      ok(await api.gql(resetPassword, { id: g('Account', user.id), p: demoPassword }, admin));
      await api.signIn('reset.demo', demoPassword);
      ok(await api.gql(resetPassword, { id: g('Account', user.id), p: fixturePassword }, admin));
    });
  });

  describe('changePassword', () => {
    it('changes the own password, keeps this session and ends the others', async () => {
      const user = await account('change.me');
      const here = await api.signIn('change.me');
      const elsewhere = await api.signIn('change.me');
      const since = await lastAuditId();
      const data = ok(
        await api.gql<{ changePassword: boolean }>(
          changePassword,
          { c: fixturePassword, n: 'sông Đạ Tẻh chảy về Đồng Nai' },
          here,
        ),
      );
      expect(data.changePassword).toBe(true);
      ok(await api.gql(tasks, {}, here));
      expectError(await api.gql(tasks, {}, elsewhere), 'UNAUTHENTICATED');
      await expect(api.signIn('change.me')).rejects.toThrow(/failed/);
      await api.signIn('change.me', 'sông Đạ Tẻh chảy về Đồng Nai');
      const [entry] = await auditedSince(since);
      expect(entry).toMatchObject({
        operation: 'changePassword',
        action: 'UPDATE',
        entityId: user.id,
        actorId: user.id,
        changes: { password: { before: null, after: 'changed' } },
      });
    });

    it('refuses a wrong current password or a weak new one, changing nothing', async () => {
      await account('change.wrong');
      const token = await api.signIn('change.wrong');
      const wrong = await api.gql(changePassword, { c: 'not my password', n: 'a good new password' }, token);
      expectError(wrong, 'BAD_USER_INPUT', 'currentPassword');
      const weak = await refused(changePassword, { c: fixturePassword, n: 'change.wrong!!' }, token);
      expectError(weak, 'BAD_USER_INPUT', 'newPassword');
      expectError(
        await refused(changePassword, { c: fixturePassword, n: 'short' }, token),
        'BAD_USER_INPUT',
        'newPassword',
      );
      const common = await refused(changePassword, { c: fixturePassword, n: 'iloveyou2026!!' }, token);
      expect(expectError(common, 'BAD_USER_INPUT', 'newPassword').extensions?.fields).toMatchObject([
        { field: 'newPassword', rule: 'COMMON' },
      ]);
      ok(await api.gql(tasks, {}, token));
      await api.signIn('change.wrong');
      expectError(await api.gql(changePassword, { c: fixturePassword, n: 'a good new password' }), 'UNAUTHENTICATED');
    });

    it('counts wrong current passwords like failed sign-ins', async () => {
      await account('change.guess');
      const token = await api.signIn('change.guess');
      const since = await lastAuditId();
      for (let i = 0; i < 3; i += 1) {
        const result = await api.gql(changePassword, { c: `guess ${i}`, n: 'a good new password' }, token);
        expectError(result, 'BAD_USER_INPUT', 'currentPassword');
      }
      const refusedAttempt = await api.gql(changePassword, { c: fixturePassword, n: 'a good new password' }, token);
      expectError(refusedAttempt, 'TOO_MANY_ATTEMPTS');
      expect(await auditedSince(since)).toEqual([]);
    });
  });

  it('audits signing out', async () => {
    const user = await account('sign.out');
    const token = await api.signIn('sign.out');
    const since = await lastAuditId();
    ok(await api.gql('mutation { logout }', {}, token));
    expect(await auditedSince(since)).toMatchObject([
      { operation: 'logout', action: 'SIGN_OUT', entity: 'Account', entityId: user.id, actorId: user.id },
    ]);
  });
});

describe.each(databaseKinds)('published passwords in production on %s', (kind) => {
  let api: TestApi;
  let fixture: Fixture;
  let admin: string;

  beforeAll(async () => {
    api = await startTestApi(kind, { env: { NODE_ENV: 'production' } });
    fixture = await loadFixture(api.db.prisma);
    admin = await api.signIn('admin');
  });
  afterAll(() => api.close());

  it("refuses the demo's and the tests' passwords, and one containing them, for every way of setting one", async () => {
    const id = `Account:${fixture.accounts.analyst.id}`;
    for (const p of [demoPassword, fixturePassword, `${demoPassword}-prod`]) {
      const error = expectError(await api.gql(resetPassword, { id, p }, admin), 'BAD_USER_INPUT', 'newPassword');
      expect(error.extensions?.fields).toMatchObject([
        { rule: 'PUBLISHED', message: expect.stringMatching(/printed/) },
      ]);
    }
    const input = { username: 'new.analyst', displayName: 'Phân tích', role: 'ANALYST', password: demoPassword };
    expectError(await api.gql(createAccount, { input }, admin), 'BAD_USER_INPUT', 'input.password');
    const token = await api.signIn('analyst');
    expectError(
      await api.gql(changePassword, { c: fixturePassword, n: demoPassword }, token),
      'BAD_USER_INPUT',
      'newPassword',
    );
    ok(await api.gql(resetPassword, { id, p: 'tulip orbit gravel 71' }, admin));
  });
});
