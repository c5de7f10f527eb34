/**
 * One queued draft: the comment it answers, the editable draft (saved as you type), how close it
 * sounds to the creator and why (its sources), their private note on the commenter, actions.
 *
 * The claim guard checks the draft as it stands, re-checked on every edit here, against the
 * sheet and the comment as the queue kept them (guard-context.ts, a live query: adding a fact
 * anywhere re-checks it). Its flags are listed as in the inline editor, and Copy of a flagged
 * draft asks first ("Copy anyway").
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { GuardFlag } from '@/lib/core/guard';
import { addFactFromFlag, loadDraftGuardContext } from '@/lib/drafting/guard-context';
import { guardDraft } from '@/lib/guard/guard';
import type { DraftRow } from '@/lib/memory/db';
import { getDb } from '@/lib/memory/db';
import { discardDraft, updateDraftText } from '@/lib/memory/drafts-repo';
import { recordSent } from '@/lib/memory/learning';
import { engineLabel, fitLabel, siteName } from '@/lib/core/labels';
import { judgeDraftFit } from '@/lib/memory/fit';
import { siteLink } from '@/lib/sites/safe-link';
import { ContactNote } from './ContactNote';
import { draftConversationLink } from './conversation-link';
import { Provenance } from './Provenance';
import { flagKey, GuardConfirm, GuardFlags, thingsToCheck, useGuard } from './GuardFlags';
import { useLive } from './useLive';

const SAVE_DELAY_MS = 300;

type SaveState = 'idle' | 'saving' | 'saved' | 'error';

export function DraftCard({ draft }: { draft: DraftRow }) {
  const [text, setText] = useState(draft.text);
  const [save, setSave] = useState<SaveState>('idle');
  const [message, setMessage] = useState('');
  const timer = useRef<number | undefined>(undefined);
  const id = draft.id!;
  // The permalink came from the page: only a link on the comment's own site is offered.
  const fit = useMemo(() => judgeDraftFit(draft.commentText, text), [draft.commentText, text]);
  // A DM's way back is its group's "Open conversation" (ConversationGroup), not a comment link.
  const dm = draft.kind === 'dm';
  const commentLink = dm || draft.permalink === undefined ? undefined : siteLink(draft.permalink, draft.site);
  const guard = useLive((db) => loadDraftGuardContext(db, draft), [id, draft.commentText, draft.threadTitle, draft.engine, draft.exampleIds.join(',')]);
  const [accepted, setAccepted] = useState<ReadonlySet<string>>(new Set());
  const { flags } = useGuard(text, guard, accepted);
  /** Copy pressed on a flagged draft: the flags the confirmation names. */
  const [confirming, setConfirming] = useState<readonly GuardFlag[] | null>(null);

  // Another context (the inline editor re-queuing) may change the text; follow it unless the
  // creator is mid-edit here.
  useEffect(() => {
    if (timer.current === undefined) setText(draft.text);
  }, [draft.text]);

  useEffect(() => () => window.clearTimeout(timer.current), []);

  function onChange(value: string) {
    setText(value);
    setConfirming(null);
    setSave('saving');
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => {
      timer.current = undefined;
      updateDraftText(getDb(), id, value)
        .then(() => setSave('saved'))
        .catch((error: Error) => {
          setSave('error');
          setMessage(`Not saved: ${error.message}`);
        });
    }, SAVE_DELAY_MS);
  }

  async function copy(confirmed = false) {
    if (!confirmed) {
      // Before the live query answered, the sheet is read here: no flagged draft is copied unasked.
      const context = guard ?? (await loadDraftGuardContext(getDb(), draft).catch(() => undefined));
      const open = context ? guardDraft(text, context).filter((f) => !accepted.has(flagKey(f))) : flags;
      if (open.length > 0) return setConfirming(open);
    }
    setConfirming(null);
    try {
      await navigator.clipboard.writeText(text);
      setMessage('Copied to the clipboard.');
    } catch {
      setMessage('Copy was blocked. Select the text and copy it.');
    }
  }

  /** The creator posted this reply themselves: memory learns from what they sent. */
  async function markSent() {
    window.clearTimeout(timer.current);
    timer.current = undefined;
    try {
      await recordSent(getDb(), {
        draftId: id,
        comment: draft.commentText,
        finalText: text,
        platform: draft.site,
        contact: draft.author,
        // A DM reply is learned as one (kept out of public comment drafts), its conversation's
        // link joining the contact; the draft's pageUrl is where it was written.
        ...(dm
          ? {
              kind: 'dm' as const,
              ...(draft.conversation
                ? {
                    conversation: {
                      id: draft.conversation.id,
                      url: draftConversationLink(draft) ?? draft.pageUrl,
                      ...(draft.conversation.title ? { title: draft.conversation.title } : {}),
                    },
                  }
                : {}),
            }
          : {}),
      });
    } catch (error) {
      setMessage(`Could not mark as sent: ${(error as Error).message}`);
    }
  }

  async function discard() {
    try {
      await discardDraft(getDb(), id);
    } catch (error) {
      setMessage(`Could not discard: ${(error as Error).message}`);
    }
  }

  return (
    <article className="card stack" aria-label={`Draft reply to ${draft.author}`} style={{ gap: 8 }}>
      <div className="row">
        {dm ? <span className="badge dm">DM</span> : <span className="badge">{siteName(draft.site)}</span>}
        <strong style={{ overflowWrap: 'anywhere' }}>{draft.author}</strong>
        <span className="spacer" />
        {/* Fit first, judged on the text as it stands: a draft that doesn't answer needs the creator. */}
        {fit.level === 'none' ? (
          <span className="badge needs-you">Needs you</span>
        ) : (
          <span className={`badge fit-${fit.level}`}>{fitLabel(fit.level)}</span>
        )}
        {draft.voiceScore !== undefined && fit.level !== 'none' && <VoiceScore score={draft.voiceScore} />}
        {flags.length > 0 && <span className="badge needs-you">{thingsToCheck(flags.length)}</span>}
      </div>
      <div className="muted">
        {engineLabel(draft)}
        {draft.threadTitle && <> · on “{draft.threadTitle}”</>}
        {commentLink && (
          <>
            {' · '}
            <a href={commentLink} target="_blank" rel="noreferrer">Open comment</a>
          </>
        )}
      </div>
      <div className="quote">{draft.commentText}</div>
      <label className="visually-hidden" htmlFor={`draft-${id}`}>
        Draft reply to {draft.author}
      </label>
      <textarea id={`draft-${id}`} rows={4} value={text} onChange={(e) => onChange(e.target.value)} />
      {text.trim() && (
        <GuardFlags
          text={text}
          flags={flags}
          onAccept={(flag: GuardFlag) => setAccepted((before) => new Set([...before, flagKey(flag)]))}
          onAddFact={async (fact) => {
            await addFactFromFlag(getDb(), fact);
          }}
        />
      )}
      {confirming && (
        <GuardConfirm
          action="Copy"
          flags={confirming}
          question="Copy it to the clipboard anyway?"
          onConfirm={() => void copy(true)}
          onCancel={() => setConfirming(null)}
        />
      )}
      <div className="row">
        <button type="button" className="primary" onClick={() => void copy()}>Copy</button>
        <button
          type="button"
          disabled={!text.trim()}
          title="After you posted this reply on the site: Understudy learns from what you sent"
          onClick={() => void markSent()}
        >
          Mark as sent
        </button>
        <span className="spacer" />
        <span className="muted" aria-live="polite">
          {save === 'saving' ? 'Saving…' : save === 'saved' ? 'Saved' : ''}
        </span>
        <button type="button" className="danger" onClick={() => void discard()}>Discard</button>
      </div>
      {message && <div className="muted" role={save === 'error' ? 'alert' : 'status'}>{message}</div>}
      <Provenance draft={draft} />
      <ContactNote site={draft.site} author={draft.author} dm={dm} />
    </article>
  );
}

/** "Voice match 82": how close the engine's text sounded to the creator when it was written. */
function VoiceScore({ score }: { score: number }) {
  const rounded = Math.round(score);
  const level = rounded >= 80 ? 'high' : rounded >= 60 ? 'mid' : 'low';
  return (
    <span className={`badge voice-score ${level}`} title="How close this draft sounds to your own replies (0–100)">
      Voice match {rounded}
    </span>
  );
}
