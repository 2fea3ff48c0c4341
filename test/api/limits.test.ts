// The limits every GraphQL request is held to (docs/api.md "Limits"): each refusal comes
// before anything runs, with a code, and the largest real queries (the admin UI's, the tests', the
// benchmarks') stay well inside them.
import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultLimits } from '../../api/config.ts';
import { databaseKinds } from '../support/databases.ts';
import { expectError, fixturePassword, ok, startTestApi, type GraphQLResult, type TestApi } from '../support/api.ts';
import { loadFixture } from '../support/fixture.ts';
import { serve, whileHealthy } from '../support/server.ts';

/** The refusal of a limit: QUERY_LIMIT_EXCEEDED naming the limit, and nothing executed (no data). */
function expectLimit(result: GraphQLResult<unknown>, limit: string) {
  expect(result.data, 'a refused document runs no resolver').toBeUndefined();
  const error = result.errors?.find((e) => e.extensions?.code === 'QUERY_LIMIT_EXCEEDED');
  expect(error, `expected QUERY_LIMIT_EXCEEDED, got ${JSON.stringify(result.errors)}`).toBeDefined();
  expect(error?.extensions?.limit).toBe(limit);
  return error;
}

/** `{ units { nodes { parent { ... { id } } } } }` with the deepest field at `depth` (cheap: no list inside). */
const nested = (depth: number) => `{ units { nodes { ${'parent { '.repeat(depth - 3)}id${' }'.repeat(depth - 3)} } } }`;

/** `count` aliases of `me`. */
const aliased = (count: number) => `{ ${Array.from({ length: count }, (_, i) => `a${i}: me { id }`).join(' ')} }`;

/**
 * A document of exactly `count` tokens: 16 around an OR of filters, each 10 tokens around a list of
 * numbers (at most 100, as any list holds).
 */
const tokens = (count: number) => {
  const terms = Math.ceil((count - 16) / 110);
  let numbers = count - 16 - 10 * terms;
  const filters = Array.from({ length: terms }, () => {
    const length = Math.min(100, numbers);
    numbers -= length;
    return `{ progress: { in: [${'0 '.repeat(length)}] } }`;
  });
  return `{ tasks(filter: { OR: [${filters.join(' ')}] }) { totalCount } }`;
};

/** `count` directives, each on its own (merged) __typename. */
const directives = (count: number) => `{ ${'__typename @include(if: true) '.repeat(count)}}`;

const login = 'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token } }';

