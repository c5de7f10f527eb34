/**
 * Styles for the inline UI. The editor and toast live in shadow roots so the site's CSS can't
 * reach in and ours can't leak out; colours follow the page's light/dark scheme.
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

export const editorCss = `
:host { display: block; margin: 8px 0 12px; max-width: 720px; }
* { box-sizing: border-box; }
section {
  font: 14px/1.4 system-ui, sans-serif; color: #111827; background: #ffffff;
  border: 1px solid #c7d2fe; border-radius: 12px; padding: 10px 12px; box-shadow: 0 1px 3px #0001;
}
header { display: flex; align-items: center; gap: 8px; margin-bottom: 6px; }
header strong { color: #4338ca; }
.engine { font-size: 12px; color: #4b5563; background: #f3f4f6; border-radius: 10px; padding: 2px 8px; }
.metrics { font-size: 11px; color: #6b7280; }
.spacer { flex: 1; }
.close { border: none; background: none; font-size: 18px; cursor: pointer; color: #6b7280; }
.notice { margin: 4px 0; font-size: 12px; color: #92400e; background: #fffbeb; border-radius: 8px; padding: 4px 8px; }
.status { min-height: 1.2em; margin: 4px 0; font-size: 12px; color: #374151; }
progress { width: 100%; height: 6px; }
textarea {
  width: 100%; min-height: 84px; resize: vertical; font: inherit; color: inherit; background: #f9fafb;
  border: 1px solid #d1d5db; border-radius: 8px; padding: 8px;
}
textarea:focus { outline: 2px solid #6366f1; border-color: transparent; }
.actions { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 8px; align-items: center; }
.actions button, .actions select {
  font: 500 13px/1 system-ui, sans-serif; border-radius: 8px; padding: 7px 12px; cursor: pointer;
  border: 1px solid #d1d5db; background: #fff; color: #111827;
}
.actions button.primary { background: #4338ca; border-color: #4338ca; color: #fff; }
.actions button:disabled { opacity: .5; cursor: default; }
.error { margin: 6px 0 0; font-size: 13px; color: #991b1b; background: #fef2f2; border-radius: 8px; padding: 6px 8px; }
.voice { margin: 6px 0 0; font-size: 12px; color: #3730a3; }
.hint { margin: 6px 0 0; font-size: 11px; color: #6b7280; }
[hidden] { display: none !important; }
@media (prefers-color-scheme: dark) {
  section { color: #f3f4f6; background: #111827; border-color: #3730a3; }
  textarea { background: #1f2937; border-color: #374151; }
  .engine { background: #1f2937; color: #d1d5db; }
  .status { color: #d1d5db; }
  .actions button, .actions select { background: #1f2937; color: #f3f4f6; border-color: #374151; }
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
