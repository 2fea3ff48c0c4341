// Bounds on what a request's arguments may hold, checked before anything runs: the document's own
// size is bounded by the token limit (security.ts), but a variable is not, and a filter of 25,000 OR
// terms or a NOT nested thousands deep would block the event loop or overflow the stack where the
// arguments are coerced and turned into SQL. Checked from the schema's input types, for literals and
// variables alike, by an iterative walk (a 100,000-deep value cannot overflow it):
// - the variables object as a whole (before the document is even parsed);
// - every list: AND/OR lists (a list of the input type that holds it) to `maxFilterBreadth`, every
//   other list to `maxListItems` unless its field allows more (`inputBounds({ maxItems })`);
// - the nesting of AND/OR/NOT (fields of the input type that holds them) to `maxFilterDepth`, and the
//   filters within them in one argument, at every level, to `maxFilterTerms` (each OR-ed relation
//   filter is a join for PostgreSQL to plan; docs/benchmarks.md);
// - every text to `maxStringLength` unless its field allows more, and without U+0000, which
//   PostgreSQL cannot hold.
// A refusal is BAD_USER_INPUT naming the path, e.g. `filter.OR` or `input.supportingUnitIds` (for an
// anonymous caller UNAUTHENTICATED, as every refusal of input: they can only sign in).
import {
  getNamedType,
  getOperationAST,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DirectiveNode,
  type DocumentNode,
  type FieldNode,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLInputObjectType,
  type GraphQLInputType,
  type GraphQLSchema,
  type ListValueNode,
  type ValueNode,
  type VariableDefinitionNode,
} from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import type { RequestLimits } from './config.ts';
import type { Context } from './context.ts';
import { inputRefusal, type FieldProblem } from './errors.ts';
import { limitCode } from './security.ts';

/** What an input field or argument may hold beyond the general bounds (its own validation is stricter). */
export interface OwnBounds {
  /** Most items of the list it holds. */
  maxItems?: number;
  /** Longest text, in UTF-16 code units (as the validators count). */
  maxLength?: number;
}

const boundsKey = 'inputBounds';

/** `extensions` of an input field or argument that holds more than the general bounds allow. */
export const inputBounds = (bounds: OwnBounds) => ({ [boundsKey]: bounds });

function ownBounds(holder: GraphQLArgument | GraphQLInputField): OwnBounds {
  return (holder.extensions[boundsKey] as OwnBounds | undefined) ?? {};
}

export type InputLimits = Pick<
  RequestLimits,
  'maxVariablesBytes' | 'maxListItems' | 'maxFilterBreadth' | 'maxFilterDepth' | 'maxFilterTerms' | 'maxStringLength'
>;

// ---------------------------------------------------------------- where the arguments are

/** An argument written in the document: its definition and its value (a literal, perhaps holding variables). */
export interface ArgumentSite {
  /** The field or directive it is given to. */
  owner: FieldNode | DirectiveNode;
  /** The field's definition; null for a directive's argument. */
  field: GraphQLField<unknown, unknown> | null;
  argument: GraphQLArgument;
  value: ValueNode;
}

export interface OperationArguments {
  sites: ArgumentSite[];
  variables: readonly VariableDefinitionNode[];
}

// yoga hands out the same parsed document for the same query text: its arguments are found once.
const sitesCache = new WeakMap<DocumentNode, Map<string, OperationArguments | null>>();

/**
 * Every argument of the operation that runs and of the fragments (only those fragments that it uses
 * pass validation), with its definition. The document is small (the token limit); its walk is
 * graphql-js's `visit`, which keeps its own stack.
 */
export function operationArguments(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
): OperationArguments | null {
  let byName = sitesCache.get(document);
  if (!byName) {
    byName = new Map();
    sitesCache.set(document, byName);
  }
  const key = operationName ?? '';
  if (byName.has(key)) return byName.get(key) ?? null;
  const operation = getOperationAST(document, operationName);
  let found: OperationArguments | null = null;
  if (operation) {
    const sites: ArgumentSite[] = [];
    const typeInfo = new TypeInfo(schema);
    visit(
      document,
      visitWithTypeInfo(typeInfo, {
        OperationDefinition: (node) => (node === operation ? undefined : false),
        Argument: (node, _key, _parent, _path, ancestors) => {
          const argument = typeInfo.getArgument();
          const owner = ancestors.at(-1) as FieldNode | DirectiveNode;
          const field = owner.kind === Kind.FIELD ? (typeInfo.getFieldDef() ?? null) : null;
          if (argument) sites.push({ owner, field, argument, value: node.value });
        },
      }),
    );
    found = { sites, variables: operation.variableDefinitions ?? [] };
  }
  byName.set(key, found);
  return found;
}

// ---------------------------------------------------------------- the walk

/** A path as a chain to its parent, spelled out only for a refusal. */
interface Path {
  prev: Path | null;
  key: string | number;
}

