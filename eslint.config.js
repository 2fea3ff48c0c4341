// @ts-check
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['generated/', 'admin/dist/', 'dist/', 'data/', 'node_modules/'] },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      // Each file is checked with the tsconfig that includes it (the admin has its own).
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] })],
      // no-cycle follows imports by parsing the imported TypeScript; the generated client imports nothing of ours.
      'import-x/extensions': ['.ts', '.tsx'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/ignore': ['node_modules', '/generated/'],
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // A `default:` is how this code says "every other case": only switches without one must list them all.
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      // `any` reaches this code only from library typings (react-admin records, envelop hook arguments,
      // Response.json()); no-explicit-any keeps the project's own code from adding any.
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // String(x) on form values, record fields and error extensions typed `unknown` is the intended conversion.
      '@typescript-eslint/no-base-to-string': 'off',
      // `async` marks functions implementing promise-returning interfaces (authProvider, closers), where a throw must reject.
      '@typescript-eslint/require-await': 'off',
      // Plugin hooks and resource handles are typed as methods but never use `this`.
      '@typescript-eslint/unbound-method': 'off',
      // Input checks reject control characters, so their patterns name them.
      'no-control-regex': 'off',
      // JSX event handlers may be async: React ignores what they return.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      // Callback-style libraries (autocannon) hand their errors over typed as any.
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingAny: true }],
    },
  },
  {
    files: ['admin/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    // The classic hook rules; the compiler-based rules of the plugin's recommended set cost a tenth of the lint time.
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
);
