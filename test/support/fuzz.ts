// Generators of bad GraphQL input for the fuzz tests (test/api/fuzz.test.ts). Each value is described
// by a `Fuzz`: a base the server accepts, noise around it (other values, valid or not) and bad values
// the server must refuse whatever the other values are. An object built from fields always carries at
// least one bad value (or a bad combination, an unknown key, or the wrong shape), so every generated
// call must fail: a success is a finding, not luck.
import fc from 'fast-check';
import {
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';

/** A key left out of the object it would be in: a variable not sent, an input field not given. */
export const OMIT: unique symbol = Symbol('omitted');

export interface Fuzz {
  /** A value the server accepts in the prepared state, with every other value at its base. */
  base: unknown;
  /** Other values, valid or not, that vary the inputs around the certain problem. */
  noise: fc.Arbitrary<unknown>;
  /** Values the server must refuse, whatever the other values are. */
  bad: fc.Arbitrary<unknown>;
}

/**
 * `required`: non-null, must be given; `kept`: may be left out (kept as is) but not set to null, as the
 * update inputs' fields; `optional`: may be left out or cleared with null; `item`: an element of a list
 * of non-null elements.
 */
export type Presence = 'required' | 'kept' | 'optional' | 'item';

/**
 * `bad` values are refused by their form (type, length, pattern); `deep` ones pass those checks and are
 * refused by the rules behind them (a row that does not exist, a key already taken, a status that does
 * not allow the step), so they are drawn more often: they reach the resolvers and the database.
 */
function fuzz(
  base: unknown,
  presence: Presence,
  noise: fc.Arbitrary<unknown>[],
  bad: fc.Arbitrary<unknown>[],
  deep: fc.Arbitrary<unknown>[] = [],
): Fuzz {
  const noises = [...noise];
  const bads = [...bad];
  if (presence === 'required') bads.push(fc.constant(null), fc.constant(OMIT));
  if (presence === 'item') bads.push(fc.constant(null));
  if (presence === 'kept') {
    bads.push(fc.constant(null));
    noises.push(fc.constant(OMIT));
  }
  if (presence === 'optional') noises.push(fc.constant(OMIT), fc.constant(null));
  const weighted = [
    ...bads.map((arbitrary) => ({ arbitrary, weight: 1 })),
    ...deep.map((arbitrary) => ({ arbitrary, weight: 4 })),
  ];
  return { base, noise: noises.length ? fc.oneof(...noises) : fc.constant(base), bad: fc.oneof(...weighted) };
}

/** The base value and nothing else: for values whose change could make another value valid. */
export function fixed(
  base: unknown,
  presence: Presence,
  bad: fc.Arbitrary<unknown>[],
  deep: fc.Arbitrary<unknown>[] = [],
): Fuzz {
  return fuzz(base, presence, [], bad, deep);
}

// ---------------------------------------------------------------- pieces

const anyJson = fc.jsonValue({ maxDepth: 2 });

/** Values of other JSON types than a string. */
export const notAString = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant({}),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { minKeys: 1, maxKeys: 2 }),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 2 }),
);

/** Numbers GraphQL's Int refuses, and values of other types. */
export const notAnInt = fc.oneof(
  fc.constantFrom(2 ** 31, -(2 ** 31) - 1, 2 ** 53, -(2 ** 53), 1e21, 0.5, -1.5, 99.999),
  fc
    .double({ noNaN: true, noDefaultInfinity: true })
    .filter((d) => !Number.isInteger(d) || d > 2_147_483_647 || d < -2_147_483_648),
  fc.constantFrom('1', '2026', '', 'NaN', 'Infinity', '1e3', '0x10'),
  fc.boolean(),
  fc.constant({}),
  fc.constant([1]),
);

/** Values GraphQL's Float refuses (JSON has no NaN or Infinity: strings stand for them). */
export const notAFloat = fc.oneof(
  fc.constantFrom('1.5', 'NaN', 'Infinity', '-Infinity', '1e3', '', '92,5'),
  fc.boolean(),
  fc.constant({}),
  fc.constant([1.5]),
);

/** Values GraphQL's Boolean refuses. */
export const notABoolean = fc.oneof(
  fc.constantFrom('true', 'false', 1, 0, 'yes', ''),
  fc.constant({}),
  fc.constant([true]),
);

/** Text with nothing but white space, which trimming empties. */
export const blank = fc.constantFrom('', ' ', '   ', '\t', '\n', ' \r\n\t ', '\u00a0', '\u3000', '\u2028', '\ufeff');

const controls = [
  '\u0000',
  '\u0001',
  '\u0007',
  '\u0008',
  '\u000b',
  '\u000c',
  '\u001b',
  '\u001f',
  '\u007f',
  '\u0085',
  '\u009b',
];

