// Lint catches bugs, not style (prettier owns layout): the rules below are the ones that find real
// faults in this code base — promises nobody awaits (a rejected analysis that never reaches the
// user), unused code left behind by a refactor, React hooks called conditionally.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import eslintComments from '@eslint-community/eslint-plugin-eslint-comments';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'dist-server/',
      'data/',
      'test-results/',
      'playwright-report/',
      'bench/occt-import-page/',
      // Deno code (the Supabase edge function): its own runtime and URL imports.
      'supabase/functions/',
      // Ambient declarations for the core's type-check (tsconfig.core.json): tsc checks them, and
      // they restate platform globals (`declare var`), which lint rules would only argue with.
      'types/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // A rule switched off in place says why (`-- reason`), and a switch that no longer silences
    // anything goes.
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { '@eslint-community/eslint-comments': eslintComments },
    rules: { '@eslint-community/eslint-comments/require-description': ['error', { ignore: ['eslint-enable'] }] },
  },
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
      parserOptions: {
        // Type-aware rules (floating promises) need the program; the project service finds
        // tsconfig.json for each file.
        projectService: { allowDefaultProject: ['*.js', 'bin/*.mjs', 'scripts/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // A promise nobody awaits or catches loses its error; mark deliberate fire-and-forget with `void`.
      '@typescript-eslint/no-floating-promises': 'error',
      // An async function passed where a plain callback is expected (event handlers, forEach)
      // drops its rejection.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
      // Names starting with _ are deliberately unused (positional parameters, destructuring rests).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      // OCC's embind classes and the wasm module are untyped at the edges: `any` is how the code
      // meets them, and each use is local. Not a bug to flag.
      '@typescript-eslint/no-explicit-any': 'off',
      // A discriminated union switched without a case for one member is a silent fall-through.
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  {
    files: ['src/app/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // Plain JavaScript launchers: no type information to check promises against.
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
