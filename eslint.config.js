// Flat config: typescript-eslint's recommended rules (no type-aware rules), plus the one
// architectural rule that matters most: src/core stays pure (no `vscode`, no Node built-ins).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = builtinModules.filter((m) => !m.startsWith('_'));

export default tseslint.config(
  { ignores: ['dist/**', '.cache/**', 'node_modules/**', 'out/**', '.vscode-test/**', 'test-results/**', '.stryker-tmp/**', 'reports/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: {
        console: 'readonly',
        process: 'readonly',
        URL: 'readonly',
        TextDecoder: 'readonly',
        TextEncoder: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        Buffer: 'readonly',
        performance: 'readonly',
        setImmediate: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        queueMicrotask: 'readonly',
        structuredClone: 'readonly',
        AbortController: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // TypeScript checks names itself (and knows the lib and @types globals).
    files: ['**/*.ts'],
    rules: { 'no-undef': 'off' },
  },
  {
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'vscode', message: 'src/core is pure: the editor API belongs in src/vscode.' },
            ...nodeBuiltins.map((name) => ({ name, message: 'src/core is pure: Node built-ins belong in src/cli.' })),
          ],
          patterns: [{ group: ['node:*'], message: 'src/core is pure: Node built-ins belong in src/cli.' }],
        },
      ],
    },
  },
  {
    // The adapters reach the core through its public entries only, so its layout can change
    // behind them: the CLI through src/core/index.ts, the editor host through src/core/host.ts
    // (no lint engine in the host's bundle), the lint worker through either.
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/core/**', '!**/core/index.js'], message: 'Import the core through src/core/index.ts.' }] }],
    },
  },
  {
    files: ['src/vscode/**/*.ts'],
    ignores: ['src/vscode/worker/**', 'src/vscode/model/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/core/**', '!**/core/host.js'], message: 'The editor host imports the core through src/core/host.ts.' }] }],
    },
  },
  {
    files: ['src/vscode/worker/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/core/**', '!**/core/index.js', '!**/core/host.js'], message: 'The lint worker imports the core through src/core/index.ts or host.ts.' }] },
      ],
    },
  },
  {
    // The editor's model is pure: it is unit-tested without an editor.
    files: ['src/vscode/model/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'src/vscode/model is pure: the editor API belongs in the providers and commands.' }],
          patterns: [{ group: ['**/core/**', '!**/core/host.js'], message: 'The editor host imports the core through src/core/host.ts.' }],
        },
      ],
    },
  },
);
