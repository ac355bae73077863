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
/** The rooms of the main process that run without Electron (see docs/architecture.md). */
const CORE_FOLDERS = ['engine', 'linking', 'analysis', 'disclosure', 'export', 'synthetic', 'publication', 'study', 'audit', 'common'];
const noElectron = { name: 'electron', message: 'Core modules run without Electron (CLI, tests); pass what you need in from src-main/app.' };
/** Imports into the named rooms of src-main, from anywhere below it. */
function upward(rooms) {
  return {
    group: rooms.flatMap((room) => [`../${room}/*`, `../../${room}/*`, `../../../${room}/*`, `**/src-main/${room}/*`]),
    message: `The core does not import the rooms that serve it (${rooms.map((room) => `${room}/`).join(', ')}); data flows one way: core -> ipc/cli -> app.`,
  };
}
/** k-means is one wing with one door: outside analysis/clustering/kmeans/ only its index may be imported. */
const kmeansDoor = {
  group: ['**/kmeans/*', '!**/kmeans/index'],
  message: 'Import k-means through analysis/clustering/kmeans/index, not its parts.',
};
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
      // Prettier wraps code at 160 columns but not strings or comments: those are wrapped by hand.
      'max-len': ['error', { code: 160, tabWidth: 2 }],
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
    // The core runs under plain Node (CLI, tests, benchmarks): it never touches Electron, and it never reaches up into
    // the rooms that serve it (the IPC gate, the Electron app, the command line). The study session and the
    // publication ledger serve the app and the CLI alike; the auditor reads packages with no app at all.
    files: [`src-main/{${CORE_FOLDERS.join(',')}}/**/*.ts`],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron], patterns: [upward(['ipc', 'app', 'cli']), kmeansDoor] }] },
  },
  {
    // The command line is a door of its own: core only, no Electron, no IPC gate, no app.
    files: ['src-main/cli/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron], patterns: [upward(['ipc', 'app'])] }] },
  },
  {
    // The IPC gate (contract, dispatch, handlers, verb adapters) runs without Electron too; only main-ipc.ts binds it.
    files: ['src-main/ipc/{contract,channels,dispatch,handlers,sender,study-file-verbs,workspace-verbs}.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron], patterns: [upward(['app', 'cli'])] }] },
  },
  {
    // A shape module is neutral: the renderer's types read it, so it imports no Node module.
    files: ['src-main/**/*-shapes.ts', 'src-main/common/app-info-shape.ts', 'src-main/ipc/{contract,channels}.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [{ group: ['node:*'], message: 'Shape modules are neutral (the renderer reads their types): no Node.' }, upward(['ipc', 'app', 'cli'])],
        },
      ],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'node:*', '@duckdb/*'], message: 'The renderer reaches the main process only through window.api.' },
            {
              group: ['**/src-main/**', '!**/src-main/preload/api'],
              message: 'The renderer knows the main process only by the API types of src-main/preload/api (window.api).',
            },
            { group: ['**/src-main/preload/api'], allowTypeImports: true, message: 'Only the API types: import type from src-main/preload/api.' },
          ],
        },
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
