import SchemaBuilder from '@pothos/core';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import ValidationPlugin from '@pothos/plugin-validation';
import { GraphQLScalarType, type GraphQLSchema } from 'graphql';
import { DateResolver, DateTimeResolver, JSONResolver } from 'graphql-scalars';
import { z } from 'zod';
import type PrismaTypes from '../generated/pothos-types.ts';
import { getDatamodel } from '../generated/pothos-types.ts';
import type { Role } from '../generated/prisma/client.ts';
import type { Context } from './context.ts';
import { listLength, listSize } from './cost.ts';
import { ForbiddenError, inputRefusal, UnauthenticatedError, ValidationError } from './errors.ts';
import { encodeGlobalId, nodeIdProblem, parseGlobalId } from './global-id.ts';
import { defaultPageSize, maxPageSize } from './page-size.ts';

/** Refuses an id that can name no object: Pothos would fail on it as on a bug of its own. */
function checkNodeId(decoded: { typename: string; id: string }, schema: GraphQLSchema, field: string): void {
  const globalId = decoded.typename ? encodeGlobalId(decoded.typename, decoded.id) : decoded.id;
  const problem = nodeIdProblem(globalId, schema);
  if (problem) throw ValidationError.field(field, problem);
}

export { defaultPageSize, maxPageSize };

interface BuilderTypes {
  Context: Context;
  // Fields are non-null unless they say otherwise, edges and nodes of connections included.
  DefaultFieldNullability: false;
  DefaultEdgesNullability: { list: false; items: false };
  DefaultNodeNullability: false;
  PrismaTypes: PrismaTypes;
  AuthScopes: {
    signedIn: boolean;
    /** The viewer has one of these roles. */
    roles: readonly Role[];
  };
  Scalars: {
    Date: { Input: Date; Output: Date };
    DateTime: { Input: Date; Output: Date };
    JSON: { Input: unknown; Output: unknown };
    /** A part of a GraphQL multipart request; input only. */
    File: { Input: File; Output: never };
    ID: { Input: string; Output: string | number };
  };
}

/** The builder's full type parameters, for helpers that build on it. */
export type Types = PothosSchemaTypes.ExtendDefaultTypes<BuilderTypes>;

export const builder = new SchemaBuilder<BuilderTypes>({
  plugins: [RelayPlugin, ScopeAuthPlugin, PrismaPlugin, ValidationPlugin],
  defaultFieldNullability: false,
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    nodesOnConnection: true,
    edgesFieldOptions: { nullable: { list: false, items: false } },
    nodeFieldOptions: { nullable: false },
    encodeGlobalID: encodeGlobalId,
    // Only node and nodes decode global ids this way (every other id argument is decoded by its
    // resolver, for its own type); a malformed one is kept whole for them to refuse naming the argument.
    decodeGlobalID: (globalID) => parseGlobalId(globalID) ?? { typename: '', id: globalID },
    firstArgOptions: {
      description: `Page size from the start, at most ${maxPageSize}.`,
      validate: z.number().int().min(0).max(maxPageSize),
    },
    lastArgOptions: {
      description: `Page size from the end, at most ${maxPageSize}.`,
      validate: z.number().int().min(0).max(maxPageSize),
    },
    idFieldOptions: { description: 'Global id, e.g. "Task:12": the type name and the number.' },
    nodeTypeOptions: { description: 'An object with a global id, fetchable with node(id).' },
    nodeQueryOptions: {
      description: 'Any object by its global id, e.g. "Task:12".',
      resolve: (_root, { id }, _ctx, info, resolveNode) => {
        checkNodeId(id, info.schema, 'id');
        return resolveNode(id);
      },
    },
    nodesQueryOptions: {
      description: `Several objects by global id, at most ${maxPageSize}.`,
      // Counted by its ids; more than 100 are refused by the input bounds (input-bounds.ts) before any is read.
      extensions: listSize(({ ids }) => listLength(ids, maxPageSize)),
      resolve: (_root, { ids }, _ctx, info, resolveNodes) => {
        ids.forEach((id, i) => checkNodeId(id, info.schema, `ids.${i}`));
        return resolveNodes(ids);
      },
    },
  },
  scopeAuth: {
    authScopes: (ctx) => ({
      signedIn: ctx.viewer !== null,
      roles: (roles) => ctx.viewer !== null && roles.includes(ctx.viewer.role),
    }),
    unauthorizedError: (_parent, ctx) => (ctx.viewer ? new ForbiddenError() : new UnauthenticatedError()),
  },
  prisma: {
    client: (ctx) => ctx.prisma,
    dmmf: getDatamodel(),
    exposeDescriptions: true,
    filterConnectionTotalCount: true,
    maxConnectionSize: maxPageSize,
    defaultConnectionSize: defaultPageSize,
    onUnusedQuery: process.env.NODE_ENV === 'production' ? null : 'warn',
  },
  validation: {
    // Arguments are validated before authorisation runs; an anonymous caller is told to sign in
    // rather than taught the input rules.
    validationError: (result, _args, ctx) =>
      inputRefusal(
        result.issues.map((issue) => ({
          field:
            (issue.path ?? [])
              .map((segment) => (typeof segment === 'object' ? String(segment.key) : String(segment)))
              .join('.') || 'input',
          message: issue.message,
        })),
        ctx.viewer !== null,
      ),
  },
});

/**
 * The scalar, taking only days and instants from the year 1 on: graphql-scalars accepts year 0
 * ("0000-01-01", or "0001-01-01T00:00:00+14:00" once in UTC), which PostgreSQL does not have.
 */
function fromYear1<External>(scalar: GraphQLScalarType<Date, External>): GraphQLScalarType<Date, External> {
  const config = scalar.toConfig();
  const check = (value: Date): Date => {
    if (value.getUTCFullYear() < 1) throw new TypeError(`${scalar.name} must be in the year 0001 or later`);
    return value;
  };
  return new GraphQLScalarType({
    ...config,
    parseValue: (value) => check(config.parseValue(value)),
    parseLiteral: (node, variables) => check(config.parseLiteral(node, variables)),
  });
}

builder.addScalarType('Date', fromYear1(DateResolver), {
  description: 'A calendar day, YYYY-MM-DD (deadlines are days in the district, Asia/Ho_Chi_Minh).',
});
builder.addScalarType('DateTime', fromYear1(DateTimeResolver), {
  description: 'An instant, ISO 8601 with time zone, e.g. 2026-03-01T08:30:00.000Z.',
});
builder.addScalarType('JSON', JSONResolver, { description: 'Any JSON value.' });

builder.queryType({
  description: 'Everything in the tracker can be read from here once signed in.',
  authScopes: { signedIn: true },
});
builder.mutationType({
  description: 'Changes; every one is authorised on the server for the signed-in role.',
  authScopes: { signedIn: true },
});
