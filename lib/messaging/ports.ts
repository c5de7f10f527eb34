/**
 * Port names, kept free of zod so the content script can import them without pulling the
 * validation library into every page (the background validates; the page only sends).
 */

/**
 * Streaming drafts go over a long-lived port named DRAFT_PORT: the content script posts one
 * `start` (or `cancel`), the background answers with `status`, `token`s, then `done` or `error`.
 */
export const DRAFT_PORT = 'understudy.draft';
