// Bundles the server (api/main.ts and the code it imports) into dist/server.js for `npm start`, so that
// Node runs plain JavaScript instead of compiling TypeScript at every start. Packages stay in
// node_modules. Each bundled module keeps its own import.meta.url: prisma/migrate.ts finds the
// migrations beside itself, and the generated Prisma client its own folder.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

/** Where `npm start` runs the server from. */
export const serverBundle = path.resolve('dist', 'server.js');

function ownImportMetaUrl(outfile: string): Plugin {
  return {
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
}

/** Bundles the server into `outfile`, which must lie inside the project so that Node finds node_modules. */
export async function buildServer(outfile = serverBundle): Promise<void> {
  await build({
    entryPoints: ['api/main.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    plugins: [ownImportMetaUrl(outfile)],
    logLevel: 'warning',
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildServer();
