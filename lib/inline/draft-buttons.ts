/**
 * One plain "Draft reply" button per comment, each in its own small shadow root. Pages can hold
 * thousands of comments, so a batch is written in one pass with no layout reads and no React.
 */
import type { FoundComment, SiteAdapter } from '../sites/types';
import { createShadowHost, el } from './shadow-host';
import { buttonCss } from './styles';

export const BUTTON_HOST_TAG = 'understudy-draft-button';

export type OpenHandler = (element: HTMLElement, button: HTMLButtonElement) => void;

export function addDraftButtons(found: FoundComment[], adapter: SiteAdapter, onOpen: OpenHandler): number {
  let added = 0;
  for (const { element, comment } of found) {
    const place = adapter.buttonHost(element) ?? element;
    // A re-rendered comment may keep our host; never add a second button.
    if (place.querySelector(`:scope > ${BUTTON_HOST_TAG}`)) continue;
    const { host, root } = createShadowHost(BUTTON_HOST_TAG, buttonCss);
    const button = el('button', {
      type: 'button',
      'aria-expanded': 'false',
      title: `Draft a reply to ${comment.author} in your voice`,
    }, 'Draft reply');
    button.addEventListener('click', (event) => {
      event.stopPropagation();
      onOpen(element, button);
    });
    root.append(button);
    place.append(host);
    added += 1;
  }
  return added;
}
