// Lint: strict TypeScript, React hooks, and the layer rules of the architecture
// (domain ← storage ← sync ← features), enforced here rather than hoped for.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const layer = (files, patterns) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns }] },
});

export default tseslint.config(
  {
    ignores: [
      '.tmp',
      'dist',
      'dev-dist',
      'node_modules',
      'test-results',
      'playwright-report',
      'data',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      parserOptions: {
        projectService: {
          allowDefaultProject: ['eslint.config.js', 'scripts/*.mjs', 'bench/*.mjs', '.ci/*.mjs'],
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      'no-console': ['error', { allow: ['warn', 'error', 'info'] }],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  // A focused test (`.only`) would silently drop every other test from `npm test`.
  {
    files: ['src/**/*.test.{ts,tsx}', 'server/**/*.test.ts', 'tests/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "MemberExpression[property.name='only'][object.name=/^(it|test|describe|suite)$/]",
          message: 'A focused test hides all the others: remove .only before committing.',
        },
        {
          selector:
            "MemberExpression[property.name='only'][object.object.name=/^(it|test|describe|suite)$/]",
          message: 'A focused test hides all the others: remove .only before committing.',
        },
      ],
    },
  },
  layer(
    ['src/domain/**'],
    [
      {
        group: ['react', 'react-dom', 'dexie', 'dexie-react-hooks', 'zustand'],
        message: 'domain is pure.',
      },
      { group: ['node:*'], message: 'domain is pure: no Node APIs.' },
      {
        group: ['**/storage/**', '**/features/**', '**/app/**', '**/sync/**', '**/ui/**'],
        message: 'domain imports nothing above it.',
      },
    ],
  ),
  layer(
    ['src/storage/**'],
    [
      {
        group: ['**/features/**', '**/app/**', '**/sync/**', '**/ui/**'],
        message: 'storage sits below sync and features.',
      },
      { group: ['zustand'], message: 'use src/state/store.ts' },
    ],
  ),
  layer(
    ['src/features/**', 'src/ui/**', 'src/app/**', 'src/i18n/**'],
    [
      {
        group: ['dexie', 'dexie-react-hooks'],
        message: 'screens read and write through src/storage.',
      },
      { group: ['zustand'], message: 'use src/state/store.ts' },
    ],
  ),
  layer(
    ['server/**'],
    [
      {
        group: ['react', 'react-dom', 'dexie', 'dexie-react-hooks', 'zustand'],
        message: 'the server uses src/domain only.',
      },
      {
        group: [
          '**/src/storage/**',
          '**/src/features/**',
          '**/src/app/**',
          '**/src/sync/**',
          '**/src/ui/**',
          '**/src/state/**',
          '**/src/i18n/**',
        ],
        message: 'the server may import src/domain only.',
      },
    ],
  ),
);
