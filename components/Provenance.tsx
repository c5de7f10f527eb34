/**
 * "Why this draft?": the past replies and fact-sheet facts a draft drew on, one click away, so
 * the creator can see where its words came from before sending them. Read only when opened.
 * A DM draft also shows the messages it answered: the only part of the conversation it kept.
 */
import { useId, useState } from 'react';
import type { Conversation } from '@/lib/core/conversation';
import type { LeftOut } from '@/lib/core/draft';
import type { DraftRow, ExampleRow, FactRow, UnderstudyDB } from '@/lib/memory/db';
import { siteName } from '@/lib/core/labels';
import { getExamples } from '@/lib/memory/examples-repo';
import { useLive } from './useLive';

export interface ProvenanceData {
  examples: ExampleRow[];
  facts: FactRow[];
  /** Ids the draft names that memory no longer holds (deleted or wiped since). */
  missingExamples: number;
  missingFacts: number;
}

export async function loadProvenance(
  db: UnderstudyDB,
  exampleIds: readonly number[],
  factIds: readonly number[],
  /** The facts' texts saved with the draft (DraftRow.usedFacts): shown for facts deleted since. */
  usedFacts: readonly FactRow[] = [],
): Promise<ProvenanceData> {
  const [examples, facts] = await Promise.all([getExamples(db, exampleIds), db.facts.bulkGet([...factIds])]);
  const foundExamples = examples.filter((e): e is ExampleRow => e !== undefined);
  const foundFacts = facts.filter((f): f is FactRow => f !== undefined);
  const saved = new Map(usedFacts.map((fact) => [fact.id, fact]));
  return {
    examples: foundExamples,
    facts: factIds.flatMap((id, i) => facts[i] ?? saved.get(id) ?? []),
    missingExamples: exampleIds.length - foundExamples.length,
    missingFacts: factIds.length - foundFacts.length,
  };
}

const dateFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

export function Provenance({ draft }: { draft: DraftRow }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div className="provenance">
      <button
        type="button"
        className="disclosure"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
      >
        Why this draft?
      </button>
      <div id={id} hidden={!open}>
        {open && draft.kind === 'dm' && draft.conversation && <MessagesAnswered conversation={draft.conversation} />}
        {open && <ProvenanceDetails exampleIds={draft.exampleIds} factIds={draft.factIds ?? []} usedFacts={draft.usedFacts} leftOut={draft.leftOut} />}
      </div>
    </div>
  );
}

const LEFT_OUT_NAMES: Record<keyof LeftOut, [string, string]> = {
  facts: ['fact', 'facts'],
  values: ['value', 'values'],
  objectives: ['objective', 'objectives'],
  links: ['link', 'links'],
  offers: ['offer', 'offers'],
};

/** "412 facts and 3 links", or undefined when nothing was left out. */
export function describeLeftOut(leftOut: LeftOut | undefined): string | undefined {
  if (!leftOut) return undefined;
  const parts = (Object.keys(LEFT_OUT_NAMES) as (keyof LeftOut)[]).flatMap((kind) => {
    const n = leftOut[kind];
    const [one, many] = LEFT_OUT_NAMES[kind];
    return n > 0 ? [`${n.toLocaleString()} ${n === 1 ? one : many}`] : [];
  });
  if (parts.length === 0) return undefined;
  return parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

function ProvenanceDetails({ exampleIds, factIds, usedFacts, leftOut }: { exampleIds: number[]; factIds: number[]; usedFacts?: FactRow[]; leftOut?: LeftOut }) {
  const leftOutText = describeLeftOut(leftOut);
  const data = useLive((db) => loadProvenance(db, exampleIds, factIds, usedFacts), [exampleIds.join(','), factIds.join(',')]);
  if (!data) return <p className="muted">Loading…</p>;
  return (
    <div className="provenance-details stack">
      <section aria-label="Past replies it drew on">
        <h3>Past replies it drew on</h3>
        {exampleIds.length === 0 ? (
          <p className="muted">It drew on none of your past replies.</p>
        ) : (
          <ol className="sources">
            {data.examples.map((example) => (
              <ExampleItem key={example.id} example={example} />
            ))}
          </ol>
        )}
        {data.missingExamples > 0 && (
          <p className="muted">
            {data.missingExamples === 1
              ? '1 reply it used is no longer in your memory.'
              : `${data.missingExamples} replies it used are no longer in your memory.`}
          </p>
        )}
      </section>
      <section aria-label="Facts it drew on">
        <h3>Facts it drew on</h3>
        {factIds.length === 0 ? (
          <p className="muted">It drew on no facts from your fact sheet.</p>
        ) : (
          <ul className="sources">
            {data.facts.map((fact) => (
              <li key={fact.id}>{fact.text}</li>
            ))}
          </ul>
        )}
        {leftOutText && (
          <p className="muted">
            Left out to fit the model’s context: {leftOutText} from your profile, the ones least related to this
            comment. Your boundaries are always included.
          </p>
        )}
        {data.missingFacts > 0 && (
          <p className="muted">
            {data.missingFacts === 1
              ? '1 fact it used is no longer on your fact sheet.'
              : `${data.missingFacts} facts it used are no longer on your fact sheet.`}
          </p>
        )}
      </section>
    </div>
  );
}

/**
 * The messages a DM draft answered, oldest first, each with who sent it: what was kept of the
 * conversation (keptOfConversation), shown as text.
 */
function MessagesAnswered({ conversation }: { conversation: Conversation }) {
  const answered = conversation.answering
    .map((i) => conversation.messages[i])
    .filter((message): message is Conversation['messages'][number] => message !== undefined);
  return (
    <section aria-label="Messages it answered" className="provenance-details stack">
      <h3>Messages it answered</h3>
      {answered.length === 0 ? (
        <p className="muted">The messages it answered were not kept.</p>
      ) : (
        <ol className="messages-answered">
          {answered.map((message, i) => (
            <li key={message.id ?? i}>
              <span className="who muted">{message.from === 'me' ? 'You' : message.sender || 'They'} wrote</span>
              <div>{message.text}</div>
            </li>
          ))}
        </ol>
      )}
      <p className="muted">Only these were kept from the conversation.</p>
    </section>
  );
}

function ExampleItem({ example }: { example: ExampleRow }) {
  const meta = [
    example.platform ? siteName(example.platform) : undefined,
    dateFormat.format(example.createdAt),
    example.source === 'sent' ? 'sent with Understudy' : 'imported',
  ].filter(Boolean);
  return (
    <li>
      <div className="muted">{meta.join(' · ')}</div>
      {example.incoming?.trim() && (
        <div className="said">
          <span className="who">They wrote</span>
          <div className="quote">{example.incoming}</div>
        </div>
      )}
      <div className="said">
        <span className="who">You replied</span>
        <div className="reply-text">{example.reply}</div>
      </div>
    </li>
  );
}
