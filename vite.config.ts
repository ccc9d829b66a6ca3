import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [
    react(),
    // Offline after one visit: a service worker precaches the whole build (workers, KaTeX fonts) and the
    // MNIST file. app/registerServiceWorker.ts registers it in production builds only.
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
        // No *.map: source maps stay on the network.
        globPatterns: ['**/*.{js,css,html,woff2,svg}', 'data/*.gz'],
        // The data file is 1.6 MB and the main bundle ~440 kB; the default limit (2 MiB) is too tight.
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true },
  preview: { host: '127.0.0.1' },
  test: {
    include: ['src/**/*.test.ts', 'app/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    environment: 'node',
    // Two cores: one worker per core, no more.
    maxWorkers: 2,
    testTimeout: 30_000,
  },
});
