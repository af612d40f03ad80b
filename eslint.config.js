// Lint rules, including the layer rule of docs/ARCHITECTURE.md: imports only point down
// (core ← envs ← policy ← train ← persist ← worker ← store/ui), and the pure layers never touch React or the DOM,
// so the same code runs in the browser worker and in Node.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const react = ['react', 'react-dom', 'react-dom/*', 'react/*', 'zustand', 'zustand/*', 'recharts', 'katex'];
const tfjs = ['@tensorflow/*'];
const layer = (name) => [`**/${name}`, `**/${name}/**`, `../${name}/*`, `../../${name}/*`];

/** The wasm backend comes with this project's kernels in front of TF.js's (src/policy/wasmBackend.ts). */
const wasmBackendPath = {
  name: '@tensorflow/tfjs-backend-wasm', allowTypeImports: true,
  message: 'Import the wasm backend from src/policy/wasmBackend.ts, which installs its SIMD kernels.',
};

/** Builds the import restrictions of one layer: the layers above it and any UI library. */
function restrict(forbiddenLayers, extra = []) {
  return {
    'no-restricted-imports': ['error', {
      paths: [wasmBackendPath],
      patterns: [
        { group: forbiddenLayers.flatMap(layer), message: 'Imports only point down the layers (see docs/ARCHITECTURE.md).' },
        { group: [...react, ...extra], message: 'This layer is pure: no React, no UI libraries (see docs/ARCHITECTURE.md).' },
      ],
    }],
  };
}

/** Browser globals the pure layers must not use: they also run in Node. */
const domGlobals = ['window', 'document', 'localStorage', 'sessionStorage', 'location', 'HTMLElement', 'alert']
  .map((name) => ({ name, message: 'The pure layers run in Node too: no DOM.' }));

const noMathRandom = {
  'no-restricted-properties': ['error',
    { object: 'Math', property: 'random', message: 'Use the seeded PRNG of src/core/prng.ts.' },
  ],
};

/** Synchronous GPU readbacks throw in Node's WebGPU and stall the browser's: always `await t.data()`. */
const asyncReadbacksOnly = {
  'no-restricted-properties': ['error',
    { object: 'Math', property: 'random', message: 'Use the seeded PRNG of src/core/prng.ts.' },
    { property: 'dataSync', message: 'Use `await tensor.data()`: dataSync throws on WebGPU in Node and blocks in browsers.' },
    { property: 'arraySync', message: 'Use `await tensor.array()`: arraySync throws on WebGPU in Node and blocks in browsers.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'playwright-report/', 'public/', 'runs/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: { ...restrict(['envs', 'policy', 'train', 'worker', 'store', 'ui'], tfjs), ...noMathRandom, 'no-restricted-globals': ['error', ...domGlobals] },
  },
  {
    files: ['src/import/**/*.ts'],
    rules: { ...restrict(['envs', 'policy', 'train', 'worker', 'store', 'ui'], tfjs), ...noMathRandom, 'no-restricted-globals': ['error', ...domGlobals] },
  },
  {
    files: ['src/envs/**/*.ts'],
    rules: { ...restrict(['policy', 'train', 'worker', 'store', 'ui'], tfjs), ...noMathRandom, 'no-restricted-globals': ['error', ...domGlobals] },
  },
  {
    files: ['src/policy/**/*.ts'],
    rules: { ...restrict(['envs', 'train', 'worker', 'store', 'ui']), ...asyncReadbacksOnly, 'no-restricted-globals': ['error', ...domGlobals] },
  },
  {
    files: ['src/policy/wasmBackend.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['cli/**/*.ts', 'scripts/**/*.{ts,mjs}', 'e2e/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [wasmBackendPath] }] },
  },
  {
    files: ['src/train/**/*.ts'],
    rules: { ...restrict(['worker', 'store', 'ui']), ...asyncReadbacksOnly, 'no-restricted-globals': ['error', ...domGlobals] },
  },
  {
    files: ['src/experiments/**/*.ts'],
    rules: { ...restrict(['policy', 'worker', 'store', 'ui'], tfjs), ...noMathRandom, 'no-restricted-globals': ['error', ...domGlobals] },
  },
  {
    files: ['src/persist/**/*.ts'],
    rules: { ...restrict(['worker', 'store', 'ui'], tfjs), ...noMathRandom, 'no-restricted-globals': ['error', ...domGlobals] },
  },
  {
    files: ['src/worker/**/*.ts'],
    rules: { ...restrict(['store', 'ui']), ...asyncReadbacksOnly },
  },
  {
    files: ['src/store/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: layer('ui'), message: 'Imports only point down the layers (see docs/ARCHITECTURE.md).' }] }],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
);
