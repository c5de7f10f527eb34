import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  // Each test launches its own Chromium with the extension; two at a time fits a 2-core machine.
  workers: process.env.CI ? 2 : 2,
  fullyParallel: true,
  timeout: 45_000,
  expect: { timeout: 7_000 },
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results',
  use: { trace: 'retain-on-failure' },
});
