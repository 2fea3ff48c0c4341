// The price of a GraphQL operation, computed from the document and the request's variables before
// anything runs. Same weights as graphql-armor's cost limit, which it replaces: 2 per field with a
// selection, 1 per scalar, a child's cost × 1.5, and a list field's whole cost × its length. The length
// is what the request asks for, whether written in the query or passed as a variable: a connection's
// first/last (its default page when omitted), a plain list's declared size (`extensions.listSize`,
// maybe from its arguments). Fragments count as if written in place, @include/@skip as included, and
// introspection (`__schema`, `__type`) not at all.
import {
  getNamedType,
  getNullableType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  valueFromASTUntyped,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { defaultPageSize, maxPageSize } from './page-size.ts';

const objectCost = 2;
const scalarCost = 1;
const depthFactor = 1.5;

/** The value of an argument given as a variable that the request does not send (and has no default). */
export const missingVariable: unique symbol = Symbol('missing variable');

/** A field's arguments as this request gives them: literals, variables' values, or the argument's default. */
export type ArgumentValues = Readonly<Record<string, unknown>>;

/** At most how many items a list field returns: a number, or one read from its arguments. */
export type ListSize = number | ((args: ArgumentValues) => number);

/** Pothos field `extensions` declaring a plain list's size for the cost (see api/list-sizes.ts). */
export const listSize = (size: ListSize) => ({ listSize: size });

/** Whether an argument is left out: absent, null, or a variable the request does not send. */
export const leftOut = (value: unknown) => value === undefined || value === null || value === missingVariable;

/**
 * The length a size argument (first, last, a row count) asks for: `omitted` when absent or null; the
 * value when it is an integer from 0 to `max`, counted at least once (the field's own fields are still
 * read); otherwise `max`: a missing variable, or a value the field refuses before reading a row.
 */
export function requestedLength(value: unknown, omitted: number, max: number): number {
  if (value === undefined || value === null) return omitted;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= max) return Math.max(1, value);
  return max;
}

/** The number of items of a list argument (such as ids), `max` when unknown; a longer list is refused. */
export function listLength(value: unknown, max: number): number {
  return Array.isArray(value) ? Math.max(1, Math.min(value.length, max)) : max;
}

/** A relay connection's page: first or last (the larger when both), its default page when neither. */
function pageLength(args: ArgumentValues): number {
  const given = [args.first, args.last].filter((value) => value !== undefined && value !== null);
  if (given.length === 0) return defaultPageSize;
  return Math.max(...given.map((value) => requestedLength(value, defaultPageSize, maxPageSize)));
}

const isConnection = (type: GraphQLNamedType) =>
  isObjectType(type) && 'pageInfo' in type.getFields() && 'edges' in type.getFields();

const introspection = new Set(['__schema', '__type']);

type Variables = ReadonlyMap<string, unknown>;

/** The operation's variables: the request's value, else the definition's default; absent ones are missing. */
function variablesOf(operation: OperationDefinitionNode, given: Readonly<Record<string, unknown>>): Variables {
  const values = new Map<string, unknown>();
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    if (Object.hasOwn(given, name)) values.set(name, given[name]);
    else if (definition.defaultValue) values.set(name, valueFromASTUntyped(definition.defaultValue));
  }
  return values;
}

function valueOf(node: ValueNode, variables: Variables): unknown {
  switch (node.kind) {
    case Kind.VARIABLE:
      return variables.has(node.name.value) ? variables.get(node.name.value) : missingVariable;
    case Kind.LIST:
      return node.values.map((item) => valueOf(item, variables));
    case Kind.OBJECT:
      return Object.fromEntries(node.fields.map((field) => [field.name.value, valueOf(field.value, variables)]));
    default:
      return valueFromASTUntyped(node);
  }
}

function argumentValues(field: GraphQLField<unknown, unknown>, node: FieldNode, variables: Variables): ArgumentValues {
  const values: Record<string, unknown> = {};
  for (const definition of field.args) {
    const argument = node.arguments?.find((candidate) => candidate.name.value === definition.name);
    if (argument) values[definition.name] = valueOf(argument.value, variables);
    else if (definition.defaultValue !== undefined) values[definition.name] = definition.defaultValue;
  }
  return values;
}

class CostOf {
  /** A fragment's cost is the same wherever it is spread: computed once, so spreads cannot multiply the work. */
  private readonly fragmentCosts = new Map<string, number>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>,
    private readonly variables: Variables,
  ) {}

  /** The summed cost of a selection set's fields, fragments flattened into it. */
  selections(parent: GraphQLNamedType | undefined, set: SelectionSetNode): number {
    let cost = 0;
    for (const selection of set.selections) {
      switch (selection.kind) {
        case Kind.FIELD:
          cost += this.field(parent, selection);
          break;
        case Kind.INLINE_FRAGMENT: {
          const condition = selection.typeCondition && this.schema.getType(selection.typeCondition.name.value);
          cost += this.selections(condition ?? parent, selection.selectionSet);
          break;
        }
        case Kind.FRAGMENT_SPREAD:
          cost += this.fragment(selection.name.value);
          break;
      }
    }
    return cost;
  }

  private fragment(name: string): number {
    const known = this.fragmentCosts.get(name);
    if (known !== undefined) return known;
    const fragment = this.fragments.get(name);
    // Validation refuses cycles; a zero in place while computing keeps a bad document from looping.
    this.fragmentCosts.set(name, 0);
    const cost = fragment
      ? this.selections(this.schema.getType(fragment.typeCondition.name.value), fragment.selectionSet)
      : 0;
    this.fragmentCosts.set(name, cost);
    return cost;
  }

  private field(parent: GraphQLNamedType | undefined, node: FieldNode): number {
    const name = node.name.value;
    if (introspection.has(name)) return 0;
    if (name === '__typename') return scalarCost;
    const field = parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[name] : undefined;
    if (!field) return 0;
    const own = node.selectionSet
      ? objectCost + depthFactor * this.selections(getNamedType(field.type), node.selectionSet)
      : scalarCost;
    return own * this.length(parent as GraphQLNamedType, field, node);
  }

  /** How many times the field's own cost counts: 1 unless it returns a list. */
  private length(parent: GraphQLNamedType, field: GraphQLField<unknown, unknown>, node: FieldNode): number {
    const declared = (field.extensions as { listSize?: ListSize }).listSize;
    if (typeof declared === 'number') return declared;
    if (declared) return declared(argumentValues(field, node, this.variables));
    if (field.args.some((arg) => arg.name === 'first' || arg.name === 'last')) {
      return pageLength(argumentValues(field, node, this.variables));
    }
    if (!isListType(getNullableType(field.type))) return 1;
    // A connection's edges and nodes: its field already counted the page.
    if (isConnection(parent)) return 1;
    // Every other list declares its size (a schema test checks); this is only a safe floor.
    return maxPageSize;
  }
}

/**
 * The cost of the operation a request runs (by name, or the document's only one), with the request's
 * variable values; 0 when there is no such operation (execution then refuses it).
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variableValues: Readonly<Record<string, unknown>> | null | undefined,
  operationName?: string | null,
): number {
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const operation = operationName
    ? operations.find((candidate) => candidate.name?.value === operationName)
    : operations.length === 1
      ? operations[0]
      : undefined;
  if (!operation) return 0;
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  );
  const root = schema.getRootType(operation.operation) ?? undefined;
  const cost = new CostOf(schema, fragments, variablesOf(operation, variableValues ?? {}));
  return cost.selections(root, operation.selectionSet);
}
