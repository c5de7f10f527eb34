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

/** The button's stylesheet in the document, or in a site's shadow root (X's chat lives in one). */
function ensureStyles(root: Document | ShadowRoot, signal: AbortSignal): void {
  if (root.getElementById(STYLE_ID)) return;
  const style = document.createElement('style');
  style.id = STYLE_ID;
  style.textContent = buttonCss;
  const parent = root instanceof Document ? (root.head ?? root.documentElement) : root;
  parent.append(style);
  signal.addEventListener('abort', () => style.remove(), { once: true });
}

/**
 * `scope` names what the buttons draft for ('comment', 'conversation'): each set removes only
 * its own, so leaving a comments page keeps an open chat's button.
 */
export function createDraftButtons(onOpen: OpenHandler, signal: AbortSignal, scope = 'comment') {
  /** Each button → the comment element it drafts for. */
  const commentOf = new WeakMap<Element, HTMLElement>();
  ensureStyles(document, signal);
  const styledRoots = new WeakSet<ShadowRoot>();
  /** Buttons in shadow roots, which document queries don't reach. */
  const inShadow = new Set<HTMLElement>();
  // One clone per comment is cheaper than building each button attribute by attribute.
  const template = document.createElement(BUTTON_HOST_TAG);
  template.setAttribute('role', 'button');
  template.tabIndex = 0;
  template.setAttribute('aria-expanded', 'false');
  template.textContent = 'Draft reply';
  template.setAttribute('data-understudy-for', scope);

  function activate(event: Event) {
    // Only the creator's own click or key press: a page script's synthetic click (or
    // `.click()`, or a dispatched event) must never start a draft.
    if (!event.isTrusted) return;
    // Inside a site's shadow root the event is retargeted to its host: the path's first node is
    // what was really clicked.
    const button = (event.composedPath()[0] ?? event.target) as HTMLElement | null;
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
    for (const button of document.querySelectorAll(`${BUTTON_HOST_TAG}[data-understudy-for="${scope}"]`)) button.remove();
    for (const button of inShadow) button.remove();
    inShadow.clear();
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
      // Comments live in the light DOM; a chat may not (X's is in a shadow root). Asked only for
      // conversations, a few per page, so a 2,000-comment scan pays nothing for it.
      if (scope !== 'comment') {
        const root = host.getRootNode();
        if (root instanceof ShadowRoot) {
          if (!styledRoots.has(root)) ensureStyles(root, signal);
          styledRoots.add(root);
          inShadow.add(button);
        }
      }
      host.append(button);
      added += 1;
    }
    return added;
  }

  return { add, removeAll };
}
