// The bounds on what arguments hold (docs/api.md "Bounded arguments"), literal or in variables alike:
// at each limit the request is accepted, one more is refused with BAD_USER_INPUT naming the path
// before anything runs, and the server answers /health within a second meanwhile.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultLimits } from '../../api/config.ts';
import { databaseKinds } from '../support/databases.ts';
import { expectError, ok, startTestApi, type GraphQLResult, type TestApi } from '../support/api.ts';
import { loadFixture, type Fixture } from '../support/fixture.ts';
import { capturedLogger } from '../support/log.ts';

const { maxFilterBreadth, maxFilterDepth, maxFilterTerms, maxListItems, maxStringLength, maxVariablesBytes } =
  defaultLimits;

/** A JSON value written as a GraphQL literal (no enum values). */
function literal(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  if (value && typeof value === 'object') {
    return `{ ${Object.entries(value)
      .map(([key, v]) => `${key}: ${literal(v)}`)
      .join(', ')} }`;
  }
  return JSON.stringify(value);
}

const repeat = <T>(count: number, item: T): T[] => Array.from({ length: count }, () => item);

/** `filter` nested `depth` times in NOT. */
const notNested = (depth: number, filter: object = {}): object =>
  depth === 0 ? filter : { NOT: notNested(depth - 1, filter) };

