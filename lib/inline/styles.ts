/**
 * Styles for what Understudy puts in the page. The toast lives in a shadow root so the site's CSS
 * can't reach in and ours can't leak out; the editor is a frame with its own stylesheet
 * (components/editor.css).
 */
/** Page-level styles for our own button element: `all: initial` first, so no site CSS applies. */
export const buttonCss = `
understudy-draft-button {
  all: initial; display: inline-flex; align-items: center; margin-inline-start: 8px;
  vertical-align: middle; font: 500 12px/1 system-ui, sans-serif; color: #4338ca;
  background: #eef2ff; border: 1px solid #c7d2fe; border-radius: 14px; padding: 6px 10px;
  cursor: pointer; user-select: none;
}
understudy-draft-button:hover { background: #e0e7ff; }
understudy-draft-button:focus-visible { outline: 2px solid #4338ca; outline-offset: 2px; }
understudy-draft-button[aria-expanded="true"] { background: #4338ca; color: white; }
@media (prefers-color-scheme: dark) {
  understudy-draft-button { color: #c7d2fe; background: #1e1b4b; border-color: #3730a3; }
}
`;

export const toastCss = `
:host { position: fixed; inset-inline-end: 16px; bottom: 16px; z-index: 2147483647; }
div {
  font: 14px/1.4 system-ui, sans-serif; max-width: 360px; color: #111827; background: #fff;
  border: 1px solid #c7d2fe; border-radius: 12px; padding: 10px 12px; box-shadow: 0 4px 16px #0002;
}
button { margin-top: 6px; font: inherit; border: 1px solid #d1d5db; background: #fff; border-radius: 8px; padding: 4px 10px; cursor: pointer; }
`;