const spell = (path: Path): string => {
  const keys: (string | number)[] = [];
  for (let at: Path | null = path; at; at = at.prev) keys.push(at.key);
  return keys.reverse().join('.');
};

/** The filters met so far in one argument. */
interface Terms {
  count: number;
  root: Path;
}

interface ValueFrame {
  kind: 'value';
  value: unknown;
  /** Whether `value` is a ValueNode of the document rather than a variable's JSON. */
  literal: boolean;
  type: GraphQLInputType;
  path: Path;
  /** AND/OR/NOT levels above. */
  depth: number;
  /** Whether it stands in an AND, OR or NOT: a filter there counts towards `maxFilterTerms`. */
  term: boolean;
  own: OwnBounds;
  terms: Terms;
}

/** Popped once a variable's value has been walked: remembers how many filters it holds. */
interface WalkedFrame {
  kind: 'walked';
  place: string;
  before: number;
  terms: Terms;
}

/** Refusals reported at most, so that a huge bad value is not walked to its end. */
const maxProblems = 10;

/** An object as JSON has them (not an array, nor an upload's File, whose size its own limits bound). */
function isRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

const boundedTypes = new WeakMap<GraphQLInputType, boolean>();

/** Whether a value of the type can be out of bounds: it is or holds a list or text (not only numbers, booleans, enums). */
function holdsBounded(type: GraphQLInputType): boolean {
  let bounded = boundedTypes.get(type);
  if (bounded === undefined) {
    const named = getNamedType(type);
    bounded =
      isListType(isNonNullType(type) ? type.ofType : type) ||
      isInputObjectType(named) ||
      !(isEnumType(named) || ['Int', 'Float', 'Boolean'].includes(named.name));
    boundedTypes.set(type, bounded);
  }
  return bounded;
}

const typeIds = new WeakMap<GraphQLInputType, number>();
let typeCount = 0;

/** A number for each type, to key a variable's walks by (cheaper than printing the type). */
function typeId(type: GraphQLInputType): number {
  let id = typeIds.get(type);
  if (id === undefined) {
    id = typeCount++;
    typeIds.set(type, id);
  }
  return id;
}

const nestingTypes = new WeakMap<GraphQLInputObjectType, boolean>();

/** Whether a type nests itself (in AND, OR and NOT): a filter. */
function nestsItself(type: GraphQLInputObjectType): boolean {
  let nests = nestingTypes.get(type);
  if (nests === undefined) {
    nests = Object.values(type.getFields()).some((field) => getNamedType(field.type) === type);
    nestingTypes.set(type, nests);
  }
  return nests;
}

/**
 * What is out of bounds in the arguments of one operation, given its variables' JSON values. A
 * variable is walked once for each place (type, depth, bounds) where it is used; its other uses
 * count the filters it holds again without walking it.
 */
