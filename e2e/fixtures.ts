/** Playwright fixtures: a fresh Chromium profile with Understudy loaded, per test. */
import { test as base, expect } from '@playwright/test';
import { launchWithExtension, type Session } from './harness/launch';
import { OptionsPage } from './pages/options-page';
import { SidePanelPage } from './pages/side-panel-page';
import { YouTubeWatchPage } from './pages/youtube-watch-page';

export const SAMPLE_PROFILE = 'public/samples/sample-profile.json';

interface Fixtures {
  session: Session;
  options: OptionsPage;
  sidePanel: SidePanelPage;
  youtube: YouTubeWatchPage;
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  session: async ({}, use) => {
    const session = await launchWithExtension();
    await use(session);
    await session.close();
  },
  options: async ({ session }, use) => {
    await use(new OptionsPage(session));
  },
  sidePanel: async ({ session }, use) => {
    await use(new SidePanelPage(session));
  },
  youtube: async ({ session }, use) => {
    await use(new YouTubeWatchPage(session));
  },
});

export { expect };

/** The usual start of a spec: the sample creator's style profile imported in Options. */
export async function importSampleProfile(options: OptionsPage): Promise<void> {
  await options.open();
  await options.importFile(SAMPLE_PROFILE);
  await expect(options.success).toBeVisible();
}
