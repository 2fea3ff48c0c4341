// The cost of an operation (api/cost.ts): graphql-armor's weights, with page sizes read from variables
// as from literals, omitted ones at their default, plain lists at their declared size; and the largest
// queries the admin UI sends within the default budget.
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { parse, validate, type GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { resourceDefinition } from '../../admin/src/dataProvider/resources.ts';
import * as dashboard from '../../admin/src/dashboard/queries.ts';
import { defaultLimits } from '../../api/config.ts';
import { operationCost } from '../../api/cost.ts';
import * as sizes from '../../api/list-sizes.ts';
import { schema } from '../../api/schema/index.ts';

const cost = (query: string, variables: Record<string, unknown> = {}, operationName?: string) => {
  const document = parse(query);
  expect(validate(schema, document), query).toEqual([]);
  return operationCost(schema, document, variables, operationName);
};

/** graphql-armor's cost of a document, as its validation rule (which this replaces) computed it. */
function armorCost(query: string): number {
  let found = Number.NaN;
  const rule = costLimitRule({
    maxCost: 0,
    flattenFragments: true,
    ignoreIntrospection: true,
    propagateOnRejection: false,
    onReject: [(_context: unknown, error: GraphQLError) => (found = Number(/found (\S+)\.$/.exec(error.message)?.[1]))],
  });
  validate(schema, parse(query), [rule]);
  return found;
}

const heavy = '{ tasks(first: 100) { nodes { timeline(first: 100) { nodes { id } } } } }';

describe('the cost of an operation', () => {
  it("matches graphql-armor's numbers where armor counted right: literal page sizes, no plain lists", () => {
    for (const query of [
      '{ me { id displayName unit { id name } } }',
      '{ tasks(first: 100) { totalCount nodes { id title leadUnit { id name } } } }',
      '{ tasks(first: 100) { nodes { id title timeline(first: 10) { totalCount nodes { id at } } } } }',
      heavy,
      '{ a: units(first: 5) { nodes { id } } b: people(last: 7) { pageInfo { hasNextPage } } }',
    ]) {
      expect(cost(query), query).toBe(armorCost(query));
    }
    // docs/api.md's figure: 100 tasks with their first 100 timeline entries.
    expect(cost(heavy)).toBe(163_625);
  });

  it('counts a page size given as a variable as the same size written in the query', () => {
    const variable = 'query ($n: Int) { tasks(first: $n) { nodes { timeline(first: $n) { nodes { id } } } } }';
    expect(cost(variable, { n: 100 })).toBe(cost(heavy));
    expect(cost('query ($n: Int) { tasks(last: $n) { nodes { id } } }', { n: 7 })).toBe(
      cost('{ tasks(last: 7) { nodes { id } } }'),
    );
    // A variable's default value when the request gives none.
    expect(cost('query ($n: Int = 100) { tasks(first: $n) { nodes { id } } }')).toBe(
      cost('{ tasks(first: 100) { nodes { id } } }'),
    );
    // Inside a list argument too.
    expect(cost('query ($a: ID!) { nodes(ids: [$a, "Task:2"]) { id } }', { a: 'Task:1' })).toBe(
      cost('{ nodes(ids: ["Task:1", "Task:2"]) { id } }'),
    );
  });

  it('counts an omitted or null page size as the default page of 20', () => {
    const twenty = cost('{ tasks(first: 20) { nodes { timeline(first: 20) { nodes { id } } } } }');
    expect(cost('{ tasks { nodes { timeline { nodes { id } } } } }')).toBe(twenty);
    expect(
      cost('query ($n: Int) { tasks(first: $n) { nodes { timeline(first: null) { nodes { id } } } } }', { n: null }),
    ).toBe(twenty);
  });

  it('counts a missing variable, or one the field refuses, as the largest page of 100', () => {
    const query = 'query ($n: Int) { tasks(first: $n) { nodes { id } } }';
    const largest = cost('{ tasks(first: 100) { nodes { id } } }');
    for (const n of [undefined, 'many', 2.5, -1, 101, 1e9]) {
      expect(cost(query, n === undefined ? {} : { n }), String(n)).toBe(largest);
    }
    // first: 0 still reads the field's own fields once.
    expect(cost('{ tasks(first: 0) { totalCount } }')).toBe(cost('{ tasks(first: 1) { totalCount } }'));
  });

  it('counts fragments as if written in place, however often they are spread', () => {
    const inline = cost('{ tasks(first: 10) { nodes { id title leadUnit { id name } } } }');
    expect(
      cost(
        '{ tasks(first: 10) { nodes { ...row } } } fragment row on Task { id ...more } fragment more on Task { title leadUnit { id name } }',
      ),
    ).toBe(inline);
    expect(cost('{ tasks(first: 10) { nodes { ... on Task { id title } leadUnit { ... { id name } } } } }')).toBe(
      inline,
    );
    // A fragment spread twice at every level of a chain doubles the cost each level, computed at once.
    const levels = 40;
    const chain = Array.from(
      { length: levels },
      (_, i) => `fragment f${i} on Query { ${i + 1 < levels ? `...f${i + 1} ...f${i + 1}` : '__typename'} }`,
    ).join('\n');
    expect(cost(`{ ...f0 } ${chain}`)).toBe(2 ** (levels - 1));
    const document = parse(`{ ...f0 } ${chain}`);
    const started = performance.now();
    operationCost(schema, document, {});
    expect(performance.now() - started).toBeLessThan(20);
  });

  it('counts fields under @include and @skip as included, and ignores introspection but for __typename', () => {
    expect(
      cost('query ($no: Boolean!) { tasks(first: 10) @include(if: $no) { nodes { id @skip(if: true) } } }', {
        no: false,
      }),
    ).toBe(cost('{ tasks(first: 10) { nodes { id } } }'));
    expect(cost('{ __schema { types { name fields { name } } } __type(name: "Task") { name } }')).toBe(0);
    expect(cost('{ __typename }')).toBe(1);
  });

  it('counts the operation the request names', () => {
    const document = 'query Small { me { id } } query Large { tasks(first: 100) { nodes { id } } }';
    expect(cost(document, {}, 'Large')).toBe(cost('{ tasks(first: 100) { nodes { id } } }'));
    expect(cost(document, {}, 'Small')).toBe(cost('{ me { id } }'));
    expect(cost(document, {}, 'Missing')).toBe(0);
  });
});

describe('plain lists count their declared size', () => {
  /** A field with a selection whose fields cost `children` in all. */
  const object = (children: number) => 2 + 1.5 * children;

  it('a fixed size: a framework tree, a task’s evidence, a scalar list', () => {
    // indexFrameworks(first: 1) { nodes { nodes { id code } } }: the tree counts as frameworkNodes.
    const tree = object(2) * sizes.frameworkNodes;
    expect(cost('{ indexFrameworks(first: 1) { nodes { nodes { id code } } } }')).toBe(object(object(tree)));
    expect(cost('query ($id: ID!) { node(id: $id) { ... on Task { allowedActions } } }', { id: 'Task:1' })).toBe(
      object(12),
    );
  });

  it('nodes(ids:) by its ids, at most 100', () => {
    const one = cost('{ nodes(ids: ["Task:1"]) { id } }');
    expect(cost('query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: Array(40).fill('Task:1') })).toBe(40 * one);
    expect(cost('query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: Array(500).fill('Task:1') })).toBe(
      100 * one,
    );
    expect(cost('query ($ids: [ID!]!) { nodes(ids: $ids) { id } }')).toBe(100 * one);
  });

  it('the league table by first, else a whole level', () => {
    const row = cost('{ indexLeagueTable(level: COMMUNE, year: 2025, first: 1) { rank } }');
    expect(
      cost('query ($n: Int) { indexLeagueTable(level: COMMUNE, year: 2025, first: $n) { rank } }', { n: 250 }),
    ).toBe(250 * row);
    expect(cost('{ indexLeagueTable(level: COMMUNE, year: 2025) { rank } }')).toBe(sizes.unitsOfALevel * row);
  });

  it("trends by first, else by the units and levels the filter's own unit and level allow", () => {
    const series = cost('{ indexTrends(first: 1) { level } }');
    const trends = (filter: string) => cost(`{ indexTrends(filter: ${filter}) { level } }`) / series;
    expect(trends('{ unit: { equals: "Unit:1" }, level: { equals: COMMUNE } }')).toBe(1);
    expect(trends('{ unit: { equals: "Unit:1" } }')).toBe(sizes.indexLevels);
    expect(trends('{ unit: { in: ["Unit:1", "Unit:2"] }, level: { in: [COMMUNE] } }')).toBe(2);
    expect(trends('{ level: { equals: DISTRICT } }')).toBe(sizes.unitsOfALevel);
    expect(trends('{ OR: [{ unit: { equals: "Unit:1" } }] }')).toBe(sizes.indexLevels * sizes.unitsOfALevel);
  });

  it('timeliness groups by the grouping asked for', () => {
    const group = cost('{ taskTimelinessCounts { total } }');
    const by = (grouping: string) => cost(`{ taskTimelinessCounts(groupBy: ${grouping}) { total } }`) / group;
    expect([by('UNIT'), by('REFORM_AREA'), by('OBJECTIVE'), by('MONTH'), by('YEAR')]).toEqual([
      sizes.units,
      sizes.reformAreas,
      sizes.objectives,
      sizes.deadlineMonths,
      sizes.deadlineYears,
    ]);
    // Left out (a variable not sent), one group, as GraphQL runs it; a value the enum lacks, the most.
    const sent = (variables: Record<string, unknown>) =>
      cost('query ($g: TaskGrouping) { taskTimelinessCounts(groupBy: $g) { total } }', variables) / group;
    expect([sent({}), sent({ g: 'DECADE' })]).toEqual([1, sizes.units]);
  });
});

describe('the admin UI', () => {
  const budget = defaultLimits.maxCost;
  const resources = [
    'tasks',
    'deadlineExtensions',
    'evidence',
    'units',
    'objectives',
    'targets',
    'resolutions',
    'reformAreas',
    'people',
    'headships',
    'accounts',
    'auditEntries',
    'indexResults',
    'satisfactionResults',
    'improvementPlans',
  ];

  it('reads any page of 100 rows, one record, or 100 records by id within the budget', () => {
    for (const name of resources) {
      const resource = resourceDefinition(name);
      const list = `query ($first: Int) { data: ${resource.list}(first: $first) { totalCount nodes { ${resource.listFields} } } }`;
      const one = `query ($id: ID!) { data: node(id: $id) { ... on ${resource.type} { __typename ${resource.oneFields ?? resource.listFields} } } }`;
      const many = `query ($ids: [ID!]!) { data: nodes(ids: $ids) { ... on ${resource.type} { __typename ${resource.listFields} } } }`;
      expect(cost(list, { first: 100 }), `${name} list`).toBeLessThanOrEqual(budget);
      expect(cost(one, { id: `${resource.type}:1` }), `${name} one`).toBeLessThanOrEqual(budget);
      expect(cost(many, { ids: Array(100).fill(`${resource.type}:1`) }), `${name} many`).toBeLessThanOrEqual(budget);
    }
    // The largest: the task page, and an improvement plan with its actions, targets and checks.
    const page = (name: string) => {
      const resource = resourceDefinition(name);
      return cost(
        `query ($id: ID!) { node(id: $id) { ... on ${resource.type} { __typename ${resource.oneFields} } } }`,
        {
          id: `${resource.type}:1`,
        },
      );
    };
    expect([page('tasks'), page('improvementPlans')].map(Math.round)).toEqual([9_656, 12_560]);
  });

  it("sends the dashboard's queries within the budget", () => {
    const costs = {
      leaguePage: cost(dashboard.leaguePageQuery, { level: 'COMMUNE', year: 2025, first: 100, offset: 0 }),
      leagueExport: cost(dashboard.leagueTableQuery, { level: 'COMMUNE', year: 2025 }),
      years: cost(dashboard.frameworkYearsQuery, { level: 'COMMUNE' }),
      unitTrend: cost(dashboard.trendsQuery, { filter: { level: { equals: 'COMMUNE' }, unit: { equals: 'Unit:1' } } }),
      districtTrend: cost(dashboard.districtTrendQuery, { units: ['Unit:1'] }),
      targets: cost(dashboard.targetProgressQuery),
      plans: cost(dashboard.plansQuery, { first: dashboard.flaggedPlansShown }),
      byUnit: cost(dashboard.timelinessQuery, { groupBy: 'UNIT', filter: {} }),
      byMonth: cost(dashboard.timelinessQuery, { groupBy: 'MONTH', filter: {} }),
      satisfaction: cost(dashboard.satisfactionQuery, { unit: 'Unit:1' }),
    };
    for (const [name, value] of Object.entries(costs)) expect(value, name).toBeLessThanOrEqual(budget);
  });
});
