import { defineConfig } from '@playwright/test';

// E2E_PORT and E2E_DIST let two checkouts run their e2e side by side without sharing a server or a build.
const port = Number(process.env.E2E_PORT ?? 4174);
const dist = process.env.E2E_DIST ?? 'dist';

/** e2e against the production build, in Debian's Chromium (Playwright's own browser download fails here). */
export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results',
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  // Tests, not files, are shared between the workers: the longest files (the story's, axe's) no longer run alone at the end.
  fullyParallel: true,
  reporter: process.env.CI ? [['list']] : [['list']],
  timeout: 60_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      // Without the background-networking flags Chromium dials out at start, and this network refuses it.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  // The heaviest-settings test loads both cores with two busy processes on purpose: it runs alone, after the rest,
  // so the machine it slows down is its own and no other test's.
  projects: [
    { name: 'main', testIgnore: /heavy-settings\.spec\.ts/ },
    { name: 'heavy', testMatch: /heavy-settings\.spec\.ts/, dependencies: ['main'] },
  ],
  webServer: {
    command: `npx vite build --logLevel warn --outDir ${dist} --emptyOutDir && npx vite preview --port ${port} --strictPort --outDir ${dist}`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
  },
});
