/**
 * The few window messages between the content script and the editor frame it hosts. None
 * carries the creator's data: the content script hands the frame its session id (posted to the
 * frame's own origin only, so the page can't read it), and the frame asks to be resized or
 * closed. The content script accepts a message only from its own frame's window, and the frame
 * accepts a session id only in the shape the background issues.
 */
const SESSION = 'understudy.session';
const RESIZE = 'understudy.resize';
const CLOSE = 'understudy.close';
const SESSION_ID = /^[0-9a-f-]{36}$/;
/** Bounds for the frame's height: a hostile page can't make the editor cover the screen. */
export const MIN_FRAME_HEIGHT = 120;
export const MAX_FRAME_HEIGHT = 900;

// ---- content script side ----

/**
 * Hands the frame its session id, addressed to the extension's origin only. A dynamic URL
 * (Chrome's `use_dynamic_url`) loads the page at the extension's static origin, so both are
 * named: a message reaches the frame only if its document has one of them.
 */
export function sendSession(frame: HTMLIFrameElement, sessionId: string, extensionOrigins: readonly string[]): void {
  for (const origin of new Set([new URL(frame.src).origin, ...extensionOrigins])) {
    frame.contentWindow?.postMessage({ type: SESSION, sessionId }, origin);
  }
}

export interface FrameRequests {
  resize(height: number): void;
  close(): void;
}

/** Listens for the frame's own requests; anything from another window is ignored. */
export function listenToFrame(frame: HTMLIFrameElement, handlers: FrameRequests, signal: AbortSignal): void {
  window.addEventListener(
    'message',
    (event: MessageEvent) => {
      if (event.source === null || event.source !== frame.contentWindow) return;
      if (!event.origin.startsWith('chrome-extension://') && !event.origin.startsWith('moz-extension://')) return;
      const data = event.data as { type?: unknown; height?: unknown } | null;
      if (data?.type === RESIZE && typeof data.height === 'number' && Number.isFinite(data.height)) {
        handlers.resize(Math.min(MAX_FRAME_HEIGHT, Math.max(MIN_FRAME_HEIGHT, Math.ceil(data.height))));
      } else if (data?.type === CLOSE) {
        handlers.close();
      }
    },
    { signal },
  );
}

// ---- frame side ----

/** Calls back with the session id the content script hands over (retried if attaching failed). */
export function listenForSession(onSession: (sessionId: string) => void): void {
  window.addEventListener('message', (event: MessageEvent) => {
    if (event.source !== window.parent) return;
    const data = event.data as { type?: unknown; sessionId?: unknown } | null;
    if (data?.type === SESSION && typeof data.sessionId === 'string' && SESSION_ID.test(data.sessionId)) {
      onSession(data.sessionId);
    }
  });
}

/**
 * Keeps the hosting frame as tall as the editor, growing and shrinking with it. Measures the
 * editor's own root, not the document: a document is never shorter than its frame.
 */
export function reportHeight(root: HTMLElement): void {
  const post = () => window.parent.postMessage({ type: RESIZE, height: root.getBoundingClientRect().height }, '*');
  new ResizeObserver(post).observe(root);
  post();
}

export function requestClose(): void {
  window.parent.postMessage({ type: CLOSE }, '*');
}
