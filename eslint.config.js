import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** What src/ may never reach: React, the app layer, DOM-bound d3 modules. */
const srcRestrictedImports = {
  patterns: [
    { group: ['react', 'react/*', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*'], message: 'src/ is pure TypeScript: no React or store here.' },
    { group: ['d3-selection', 'd3-transition', 'd3'], message: 'src/ touches no DOM; import only computational d3 modules.' },
    { group: ['**/app', '**/app/*', '**/app/**'], message: 'src/ never imports app/: imports point down only.' },
  ],
};

/**
 * What app/ may import from src/: each layer's public entry, src/<layer>/index.ts, and nothing deeper.
 * The workers' entry URLs (`new URL('../../src/worker/trainer.worker.ts', import.meta.url)`) are not
 * imports: they stay as they are, and only app/trainer/ and the story's demo client start workers.
 */
const appRestrictedImports = {
  patterns: [
    {
      regex: '(^|/)src(?!/[^/]+/index\\.ts$)(/|$)',
      message: "app/ imports src/ only through a layer's public surface, src/<layer>/index.ts: export what app/ needs there.",
    },
  ],
};

/** Browser and worker globals that would tie src/ to a page or a worker. */
const domGlobals = ['window', 'document', 'navigator', 'self', 'location', 'localStorage', 'postMessage', 'requestAnimationFrame', 'Worker', 'HTMLElement'].map(
  (name) => ({ name, message: 'src/ runs in Node too: no DOM or worker globals (the *.worker.ts entry aside).' }),
);

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'public/data/**', 'scratch/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'Use the seeded Rng so runs repeat.' }],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.worker.ts'],
    rules: {
      'no-restricted-imports': ['error', srcRestrictedImports],
      'no-restricted-globals': ['error', ...domGlobals],
    },
  },
  {
    // A run must be the same bits in Node and in every browser: the engine's exp, log, tanh, sin and cos
    // come from detMath.ts, because engines do not agree on Math's to the last bit.
    files: ['src/engine/**/*.ts', 'src/experiment/**/*.ts', 'src/data/**/*.ts', 'src/worker/**/*.ts'],
    ignores: ['src/engine/detMath.ts', 'src/**/*.test.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use the seeded Rng so runs repeat.' },
        ...['exp', 'log', 'tanh', 'sin', 'cos', 'pow', 'expm1', 'log1p', 'log2', 'log10', 'atan', 'atan2', 'sinh', 'cosh', 'cbrt', 'hypot'].map((property) => ({
          object: 'Math',
          property,
          message: 'Not the same bits in every engine: use src/engine/detMath.ts (or add the function there).',
        })),
      ],
    },
  },
  {
    files: ['src/**/*.worker.ts'],
    languageOptions: { globals: { ...globals.worker } },
    rules: { 'no-restricted-imports': ['error', srcRestrictedImports] },
  },
  {
    files: ['app/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules, 'no-restricted-imports': ['error', appRestrictedImports] },
  },
  {
    files: ['e2e/**/*.ts', 'playwright.config.ts'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
);
