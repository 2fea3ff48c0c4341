// Bad input from a caller gets an expected error naming the argument, never INTERNAL_SERVER_ERROR
// and never an error in the log: ids of no kind of object or out of range, cursors the server did not
// write, paging arguments that do not go together, days in year 0, text PostgreSQL cannot hold, and
// filters nested past any use (test/api/input-bounds.test.ts has the limits themselves).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../support/databases.ts';
import { expectError, ok, startTestApi, type GraphQLResult, type TestApi } from '../support/api.ts';
import { loadFixture, type Fixture } from '../support/fixture.ts';
import { capturedLogger } from '../support/log.ts';

const cursorOf = (text: string) => Buffer.from(text).toString('base64');

describe.each(databaseKinds)('bad input on %s', (kind) => {
  let api: TestApi;
  let f: Fixture;
  let token: string;
  const log = capturedLogger('warn');
  const gql = <T>(query: string, variables?: Record<string, unknown>) => api.gql<T>(query, variables, token);

  beforeAll(async () => {
    api = await startTestApi(kind, { logger: log.logger });
    f = await loadFixture(api.db.prisma);
    token = await api.signIn('admin');
  });
  afterAll(() => api.close());
  afterEach(() => {
    const errors = log.errors();
    log.lines.length = 0;
    expect(errors, 'error lines in the log').toEqual([]);
  });

  /** Refused with BAD_USER_INPUT naming `field`, and nothing else went wrong. */
  const refused = (result: GraphQLResult<unknown>, field: string) => {
    expect(JSON.stringify(result.errors)).not.toContain('INTERNAL_SERVER_ERROR');
    return expectError(result, 'BAD_USER_INPUT', field);
  };

  describe('global ids', () => {
    it.each(['Foo:1', 'Session:1', 'LoginThrottle:1', 'TaskTimelinessGroup:1', 'Query:1', 'PageInfo:1'])(
      'node(id: "%s") names no kind of object with an id',
      async (id) => {
        const error = refused(await gql('query ($id: ID!) { node(id: $id) { id } }', { id }), 'id');
        expect(error.message).toContain('names no kind of object with an id');
      },
    );

    it.each(['Task:0', 'Task:2147483648', 'Task:9999999999'])('node(id: "%s") is out of range', async (id) => {
      const error = refused(await gql('query ($id: ID!) { node(id: $id) { id } }', { id }), 'id');
      expect(error.message).toContain('out of range');
    });

    it('node of the largest key and of a key without a row is NOT_FOUND', async () => {
      for (const id of ['Task:2147483647', 'Task:99999']) {
        expectError(await gql('query ($id: ID!) { node(id: $id) { id } }', { id }), 'NOT_FOUND');
      }
    });

    it('nodes names the position of the bad id', async () => {
      refused(await gql('{ nodes(ids: ["Task:1", "Session:1"]) { id } }'), 'ids.1');
      refused(await gql('{ nodes(ids: ["garbage", "Task:1"]) { id } }'), 'ids.0');
      refused(await gql('{ nodes(ids: ["Task:1", "Task:4294967296"]) { id } }'), 'ids.1');
    });

    it('still finds objects by their ids', async () => {
      const data = ok(await gql<{ nodes: { id: string }[] }>(`{ nodes(ids: ["Task:${f.tasks.overdue.id}"]) { id } }`));
      expect(data.nodes).toEqual([{ id: `Task:${f.tasks.overdue.id}` }]);
    });
  });

  describe('paging', () => {
    it.each([
      ['garbage', 'garbage'],
      ['a cursor of text', cursorOf('GPC:S:abc')],
      ['a cursor of key 0', cursorOf('GPC:N:0')],
      ['a cursor past the 32-bit keys', cursorOf('GPC:N:2147483648')],
      ['a cursor of a fraction', cursorOf('GPC:N:1.5')],
      ['a cursor of JSON', cursorOf('GPC:O:{"gt":1}')],
      ['a cursor of a tuple', cursorOf('GPC:T:[N:1]')],
    ])('refuses %s as after or before', async (_what, cursor) => {
      refused(await gql('query ($c: String) { tasks(after: $c) { nodes { id } } }', { c: cursor }), 'after');
      refused(await gql('query ($c: String) { tasks(before: $c, last: 2) { nodes { id } } }', { c: cursor }), 'before');
    });

    it('refuses a bad cursor of a nested list, which its parent would read', async () => {
      refused(await gql('{ units(first: 2) { nodes { ledTasks(after: "garbage") { nodes { id } } } } }'), 'after');
      refused(await gql('{ units(first: 2) { nodes { ledTasks(first: -1) { nodes { id } } } } }'), 'first');
    });

    it('refuses paging arguments that do not go together', async () => {
      const cursor = cursorOf(`GPC:N:${f.tasks.overdue.id}`);
      refused(await gql(`{ tasks(after: "${cursor}", before: "${cursor}") { nodes { id } } }`), 'before');
      refused(await gql(`{ tasks(before: "${cursor}", first: 2) { nodes { id } } }`), 'first');
      refused(await gql(`{ tasks(after: "${cursor}", last: 2) { nodes { id } } }`), 'last');
      refused(
        await gql(`{ units(first: 1) { nodes { ledTasks(after: "${cursor}", last: 2) { nodes { id } } } } }`),
        'last',
      );
    });

    it('pages on with the cursors it gave', async () => {
      const first = ok(
        await gql<{ tasks: { pageInfo: { endCursor: string }; nodes: { id: string }[] } }>(
          '{ tasks(first: 2) { pageInfo { endCursor } nodes { id } } }',
        ),
      );
      const next = ok(
        await gql<{ tasks: { nodes: { id: string }[] } }>(
          'query ($after: String) { tasks(first: 2, after: $after) { nodes { id } } }',
          { after: first.tasks.pageInfo.endCursor },
        ),
      );
      expect(next.tasks.nodes.length).toBe(2);
      expect(next.tasks.nodes.map((n) => n.id)).not.toContain(first.tasks.nodes[1]?.id);
    });
  });

  describe('days and instants', () => {
    it('refuses a day in year 0, in a variable and as a literal', async () => {
      const variable = await gql('query ($f: TaskFilter) { tasks(filter: $f) { totalCount } }', {
        f: { deadline: { gte: '0000-01-01' } },
      });
      const error = expectError(variable, 'BAD_USER_INPUT');
      expect(error.message).toContain('f.deadline.gte');
      expect(error.message).toContain('year 0001 or later');
      const literal = await gql('{ tasks(filter: { deadline: { gte: "0000-01-01" } }) { totalCount } }');
      expect(literal.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(literal.errors?.[0]?.message).toContain('year 0001 or later');
    });

    it('refuses an instant in year 0, also one that falls in it once in UTC', async () => {
      const query = 'query ($f: AuditEntryFilter) { auditEntries(filter: $f) { totalCount } }';
      for (const at of ['0000-06-01T00:00:00Z', '0001-01-01T00:00:00+14:00']) {
        expect(expectError(await gql(query, { f: { at: { gte: at } } }), 'BAD_USER_INPUT').message).toContain(
          'f.at.gte',
        );
      }
      ok(await gql(query, { f: { at: { lte: '9999-12-31T23:59:59-14:00' } } }));
    });

    it('takes the first and the last day of years 1 to 9999', async () => {
      const data = ok(
        await gql<{ tasks: { totalCount: number } }>(
          '{ tasks(filter: { deadline: { gte: "0001-01-01", lte: "9999-12-31" } }) { totalCount } }',
        ),
      );
      expect(data.tasks.totalCount).toBeGreaterThan(0);
    });
  });

  describe('text and filters', () => {
    it('refuses text with U+0000, which PostgreSQL cannot hold', async () => {
      refused(
        await gql('query ($t: String) { tasks(filter: { title: { contains: $t } }) { totalCount } }', {
          t: 'a\u0000b',
        }),
        'filter.title.contains',
      );
      refused(await gql('{ units(filter: { q: "x\\u0000" }) { totalCount } }'), 'filter.q');
    });

    it('refuses a filter nested thousands deep without overflowing the stack', async () => {
      const depth = 30_000;
      const body = `{"query":"query ($f: TaskFilter) { tasks(filter: $f) { totalCount } }","variables":{"f":${'{"NOT":'.repeat(depth)}{}${'}'.repeat(depth)}}}`;
      const response = await api.app.fetch(
        new Request('http://test/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body,
        }),
      );
      expect(response.status).toBeLessThan(500);
      refused((await response.json()) as GraphQLResult<unknown>, 'filter.NOT.NOT.NOT.NOT.NOT.NOT');
    });

    it('refuses a literal filter nested too deep', async () => {
      const nested = `${'{ NOT: '.repeat(8)}{}${' }'.repeat(8)}`;
      refused(await gql(`{ tasks(filter: ${nested}) { totalCount } }`), 'filter.NOT.NOT.NOT.NOT.NOT.NOT');
    });
  });
});
