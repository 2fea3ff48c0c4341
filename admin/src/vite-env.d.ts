/// <reference types="vite/client" />

// Built by admin/vite.config.ts from api/schema.graphql.
declare module 'virtual:graphql-introspection' {
  import type { IntrospectionSchema } from 'graphql';

  const schema: IntrospectionSchema;
  export default schema;
}
