/**
 * The page's own editor APIs, called from the main world (entrypoints/editor-api.content) for
 * editors whose model ignores DOM edits. Quill: the instance sits on its `.ql-container` as
 * `__quill` (Quill 1 and 2 both set it).
 */
interface QuillLike {
  setText(text: string, source?: string): unknown;
  focus?(): void;
}

function quillFor(el: HTMLElement): QuillLike | null {
  const container = el.closest('.ql-container') as (HTMLElement & { __quill?: unknown }) | null;
  const quill = container?.__quill as QuillLike | undefined;
  return quill && typeof quill.setText === 'function' ? quill : null;
}

/** Replace the editor's text through its API; false when the editor exposes none. */
export function setTextThroughEditorApi(el: HTMLElement, text: string): boolean {
  const quill = quillFor(el);
  if (!quill) return false;
  // 'user' as the source: the site reacts as to typing (enables its Post button).
  quill.setText(text, 'user');
  quill.focus?.();
  return true;
}
