/** Opens the welcome page once, when Understudy is first installed (not on updates or reloads). */
import { browser, type Browser } from 'wxt/browser';

export function openWelcomeOnInstall(details: Browser.runtime.InstalledDetails): void {
  if (details.reason !== 'install') return;
  void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
}