/** Text with a control character (not tab, line feed or carriage return) between other characters. */
export const withControl = fc
  .tuple(fc.string({ maxLength: 8 }), fc.constantFrom(...controls), fc.string({ maxLength: 8 }))
  .map(([before, control, after]) => `A${before}${control}${after}Z`);

/** Text with a UTF-16 surrogate that has no partner: not Unicode text at all. */
export const withLoneSurrogate = fc
  .tuple(
    fc.string({ maxLength: 8 }),
    fc.constantFrom('\ud800', '\udbff', '\udc00', '\udfff'),
    fc.string({ maxLength: 8 }),
  )
  .map(([before, surrogate, after]) => `A${before}${surrogate}${after}Z`);

/**
 * Text longer than `max` characters (code points, as the validators and the database count them) after
 * trimming: just over it, or 10,000 characters and more.
 */
export function overlong(max: number): fc.Arbitrary<string> {
  const long = Math.max(max + 100, 10_000);
  return fc.oneof(
    fc.integer({ min: max + 1, max: max + 20 }).map((n) => 'a'.repeat(n)),
    fc
      .tuple(fc.integer({ min: long, max: long + 20_000 }), fc.constantFrom('x', 'ệ', 'Đạ Tẻh ', '😀', '<b>'))
      .map(([n, piece]) =>
        Array.from(piece.repeat(Math.ceil(n / Array.from(piece).length)))
          .slice(0, n)
          .join(''),
      ),
  );
}

const textNoise = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom(
    'Nhiệm vụ thử',
    'Cải cách hành chính',
    'Robert\'); DROP TABLE "Task";--',
    '<script>alert(1)</script>',
    '%s%n',
  ),
);

/**
 * Text limited to `max` characters: `required`/`kept` text must not be blank; any text must be
 * Unicode without control characters other than tab and line breaks.
 */
export function text(base: unknown, presence: Presence, max: number, deep: fc.Arbitrary<unknown>[] = []): Fuzz {
  const mustHaveContent = presence !== 'optional';
  return fuzz(
    base,
    presence,
    [textNoise, ...(mustHaveContent ? [] : [blank])],
    [overlong(max), withControl, withLoneSurrogate, notAString, ...(mustHaveContent ? [blank] : [])],
    deep,
  );
}

/** A code checked by a pattern: `bad` lists codes that break it, `taken` codes other rows have. */
export function code(base: unknown, presence: Presence, max: number, bad: string[], taken: string[] = []): Fuzz {
  return fuzz(
    base,
    presence,
    [textNoise],
    [fc.constantFrom(...bad), overlong(max), withControl, withLoneSurrogate, notAString, blank],
    taken.length ? [fc.constantFrom(...taken)] : [],
  );
}

/** A whole number from `min` to `max`. */
export function int(base: unknown, presence: Presence, min: number, max: number): Fuzz {
  return fuzz(
    base,
    presence,
    [fc.integer({ min, max })],
    [
      fc.integer({ min: -(2 ** 31), max: min - 1 }),
      fc.integer({ min: max + 1, max: 2 ** 31 - 1 }),
      fc.constantFrom(min - 1, max + 1),
      notAnInt,
    ],
  );
}

/** A figure from `min` to `max` with at most two decimals. */
export function decimal(base: unknown, presence: Presence, min: number, max: number): Fuzz {
  const threeDecimals = fc
    .tuple(fc.integer({ min: Math.ceil(min), max: Math.floor(max) - 1 }), fc.integer({ min: 1, max: 999 }))
    .filter(([, thousandths]) => thousandths % 10 !== 0)
    .map(([whole, thousandths]) => whole + thousandths / 1000);
  return fuzz(
    base,
    presence,
    [fc.integer({ min: Math.ceil(min) * 100, max: Math.floor(max) * 100 }).map((n) => n / 100)],
    [
      threeDecimals,
      fc.double({ min: max, max: 1e300, noNaN: true }).filter((d) => d > max),
      fc.double({ min: -1e300, max: min, noNaN: true }).filter((d) => d < min),
      fc.constantFrom(max + 0.01, min - 0.01, 1e-3, 0.001, 12.345),
      notAFloat,
    ],
  );
}

const day = (date: Date) => date.toISOString().slice(0, 10);