describe.each(databaseKinds)('bounds on input on %s', (kind) => {
  let api: TestApi;
  let f: Fixture;
  let token: string;
  const log = capturedLogger('warn');

  beforeAll(async () => {
    api = await startTestApi(kind, { logger: log.logger });
    f = await loadFixture(api.db.prisma);
    token = await api.signIn('admin');
  });
  afterAll(async () => {
    await api.close();
    expect(log.errors(), 'error lines in the log').toEqual([]);
  });

  const countTasks = 'query ($f: TaskFilter) { tasks(filter: $f) { totalCount } }';

  /** The task filter sent as a variable and as a literal: both accepted, with the same count. */
  const acceptsFilter = async (filter: object) => {
    const asVariable = ok(await api.gql<{ tasks: { totalCount: number } }>(countTasks, { f: filter }, token));
    const asLiteral = ok(
      await api.gql<{ tasks: { totalCount: number } }>(
        `{ tasks(filter: ${literal(filter)}) { totalCount } }`,
        {},
        token,
      ),
    );
    expect(asLiteral.tasks.totalCount).toBe(asVariable.tasks.totalCount);
  };

  /** The task filter sent as a variable and as a literal: both refused, naming `field`, before any resolver ran. */
  const refusesFilter = async (filter: object, field: string) => {
    for (const result of [
      await api.gql(countTasks, { f: filter }, token),
      await api.gql(`{ tasks(filter: ${literal(filter)}) { totalCount } }`, {}, token),
    ]) {
      expect(result.data, 'nothing ran').toBeUndefined();
      expectError(result, 'BAD_USER_INPUT', field);
    }
  };

  it(`an AND or OR list holds at most ${maxFilterBreadth} filters`, async () => {
    await acceptsFilter({ OR: repeat(maxFilterBreadth, { progress: { gte: 0 } }) });
    await refusesFilter({ OR: repeat(maxFilterBreadth + 1, {}) }, 'filter.OR');
    await refusesFilter({ AND: [{ OR: repeat(maxFilterBreadth + 1, {}) }] }, 'filter.AND.0.OR');
  });

  it(`AND, OR and NOT nest at most ${maxFilterDepth} deep`, async () => {
    await acceptsFilter(notNested(maxFilterDepth, { progress: { gte: 0 } }));
    await refusesFilter(notNested(maxFilterDepth + 1), 'filter.NOT.NOT.NOT.NOT.NOT.NOT');
    await refusesFilter({ AND: [{ OR: [notNested(maxFilterDepth - 1)] }] }, 'filter.AND.0.OR.0.NOT.NOT.NOT.NOT');
  });

  it('counts the depth of a variable from where it stands in a literal', async () => {
    const query = 'query ($f: TaskFilter) { tasks(filter: { AND: [{ NOT: $f }] }) { totalCount } }';
    ok(await api.gql(query, { f: notNested(maxFilterDepth - 2) }, token));
    expectError(
      await api.gql(query, { f: notNested(maxFilterDepth - 1) }, token),
      'BAD_USER_INPUT',
      'filter.AND.0.NOT.NOT.NOT.NOT.NOT',
    );
  });

  it(`a filter holds at most ${maxFilterTerms} filters in all its AND, OR and NOT`, async () => {
    // Two ORs and the filters in them.
    const half = Math.floor((maxFilterTerms - 2) / 2);
    const filter = (extra: number) => ({
      AND: [{ OR: repeat(half, {}) }, { OR: repeat(maxFilterTerms - 2 - half + extra, {}) }],
    });
    await acceptsFilter(filter(0));
    await refusesFilter(filter(1), 'filter');
  });

  it('counts the filters of a variable each time it is used', async () => {
    const query = 'query ($f: TaskFilter!) { tasks(filter: { OR: [$f, $f] }) { totalCount } }';
    // Each use: the variable itself and the filters in its OR.
    const each = Math.floor(maxFilterTerms / 2);
    ok(await api.gql(query, { f: { OR: repeat(each - 1, {}) } }, token));
    expectError(await api.gql(query, { f: { OR: repeat(each, {}) } }, token), 'BAD_USER_INPUT', 'filter');
  });

  it(`a list holds at most ${maxListItems} items`, async () => {
    const ids = (count: number) => Array.from({ length: count }, (_, i) => `Task:${i + 1}`);
    await acceptsFilter({ id: { in: ids(maxListItems) } });
    await refusesFilter({ id: { in: ids(maxListItems + 1) } }, 'filter.id.in');
    const nodes = 'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }';
    // Tasks that do not all exist: NOT_FOUND, but past the bounds.
    const hundred = await api.gql(nodes, { ids: ids(maxListItems) }, token);
    expect(hundred.errors?.map((e) => e.extensions?.code)).not.toContain('BAD_USER_INPUT');
    expectError(await api.gql(nodes, { ids: ids(maxListItems + 1) }, token), 'BAD_USER_INPUT', 'ids');
  });

  it("a plan's targets may be more: up to 200, as the plan's own rule says", async () => {
    const create = 'mutation ($input: CreateImprovementPlanInput!) { createImprovementPlan(input: $input) { id } }';
    const input = (count: number) => ({
      unitId: `Unit:${f.units.homeAffairs.id}`,
      year: 2030,
      targetPercent: 90,
      targets: repeat(count, { nodeId: 'IndexNode:999999', targetPoints: 1 }),
    });
    // 200 pass the bounds; what the rules say of these nodes is another matter.
    const accepted = await api.gql(create, { input: input(200) }, token);
    expect(JSON.stringify(accepted.errors)).not.toContain('"input.targets"');
    expectError(await api.gql(create, { input: input(201) }, token), 'BAD_USER_INPUT', 'input.targets');
  });

  it(`a text holds at most ${maxStringLength} characters`, async () => {
    await acceptsFilter({ title: { contains: 'x'.repeat(maxStringLength) } });
    await refusesFilter({ title: { contains: 'x'.repeat(maxStringLength + 1) } }, 'filter.title.contains');
  });

  it("an objective's description may be longer: up to 20,000 characters, as its own rule says", async () => {
    const create = 'mutation ($input: CreateObjectiveInput!) { createObjective(input: $input) { id } }';
    const input = (code: string, length: number) => ({
      resolutionId: `Resolution:${f.resolution.id}`,
      reformAreaId: `ReformArea:${f.areas.procedures.id}`,
      code,
      title: 'Mục tiêu dài',
      description:
        'Mô tả. '
          .repeat(length / 7 + 1)
          .slice(0, length)
          .trim() + 'x',
    });
    ok(await api.gql(create, { input: input('MT-DAI', 19_999) }, token));
    expectError(
      await api.gql(create, { input: input('MT-DAI-2', 20_000) }, token),
      'BAD_USER_INPUT',
      'input.description',
    );
  });

  it(`the variables hold at most ${maxVariablesBytes / 1024} KB of JSON`, async () => {
    // JSON.stringify({ pad }) is the padding and 10 characters.
    const pad = (length: number) => ({ pad: 'x'.repeat(length - 10) });
    expect(JSON.stringify(pad(maxVariablesBytes)).length).toBe(maxVariablesBytes);
    ok(await api.gql('{ me { id } }', pad(maxVariablesBytes), token));
    const result = await api.gql('{ me { id } }', pad(maxVariablesBytes + 1), token);
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'QUERY_LIMIT_EXCEEDED',
      limit: 'variables',
      max: maxVariablesBytes,
    });
  });

  it("an upload's file is no part of the variables' size", async () => {
    const head = await api.signIn('head.pnv');
    const pdf = `%PDF-1.4\n${'%'.repeat(maxVariablesBytes + 100_000)}\n%%EOF\n`;
    const uploaded = await api.upload<{ uploadEvidence: { id: string } }>(
      'mutation ($taskId: ID!, $title: String!, $file: File!) { uploadEvidence(taskId: $taskId, title: $title, file: $file) { id } }',
      { taskId: `Task:${f.tasks.overdue.id}`, title: 'Báo cáo dài' },
      { file: { content: pdf, name: 'bao-cao.pdf', type: 'application/pdf' } },
      head,
    );
    expect(ok(uploaded).uploadEvidence.id).toMatch(/^Evidence:/);
  });

  it('answers /health within a second while the largest filter, or one refused, is handled', async () => {
    const health = async (pending: Promise<GraphQLResult<unknown>>) => {
      const started = performance.now();
      const response = await api.app.fetch(new Request('http://test/health'));
      const ms = performance.now() - started;
      expect(response.status).toBe(200);
      await pending;
      return ms;
    };
    // Each OR-ed relation filter is a join for the database to plan: the costliest kind of term.
    const largest = {
      OR: repeat(maxFilterTerms, {
        reformArea: { equals: `ReformArea:${f.areas.procedures.id}` },
        unit: { equals: `Unit:${f.units.justice.id}` },
        title: { contains: 'x'.repeat(100) },
      }),
    };
    const handled = api.gql(countTasks, { f: largest }, token);
    expect(await health(handled)).toBeLessThan(1000);
    ok(await handled);
    const deep = api.app
      .fetch(
        new Request('http://test/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: `{"query":"${countTasks}","variables":{"f":${'{"NOT":'.repeat(30_000)}{}${'}'.repeat(30_000)}}}`,
        }),
      )
      .then((response) => response.json() as Promise<GraphQLResult<unknown>>);
    expect(await health(deep)).toBeLessThan(1000);
    expectError(await deep, 'BAD_USER_INPUT', 'filter.NOT.NOT.NOT.NOT.NOT.NOT');
  });
});