describe.each(databaseKinds)('request limits on %s', (kind) => {
  let api: TestApi;
  let token: string;
  beforeAll(async () => {
    api = await startTestApi(kind);
    await loadFixture(api.db.prisma);
    token = await api.signIn('analyst');
  });
  afterAll(() => api.close());

  it('accepts a depth of 10 and refuses 11', async () => {
    ok(await api.gql(nested(10), {}, token));
    const error = expectLimit(await api.gql(nested(11), {}, token), 'depth');
    expect(error?.message).toBe('Query depth limit of 10 exceeded, found 11.');
  });

  it('accepts 15 aliases and refuses 16', async () => {
    ok(await api.gql(aliased(15), {}, token));
    expectLimit(await api.gql(aliased(16), {}, token), 'aliases');
  });

  it('accepts 1,000 tokens and refuses 1,001', async () => {
    ok(await api.gql(tokens(1000), {}, token));
    const error = expectLimit(await api.gql(tokens(1001), {}, token), 'tokens');
    expect(error?.extensions?.max).toBe(1000);
  });

  it('accepts 50 directives and refuses 51', async () => {
    ok(await api.gql(directives(50), {}, token));
    expectLimit(await api.gql(directives(51), {}, token), 'directives');
  });

  it('refuses a query costing more than the budget: 100 tasks with 100 events each', async () => {
    // 100 tasks with 10 events each costs about 17,000: inside the budget of 50,000.
    ok(await api.gql('{ tasks(first: 100) { nodes { id title timeline(first: 10) { nodes { id } } } } }', {}, token));
    const error = expectLimit(
      await api.gql('{ tasks(first: 100) { nodes { timeline(first: 100) { nodes { id } } } } }', {}, token),
      'cost',
    );
    expect(error?.message).toMatch(/^Query Cost limit of 50000 exceeded, found \d+/);
  });

  describe('the cost of an operation, with its variables', () => {
    const timelines = 'query ($n: Int) { tasks(first: $n) { nodes { timeline(first: $n) { nodes { id } } } } }';

    it('counts a page size given as a variable as the same size written in the query', async () => {
      const literal = expectLimit(
        await api.gql('{ tasks(first: 100) { nodes { timeline(first: 100) { nodes { id } } } } }', {}, token),
        'cost',
      );
      const variable = expectLimit(await api.gql(timelines, { n: 100 }, token), 'cost');
      expect(variable?.message).toBe(literal?.message);
      expect(literal?.message).toBe('Query Cost limit of 50000 exceeded, found 163625.');
      ok(await api.gql(timelines, { n: 10 }, token));
    });

    it('accepts an operation costing exactly the budget and refuses one costing one more', async () => {
      // 46,175 (100 tasks, 28 entries each) + 5 × 725 (100 tasks) + 200 × 1 (__typename) = 50,000.
      const atBudget = (extra: number) => `query ($n: Int) {
        tasks(first: 100) { nodes { timeline(first: $n) { nodes { id } } } }
        ${[1, 2, 3, 4, 5].map((i) => `t${i}: tasks(first: 100) { nodes { id } }`).join('\n')}
        ${'__typename '.repeat(200 + extra)}
      }`;
      ok(await api.gql(atBudget(0), { n: 28 }, token));
      const error = expectLimit(await api.gql(atBudget(1), { n: 28 }, token), 'cost');
      expect(error?.message).toBe('Query Cost limit of 50000 exceeded, found 50001.');
      expect(error?.extensions?.max).toBe(50_000);
      // Over a real socket, /health answers within a second while either is handled.
      const served = await serve(api.app);
      try {
        ok((await whileHealthy(served, () => served.post(atBudget(0), { n: 28 }, token))).result.body);
        const refused = await whileHealthy(served, () => served.post(atBudget(1), { n: 28 }, token));
        expectLimit(refused.result.body, 'cost');
      } finally {
        await served.close();
      }
    });

    it('counts an omitted first as the default page of 20', async () => {
      const entries = (first: string) =>
        `{ tasks${first} { nodes { timeline(first: 100) { nodes { id type at note } } } } }`;
      const omitted = expectLimit(await api.gql(entries(''), {}, token), 'cost');
      const twenty = expectLimit(await api.gql(entries('(first: 20)'), {}, token), 'cost');
      expect(omitted?.message).toBe(twenty?.message);
      ok(await api.gql(entries('(first: 10)'), {}, token));
    });

    it('counts a page-size variable the request leaves out as the largest page of 100', async () => {
      const query = 'query ($n: Int) { tasks(first: 40) { nodes { timeline(first: $n) { nodes { id } } } } }';
      ok(await api.gql(query, { n: 20 }, token));
      expectLimit(await api.gql(query, {}, token), 'cost');
    });

    it('counts nodes(ids:) by its ids, and refuses more than 100 ids naming ids', async () => {
      const withTimelines =
        'query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Task { timeline(first: 100) { nodes { id } } } } }';
      const ids = (count: number) => ({ ids: Array.from({ length: count }, () => 'Task:1') });
      ok(await api.gql(withTimelines, ids(40), token));
      expectLimit(await api.gql(withTimelines, ids(50), token), 'cost');
      const plain = 'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }';
      expect(ok(await api.gql<{ nodes: unknown[] }>(plain, ids(100), token)).nodes).toHaveLength(100);
      expectError(await api.gql(plain, ids(101), token), 'BAD_USER_INPUT', 'ids');
    });

    it("counts a plain list at its declared size: a framework's tree as 300 nodes", async () => {
      const trees = (first: number) => `{ indexFrameworks(first: ${first}) { nodes { nodes { id code name } } } }`;
      ok(await api.gql(trees(11), {}, token));
      const error = expectLimit(await api.gql(trees(12), {}, token), 'cost');
      expect(error?.message).toBe('Query Cost limit of 50000 exceeded, found 52710.');
    });

    it('answers a refusal as validation errors are answered: 400 to GraphQL-response clients, 200 to JSON ones', async () => {
      const status = async (accept: string) =>
        (
          await api.app.fetch(
            new Request('http://test/graphql', {
              method: 'POST',
              headers: { 'content-type': 'application/json', accept, authorization: `Bearer ${token}` },
              body: JSON.stringify({ query: timelines, variables: { n: 100 } }),
            }),
          )
        ).status;
      expect([await status('application/graphql-response+json'), await status('application/json')]).toEqual([400, 200]);
    });
  });

  it('refuses a query text over 15,000 characters before parsing it', async () => {
    const padded = (length: number) => {
      const query = '{ me { id } }\n#';
      return query + 'x'.repeat(length - query.length);
    };
    ok(await api.gql(padded(15_000), {}, token));
    const error = expectLimit(await api.gql(padded(15_001), {}, token), 'length');
    expect(error?.message).toBe('Query length limit of 15000 characters exceeded, found 15001.');
  });

  it('still refuses a page of more than 100 rows', async () => {
    expectError(await api.gql('{ tasks(first: 101) { totalCount } }', {}, token), 'BAD_USER_INPUT', 'first');
  });

  it('refuses a batch (an array of operations) with 400', async () => {
    const response = await api.app.fetch(
      new Request('http://test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify([{ query: '{ me { id } }' }, { query: '{ me { id } }' }]),
      }),
    );
    expect(response.status).toBe(400);
    const body = (await response.json()) as GraphQLResult<unknown>;
    expect(body.errors?.[0]).toMatchObject({
      message: 'Batching is not supported.',
      extensions: { code: 'BAD_REQUEST' },
    });
  });

  describe('login', () => {
    const attempts = () => api.db.prisma.loginThrottle.count();
    const sessions = () => api.db.prisma.session.count();

    it('refuses an aliased login before trying the password', async () => {
      const [throttled, opened] = [await attempts(), await sessions()];
      const result = await api.gql('mutation { again: login(username: "admin", password: "guess-1") { token } }');
      expect(result.data).toBeUndefined();
      expect(result.errors?.[0]).toMatchObject({
        message: 'login cannot be aliased.',
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      });
      expect([await attempts(), await sessions()]).toEqual([throttled, opened]);
    });

    it('refuses two logins in one document, even with the right password, before trying either', async () => {
      const [throttled, opened] = [await attempts(), await sessions()];
      const twice = `mutation ($p: String!) {
        login(username: "admin", password: $p) { token }
        second: login(username: "admin", password: "guess-2") { token }
      }`;
      const result = await api.gql(twice, { p: fixturePassword });
      expect(result.data).toBeUndefined();
      expect(result.errors?.map((e) => e.extensions?.code)).toContain('GRAPHQL_VALIDATION_FAILED');
      // Without aliases, the same field twice is merged into one by GraphQL; a fragment does not hide it.
      const viaFragment = await api.gql(
        `mutation { login(username: "admin", password: "guess-3") { token } ...again }
         fragment again on Mutation { login(username: "admin", password: "guess-3") { token } }`,
      );
      expect(viaFragment.errors?.[0]).toMatchObject({
        message: 'login can be asked only once per request.',
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      });
      expect([await attempts(), await sessions()]).toEqual([throttled, opened]);
    });

    it('still signs in with one plain login', async () => {
      ok(await api.gql(login, { u: 'committee', p: fixturePassword }));
    });
  });

  it('suggests field names outside production', async () => {
    const result = await api.gql('{ mee { id } }', {}, token);
    expect(result.errors?.[0]?.message).toMatch(/Did you mean "me"\?/);
  });

  it('answers introspection to anyone outside production (GraphiQL, codegen)', async () => {
    ok(await api.gql('{ __schema { queryType { name } } }'));
  });
});

