/**
 * Boots the messenger.com fixture: every URL is Messenger's (messenger-app.js), at the root
 * (/e2ee/t/ID, /t/ID), with the chat list at /. See messenger.html.
 */
import { installRouter } from '../shared/kit.js';
import { DM_LOCALES } from './messenger-dom.js';
import { createMessenger } from './messenger-app.js';

const first = new URL(location.href).searchParams;
/** The UI language is the account's: fixed for the session by the first URL. */
const locale = /^es/i.test(first.get('locale') ?? '') ? 'es' : 'en';
document.documentElement.lang = DM_LOCALES[locale].lang;
document.querySelector('[data-fixture-chats]').setAttribute('aria-label', DM_LOCALES[locale].chats);

const messenger = createMessenger(document, {
  locale,
  base: '',
  nav: document.getElementById('mx-nav'),
  main: document.getElementById('mx-main'),
});

const router = installRouter(document, (url) => messenger.render(url));
void router.start().then(() => {
  document.documentElement.dataset.fixtureReady = 'true';
});
