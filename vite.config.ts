import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [
    react(),
    // Offline after one visit: a service worker precaches the build (workers, KaTeX fonts) but for the
    // test-only fuzz chunk; app/registerServiceWorker.ts registers it in production builds only. The MNIST
    // file is not precached: the worker that downloads it keeps it (src/worker/mnistCache.ts), so a first
    // visit downloads it once, not twice.
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: null,
      // icon.svg is already in globPatterns; listing it twice would precache it twice.
      includeManifestIcons: false,
      manifest: {
        name: 'Shift Lab',
        short_name: 'Shift Lab',
        description: 'Watch the same neural network train with and without batch normalization, side by side.',
        theme_color: '#0b5cad',
        background_color: '#f6f6f4',
        display: 'standalone',
        icons: [{ src: 'icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      workbox: {
        // No *.map: source maps stay on the network; nor the fuzz monkey (?fuzz), which only tests load.
        globPatterns: ['**/*.{js,css,html,woff2,svg}'],
        globIgnores: ['**/fuzz-*.js'],
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: true,
    // The fuzz monkey's chunk gets a name the service worker's precache can leave out.
    rolldownOptions: {
      output: { chunkFileNames: (chunk) => (chunk.facadeModuleId?.includes('/app/fuzz/') ? 'assets/fuzz-[hash].js' : 'assets/[name]-[hash].js') },
    },
  },
  preview: { host: '127.0.0.1' },
  test: {
    include: ['src/**/*.test.ts', 'app/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    environment: 'node',
    // Two cores: one worker per core, no more.
    maxWorkers: 2,
    testTimeout: 30_000,
  },
});
