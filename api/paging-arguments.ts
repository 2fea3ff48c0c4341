// The paging arguments of every list (relay connection), checked before anything runs. Pothos reads
// them when it builds the query, a nested list's in its parent's resolver (before the list's own
// validation of first and last), and throws on a cursor it did not write, on after with last or on a
// negative page size as it would on a bug of its own: here they are refused as BAD_USER_INPUT naming
// the argument.
import { formatPrismaCursor, parsePrismaCursor } from '@pothos/plugin-prisma';
import { getNamedType, isObjectType, Kind, valueFromAST, type GraphQLField, type ValueNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { maxPageSize } from './builder.ts';
import type { Context } from './context.ts';
import { inputRefusal, type FieldProblem } from './errors.ts';
import { maxKey } from './global-id.ts';
import { operationArguments, type ArgumentSite, type OperationArguments } from './input-bounds.ts';

/** Every list pages by its rows' `id`: a cursor is Pothos's encoding of one, and nothing else. */
export function isCursor(cursor: string): boolean {
  let key: unknown;
  try {
    key = parsePrismaCursor(cursor);
  } catch {
    return false;
  }
  return (
    typeof key === 'number' &&
    Number.isInteger(key) &&
    key >= 1 &&
    key <= maxKey &&
    formatPrismaCursor({ id: key }, 'id') === cursor
  );
}

function isConnection(field: GraphQLField<unknown, unknown> | null): boolean {
  const type = field && getNamedType(field.type);
  return isObjectType(type) && 'pageInfo' in type.getFields() && 'edges' in type.getFields();
}

/** The value of an argument: a literal, or a variable's JSON value (or its default). */
function argumentValue(site: ArgumentSite, found: OperationArguments, variables: Record<string, unknown>): unknown {
  const node: ValueNode = site.value;
  if (node.kind !== Kind.VARIABLE) return valueFromAST(node, site.argument.type);
  const name = node.name.value;
  if (Object.hasOwn(variables, name)) return variables[name];
  const fallback = found.variables.find((definition) => definition.variable.name.value === name)?.defaultValue;
  return fallback ? valueFromAST(fallback, site.argument.type) : undefined;
}

const pagingArguments = ['after', 'before', 'first', 'last'];
const pagingSitesCache = new WeakMap<OperationArguments, ArgumentSite[]>();

/** The paging arguments given to lists in an operation (found once per document). */
function pagingSites(found: OperationArguments): ArgumentSite[] {
  let sites = pagingSitesCache.get(found);
  if (!sites) {
    sites = found.sites.filter((site) => pagingArguments.includes(site.argument.name) && isConnection(site.field));
    pagingSitesCache.set(found, sites);
  }
  return sites;
}

/** What is wrong with the paging arguments of the lists in an operation. */
export function pagingProblems(found: OperationArguments, variables: Record<string, unknown>): FieldProblem[] {
  const sites = pagingSites(found);
  if (sites.length === 0) return [];
  const byList = new Map<ArgumentSite['owner'], Map<string, unknown>>();
  for (const site of sites) {
    const name = site.argument.name;
    const value = argumentValue(site, found, variables);
    if (value == null) continue;
    const args = byList.get(site.owner) ?? new Map<string, unknown>();
    args.set(name, value);
    byList.set(site.owner, args);
  }
  const problems: FieldProblem[] = [];
  for (const args of byList.values()) {
    for (const name of ['after', 'before']) {
      const cursor = args.get(name);
      if (typeof cursor === 'string' && !isCursor(cursor)) {
        problems.push({ field: name, message: `"${cursor.slice(0, 100)}" is not a cursor of this list` });
      }
    }
    for (const name of ['first', 'last']) {
      const size = args.get(name);
      if (typeof size === 'number' && (size < 0 || size > maxPageSize)) {
        problems.push({ field: name, message: `Page size from 0 to ${maxPageSize}` });
      }
    }
    if (args.has('after') && args.has('before')) {
      problems.push({ field: 'before', message: 'Not with after: a page starts after a row or ends before one' });
    }
    if (args.has('before') && args.has('first')) {
      problems.push({ field: 'first', message: 'Not with before: page back from a cursor with last' });
    }
    if (args.has('after') && args.has('last')) {
      problems.push({ field: 'last', message: 'Not with after: page on from a cursor with first' });
    }
  }
  return problems;
}

export function pagingArgumentsPlugin(): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const found = operationArguments(args.schema, args.document, args.operationName);
      if (!found || found.sites.length === 0) return;
      const variables = (args.variableValues ?? {}) as Record<string, unknown>;
      const problems = pagingProblems(found, variables);
      const signedIn = Boolean((args.contextValue as Partial<Context>).viewer);
      if (problems.length > 0) setResultAndStopExecution({ errors: [inputRefusal(problems, signedIn)] });
    },
  };
}
