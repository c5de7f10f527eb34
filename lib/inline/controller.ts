/**
 * Wires one page: finds comments with the site adapter, adds Draft reply buttons, and opens at
 * most one editor per comment. Everything is torn down when `signal` aborts (extension reload).
 */
import type { SiteAdapter } from '../sites/types';
import { observeComments } from '../sites/observe';
import { createDraftButtons } from './draft-buttons';
import { createDraftChannel } from './draft-channel';
import { openDraftEditor, type DraftEditor } from './draft-editor';
import { showToast } from './toast';

export function startPage(adapter: SiteAdapter, signal: AbortSignal) {
  const channel = createDraftChannel();
  const editors = new Map<HTMLElement, DraftEditor>();

  function open(element: HTMLElement, button: HTMLElement) {
    const existing = editors.get(element);
    if (existing) {
      existing.host.shadowRoot?.querySelector('textarea')?.focus();
      return;
    }
    const comment = adapter.readComment(element, location.href);
    if (!comment) {
      showToast('Understudy could not read this comment. The site may have changed its layout.');
      return;
    }
    const editor = openDraftEditor(element, comment, {
      adapter,
      channel,
      toast: showToast,
      onClose() {
        editors.delete(element);
        button.setAttribute('aria-expanded', 'false');
      },
    });
    editors.set(element, editor);
    button.setAttribute('aria-expanded', 'true');
    element.after(editor.host);
    editor.host.shadowRoot?.querySelector('textarea')?.focus();
  }

  const addButtons = createDraftButtons(open, signal);
  const observer = observeComments(adapter, document, addButtons, signal);

  signal.addEventListener('abort', () => {
    for (const editor of [...editors.values()]) editor.close();
    channel.dispose();
  });

  return { rescan: () => observer.rescan() };
}
