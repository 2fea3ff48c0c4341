// Every argument of every query, fed malformed and extreme values made from its type in the schema
// (as test/api/fuzz.test.ts does for the mutations, by hand there): global ids of every type of the
// schema, of the database's own tables and of none, keys 0, 2^31 and past; cursors the server never
// wrote; numbers huge, negative and fractional; days and instants in year 0, year 1 and year 9999;
// empty, blank, overlong and control-character text, U+0000, lone surrogates, LIKE wildcards; unknown
// enum values and fields; lists of one, of 100 and of 200; filters 40 deep, 60 wide, 40 in all; and
// values of the wrong type. Sent as variables mostly, and as literals.
//
// A query may answer with data or with expected errors, never INTERNAL_SERVER_ERROR, an error without
// a code, a 5xx, or an error line in the log; a BAD_USER_INPUT names an argument of the query. A
// query added to the schema is fuzzed without more ado.
//
// QUERY_FUZZ_RUNS calls per query: 10 unless told, for a quick `npm test`; CI (.ci/run) makes 30.
// FUZZ_SEED a seed to replay a failure fast-check reports.
import fc from 'fast-check';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLInputObjectType,
  type GraphQLInputType,
  type GraphQLOutputType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../../api/schema/index.ts';
import { demoPassword, loadDemoData } from '../../seeds/demo.ts';
import { startTestApi, type GraphQLResult, type TestApi } from '../support/api.ts';
import { databaseKinds } from '../support/databases.ts';
import {
  badDate,
  badIds,
  blank,
  notABoolean,
  notAFloat,
  notAnInt,
  notAString,
  withControl,
  withLoneSurrogate,
} from '../support/fuzz.ts';
import { capturedLogger } from '../support/log.ts';

type Field = GraphQLField<unknown, unknown>;

const runs = Number(process.env.QUERY_FUZZ_RUNS ?? 10);
const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

/** The codes an answer may carry. */
const expectedCodes = new Set([
  'BAD_USER_INPUT',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'QUERY_LIMIT_EXCEEDED',
  'REQUEST_ENTITY_TOO_LARGE',
  'NOT_FOUND',
  'FORBIDDEN',
]);

// ---------------------------------------------------------------- values from the types
// Each input gets a typical value (one the server takes, so that the call goes on to the resolvers
// and the database) three times in four, an edge or malformed one otherwise; an object gives one or
// two of its fields, so that a call holds a few values and the one that is wrong is met.

const typeNames = Object.keys(schema.getTypeMap()).filter((name) => !name.startsWith('__'));
const nodeTypes = typeNames.filter((name) => {
  const type = schema.getType(name);
  return isObjectType(type) && type.getInterfaces().some((iface) => iface.name === 'Node');
});
/** Names of no type of the schema: the database's own tables, other cases, nonsense. */
const otherNames = ['Session', 'LoginThrottle', 'IndexScore', 'Foo', 'task', 'TASK'];

const keys = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 300 }) },
  { weight: 1, arbitrary: fc.constantFrom(0, 99_999, 2_147_483_647, 2_147_483_648, 4_294_967_296, 9_999_999_999) },
);

/** The type of object an id input most likely names: "unit" a Unit, "framework" an IndexFramework. */
function idTypeFor(hint: string): string | undefined {
  const name = hint.charAt(0).toUpperCase() + hint.slice(1);
  return (
    nodeTypes.find((type) => type === name) ??
    nodeTypes.find((type) => name.endsWith(type)) ??
    nodeTypes.find((type) => type.endsWith(name))
  );
}

const idsOf = (hint: string) => {
  const type = idTypeFor(hint);
  return {
    typical: type
      ? fc.integer({ min: 1, max: 60 }).map((key) => `${type}:${key}`)
      : fc.constantFrom(...nodeTypes).map((t) => `${t}:1`),
    edge: fc.oneof(
      {
        weight: 4,
        arbitrary: fc.tuple(fc.constantFrom(...typeNames, ...otherNames), keys).map(([t, k]) => `${t}:${k}`),
      },
      { weight: 1, arbitrary: badIds(type ?? 'Task') },
    ),
  };
};

