/**
 * Options → Sites → Direct messages (issue 11), in the real browser with the built extension:
 * every "Direct messages on <Site>" switch starts off; the first one turned on explains what is
 * read and kept (a dialog: focus inside, Escape cancels), once; what is turned on stays on
 * across a reload of Options.
 *
 * One browser for the file.
 */
import { test as base, expect } from '@playwright/test';
import { expectNoSeriousViolations } from './harness/axe';
import { launchWithExtension, type Session } from './harness/launch';
import { OptionsPage } from './pages/options-page';

const test = base.extend<object, { session: Session }>({
  session: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const session = await launchWithExtension();
      await use(session);
      await session.close();
    },
    { scope: 'worker' },
  ],
});

const DM_SITES = ['Instagram', 'X', 'LinkedIn', 'Facebook'];

test('DM switches start off, explain once what is read and kept, and stay on across a reload', async ({ session }, testInfo) => {
  const options = await new OptionsPage(session).open();
  const { page } = options;

  for (const site of DM_SITES) {
    await expect(options.dmSwitch(site)).toBeVisible();
    await expect(options.dmSwitch(site)).not.toBeChecked();
    await expect(options.dmSwitch(site)).toBeEnabled();
  }
  // Comments stay on by default: the sites' own switches are untouched.
  await expect(options.siteSwitch('X')).toBeChecked();

  // The first one turned on asks first; Escape cancels and leaves it off.
  await options.dmSwitch('X').click();
  await expect(options.dmExplanation).toBeVisible();
  await expect(options.dmExplanation).toHaveAccessibleName('Turn on direct messages on X?');
  await expect(options.dmExplanation.getByRole('button', { name: 'Turn on' })).toBeFocused();
  await expectNoSeriousViolations(page);
  await page.keyboard.press('Escape');
  await expect(options.dmExplanation).toBeHidden();
  await expect(options.dmSwitch('X')).not.toBeChecked();
  await expect(options.dmSwitch('X')).toBeFocused();

  // Asked again, it says in plain words what is read and kept; "Turn on" turns it on.
  await options.dmSwitch('X').click();
  const explanation = options.dmExplanation;
  await expect(explanation).toContainText('only when you press Draft reply');
  await expect(explanation).toContainText('latest messages');
  await expect(explanation).toContainText('the draft, the messages it answered');
  await expect(explanation).toContainText('The rest of the conversation is not kept');
  await expect(explanation).toContainText('Nothing leaves this computer');
  await expect(explanation).toContainText('nothing is ever sent for you');
  await expect(explanation.getByRole('button', { name: 'Cancel' })).toBeVisible();
  await options.sitesSection.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('dm-explanation.png') });
  await explanation.getByRole('button', { name: 'Turn on' }).click();
  await expect(explanation).toBeHidden();
  await expect(options.dmSwitch('X')).toBeChecked();

  // Shown once: the next site turns on without asking.
  await options.dmSwitch('Instagram').click();
  await expect(options.dmSwitch('Instagram')).toBeChecked();
  await expect(options.dmExplanation).toHaveCount(0);

  // A site switched off takes its DMs with it, saying why; on again, they are back.
  await options.siteSwitch('LinkedIn').click();
  await expect(options.dmSwitch('LinkedIn')).toBeDisabled();
  await expect(options.dmSwitch('LinkedIn')).toHaveAccessibleDescription('LinkedIn is switched off above, so nothing there is read.');

  await options.sitesSection.scrollIntoViewIfNeeded();
  await options.sitesSection.screenshot({ path: testInfo.outputPath('dm-switches.png') });
  await options.siteSwitch('LinkedIn').click();
  await expect(options.dmSwitch('LinkedIn')).toBeEnabled();

  // Kept across a reload of Options; and the explanation is still not asked again.
  await page.reload();
  await expect(options.dmSwitch('X')).toBeChecked();
  await expect(options.dmSwitch('Instagram')).toBeChecked();
  await expect(options.dmSwitch('LinkedIn')).not.toBeChecked();
  await expect(options.dmSwitch('Facebook')).not.toBeChecked();
  await options.dmSwitch('Facebook').click();
  await expect(options.dmSwitch('Facebook')).toBeChecked();
  await expect(options.dmExplanation).toHaveCount(0);
  await expectNoSeriousViolations(page);

  // Nothing reached the network.
  expect(session.blocked).toEqual([]);
});
