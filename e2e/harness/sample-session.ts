/**
 * One browser per worker with the sample creator's profile imported once, and a fresh tab per
 * test: for suites that run many short checks on the same setup (the comment and conversation
 * conformance suites).
 */
import { test as base, expect } from '@playwright/test';
import type { Page } from 'playwright-core';
import { launchWithExtension, type Session } from './launch';
import { OptionsPage } from '../pages/options-page';
import { SAMPLE_PROFILE } from '../fixtures';

export const test = base.extend<{ tab: Page }, { session: Session }>({
  session: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const session = await launchWithExtension();
      const options = await new OptionsPage(session).open();
      await options.importFile(SAMPLE_PROFILE);
      await expect(options.success).toBeVisible();
      await options.page.close();
      await use(session);
      await session.close();
    },
    { scope: 'worker' },
  ],
  tab: async ({ session }, use) => {
    const page = await session.context.newPage();
    await use(page);
    await page.close();
  },
});

export { expect };
