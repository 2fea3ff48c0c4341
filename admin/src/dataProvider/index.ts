// The data provider: ra-data-graphql with the project's buildQuery over an Apollo client that signs
// every request with the session's token. The schema comes from the build (virtual module), so no
// introspection request is made: the API refuses it before sign-in, and the first page after sign-in
// works without a reload.
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client/core';
import buildGraphQLProvider from 'ra-data-graphql';
import { HttpError, type DataProvider, type GetListParams, type GetListResult } from 'react-admin';
import introspectionSchema from 'virtual:graphql-introspection';
import { graphqlEndpoint, sessionToken } from '../session';
import { buildQueryFactory } from './buildQuery';
import { toReadableError } from './errors';
import { workflowMethods, type WorkflowMethods } from './workflow';

/** The most rows the API returns in one page. */
const maxPageSize = 100;

const authLink = new ApolloLink((operation, forward) => {
  const token = sessionToken();
  if (token) {
    operation.setContext(({ headers }: { headers?: Record<string, string> }) => ({
      headers: { ...headers, authorization: `Bearer ${token}` },
    }));
  }
  return forward(operation);
});

const graphqlProvider = buildGraphQLProvider({
  client: new ApolloClient({
    link: authLink.concat(new HttpLink({ uri: graphqlEndpoint })),
    cache: new InMemoryCache(),
  }),
  introspection: { schema: introspectionSchema },
  buildQuery: buildQueryFactory,
  // react-admin caches records itself; Apollo's normalised cache would only hold a second copy.
  query: () => ({ fetchPolicy: 'no-cache' }),
  mutation: () => ({ fetchPolicy: 'no-cache' }),
});

/** Export asks for up to 1000 rows: fetch them in pages the API accepts. */
async function getListInPages(resource: string, params: GetListParams): Promise<GetListResult> {
  const { page, perPage } = params.pagination ?? { page: 1, perPage: maxPageSize };
  const start = (page - 1) * perPage;
  const data: GetListResult['data'] = [];
  let total = Infinity;
  while (data.length < perPage && start + data.length < total) {
    const result = await graphqlProvider.getList(resource, {
      ...params,
      pagination: { page: 1, perPage: Math.min(maxPageSize, perPage - data.length) },
      meta: { ...params.meta, offset: start + data.length },
    });
    total = result.total ?? 0;
    data.push(...result.data);
    if (result.data.length === 0) break;
  }
  return { data, total: Number.isFinite(total) ? total : 0 };
}

const readable = <T>(promise: Promise<T>): Promise<T> =>
  promise.catch((error: unknown) => {
    throw toReadableError(error);
  });

const unsupported = () => Promise.reject(new HttpError('par.errors.unsupported', 405));

/** react-admin's CRUD methods and the workflow calls; pages get it with `useDataProvider<ParDataProvider>()`. */
export type ParDataProvider = DataProvider & WorkflowMethods;

export const dataProvider: ParDataProvider = {
  getList: (resource, params) =>
    readable(
      (params.pagination?.perPage ?? 0) > maxPageSize
        ? getListInPages(resource, params)
        : graphqlProvider.getList(resource, params),
    ),
  getOne: (resource, params) => readable(graphqlProvider.getOne(resource, params)),
  getMany: (resource, params) => readable(graphqlProvider.getMany(resource, params)),
  getManyReference: (resource, params) => readable(graphqlProvider.getManyReference(resource, params)),
  create: (resource, params) => readable(graphqlProvider.create(resource, params)),
  update: (resource, params) => readable(graphqlProvider.update(resource, params)),
  // The API deletes nothing (units are dissolved, tasks cancelled) and has no bulk updates.
  updateMany: unsupported,
  delete: unsupported,
  deleteMany: unsupported,
  ...workflowMethods,
};
