import type { Locator } from 'playwright-core';
import { expect } from '@playwright/test';

/**
 * Clicks a Draft reply button until its editor is open (aria-expanded). The page can move under
 * the pointer between Playwright's stability check and its click (a reply box opening above,
 * an editor frame growing), on a loaded machine most of all: the click then lands beside the
 * button, as a creator's would, and they click again.
 */
export async function clickUntilExpanded(button: Locator): Promise<void> {
  await expect(async () => {
    if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
    await expect(button).toHaveAttribute('aria-expanded', 'true', { timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
}
