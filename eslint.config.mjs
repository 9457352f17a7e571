import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const restrict = (patterns) => ['error', { patterns }];
const NODE_BUILTINS = {
  group: ['node:*', 'fs', 'path', 'os', 'child_process'],
  message: 'Not here: this code also runs outside Node.',
};
const ERROR_NAME = '/^(e|err|error|caught|cause|failed|failure|exception)$/i';
const SHOW_WITH_REASON_OF =
  'Show a failure with reasonOf(error) (lib/reason-of.ts), or run the action with useAction: ' +
  'they name a full disk in the interface language.';
const ELECTRON = {
  group: ['electron'],
  message: 'Only src/main and src/preload may import Electron.',
};
const WRITE_THROUGH_CORE =
  'The renderer writes only through named core operations (src/core/db/repositories or a ' +
  'core module, e.g. core.contacts.createWithOrganization): add one there.';
/** The store's writes and its Dexie handle, as `store.x` or `core.store.x` (writeMeta: anywhere). */
const STORE_WRITES = '/^(commit|replaceAll|db)$/';
/** Core and shared: no Node, Electron or UI, and nothing that depends on them. */
const UI_FREE = [
  NODE_BUILTINS,
  ELECTRON,
  { group: ['react', 'react-dom', '@mantine/*'], message: 'Core and shared are UI-free.' },
  {
    group: [
      '@renderer/*',
      '@main/*',
      '@preload/*',
      '**/renderer/**',
      '**/main/**',
      '**/preload/**',
    ],
    message: 'Dependencies flow into core and shared, never out of them.',
  },
];

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'dist/**', 'bench-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': restrict([
        NODE_BUILTINS,
        ELECTRON,
        {
          group: ['@main/*', '@preload/*', '**/main/**', '**/preload/**'],
          message: 'The renderer talks to main only through lib/bridge.ts.',
        },
        { group: ['dexie', 'dexie/*', '**/db/database'], message: WRITE_THROUGH_CORE },
      ]),
      'no-restricted-syntax': [
        'error',
        {
          selector: `MemberExpression[object.name='store'][property.name=${STORE_WRITES}], MemberExpression[object.property.name='store'][property.name=${STORE_WRITES}]`,
          message: WRITE_THROUGH_CORE,
        },
        {
          selector: `VariableDeclarator[init.property.name='store'] > ObjectPattern > Property[key.name=${STORE_WRITES}]`,
          message: WRITE_THROUGH_CORE,
        },
        { selector: `Identifier[name='writeMeta']`, message: WRITE_THROUGH_CORE },
        {
          selector: `CallExpression[callee.name='String'] Identifier[name=${ERROR_NAME}]`,
          message: SHOW_WITH_REASON_OF,
        },
        {
          selector: `MemberExpression[property.name='message'] > TSAsExpression.object[expression.name=${ERROR_NAME}]`,
          message: SHOW_WITH_REASON_OF,
        },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        ...UI_FREE,
        { group: ['@shared/*', '**/shared/**'], message: 'Core imports nothing of the app.' },
      ]),
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        ...UI_FREE,
        {
          group: ['@core/*', '!@core/vocabulary', '**/core/**'],
          message: 'Shared takes only the domain vocabulary (@core/vocabulary/*) from core.',
        },
      ]),
    },
  },
  {
    files: ['src/main/**/*.ts', 'src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        {
          group: ['@renderer/*', '**/renderer/**'],
          message: 'Main and preload do not import the renderer.',
        },
        { group: ['@core/*', '**/core/**'], message: 'Main and preload depend on shared only.' },
      ]),
    },
  },
  {
    files: ['test/**/*.{ts,mts,tsx}', 'bench/**/*.{ts,mts}', 'scripts/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        {
          regex: '^(\\.\\.?/)+src(/|$)',
          message: 'Import source through @core/, @shared/, @renderer/, @main/ or @preload/.',
        },
      ]),
    },
  },
);