const base64 = (text: string) => Buffer.from(text).toString('base64');

const cursors = fc.oneof(
  keys.map((key) => base64(`GPC:N:${key}`)),
  fc
    .constantFrom(
      'GPC:S:abc',
      'GPC:N:1.5',
      'GPC:N:-1',
      'GPC:N:1e21',
      'GPC:N:NaN',
      'GPC:I:99999999999999999999',
      'GPC:D:8640000000000001',
      'GPC:O:{"in":[1,2]}',
      'GPC:Z:',
      'GPC:T:[N:1]',
      'GPC:J:[1]',
      'GPC:B:AAAA',
      'GPC:',
      'N:1',
    )
    .map(base64),
  fc.constantFrom('', 'garbage', '====', 'R1BDOk46MQ', '\u0000'),
  fc.string({ maxLength: 30 }),
  fc.string({ maxLength: 20 }).map((text) => base64(`GPC:${text}`)),
);

const texts = fc.oneof(
  fc.constantFrom('%', '_', '\\', '50%', 'a_b', '%%', '😀', 'a\u0000b', '1.1.1', '\'; DROP TABLE "Task"; --'),
  fc.string({ maxLength: 20 }),
  blank,
  withControl,
  withLoneSurrogate,
  fc.constantFrom(9_999, 10_000, 10_001, 30_000).map((length) => 'x'.repeat(length)),
  notAString,
);

const ints = fc.oneof(
  fc.constantFrom(-(2 ** 31), -1, 0, 99, 100, 101, 1999, 2101, 9999, 10_000, 1_000_000, 1_000_001, 2 ** 31 - 1),
  fc.integer(),
  notAnInt,
);

const floats = fc.oneof(
  fc.constantFrom(0, -0, 1e308, -1e308, 5e-324, 99.999, 100.001, -1),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  notAFloat,
);

const day = (date: Date) => date.toISOString().slice(0, 10);
const anyDate = fc.date({
  min: new Date('0001-01-01T00:00:00Z'),
  max: new Date('9999-12-31T00:00:00Z'),
  noInvalidDate: true,
});
const recent = fc.date({
  min: new Date('2020-01-01T00:00:00Z'),
  max: new Date('2030-12-31T00:00:00Z'),
  noInvalidDate: true,
});

const dates = fc.oneof(
  fc.constantFrom('0000-01-01', '0001-01-01', '9999-12-31', '+010000-01-01', '-000001-01-01'),
  anyDate.map(day),
  badDate,
);

const dateTimes = fc.oneof(
  fc.constantFrom(
    '0000-06-01T00:00:00Z',
    '0001-01-01T00:00:00+14:00',
    '9999-12-31T23:59:59-14:00',
    '2026-02-30T00:00:00Z',
    '2026-03-10',
    'now',
    '',
  ),
  anyDate.map((date) => date.toISOString()),
  fc.integer(),
);

/** Typical and edge values of a scalar, for an input named `hint`. */
function scalarValues(name: string, hint: string): { typical: fc.Arbitrary<unknown>; edge: fc.Arbitrary<unknown> } {
  switch (name) {
    case 'ID':
      return idsOf(hint);
    case 'String':
      return hint === 'after' || hint === 'before'
        ? { typical: fc.constant(null), edge: cursors }
        : { typical: fc.constantFrom('a', 'Đạ Tẻh', 'Phòng', '7', '7.2', 'UBND'), edge: texts };
    case 'Int':
      return { typical: fc.oneof(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 2020, max: 2030 })), edge: ints };
    case 'Float':
      return { typical: fc.integer({ min: 0, max: 10_000 }).map((n) => n / 100), edge: floats };
    case 'Boolean':
      return { typical: fc.boolean(), edge: notABoolean };
    case 'Date':
      return { typical: recent.map(day), edge: dates };
    case 'DateTime':
      return { typical: recent.map((date) => date.toISOString()), edge: dateTimes };
    default:
      return { typical: fc.constant(null), edge: fc.jsonValue({ maxDepth: 2 }) };
  }
}

