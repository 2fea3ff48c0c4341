// Reading the audit log: who may, what each sees, and that it lists what the mutations did.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, ok, startTestApi, type TestApi } from '../support/api.ts';
import { databaseKinds } from '../support/databases.ts';
import { loadFixture, type Fixture } from '../support/fixture.ts';

const auditQuery = `query ($filter: AuditEntryFilter) {
  auditEntries(filter: $filter, first: 100) {
    totalCount
    nodes { id operation action entity entityId record changes note clientAddress actor { displayName } }
  }
}`;

interface AuditList {
  auditEntries: {
    totalCount: number;
    nodes: {
      id: string;
      operation: string;
      action: string;
      entity: string;
      entityId: number;
      record: string;
      changes: Record<string, { before: unknown; after: unknown }> | null;
      note: string | null;
      clientAddress: string | null;
      actor: { displayName: string } | null;
    }[];
  };
}

describe.each(databaseKinds)('the audit log on %s', (kind) => {
  let api: TestApi;
  let fixture: Fixture;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    api = await startTestApi(kind);
    fixture = await loadFixture(api.db.prisma);
    for (const name of ['admin', 'committee', 'head.pnv', 'analyst']) tokens[name] = await api.signIn(name);
    const task = fixture.tasks.overdue;
    ok(
      await api.gql(
        'mutation ($id: ID!) { reportProgress(id: $id, version: 1, progress: 70, note: "Đã trình dự thảo") { id } }',
        { id: `Task:${task.id}` },
        tokens['head.pnv'],
      ),
    );
  });
  afterAll(() => api.close());

  it('lists each change with who made it and the before and after values, latest first', async () => {
    const data = ok(await api.gql<AuditList>(auditQuery, { filter: { entity: { equals: 'Task' } } }, tokens.committee));
    expect(data.auditEntries.nodes[0]).toMatchObject({
      operation: 'reportProgress',
      action: 'UPDATE',
      entity: 'Task',
      entityId: fixture.tasks.overdue.id,
      record: `Task:${fixture.tasks.overdue.id}`,
      changes: { progress: { before: 40, after: 70 } },
      note: 'Đã trình dự thảo',
      actor: { displayName: 'head.pnv' },
    });
  });

  it('shows entries about accounts (sign-ins, account changes) to the secretariat only, in lists and by id', async () => {
    const accounts = { filter: { entity: { equals: 'Account' } } };
    const forAdmin = ok(await api.gql<AuditList>(auditQuery, accounts, tokens.admin));
    expect(forAdmin.auditEntries.nodes.filter((n) => n.action === 'SIGN_IN').length).toBeGreaterThanOrEqual(4);
    for (const who of ['committee', 'analyst']) {
      expect(ok(await api.gql<AuditList>(auditQuery, accounts, tokens[who])).auditEntries.totalCount).toBe(0);
      const byId = await api.gql<{ node: unknown }>(
        'query ($id: ID!) { node(id: $id) { ... on AuditEntry { operation } } }',
        { id: forAdmin.auditEntries.nodes[0]?.id },
        tokens[who],
      );
      expect(byId.data?.node ?? null).toBeNull();
    }
  });

  it('refuses unit heads and anonymous callers', async () => {
    expectError(await api.gql(auditQuery, {}, tokens['head.pnv']), 'FORBIDDEN');
    expectError(await api.gql(auditQuery, {}), 'UNAUTHENTICATED');
  });

  it('offers no mutation that edits or deletes audit entries or timeline events', async () => {
    const { data } = await api.gql<{ __schema: { mutationType: { fields: { name: string }[] } } }>(
      '{ __schema { mutationType { fields { name } } } }',
      {},
      tokens.admin,
    );
    const names = data?.__schema.mutationType.fields.map((f) => f.name) ?? [];
    expect(names.length).toBeGreaterThan(20);
    expect(names.filter((n) => /audit|event|delete|remove/i.test(n))).toEqual([]);
  });
});
