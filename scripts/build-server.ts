// Bundles the server (api/main.ts and the code it imports) into dist/server.js for `npm start`, so that
// Node runs plain JavaScript instead of compiling TypeScript at every start. Packages stay in
// node_modules. Each bundled module keeps its own import.meta.url: prisma/migrate.ts finds the
// migrations beside itself, and the generated Prisma client its own folder.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';

const outfile = path.resolve('dist', 'server.js');

const ownImportMetaUrl: Plugin = {
  name: 'own-import-meta-url',
  setup(bundle) {
    bundle.onLoad({ filter: /\.ts$/ }, async ({ path: file }) => {
      const source = await readFile(file, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      const fromBundle = path.relative(path.dirname(outfile), file).split(path.sep).join('/');
      const url = `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`;
      return { contents: source.replaceAll('import.meta.url', url), loader: 'ts' };
    });
  },
};

await build({
  entryPoints: ['api/main.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  plugins: [ownImportMetaUrl],
  logLevel: 'warning',
});
