/**
 * After Insert, notices when the creator actually sends the reply: the site's reply box closes
 * and the thread shows a reply with the text that was in the box. What they sent (with any
 * last edits made in the box) is what Understudy learns from. Runs only while a box is open.
 */
import { editorValue } from '../sites/insert';
import type { SiteAdapter } from '../sites/types';

const POLL_MS = 700;
/** After the box closes, how long a posted reply may take to appear before we assume Cancel. */
const APPEAR_GRACE_MS = 5_000;
const GIVE_UP_MS = 30 * 60_000;

export interface SentWatch {
  stop(): void;
}

export function watchForSent(options: {
  adapter: SiteAdapter;
  commentElement: HTMLElement;
  composer: HTMLElement;
  onSent(text: string): void;
}): SentWatch {
  const { adapter, commentElement, composer, onSent } = options;
  let lastText = editorValue(composer).trim();
  let closedAt: number | undefined;
  const startedAt = Date.now();

  const track = () => {
    const text = editorValue(composer).trim();
    if (text) lastText = text;
  };
  composer.addEventListener('input', track);

  const timer = window.setInterval(() => {
    const now = Date.now();
    if (composer.isConnected) {
      track();
      if (now - startedAt > GIVE_UP_MS) stop();
      return;
    }
    closedAt ??= now;
    if (adapter.findPostedReply(commentElement, lastText)) {
      stop();
      onSent(lastText);
    } else if (now - closedAt > APPEAR_GRACE_MS) {
      stop();
    }
  }, POLL_MS);

  function stop() {
    window.clearInterval(timer);
    composer.removeEventListener('input', track);
  }
  return { stop };
}
