// ESLint flat config: typescript-eslint strict, plus the import boundaries of DESIGN.md section 3.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const electronImport = {
  group: ['electron', 'electron/*'],
  message: 'main/core never imports electron: keep Electron glue in main/app (DESIGN.md section 3).',
};
const mainImport = {
  group: ['**/main/**', '../main/*', '../../main/*'],
  message: 'The renderer talks to the main process only through window.api (renderer/lib/api.ts).',
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'out/**',
      'dist/**',
      'coverage/**',
      'test-results/**',
      'playwright-report/**',
      '.electron-native/**',
      'tests/e2e/artifacts/**',
      'tests/bench/.*-tmp.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['main/core/**/*.ts', 'main/cli/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [electronImport] }] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: [mainImport, electronImport] }],
    },
  },
  {
    // The preload bridge may import only electron and the contract.
    files: ['preload/index.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!electron$|\\./contract$).*',
              message: 'preload/index.ts imports only electron and ./contract.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['preload/contract.ts', 'preload/contract/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [electronImport, mainImport] }] },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
