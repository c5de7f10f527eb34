/**
 * Port names, kept free of zod so the content script can import them without pulling the
 * validation library into every page (the background validates; the page only sends).
 */

/**
 * The isolated draft editor (an extension page framed into the site's page) talks to the
 * background over EDITOR_PORT: it attaches to the editor session the content script opened,
 * then asks for drafts and reports what the creator does. The page never sees this traffic.
 */
export const EDITOR_PORT = 'understudy.editor';

/** The extension page that hosts the isolated editor. */
export const EDITOR_PAGE = '/editor.html';