const mostlyTypical = (typical: fc.Arbitrary<unknown>, edge: fc.Arbitrary<unknown>) =>
  fc.oneof({ weight: 3, arbitrary: typical }, { weight: 1, arbitrary: edge });

/** Whether an input type holds itself in AND, OR and NOT: a filter. */
const isFilter = (type: GraphQLInputObjectType) =>
  Object.values(type.getFields()).some((field) => getNamedType(field.type) === type);

/** `{ NOT: { AND: [{ OR: [...] }] } }` down to `depth`. */
function nested(depth: number, operators: readonly ('NOT' | 'AND' | 'OR')[]): object {
  let filter: object = {};
  for (let i = 0; i < depth; i++) {
    const op = operators[i % operators.length] as string;
    filter = { [op]: op === 'NOT' ? filter : [filter] };
  }
  return filter;
}

const repeat = <T>(count: number, item: T): T[] => Array.from({ length: count }, () => item);

/** Filters too deep, too wide or too many in all, and their neighbours just within. */
const shapes = fc.oneof(
  fc
    .tuple(fc.integer({ min: 4, max: 40 }), fc.shuffledSubarray(['NOT', 'AND', 'OR'] as const, { minLength: 1 }))
    .map(([depth, operators]) => nested(depth, operators)),
  fc.integer({ min: 20, max: 60 }).map((width) => ({ OR: repeat(width, {}) })),
  fc
    .integer({ min: 10, max: 20 })
    .map((half) => ({ AND: [{ OR: repeat(half, {}) }, { NOT: { OR: repeat(half, {}) } }] })),
);

/** A small value of the type's shape, for long lists. */
function smallOf(type: GraphQLInputType): unknown {
  const named = getNamedType(type);
  if (isListType(isNonNullType(type) ? type.ofType : type)) return [];
  if (isInputObjectType(named)) return {};
  if (isEnumType(named)) return named.getValues()[0]?.name;
  return (
    { ID: 'Task:1', Int: 1, Float: 1.5, Boolean: true, Date: '2026-03-10', DateTime: '2026-03-10T03:00:00Z' }[
      named.name
    ] ?? '1'
  );
}

const cache = new Map<string, fc.Arbitrary<unknown>>();

/** Values for an input of `type` named `hint`, `depth` objects down. */
function valuesOf(type: GraphQLInputType, hint: string, depth: number): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) {
    return fc.oneof(
      { weight: 20, arbitrary: valuesOf(type.ofType, hint, depth) },
      { weight: 1, arbitrary: fc.constant(null) },
    );
  }
  if (isListType(type)) {
    const itemType = type.ofType;
    const item = valuesOf(itemType, hint, depth);
    return fc.oneof(
      { weight: 12, arbitrary: fc.array(item, { minLength: 1, maxLength: 3 }) },
      { weight: 1, arbitrary: item },
      { weight: 1, arbitrary: fc.constant([]) },
      {
        weight: 2,
        arbitrary: fc.constantFrom(25, 26, 99, 100, 101, 200, 201).map((count) => repeat(count, smallOf(itemType))),
      },
    );
  }
  if (isEnumType(type)) {
    const values = type.getValues().map((value) => value.name);
    return mostlyTypical(
      fc.constantFrom(...values),
      fc.oneof(
        fc.constantFrom('', 'NOPE', (values[0] as string).toLowerCase(), ` ${values[0]}`),
        fc.integer(),
        fc.boolean(),
      ),
    );
  }
  if (isInputObjectType(type)) {
    const key = `${type.name}|${hint}|${depth}`;
    const known = cache.get(key);
    if (known) return known;
    const fields = Object.values(type.getFields()).filter((field) => depth < 3 || getNamedType(field.type) !== type);
    const values = Object.fromEntries(
      // An IDFilter's ids name what the field holding it does ("unit": units); a filter's own id its type's.
      fields.map((field) => {
        const name =
          field.name === 'equals' || field.name === 'in'
            ? hint
            : field.name === 'id'
              ? type.name.replace(/Filter$/, '')
              : field.name;
        return [field.name, valuesOf(field.type, name, depth + 1)];
      }),
    );
    const required = fields.filter((field) => isNonNullType(field.type)).map((field) => field.name);
    const some = fc
      .subarray(
        fields.map((field) => field.name),
        { minLength: 1, maxLength: Math.min(2, fields.length) },
      )
      .chain((chosen) =>
        fc.record(
          Object.fromEntries(
            [...new Set([...required, ...chosen])].map((name) => [name, values[name] as fc.Arbitrary<unknown>]),
          ),
        ),
      );
    const arbitrary = fc.oneof(
      { weight: 12, arbitrary: some },
      { weight: 1, arbitrary: some.map((value) => ({ ...value, bogusField: 1 })) },
      { weight: 1, arbitrary: fc.oneof(notAString, fc.string({ maxLength: 5 })) },
      ...(isFilter(type) ? [{ weight: 2, arbitrary: shapes }] : []),
    );
    cache.set(key, arbitrary);
    return arbitrary;
  }
  const { typical, edge } = scalarValues(getNamedType(type).name, hint);
  return mostlyTypical(typical, edge);
}

