/**
 * The browser's own ways into drafting (issue 14), named once for the manifest (wxt.config.ts)
 * and the background (desk-browser-ui.ts): a keyboard command and a context-menu item. Free of
 * browser APIs, so the build config can read it.
 */
import { SITE_MATCHES } from '../sites/matches';

/** The keyboard command: drafts the comment in focus, else the one under the pointer. */
export const DRAFT_HERE_COMMAND = 'draft-here';
export const DRAFT_HERE_DESCRIPTION = 'Draft a reply to the comment in focus';
/** The creator can change it at chrome://extensions/shortcuts. */
export const DRAFT_HERE_DEFAULT_KEY = 'Alt+Shift+D';

/** The context-menu item on selected text: drafts the comment holding the selection. */
export const DRAFT_SELECTION_MENU_ID = 'understudy-draft-selection';
export const DRAFT_SELECTION_MENU_TITLE = 'Draft a reply to this';
/** Only on the supported sites' pages: the same patterns as the content script's matches. */
export const DRAFT_SELECTION_MENU_PATTERNS: readonly string[] = SITE_MATCHES;
