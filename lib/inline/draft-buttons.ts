/**
 * One "Draft reply" button per comment. Pages can hold thousands of comments, so a batch is
 * written in one pass: no layout reads, no React, no shadow root per button (measured: half the
 * cost of a 2,000-comment scan), one stylesheet for the page and one delegated listener.
 *
 * The button is our own element (`understudy-draft-button`, role=button) whose styles reset
 * everything the site could set (`all: initial`), so site CSS can't restyle it. Its only text
 * is "Draft reply": nothing of the creator's is ever in the page's DOM until they open a draft.
 */
import type { SeenComment } from '../sites/types';
import { buttonCss } from './styles';

export const BUTTON_HOST_TAG = 'understudy-draft-button';
const STYLE_ID = 'understudy-button-styles';

export type OpenHandler = (element: HTMLElement, button: HTMLElement) => void;

function ensureStyles(signal: AbortSignal): void {
  if (document.getElementById(STYLE_ID)) return;
  const style = document.createElement('style');
  style.id = STYLE_ID;
  style.textContent = buttonCss;
  (document.head ?? document.documentElement).append(style);
  signal.addEventListener('abort', () => style.remove(), { once: true });
}

export function createDraftButtons(onOpen: OpenHandler, signal: AbortSignal) {
  /** Each button → the comment element it drafts for. */
  const commentOf = new WeakMap<Element, HTMLElement>();
  ensureStyles(signal);
  // One clone per comment is cheaper than building each button attribute by attribute.
  const template = document.createElement(BUTTON_HOST_TAG);
  template.setAttribute('role', 'button');
  template.tabIndex = 0;
  template.setAttribute('aria-expanded', 'false');
  template.textContent = 'Draft reply';

  function activate(event: Event) {
    // Only the creator's own click or key press: a page script's synthetic click (or
    // `.click()`, or a dispatched event) must never start a draft.
    if (!event.isTrusted) return;
    const button = event.target as HTMLElement | null;
    if (button?.localName !== BUTTON_HOST_TAG) return;
    const element = commentOf.get(button);
    if (!element) return;
    // The site's own handlers (open the comment, start playback, shortcuts) must not see it.
    event.stopPropagation();
    event.preventDefault();
    onOpen(element, button);
  }
  document.addEventListener('click', activate, { capture: true, signal });
  document.addEventListener(
    'keydown',
    (event) => {
      if (event.key === 'Enter' || event.key === ' ') activate(event);
    },
    { capture: true, signal },
  );
  function removeAll(): void {
    for (const button of document.querySelectorAll(BUTTON_HOST_TAG)) button.remove();
  }
  signal.addEventListener('abort', removeAll, { once: true });

  function add(found: SeenComment[]): number {
    // The observer has read everything, hosts included: this loop only writes, so no DOM query
    // ever meets a tree our own appends just changed.
    let added = 0;
    for (let i = 0; i < found.length; i++) {
      const { element, host, key } = found[i]!;
      // Ours is appended last; a re-rendered comment that kept it never gets a second one.
      const last = host.lastElementChild;
      if (!key) {
        // The node shows nothing to reply to any more (see SeenComment.key).
        if (last?.localName === BUTTON_HOST_TAG) last.remove();
        continue;
      }
      if (last?.localName === BUTTON_HOST_TAG) {
        commentOf.set(last, element);
        continue;
      }
      const button = template.cloneNode(true) as HTMLElement;
      commentOf.set(button, element);
      host.append(button);
      added += 1;
    }
    return added;
  }

  return { add, removeAll };
}