/** A value written as a GraphQL literal of `type` (enum values bare, where they can be). */
function literal(value: unknown, type: GraphQLInputType | null): string {
  if (value === null || value === undefined) return 'null';
  const inner = type && isNonNullType(type) ? type.ofType : type;
  if (Array.isArray(value)) {
    const item = inner && isListType(inner) ? inner.ofType : null;
    return `[${value.map((v) => literal(v, item)).join(', ')}]`;
  }
  const named = inner && isListType(inner) ? getNamedType(inner) : inner;
  if (typeof value === 'object') {
    const fields = named && isInputObjectType(named) ? named.getFields() : {};
    const entries = Object.entries(value as Record<string, unknown>).map(
      ([key, v]) => `${/^[_A-Za-z]\w*$/.test(key) ? key : 'bad_key'}: ${literal(v, fields[key]?.type ?? null)}`,
    );
    return `{ ${entries.join(', ')} }`;
  }
  if (
    named &&
    isEnumType(named) &&
    typeof value === 'string' &&
    /^[_A-Za-z]\w*$/.test(value) &&
    !['true', 'false', 'null'].includes(value)
  ) {
    return value;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return '0';
  return JSON.stringify(value);
}

/** Fields to select from a result: its scalars, and the scalars of the objects in it. */
function selectionOf(type: GraphQLOutputType, depth = 0): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  if (isInterfaceType(named)) return '{ __typename id }';
  if (!isObjectType(named)) return '{ __typename }';
  const parts = ['__typename'];
  for (const field of Object.values(named.getFields())) {
    if (field.args.some((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined)) continue;
    if (isLeafType(getNamedType(field.type))) parts.push(field.name);
    else if (depth < 1) parts.push(`${field.name} ${selectionOf(field.type, depth + 1)}`);
  }
  return `{ ${parts.join(' ')} }`;
}

interface Call {
  query: string;
  variables: Record<string, unknown>;
}

/** Calls of `field`: one or two of its arguments given (and the required ones), as variables (mostly) or literals. */
function callsOf(field: Field): fc.Arbitrary<Call> {
  const selection = selectionOf(field.type);
  const names = field.args.map((arg) => arg.name);
  const required = field.args.filter((arg) => isNonNullType(arg.type)).map((arg) => arg.name);
  const values = Object.fromEntries(field.args.map((arg) => [arg.name, valuesOf(arg.type, arg.name, 0)]));
  const args = fc
    .subarray(names, { minLength: 1, maxLength: Math.min(2, names.length) })
    .chain((chosen) =>
      fc.record(
        Object.fromEntries(
          [...new Set([...required, ...chosen])].map((name) => [name, values[name] as fc.Arbitrary<unknown>]),
        ),
      ),
    );
  return fc.tuple(args, fc.integer({ min: 0, max: 3 })).map(([given, mode]) => {
    const passed = field.args.filter((arg) => arg.name in given);
    const asLiterals = mode === 0;
    const declared = asLiterals ? [] : passed.map((arg) => `$${arg.name}: ${String(arg.type)}`);
    const written = passed.map(
      (arg) => `${arg.name}: ${asLiterals ? literal(given[arg.name], arg.type) : `$${arg.name}`}`,
    );
    const query = `query${declared.length ? ` (${declared.join(', ')})` : ''} { ${field.name}${written.length ? `(${written.join(', ')})` : ''} ${selection} }`;
    const variables = asLiterals ? {} : Object.fromEntries(passed.map((arg) => [arg.name, given[arg.name]]));
    return { query, variables };
  });
}

const short = (value: unknown) => {
  const json = JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'string' && v.length > 200 ? `${v.slice(0, 60)}…(${v.length} chars)` : v,
  );
  return json && json.length > 2000 ? `${json.slice(0, 2000)}…` : json;
};

