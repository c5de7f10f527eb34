/**
 * The frame that hosts the isolated editor in the site's page, under the comment it answers.
 * The frame's document is an extension page (web-accessible only to the supported sites, at a
 * per-session dynamic URL): the page sees an iframe element and nothing inside it.
 */
import { browser } from 'wxt/browser';
import { EDITOR_PAGE } from '../messaging/ports';
import { listenToFrame, MIN_FRAME_HEIGHT, sendSession } from './frame-messages';

export const EDITOR_FRAME_TAG = 'understudy-editor';

export interface EditorFrame {
  /** The element placed in the page (holds the iframe). */
  host: HTMLElement;
  frame: HTMLIFrameElement;
  focus(): void;
  remove(): void;
}

export function createEditorFrame(
  sessionId: string,
  author: string,
  onCloseRequest: () => void,
): EditorFrame {
  const controller = new AbortController();
  const host = document.createElement(EDITOR_FRAME_TAG);
  // `all: initial` first: the site's CSS must not hide, shrink or restyle the frame.
  host.setAttribute(
    'style',
    'all: initial; display: block; margin: 8px 0 12px; max-width: 720px; width: 100%;',
  );
  const frame = document.createElement('iframe');
  frame.src = browser.runtime.getURL(EDITOR_PAGE as '/editor.html');
  frame.title = `Understudy draft reply to ${author}`;
  frame.setAttribute('allow', 'clipboard-write');
  frame.setAttribute(
    'style',
    `all: initial; display: block; width: 100%; height: ${MIN_FRAME_HEIGHT * 2}px; border: 0; color-scheme: normal;`,
  );
  const staticOrigin = new URL(browser.runtime.getURL('/')).protocol + '//' + browser.runtime.id;
  frame.addEventListener('load', () => sendSession(frame, sessionId, [staticOrigin]), { signal: controller.signal });
  listenToFrame(
    frame,
    {
      resize: (height) => frame.style.setProperty('height', `${height}px`),
      close: onCloseRequest,
    },
    controller.signal,
  );
  host.append(frame);

  return {
    host,
    frame,
    focus() {
      frame.focus();
    },
    remove() {
      controller.abort();
      host.remove();
    },
  };
}