/** Strings that are not a calendar day GraphQL's Date accepts, and days outside 1990–2100. */
export const badDate = fc.oneof(
  fc.constantFrom(
    '2026-02-30',
    '2026-02-29',
    '2025-02-29',
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-01-00',
    '2026-01-32',
    '2026-1-5',
    '26-01-05',
    '2026/01/05',
    '05/01/2026',
    '2026-01-05 ',
    ' 2026-01-05',
    '20260105',
    '',
    'today',
    '0000-00-00',
    '2026-W01',
    '+002026-01-05',
    '1899-12-31',
    '1989-12-31',
    '2101-01-01',
    '9999-12-31',
  ),
  fc
    .date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('1989-12-31T00:00:00Z'), noInvalidDate: true })
    .map(day),
  fc
    .date({ min: new Date('2101-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true })
    .map(day),
  fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  fc.boolean(),
  fc.constant({}),
);

const dayNoise = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true })
  .map(day);

/** A calendar day, YYYY-MM-DD, from 1990 to 2100. */
export function date(base: unknown, presence: Presence, deep: fc.Arbitrary<unknown>[] = []): Fuzz {
  return fuzz(base, presence, [dayNoise], [badDate], deep);
}

const idTypes = ['Task', 'Unit', 'Person', 'Account', 'Objective', 'Resolution', 'Evidence', 'ImprovementPlan'];

/** Ids of the right type that no row has. */
export function missingIds(type: string): fc.Arbitrary<string> {
  return fc.integer({ min: 100_000, max: 2_147_483_647 }).map((n) => `${type}:${n}`);
}

/** Ids of other types, malformed ids and other values. */
export function badIds(type: string): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc
      .tuple(fc.constantFrom(...idTypes.filter((t) => t !== type)), fc.integer({ min: 1, max: 6 }))
      .map(([other, n]) => `${other}:${n}`),
    fc.constantFrom(
      `${type}:`,
      `${type}:-1`,
      `${type}:1e9`,
      `${type}:0`,
      `${type}:0x1`,
      `${type}:1.0`,
      `${type}:2147483648`,
      `${type}:99999999999`,
      `${type}: 1`,
      ` ${type}:1`,
      `${type}:1 `,
      `${type}:１`,
      `${type.toLowerCase()}:1`,
      `${type}::1`,
      `${type}:1:2`,
      `:1`,
      `${type}`,
      '\'; DROP TABLE "Task"; --',
      `${type}:1'; DROP TABLE "Task"; --`,
      '',
      'null',
      '1',
      `${type}:\u0000`,
    ),
    fc.string({ maxLength: 20 }).filter((s) => !/^[A-Za-z]+:\d{1,10}$/.test(s)),
    fc.integer({ min: -1000, max: 1000 }),
    fc.constantFrom(1.5, true, false),
    fc.constant({}),
  );
}

/**
 * A global id of `type`: `others` are other rows' ids that may stand in as noise, `refused` ids of
 * rows the call must refuse (e.g. a task whose status does not allow the step).
 */
export function id(
  type: string,
  base: unknown,
  presence: Presence,
  others: string[] = [],
  refused: string[] = [],
): Fuzz {
  return fuzz(
    base,
    presence,
    others.length ? [fc.constantFrom(...others)] : [],
    [badIds(type)],
    [missingIds(type), ...(refused.length ? [fc.constantFrom(...refused)] : [])],
  );
}

/** An enum: names outside `values` are refused, including other letter cases. */
export function enumOf(values: readonly string[], base: unknown, presence: Presence, otherNames: unknown[] = []): Fuzz {
  const wrongCase = values.flatMap((v) => [v.toLowerCase(), ` ${v}`, `${v} `]).filter((v) => !values.includes(v));
  return fuzz(
    base,
    presence,
    [fc.constantFrom(...values)],
    [
      fc.string({ maxLength: 12 }).filter((s) => !values.includes(s)),
      fc.constantFrom(...wrongCase, 'NOPE', '', ...otherNames),
      fc.integer(),
      fc.boolean(),
    ],
  );
}

export function bool(base: unknown, presence: Presence): Fuzz {
  return fuzz(base, presence, [fc.boolean()], [notABoolean]);
}

/** The `version` a step names: any other number is stale (or not an Int at all). */
export function version(current: number): Fuzz {
  return fuzz(
    current,
    'required',
    [],
    [
      fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }).filter((v) => v !== current),
      fc.constantFrom(0, -1, current - 1, current + 1, 2 ** 31 - 1, -(2 ** 31)),
      notAnInt,
    ],
  );
}

/** A list of `item`s, at most `max` long: one bad item, or too many, make it bad. */
export function list(item: Fuzz, base: unknown, presence: Presence, max: number, deep: fc.Arbitrary<unknown>[] = []) {
  const someItem = fc.oneof(fc.constant(item.base), item.noise).filter((v) => v !== OMIT);
  const someItems = fc.array(someItem, { maxLength: 3 });
  return fuzz(
    base,
    presence,
    [fc.array(someItem, { maxLength: 4 })],
    [fc.integer({ min: max + 1, max: max + 40 }).map((n) => Array.from({ length: n }, () => item.base))],
    [fc.tuple(someItems, item.bad, someItems).map(([before, bad, after]) => [...before, bad, ...after]), ...deep],
  );
}

