// Lint keeps the worlds apart: shared/ is pure (no DOM, no Node, no Electron), renderer/ and
// dashboard/ are DOM only, server/ is Node only, and only electron/'s entry points import Electron as
// a value. Across folders, eslint-plugin-boundaries holds each part to its own code and shared/.
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = { group: ['node:*'], message: 'Node built-ins do not belong here.' };
const electronValue = { name: 'electron', message: 'Import Electron as a type only; inject the object.', allowTypeImports: true };
const domGlobals = ['window', 'document', 'localStorage', 'indexedDB', 'navigator', 'location'].map((name) => ({
  name,
  message: 'DOM globals do not belong here: inject what you need.',
}));

/** The parts of the product; each may import only itself and shared/ (tests and tools may import anything). */
const PARTS = ['shared', 'renderer', 'dashboard', 'electron', 'server'];
export const boundaryRules = {
  files: ['**/*.{ts,tsx,mjs,js}'],
  plugins: { boundaries },
  settings: {
    'boundaries/elements': [
      ...PARTS.map((part) => ({ type: part, pattern: part })),
      { type: 'tests', pattern: 'tests' },
      { type: 'tools', pattern: ['tools', 'build'] },
    ],
    'boundaries/include': ['**/*.{ts,tsx,mjs,js}'],
    'import/resolver': { node: { extensions: ['.ts', '.tsx', '.mjs', '.js', '.json'] } },
  },
  rules: {
    'boundaries/dependencies': [
      'error',
      {
        default: 'allow',
        policies: PARTS.map((part) => ({
          from: { element: { type: part } },
          disallow: {
            to: { element: { types: { anyOf: PARTS.filter((other) => other !== part && other !== 'shared').concat('tests', 'tools') } } },
          },
        })),
      },
    ],
  },
};

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'tools/*/node_modules/', 'reports/', 'test-results/', 'playwright-report/', 'data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  boundaryRules,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-globals': ['error', ...domGlobals, { name: 'process', message: 'shared/ is pure.' }],
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'shared/ is pure.' },
            { name: 'react', message: 'shared/ is pure.' },
            { name: 'dexie', message: 'shared/ is pure: storage is injected.' },
          ],
          patterns: [nodeBuiltins],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'The renderer reaches Electron only through window.kiosk.' }], patterns: [nodeBuiltins] },
      ],
    },
  },
  {
    files: ['server/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-globals': ['error', ...domGlobals],
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [{ name: 'react' }, { name: 'dexie' }, { name: 'electron', message: 'The server never imports Electron.' }] },
      ],
    },
  },
  {
    // Routes validate and answer; the storage layer (server/db, server/repo and the query modules) queries.
    files: ['server/routes/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.name='store'][property.name='db']", message: 'Query through server/repo, not from a route.' },
      ],
    },
  },
  {
    // The dashboard is a browser app of its own, served by the server at /admin/.
    files: ['dashboard/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-globals': 'off',
      '@typescript-eslint/no-restricted-imports': ['error', { paths: [{ name: 'electron' }, { name: 'dexie' }], patterns: [nodeBuiltins] }],
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main.ts', 'electron/preload.ts', 'electron/adapters/**'],
    languageOptions: { globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { paths: [electronValue] }] },
  },
  {
    files: ['tests/**/*.{ts,mjs}', '*.ts', '*.js', 'tools/**/*.mjs', 'build/**/*.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
