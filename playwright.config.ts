import { defineConfig, devices } from '@playwright/test';

/**
 * End-to-end tests in Debian's Chromium (Playwright can't download browsers here) against
 * `next start` on a fresh embedded database with the demo users (scripts/e2e-server.mjs).
 * Build first (`npm run test:e2e` does). E2E_BASE_URL pointing at another origin tests
 * a server you started yourself instead.
 */
// E2E_PORT moves the test server (scripts/e2e.sh picks a free one when 3100 is taken).
const DEFAULT_BASE_URL = `http://127.0.0.1:${process.env.E2E_PORT || '3100'}`;
const baseURL = process.env.E2E_BASE_URL || DEFAULT_BASE_URL;
/** Where the shared test server's log goes (gitignored). */
export const SERVER_LOG = `e2e-logs/server-${process.env.E2E_PORT || '3100'}.log`;
const ownServer = new URL(baseURL).origin === new URL(DEFAULT_BASE_URL).origin;

export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1280, height: 800 },
        launchOptions: {
          executablePath: '/usr/bin/chromium',
          args: [
            '--headless',
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-quic',
          ],
        },
      },
    },
  ],
  webServer: ownServer
    ? {
        command: 'node scripts/e2e-server.mjs',
        // Request logs go to this file (scripts/e2e.sh prints its tail on failure), not the test output.
        env: { E2E_SERVER_LOG: SERVER_LOG },
        url: `${DEFAULT_BASE_URL}/login`,
        reuseExistingServer: !process.env.CI,
        timeout: 120_000,
        stdout: 'pipe',
        stderr: 'pipe',
      }
    : undefined,
});