const strip = (value: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== OMIT));

export interface ObjectOptions {
  /** Combinations of values that are bad together, e.g. a deadline before the start date. */
  combos?: fc.Arbitrary<Record<string, unknown>>[];
  /** Keys the type does not have, for "unknown field" inputs. */
  unknownKeys?: string[];
}

/** An input object (or the arguments of a field): bad when a field is bad, or by `combos`. */
export function object(fields: Record<string, Fuzz>, presence: Presence, options: ObjectOptions = {}): Fuzz {
  const keys = Object.keys(fields);
  const base = strip(Object.fromEntries(keys.map((k) => [k, fields[k]?.base])));
  const around = fc.record(
    Object.fromEntries(
      keys.map((k) => {
        const f = fields[k] as Fuzz;
        return [k, fc.oneof({ weight: 3, arbitrary: fc.constant(f.base) }, { weight: 1, arbitrary: f.noise })];
      }),
    ),
  );
  const bads: fc.WeightedArbitrary<unknown>[] = [];
  if (keys.length) {
    // Mostly one bad field, so that its problem is the one the server meets (and names).
    const badKeys = fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...keys).map((k) => [k]) },
      { weight: 1, arbitrary: fc.shuffledSubarray(keys, { minLength: 1, maxLength: Math.min(3, keys.length) }) },
    );
    const byField = badKeys
      .chain((chosen) =>
        fc.tuple(around, fc.record(Object.fromEntries(chosen.map((k) => [k, (fields[k] as Fuzz).bad])))),
      )
      .map(([others, bad]) => strip({ ...others, ...bad }));
    bads.push({ weight: 12, arbitrary: byField });
  }
  for (const combo of options.combos ?? []) {
    bads.push({ weight: 3, arbitrary: fc.tuple(around, combo).map(([others, c]) => strip({ ...others, ...c })) });
  }
  const unknown = options.unknownKeys ?? [];
  if (unknown.length) {
    bads.push({
      weight: 1,
      arbitrary: fc
        .tuple(around, fc.constantFrom(...unknown), anyJson)
        .map(([others, key, value]) => ({ ...strip(others), [key]: value })),
    });
    // Not an object at all (an array would be taken for an empty object by GraphQL: not certain to fail).
    bads.push({ weight: 1, arbitrary: fc.constantFrom('x', 1, true, '{}') });
  }
  return fuzz(base, presence, [around.map(strip)], [fc.oneof(...bads)]);
}

// ---------------------------------------------------------------- checks against the schema

type Field = GraphQLField<unknown, unknown>;

/** Whether `path` (e.g. "input.targets.0.nodeId") names an argument of `field` or a part of one. */
export function namesInput(field: Field, path: string): boolean {
  const [first, ...rest] = path.split('.');
  const arg = field.args.find((a) => a.name === first);
  if (!arg) return false;
  let type: GraphQLInputType = arg.type;
  for (const segment of rest) {
    if (isNonNullType(type)) type = type.ofType;
    if (isListType(type)) {
      if (!/^\d+$/.test(segment)) return false;
      type = type.ofType;
      continue;
    }
    if (!isInputObjectType(type)) return false;
    const next = type.getFields()[segment];
    if (!next) return false;
    type = next.type;
  }
  return true;
}

/** Names that are not fields of the input type at `path`, for unknown-field inputs. */
export function unknownKeysFor(field: Field, argName: string): string[] {
  const arg = field.args.find((a) => a.name === argName);
  const type = arg ? getNamedType(arg.type) : null;
  const known = type && isInputObjectType(type) ? Object.keys(type.getFields()) : [];
  return [
    'bogus',
    '__proto__',
    'constructor',
    'id',
    'version',
    'status',
    'createdAt',
    'Title',
    'title ',
    'unit_id',
  ].filter((k) => !known.includes(k));
}

/** Paths where `value` differs from `base` (objects by key; anything else as a whole). */
export function changedPaths(value: unknown, base: unknown, path = ''): string[] {
  if (JSON.stringify(value) === JSON.stringify(base)) return [];
  const isRecord = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  if (isRecord(value) && isRecord(base)) {
    const keys = new Set([...Object.keys(value), ...Object.keys(base)]);
    return [...keys].flatMap((k) => changedPaths(value[k], base[k], path ? `${path}.${k}` : k));
  }
  return [path];
}

/** Whether two dotted paths lie on one branch (one is the other or contains it). */
export function onOneBranch(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);
}
