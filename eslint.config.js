import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'adapters/store/generated/**', 'openapi/generated/**'] },
  js.configs.recommended,
  {
    // The web application's scripts run in the browser, as ES modules.
    files: ['gateway/web/assets/**/*.js'],
    languageOptions: {
      sourceType: 'module',
      globals: Object.fromEntries(
        ['window', 'document', 'fetch', 'crypto', 'atob', 'TextEncoder', 'localStorage'].map((g) => [g, 'readonly']),
      ),
    },
  },
  ...tseslint.configs.strict,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // The covenant engine is pure: no web framework, no database, nothing of the gateway.
    files: ['policies/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['express', 'express/*', '@prisma/*', 'pg', 'better-sqlite3', 'pino'],
              message: 'policies/ is pure TypeScript: no Express, Prisma or I/O libraries.',
            },
            {
              group: ['**/gateway/**', '**/adapters/**'],
              message: 'policies/ imports nothing of ours but types from itself.',
            },
          ],
        },
      ],
    },
  },
  {
    // No import cycle anywhere in the application: `.js` specifiers resolve to the `.ts` sources.
    files: ['gateway/**/*.{ts,tsx}', 'policies/**/*.ts', 'adapters/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': importX.flatConfigs.typescript.settings['import-x/extensions'],
      'import-x/parsers': importX.flatConfigs.typescript.settings['import-x/parsers'],
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    // The gateway reaches the database only through the store's repositories: never Prisma itself.
    files: ['gateway/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@prisma/*', 'pg', 'better-sqlite3', '**/adapters/store/generated/**'],
              message: 'gateway/ uses the repositories of adapters/store, never a database client.',
            },
            {
              group: ['**/adapters/store/db-client*'],
              message: 'gateway/ uses the repositories of adapters/store, never a database client.',
            },
            {
              group: ['**/adapters/store/open-store*'],
              importNames: ['Db'],
              message: 'The raw Prisma client type stays in adapters/store: use the repositories.',
            },
          ],
        },
      ],
    },
  },
  {
    // Adapters are called by the gateway, never the other way round.
    files: ['adapters/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/gateway/**', 'express'],
              message: 'adapters/ must not depend on the gateway: the gateway passes what adapters need.',
            },
          ],
        },
      ],
    },
  },
);
