// Builds the admin UI into admin/dist, which the API serves at /. Run from the project root:
// `vite build --config admin/vite.config.ts`.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { buildSchema, introspectionFromSchema } from 'graphql';
import { defineConfig, type Plugin } from 'vite';

const schemaFile = fileURLToPath(new URL('../api/schema.graphql', import.meta.url));
const introspectionModule = 'virtual:graphql-introspection';

/**
 * Serves the API's committed schema as an introspection result. The API answers nothing but `login`
 * and `me` before sign-in, so the data provider takes the schema from the build instead of asking.
 */
function staticIntrospection(): Plugin {
  const resolvedId = `\0${introspectionModule}`;
  return {
    name: 'par-static-introspection',
    resolveId: (source) => (source === introspectionModule ? resolvedId : undefined),
    load(id) {
      if (id !== resolvedId) return undefined;
      this.addWatchFile(schemaFile);
      const schema = buildSchema(readFileSync(schemaFile, 'utf8'));
      const { __schema } = introspectionFromSchema(schema, { descriptions: false });
      // JSON.parse of a string literal is faster to load than the same object literal.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(__schema))});`;
    },
  };
}

export default defineConfig(({ mode }) => ({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react(), staticIntrospection()],
  // Apollo Client reads this flag, not NODE_ENV: false drops its development checks and messages.
  define: { 'globalThis.__DEV__': JSON.stringify(mode !== 'production') },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
}));
