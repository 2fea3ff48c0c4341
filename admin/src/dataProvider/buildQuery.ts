// The project's buildQuery for ra-data-graphql: react-admin's calls mapped onto this API's relay
// connections (offset paging, typed filters, orderBy enums), `node`/`nodes` and create/update mutations.
import { gql, type ApolloQueryResult } from '@apollo/client/core';
import type { IntrospectionField } from 'graphql';
import type { BuildQueryFactory, BuildQueryResult } from 'ra-data-graphql';
import {
  CREATE,
  GET_LIST,
  GET_MANY,
  GET_MANY_REFERENCE,
  GET_ONE,
  HttpError,
  UPDATE,
  type CreateParams,
  type GetListParams,
  type GetManyParams,
  type GetManyReferenceParams,
  type GetOneParams,
  type RaRecord,
  type UpdateParams,
} from 'react-admin';
import { resourceDefinition, type ResourceDefinition } from './resources';
import { printTypeRef, SchemaIndex } from './schema';
import {
  changedInput,
  createInput,
  referenceInputs,
  toFilterInput,
  toOrderBy,
  withReferenceIds,
  type ReferenceInput,
} from './variables';

type Values = Record<string, unknown>;
type Response = ApolloQueryResult<Record<string, unknown>>;

interface Connection {
  totalCount: number;
  nodes: Values[];
}

/**
 * `($id: ID!, $input: UpdateTaskInput!)` and `(id: $id, input: $input)` for a root field, typed as the
 * schema declares its arguments; `only` limits them to those named.
 */
function argumentLists(field: IntrospectionField, only?: string[]): { definitions: string; uses: string } {
  const args = only ? field.args.filter((arg) => only.includes(arg.name)) : field.args;
  if (args.length === 0) return { definitions: '', uses: '' };
  return {
    definitions: `(${args.map((arg) => `$${arg.name}: ${printTypeRef(arg.type)}`).join(', ')})`,
    uses: `(${args.map((arg) => `${arg.name}: $${arg.name}`).join(', ')})`,
  };
}

const offsetOf = (meta: unknown): number | undefined => {
  const offset = (meta as { offset?: unknown } | undefined)?.offset;
  return typeof offset === 'number' ? offset : undefined;
};

class ResourceQueries {
  private readonly references: ReferenceInput[];

  constructor(
    private readonly schema: SchemaIndex,
    private readonly resource: ResourceDefinition,
  ) {
    const inputs = [`create${resource.type}`, `update${resource.type}`]
      .filter((name) => schema.hasMutation(name))
      .map((name) => schema.argumentInput(schema.mutation(name), 'input'));
    this.references = referenceInputs(schema, resource.type, inputs);
  }

  private get oneFields(): string {
    return this.resource.oneFields ?? this.resource.listFields;
  }

  private record = (value: Values): RaRecord => withReferenceIds(value, this.references);

  list(params: GetListParams): BuildQueryResult {
    const field = this.schema.query(this.resource.list);
    const { page, perPage } = params.pagination ?? { page: 1, perPage: 25 };
    const filter = toFilterInput(this.schema, this.schema.argumentInput(field, 'filter'), params.filter ?? {});
    const orderBy = toOrderBy(this.schema, this.schema.argumentInput(field, 'orderBy'), params.sort);
    const { definitions, uses } = argumentLists(field, ['first', 'offset', 'filter', 'orderBy']);
    return {
      query: gql`query ${this.resource.type}List${definitions} {
        data: ${field.name}${uses} {
          totalCount
          nodes { ${this.resource.listFields} }
        }
      }`,
      // `meta.offset` lets the provider read a long export in pages of its own.
      variables: { first: perPage, offset: offsetOf(params.meta) ?? (page - 1) * perPage, filter, orderBy },
      parseResponse: (response: Response) => {
        const connection = response.data.data as Connection;
        return { data: connection.nodes.map(this.record), total: connection.totalCount };
      },
    };
  }

  one(params: GetOneParams): BuildQueryResult {
    const { type } = this.resource;
    return {
      query: gql`query ${type}($id: ID!) { data: node(id: $id) { ... on ${type} { __typename ${this.oneFields} } } }`,
      variables: { id: params.id },
      parseResponse: (response: Response) => {
        const node = response.data.data as Values | null;
        if (!node || node.__typename !== type) throw new HttpError('ra.notification.item_doesnt_exist', 404);
        return { data: this.record(node) };
      },
    };
  }

  many(params: GetManyParams): BuildQueryResult {
    const { type } = this.resource;
    return {
      query: gql`query ${type}Many($ids: [ID!]!) { data: nodes(ids: $ids) { ... on ${type} { __typename ${this.resource.listFields} } } }`,
      variables: { ids: params.ids },
      parseResponse: (response: Response) => {
        const nodes = response.data.data as (Values | null)[];
        return { data: nodes.filter((node): node is Values => node?.__typename === type).map(this.record) };
      },
    };
  }

  create(params: CreateParams): BuildQueryResult {
    const mutation = this.schema.mutation(`create${this.resource.type}`);
    const input = createInput(this.schema.argumentInput(mutation, 'input'), params.data as Values);
    return this.mutate(mutation, { input });
  }

  update(params: UpdateParams): BuildQueryResult {
    const mutation = this.schema.mutation(`update${this.resource.type}`);
    const input = changedInput(this.schema.argumentInput(mutation, 'input'), params.data, params.previousData);
    // Versioned records (tasks) name the version the change is based on: a stale one is a CONFLICT.
    const version = mutation.args.some((arg) => arg.name === 'version')
      ? { version: (params.previousData as Values).version }
      : {};
    return this.mutate(mutation, { id: params.id, input, ...version });
  }

  private mutate(mutation: IntrospectionField, variables: Values): BuildQueryResult {
    const { definitions, uses } = argumentLists(mutation);
    return {
      query: gql`mutation ${mutation.name}${definitions} { data: ${mutation.name}${uses} { ${this.oneFields} } }`,
      variables,
      parseResponse: (response: Response) => ({ data: this.record(response.data.data as Values) }),
    };
  }
}

export const buildQueryFactory: BuildQueryFactory = (introspection) => {
  const schema = new SchemaIndex(introspection.schema);
  const queries = new Map<string, ResourceQueries>();
  const queriesFor = (resource: string) => {
    let found = queries.get(resource);
    if (!found) {
      found = new ResourceQueries(schema, resourceDefinition(resource));
      queries.set(resource, found);
    }
    return found;
  };

  return (method, resource, params) => {
    const queriesOfResource = queriesFor(resource);
    switch (method) {
      case GET_LIST:
        return queriesOfResource.list(params as GetListParams);
      case GET_MANY_REFERENCE: {
        const { target, id, filter, ...rest } = params as GetManyReferenceParams;
        return queriesOfResource.list({ ...rest, filter: { ...filter, [target]: id } });
      }
      case GET_ONE:
        return queriesOfResource.one(params as GetOneParams);
      case GET_MANY:
        return queriesOfResource.many(params as GetManyParams);
      case CREATE:
        return queriesOfResource.create(params as CreateParams);
      case UPDATE:
        return queriesOfResource.update(params as UpdateParams);
      default:
        throw new HttpError('par.errors.unsupported', 405);
    }
  };
};
