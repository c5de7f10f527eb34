/**
 * After Insert, notices when the creator actually sends the reply: the site's reply box closes
 * (or, in a chat, empties) and the thread shows a reply with the text that was in the box. What
 * they sent (with any last edits made in the box) is what Understudy learns from. Runs only
 * while a box is open.
 */
import { editorValue } from '../sites/insert';

const POLL_MS = 700;
/** After the box closes, how long a posted reply may take to appear before we assume Cancel. */
const APPEAR_GRACE_MS = 5_000;
const GIVE_UP_MS = 30 * 60_000;

export interface SentWatch {
  stop(): void;
}

export function watchForSent(options: {
  composer: HTMLElement;
  /** The creator's reply (or message) with this text, once the page shows it posted. */
  findPosted(text: string): HTMLElement | null;
  /**
   * A chat's composer stays on the page after sending and empties instead: the box counts as
   * closed once it is empty.
   */
  staysOpen?: boolean;
  onSent(text: string): void;
}): SentWatch {
  const { composer, findPosted, onSent, staysOpen = false } = options;
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
    const open = composer.isConnected && !(staysOpen && !editorValue(composer).trim());
    if (open) {
      track();
      closedAt = undefined;
      if (now - startedAt > GIVE_UP_MS) stop();
      return;
    }
    closedAt ??= now;
    if (findPosted(lastText)) {
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
