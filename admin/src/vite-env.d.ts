/// <reference types="vite/client" />

// Built by admin/vite.config.ts from api/schema.graphql.
declare module 'virtual:graphql-introspection' {
  import type { IntrospectionSchema } from 'graphql';

  const schema: IntrospectionSchema;
  export default schema;
}

// exceljs's browser build (UMD); its types are those of the package.
declare module 'exceljs/dist/exceljs.bare.min.js' {
  import * as ExcelJS from 'exceljs';

  export default ExcelJS;
}
