// Pothos's relay plugin resolves the `id` of every Node type in an async function, so each row of a
// list cost a promise, and graphql-js another to wait for the row's fields (docs/benchmarks.md). A
// row's global id is its type name and its `id` column, known without waiting; this resolves it so.
import { MapperKind, mapSchema } from '@graphql-tools/utils';
import { defaultFieldResolver, isObjectType, type GraphQLSchema } from 'graphql';
import { encodeGlobalId } from '../global-id.ts';

/** Whether Pothos checks a type-level auth scope on the type's rows: its id keeps Pothos's resolver, which runs the check. */
function hasTypeScopes(extensions: unknown): boolean {
  const options = (extensions as { pothosOptions?: { authScopes?: unknown } } | undefined)?.pothosOptions;
  return options?.authScopes !== undefined;
}

export function syncNodeIds(schema: GraphQLSchema): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (field, fieldName, typeName) => {
      const type = schema.getType(typeName);
      if (fieldName !== 'id' || !isObjectType(type) || hasTypeScopes(type.extensions)) return field;
      if (!type.getInterfaces().some((iface) => iface.name === 'Node')) return field;
      const pothos = field.resolve ?? defaultFieldResolver;
      return {
        ...field,
        resolve: (parent: { id?: unknown }, args, context, info) =>
          typeof parent.id === 'number' ? encodeGlobalId(typeName, parent.id) : pothos(parent, args, context, info),
      };
    },
  });
}
