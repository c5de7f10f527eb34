/**
 * One plain "Draft reply" button per comment, each in its own small shadow root. Pages can hold
 * thousands of comments, so a batch is written in one pass: no layout reads, no React, one
 * shared stylesheet and one delegated click listener for every button on the page.
 */
import type { SeenComment, SiteAdapter } from '../sites/types';
import { createShadowHost } from './shadow-host';
import { buttonCss } from './styles';

export const BUTTON_HOST_TAG = 'understudy-draft-button';

export type OpenHandler = (element: HTMLElement, button: HTMLButtonElement) => void;

export function createDraftButtons(adapter: SiteAdapter, onOpen: OpenHandler, signal: AbortSignal) {
  /** Each button host → the comment element it drafts for. */
  const commentOf = new WeakMap<Element, HTMLElement>();
  /** Each place → the host we put there, so a re-rendered comment never gets a second one. */
  const hostIn = new WeakMap<Element, HTMLElement>();

  // Clicks inside a shadow root reach the document retargeted to its host.
  document.addEventListener(
    'click',
    (event) => {
      const host = event.target as Element | null;
      if (host?.localName !== BUTTON_HOST_TAG) return;
      const element = commentOf.get(host);
      const button = host.shadowRoot?.querySelector('button');
      if (!element || !button) return;
      // The site's own handlers (open the comment, start playback) must not see this click.
      event.stopPropagation();
      onOpen(element, button);
    },
    { capture: true, signal },
  );

  return function add(found: SeenComment[]): number {
    let added = 0;
    for (const { element } of found) {
      const place = adapter.buttonHost(element) ?? element;
      const existing = hostIn.get(place);
      if (existing && existing.parentNode === place) {
        commentOf.set(existing, element);
        continue;
      }
      const { host, root } = createShadowHost(BUTTON_HOST_TAG, buttonCss, { stopKeys: false });
      const button = document.createElement('button');
      button.type = 'button';
      button.setAttribute('aria-expanded', 'false');
      button.textContent = 'Draft reply';
      root.append(button);
      commentOf.set(host, element);
      hostIn.set(place, host);
      place.append(host);
      added += 1;
    }
    return added;
  };
}
