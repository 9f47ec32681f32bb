import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'adapters/store/generated/**', 'openapi/generated/**'] },
  js.configs.recommended,
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
    // Adapters are called by the gateway, never the other way round (config and clock types excepted).
    files: ['adapters/**/*.ts'],
    ignores: ['adapters/store/migrate-cli.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/gateway/http/**', '**/gateway/create-app*', 'express'],
              message: 'adapters/ must not depend on the HTTP edge.',
            },
          ],
        },
      ],
    },
  },
);
