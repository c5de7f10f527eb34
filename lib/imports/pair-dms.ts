/**
 * Turning a DM thread into example pairs, the same way for every platform with 1:1 threads
 * (exports-reference.md, "Pairing DMs"): oldest first, consecutive messages from one sender
 * merged into a turn, and each (other person's turn → the creator's next turn) is one example.
 * A creator's turn that opens the thread (nothing to answer) is a standalone reply. Group threads
 * give standalone replies only: which message a reply answers is not recorded.
 */
import type { SiteId } from '../core/sites';
import type { ImportedReply } from './types';

export interface ThreadMessage {
  sender: string;
  text: string;
  /** Epoch ms. */
  date: number;
  id?: string;
}

/** Gap after which two messages from one sender are separate turns (a new conversation). */
const TURN_GAP_MS = 6 * 60 * 60 * 1000;

export function pairThread(
  messages: readonly ThreadMessage[],
  creator: string,
  platform: SiteId,
  { group = false }: { group?: boolean } = {},
): ImportedReply[] {
  const sorted = [...messages].filter((m) => m.text.trim()).sort((a, b) => a.date - b.date);
  const turns: ThreadMessage[] = [];
  for (const message of sorted) {
    const last = turns[turns.length - 1];
    if (last && last.sender === message.sender && message.date - last.date < TURN_GAP_MS) {
      turns[turns.length - 1] = { ...last, text: `${last.text}\n${message.text}`, date: message.date, id: message.id ?? last.id };
    } else {
      turns.push({ ...message });
    }
  }
  const out: ImportedReply[] = [];
  turns.forEach((turn, i) => {
    if (turn.sender !== creator) return;
    const before = turns[i - 1];
    const answered = !group && before && before.sender !== creator ? before : undefined;
    out.push({
      reply: turn.text,
      ...(answered ? { incoming: answered.text, incomingAuthor: answered.sender } : {}),
      platform,
      kind: 'dm',
      date: turn.date,
      ...(turn.id ? { sourceId: turn.id } : {}),
    });
  });
  return out;
}