export function boundsProblems(
  found: OperationArguments,
  variables: Record<string, unknown>,
  limits: InputLimits,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const defaults = new Map(found.variables.map((definition) => [definition.variable.name.value, definition]));
  /** Filters in each variable's value, by the place it was walked for. */
  const walked = new Map<string, number>();
  const stack: (ValueFrame | WalkedFrame)[] = [];
  for (let i = found.sites.length - 1; i >= 0; i--) {
    const site = found.sites[i] as ArgumentSite;
    if (!holdsBounded(site.argument.type)) continue;
    const path = { prev: null, key: site.argument.name };
    stack.push({
      kind: 'value',
      value: site.value,
      literal: true,
      type: site.argument.type,
      path,
      depth: 0,
      term: false,
      own: ownBounds(site.argument),
      terms: { count: 0, root: path },
    });
  }
  const refuse = (path: Path, message: string) => problems.push({ field: spell(path), message });
  const countTerms = (terms: Terms, added: number): boolean => {
    const before = terms.count;
    terms.count += added;
    if (before <= limits.maxFilterTerms && terms.count > limits.maxFilterTerms) {
      refuse(terms.root, `At most ${limits.maxFilterTerms} filters within AND, OR and NOT in all`);
    }
    return terms.count <= limits.maxFilterTerms;
  };

  while (stack.length > 0 && problems.length < maxProblems) {
    const frame = stack.pop() as ValueFrame | WalkedFrame;
    if (frame.kind === 'walked') {
      walked.set(frame.place, frame.terms.count - frame.before);
      continue;
    }
    if (frame.terms.count > limits.maxFilterTerms) continue;
    let { value, literal } = frame;
    if (literal) {
      const node = value as ValueNode;
      if (node.kind === Kind.NULL) continue;
      if (node.kind === Kind.VARIABLE) {
        const name = node.name.value;
        const place = `${name}|${typeId(frame.type)}|${frame.depth}|${frame.term}|${frame.own.maxItems}|${frame.own.maxLength}`;
        const known = walked.get(place);
        if (known !== undefined) {
          countTerms(frame.terms, known);
          continue;
        }
        if (Object.hasOwn(variables, name)) {
          value = variables[name];
          literal = false;
        } else {
          const fallback = defaults.get(name)?.defaultValue;
          if (!fallback) continue;
          value = fallback;
        }
        stack.push({ kind: 'walked', place, before: frame.terms.count, terms: frame.terms });
      }
    }
    if (value == null) continue;
    const type = isNonNullType(frame.type) ? frame.type.ofType : frame.type;

    if (isListType(type)) {
      const node = value as ValueNode;
      // A single value where a list is expected is coerced to a list of one.
      const single = literal ? node.kind !== Kind.LIST : !Array.isArray(value);
      const items: readonly unknown[] = single
        ? [value]
        : literal
          ? (node as ListValueNode).values
          : (value as unknown[]);
      const max = frame.own.maxItems ?? limits.maxListItems;
      if (items.length > max) {
        refuse(frame.path, `At most ${max} items`);
        continue;
      }
      for (let i = items.length - 1; i >= 0; i--) {
        stack.push({
          ...frame,
          value: items[i],
          literal,
          type: type.ofType,
          path: single ? frame.path : { prev: frame.path, key: i },
          own: { maxLength: frame.own.maxLength },
        });
      }
      continue;
    }

    if (isInputObjectType(type)) {
      const node = value as ValueNode;
      const entries: [string, unknown][] = literal
        ? node.kind === Kind.OBJECT
          ? node.fields.map((field) => [field.name.value, field.value])
          : []
        : isRecord(value)
          ? Object.entries(value)
          : [];
      if (frame.term && nestsItself(type) && !countTerms(frame.terms, 1)) continue;
      const fields = type.getFields();
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i] as [string, unknown];
        const field = fields[key];
        // Unknown fields are refused by the coercion that follows.
        if (!field) continue;
        const path = { prev: frame.path, key };
        // AND, OR and NOT are the fields that hold the input type they belong to.
        const nests = getNamedType(field.type) === type;
        const depth = frame.depth + (nests ? 1 : 0);
        if (depth > limits.maxFilterDepth) {
          refuse(path, `AND, OR and NOT nest at most ${limits.maxFilterDepth} levels deep`);
          continue;
        }
        const own =
          nests && isListType(isNonNullType(field.type) ? field.type.ofType : field.type)
            ? { maxItems: limits.maxFilterBreadth }
            : ownBounds(field);
        stack.push({ ...frame, value: child, literal, type: field.type, path, depth, term: nests, own });
      }
      continue;
    }

    const node = value as ValueNode;
    const text = literal ? (node.kind === Kind.STRING ? node.value : null) : typeof value === 'string' ? value : null;
    if (text === null) continue;
    const max = frame.own.maxLength ?? limits.maxStringLength;
    if (text.length > max) refuse(frame.path, `At most ${max} characters`);
    else if (text.includes('\u0000')) refuse(frame.path, 'Must not contain control characters (U+0000)');
  }
  return problems;
}

// ---------------------------------------------------------------- the size of the variables

/**
 * The length of `value` written as JSON without white space, counted up to just past `max` (the
 * walk stops there) and without overflowing the stack however deep the value: escapes count as one
 * character, which is close enough for a limit. An upload's File counts nothing here.
 */
export function jsonLength(value: unknown, max: number): number {
  let length = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0 && length <= max) {
    const item = stack.pop();
    if (typeof item === 'string') length += item.length + 2;
    else if (Array.isArray(item)) {
      length += 2 + Math.max(0, item.length - 1);
      for (const element of item) stack.push(element);
    } else if (isRecord(item)) {
      const keys = Object.keys(item);
      length += 2 + Math.max(0, keys.length - 1);
      for (const key of keys) {
        length += key.length + 3;
        stack.push(item[key]);
      }
    } else if (typeof item !== 'object' || item === null) length += String(item).length;
  }
  return length;
}

// ---------------------------------------------------------------- the plugin

export function inputBoundsPlugin(limits: InputLimits): Plugin {
  const maxBytes = limits.maxVariablesBytes;
  return {
    onParams({ params }) {
      if (params.variables == null) return;
      const length = jsonLength(params.variables, maxBytes);
      if (length > maxBytes) {
        throw createGraphQLError(`Variables larger than ${Math.round(maxBytes / 1024)} KB of JSON.`, {
          extensions: { code: limitCode, limit: 'variables', max: maxBytes, http: { status: 400 } },
        });
      }
    },
    onExecute({ args, setResultAndStopExecution }) {
      const found = operationArguments(args.schema, args.document, args.operationName);
      if (!found || found.sites.length === 0) return;
      const variables = isRecord(args.variableValues) ? args.variableValues : {};
      const problems = boundsProblems(found, variables, limits);
      const signedIn = Boolean((args.contextValue as Partial<Context>).viewer);
      if (problems.length > 0) setResultAndStopExecution({ errors: [inputRefusal(problems, signedIn)] });
    },
  };
}