describe.each(databaseKinds)('in production on %s', (kind) => {
  let api: TestApi;
  let token: string;
  beforeAll(async () => {
    api = await startTestApi(kind, { env: { NODE_ENV: 'production' } });
    await loadFixture(api.db.prisma);
    token = await api.signIn('analyst');
  });
  afterAll(() => api.close());

  it('keeps the same limits', async () => {
    expectLimit(await api.gql(nested(11), {}, token), 'depth');
    expectLimit(await api.gql(aliased(16), {}, token), 'aliases');
  });

  it('hides field suggestions, which would spell out the schema', async () => {
    const result = await api.gql('{ mee { id } }');
    expect(result.errors?.[0]?.message).toBe('Cannot query field "mee" on type "Query". [Suggestion hidden]');
    const argument = await api.gql('{ tasks(frist: 1) { totalCount } }', {}, token);
    expect(argument.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });

  it('gives an anonymous caller no suggestion at all: enum values, input fields, literal or in variables', async () => {
    const byFilter = 'query ($f: TaskFilter) { tasks(filter: $f) { totalCount } }';
    const cases: [string, Record<string, unknown>][] = [
      ['{ tasks(filter: { status: { in: [NOT_STARTD] } }) { totalCount } }', {}],
      ['{ tasks(orderBy: { field: DEADLIN }) { totalCount } }', {}],
      ['mutation { reviewEvidence(id: "Evidence:1", version: 1, decision: ACCEPT) { id } }', {}],
      [byFilter, { f: { status: { in: ['NOT_STARTD'] } } }],
      [byFilter, { f: { titel: { contains: 'x' } } }],
      ['query ($s: TaskStatus!) { tasks(filter: { status: { in: [$s] } }) { totalCount } }', { s: 'NOT_STARTD' }],
      ['{ tasks(filter: { titel: { contains: "x" } }) { totalCount } }', {}],
      ['query ($f: TaskFiltr) { tasks(filter: $f) { totalCount } }', {}],
      ['{ tasks { nodes { ... on Tsk { id } } } }', {}],
    ];
    for (const [query, variables] of cases) {
      for (const caller of [null, 'not-a-live-session-token-0123456789']) {
        const result = await api.gql(query, variables, caller);
        expect(result.errors?.length, query).toBeGreaterThan(0);
        for (const error of result.errors ?? []) {
          expect(error.message, query).not.toMatch(/Did you mean|NOT_STARTED|"DEADLINE"|"ACCEPTED"|"title"/);
        }
      }
    }
    // The error itself keeps its code and location.
    const error = (await api.gql(cases[0]?.[0] ?? '', {}))?.errors?.[0];
    expect(error).toMatchObject({
      message: 'Value "NOT_STARTD" does not exist in "TaskStatus" enum. [Suggestion hidden]',
      locations: [{ line: 1, column: 34 }],
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
  });

  it('still suggests enum values and input fields to a signed-in caller, who may read the schema', async () => {
    const result = await api.gql(
      'query ($f: TaskFilter) { tasks(filter: $f) { totalCount } }',
      { f: { status: { in: ['NOT_STARTD'] } } },
      token,
    );
    expect(result.errors?.[0]?.message).toMatch(/Did you mean the enum value "NOT_STARTED"\?/);
  });

  it('refuses introspection to an anonymous caller, before anything runs', async () => {
    for (const query of ['{ __schema { queryType { name } } }', '{ __type(name: "Task") { name } }']) {
      const response = await api.app.fetch(
        new Request('http://test/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query }),
        }),
      );
      expect(response.status).toBe(401);
      const body = (await response.json()) as GraphQLResult<unknown>;
      expect(body.data).toBeUndefined();
      expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    // __typename is not introspection; login and me still work.
    expect(ok(await api.gql<{ __typename: string }>('{ __typename }')).__typename).toBe('Query');
  });

  it("answers a signed-in user's full introspection (GraphiQL's own query) within the limits", async () => {
    const data = ok(await api.gql<{ __schema: { types: unknown[] } }>(getIntrospectionQuery(), {}, token));
    expect(data.__schema.types.length).toBeGreaterThan(50);
  });
});

describe('the cost budget from the environment', () => {
  it('is MAX_QUERY_COST when set', async () => {
    const [kind] = databaseKinds;
    const api = await startTestApi(kind ?? 'pglite', { env: { MAX_QUERY_COST: '10000' } });
    try {
      await loadFixture(api.db.prisma);
      const token = await api.signIn('analyst');
      const query = '{ tasks(first: 100) { nodes { id title timeline(first: 10) { nodes { id } } } } }';
      const error = expectLimit(await api.gql(query, {}, token), 'cost');
      expect(error?.extensions?.max).toBe(10_000);
      expect(defaultLimits.maxCost).toBe(50_000);
    } finally {
      await api.close();
    }
  });
});
