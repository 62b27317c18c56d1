import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from './tests/support/chromium';

/**
 * `npm run test:reliability`: the fault suite. Each scenario starts its own server process, proxy and
 * kiosk, kills some of them, and ends by comparing the kiosk's confirmed ratings with the server's.
 * One at a time: the scenarios time kills against real progress and need the machine to themselves.
 */
export default defineConfig({
  testDir: 'tests/reliability',
  timeout: 300_000,
  expect: { timeout: 15_000 },
  workers: 1,
  forbidOnly: !!process.env.CI,
  reporter: [
    ['list'],
    ['./tests/reliability/tally-reporter.ts'],
    ...(process.env.CI ? [['json', { outputFile: 'reports/reliability.json' }] as const] : []),
  ],
  use: {
    viewport: { width: 1920, height: 1080 },
    hasTouch: true,
    launchOptions: { executablePath: chromiumExecutable(), args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
  },
});