// ---------------------------------------------------------------- the runs

const queryFields = schema.getQueryType()?.getFields() ?? {};
const fieldsWithArguments = Object.keys(queryFields).filter((name) => (queryFields[name] as Field).args.length > 0);

describe.each(databaseKinds)('malformed arguments to every query, on %s', (kind) => {
  let api: TestApi;
  let token: string;
  const log = capturedLogger('warn');
  const tally: Record<string, Record<string, number>> = {};

  beforeAll(async () => {
    // Noon in Đạ Tẻh on 20 Nov 2026: the demo's world, with index results, plans and timelines to read.
    const now = new Date('2026-11-20T05:00:00Z');
    api = await startTestApi(kind, { now, logger: log.logger });
    const started = Date.now();
    await loadDemoData(api.db.prisma, { today: now });
    console.log(`demo data loaded in ${Date.now() - started} ms`);
    token = await api.signIn('admin', demoPassword);
  });

  afterAll(async () => {
    await api.close();
    const lines = Object.entries(tally).map(
      ([name, codes]) =>
        `  ${name}: ${Object.entries(codes)
          .map(([code, n]) => `${code} ${n}`)
          .join(', ')}`,
    );
    console.log(`Malformed arguments on ${kind}, answers per query:\n${lines.join('\n')}`);
  });

  it.each(fieldsWithArguments)('%s answers every malformed argument with data or an expected error', async (name) => {
    const field = queryFields[name] as Field;
    const argumentNames = new Set(field.args.map((arg) => arg.name));
    const codes: Record<string, number> = {};
    await fc.assert(
      fc.asyncProperty(callsOf(field), async (call) => {
        const errorsBefore = log.errors().length;
        const response = await api.app.fetch(
          new Request('http://test/graphql', {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify(call),
          }),
        );
        const body = (await response.json()) as GraphQLResult<unknown>;
        const problems: string[] = [];
        if (response.status >= 500) problems.push(`HTTP ${response.status}`);
        const errors = body.errors ?? [];
        if (errors.length === 0) codes.data = (codes.data ?? 0) + 1;
        for (const error of errors) {
          const code = String(error.extensions?.code);
          codes[code] = (codes[code] ?? 0) + 1;
          if (!expectedCodes.has(code)) problems.push(`code ${code}: ${error.message}`);
          for (const named of error.extensions?.fields ?? []) {
            if (!argumentNames.has(named.field.split('.')[0] as string)) {
              problems.push(`names "${named.field}", not an argument of ${name}`);
            }
          }
        }
        const logged = log.errors().slice(errorsBefore);
        if (logged.length) problems.push(`logged ${short(logged.map((line) => line.msg ?? line.err))}`);
        if (problems.length) {
          throw new Error(
            `${name}: ${problems.join('; ')}\n  variables ${short(call.variables)}\n  query ${short(call.query)}\n  answer ${response.status} ${short(body)}`,
          );
        }
      }),
      { numRuns: runs, seed, endOnFailure: true },
    );
    tally[name] = codes;
    expect(Object.values(codes).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });
});
