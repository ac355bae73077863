// Lint rules: TypeScript strictness, React hooks, and the process boundary (who may touch IPC and what is banned).
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** Electron modules that would send data or crash dumps away, or update the app from the internet. */
const bannedElectronImports = [
  { name: 'electron', importNames: ['autoUpdater'], message: 'Groepsbeeld never updates itself from the internet.' },
  { name: 'electron', importNames: ['crashReporter'], message: 'Groepsbeeld never uploads crash reports.' },
  { name: 'electron', importNames: ['net', 'netLog'], message: 'Groepsbeeld makes no network requests.' },
  { name: 'electron', importNames: ['shell'], message: 'Opening external URLs or programs is not allowed.' },
];
const ipcMessage = 'Only the IPC wrapper modules (src-main/ipc/main-ipc.ts, src-main/preload/index.ts) may touch ipcMain/ipcRenderer; use the typed contract.';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'coverage/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-imports': [
        'error',
        {
          paths: [...bannedElectronImports, { name: 'electron', importNames: ['ipcMain', 'ipcRenderer'], message: ipcMessage }],
        },
      ],
    },
  },
  {
    // The two wrapper modules: the only places ipcMain / ipcRenderer may be imported.
    files: ['src-main/ipc/main-ipc.ts', 'src-main/preload/index.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: bannedElectronImports }] },
  },
  {
    // The core runs under plain Node (CLI, tests, benchmarks): it never touches Electron. The study session and the
    // publication ledger serve the app and the CLI alike; the auditor reads packages with no app at all.
    files: [
      'src-main/{engine,linking,analysis,disclosure,export,synthetic,publication,study,audit,cli,common}/**/*.ts',
      'src-main/ipc/{contract,dispatch,handlers,sender,study-file-verbs,workspace-verbs}.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'Core modules run without Electron (CLI, tests); pass what you need in from src-main/app.' }] },
      ],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['electron', 'node:*', '@duckdb/*'], message: 'The renderer reaches the main process only through window.api.' }] },
      ],
    },
  },
  {
    // Numeric code indexes arrays within bounds it has just checked; `!` there says so without a runtime cost.
    files: ['src-main/{synthetic,analysis,publication}/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // Tests may mock electron wholesale.
    files: ['tests/**/*.ts'],
    rules: { 'no-restricted-imports': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
