/**
 * In a DM draft's editor: the messages the draft answers, and a choice of another message of the
 * conversation to answer instead (a group chat's other person, an earlier question). Everything
 * shown is the other side's text, rendered as text.
 */
import type { Conversation } from '@/lib/core/conversation';

const PREVIEW_CHARS = 80;

function preview(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > PREVIEW_CHARS ? `${flat.slice(0, PREVIEW_CHARS - 1)}…` : flat;
}

export function Answering({
  conversation,
  disabled,
  onPick,
}: {
  conversation: Conversation;
  disabled: boolean;
  onPick(index: number): void;
}) {
  const answered = conversation.answering.map((i) => conversation.messages[i]).filter((m) => m !== undefined);
  const last = conversation.answering[conversation.answering.length - 1];
  const incoming = conversation.messages.map((message, index) => ({ message, index })).filter(({ message }) => message.from === 'them');
  return (
    <section className="answering" aria-label="Messages this draft answers">
      <p className="answering-title">
        Answering {answered[answered.length - 1]?.sender ?? 'their messages'}
        {conversation.group && conversation.title ? ` in ${conversation.title}` : ''}:
      </p>
      <ul>
        {answered.map((message, i) => (
          <li key={message.id ?? i}>{message.text}</li>
        ))}
      </ul>
      {incoming.length > 1 && (
        <label className="answer-another">
          Answer another message{' '}
          <select value={last} disabled={disabled} onChange={(event) => onPick(Number(event.target.value))}>
            {incoming.map(({ message, index }) => (
              <option key={index} value={index}>
                {`${message.sender}: ${preview(message.text)}`}
              </option>
            ))}
          </select>
        </label>
      )}
    </section>
  );
}
