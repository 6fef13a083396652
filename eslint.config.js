import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// Type-aware linting everywhere, plus the architecture's import boundaries:
// only the shell (electron/main, electron/preload) may import 'electron', and the renderer
// reaches data only through the contract in shared/ — never Node, never the backend.
const electronOnlyInShell = {
  name: 'electron',
  message: "Only electron/main and electron/preload may import 'electron' (see docs/ARCHITECTURE.md).",
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.tsbuild/**', 'test-results/**', 'playwright-report/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.shared.json', './tsconfig.node.json', './tsconfig.web.json', './tsconfig.component.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      'no-restricted-imports': ['error', { paths: [electronOnlyInShell] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-floating-promises': 'error',
      'no-control-regex': 'off', // validators deliberately match control characters
    },
  },
  {
    files: ['electron/main/**', 'electron/preload/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['renderer/**'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyInShell],
          patterns: [
            { group: ['node:*'], message: 'The renderer has no Node: ask the backend through the contract.' },
            { group: ['**/electron/**'], message: 'The renderer reaches the backend only through shared/ and window.coalition.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { ...globals.node }, parserOptions: { project: false, program: null } },
  },
  {
    files: ['tests/e2e/harness/bridge.js'],
    languageOptions: { globals: globals.browser, sourceType: 'script' },
  },
);
