/**
 * One queued draft: the comment it answers, the editable draft (saved as you type), how close it
 * sounds to the creator and why (its sources), their private note on the commenter, actions.
 *
 * The claim guard checks the draft as it stands, re-checked on every edit here, against the
 * sheet and the comment as the queue kept them (guard-context.ts, a live query: adding a fact
 * anywhere re-checks it). Its flags are listed as in the inline editor, and Copy of a flagged
 * draft asks first ("Copy anyway").
 *
 * On the review desk (issue 14) the card is also selectable: the desk passes whether it is
 * selected and a key's request (edit, regenerate, copy, insert, mark sent), which the card
 * carries out since it holds the text as typed. The text box grows with the draft, so a long
 * draft is never cut off. The guard's count is written back on the row (flagCount), which the
 * desk's "flagged" filter reads.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { DESK_STATUS_LABELS } from '@/lib/core/desk';
import { setAsideLabel } from '@/lib/core/draft-all';
import { deskStatusOf } from '@/lib/desk/desk-view';
import { request } from '@/lib/messaging/client';
import { chosenSteer, SteerPicker } from './desk/SteerPicker';
import { OPEN_AND_INSERT_READY, openAndInsert } from './desk/open-and-insert';
import type { GuardFlag } from '@/lib/core/guard';
import { addFactFromFlag, loadDraftGuardContext } from '@/lib/drafting/guard-context';
import { guardDraft } from '@/lib/guard/guard';
import type { DraftRow } from '@/lib/memory/db';
import { getDb } from '@/lib/memory/db';
import { discardDraft, updateDraftText } from '@/lib/memory/drafts-repo';
import { reportFlagCount } from './desk/flag-writer';
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

export interface DraftCardProps {
  draft: DraftRow;
  /** On the review desk: this card is the selection (focus ring, keys act on it). */
  selected?: boolean;
  onSelect?(id: number): void;
  /** A key's request for this card; `onCommandDone(n)` once carried out. */
  command?: { action: 'edit' | 'regenerate' | 'copy' | 'insert' | 'sent'; n: number } | undefined;
  onCommandDone?(n: number): void;
  /** The desk's discard (with Undo); alone, the card discards directly. */
  onDiscard?(id: number): void;
}

export function DraftCard({ draft, selected = false, onSelect, command, onCommandDone, onDiscard }: DraftCardProps) {
  const [text, setText] = useState(draft.text);
  const [steer, setSteer] = useState('');
  const [customSteer, setCustomSteer] = useState('');
  const [regenerating, setRegenerating] = useState(false);
  const box = useRef<HTMLTextAreaElement>(null);
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
  const deskStatus = deskStatusOf(draft);
  const setAside = setAsideLabel(draft);
  const memoryDraft = draft.engine === 'memory';

  // The guard's count goes on the row for the desk's "flagged" filter (only for the saved text).
  const flagCount = guard ? flags.length : undefined;
  useEffect(() => {
    if (flagCount === undefined || text !== draft.text || draft.flagCount === flagCount) return;
    reportFlagCount(id, text, flagCount);
  }, [flagCount, text, draft.text, draft.flagCount, id]);

  // The box grows with the draft (no cut-off long drafts); the desk's list re-measures the card.
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    el.style.height = 'auto';
    el.style.height = `${el.scrollHeight + 2}px`;
  }, [text]);

  // A key pressed on the desk, for this card.
  useEffect(() => {
    if (!command) return;
    onCommandDone?.(command.n);
    if (command.action === 'edit') {
      // The caret at the end: editing usually adds to or trims the draft's close.
      box.current?.focus();
      box.current?.setSelectionRange(box.current.value.length, box.current.value.length);
    }
    else if (command.action === 'regenerate') void regenerate();
    else if (command.action === 'copy') void copy();
    else if (command.action === 'insert') void insert();
    else if (command.action === 'sent' && text.trim()) void markSent();
    // Only a new command runs it: the handlers read the card's latest state.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [command?.n]);
  /** Copy or Open & insert pressed on a flagged draft: the flags the confirmation names. */
  const [confirming, setConfirming] = useState<readonly GuardFlag[] | null>(null);
  const [confirmAction, setConfirmAction] = useState<'Copy' | 'Insert'>('Copy');

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

  /** The flags still open on the text as it stands (read here if the live query has not answered). */
  async function openFlags(): Promise<readonly GuardFlag[]> {
    const context = guard ?? (await loadDraftGuardContext(getDb(), draft).catch(() => undefined));
    return context ? guardDraft(text, context).filter((f) => !accepted.has(flagKey(f))) : flags;
  }

  async function copy(confirmed = false) {
    if (!confirmed) {
      // No flagged draft is copied unasked.
      const open = await openFlags();
      if (open.length > 0) {
        setConfirmAction('Copy');
        return setConfirming(open);
      }
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

  async function regenerate() {
    const choice = chosenSteer(steer, customSteer);
    if (choice && 'error' in choice) return setMessage(choice.error);
    setRegenerating(true);
    setMessage('Writing a new draft…');
    try {
      const result = await request('desk.regenerate', { draftId: id, ...(choice ? { steer: choice } : {}) });
      window.clearTimeout(timer.current);
      timer.current = undefined;
      setText(result.text);
      setSave('idle');
      setMessage('New draft written.');
    } catch (error) {
      setMessage(`Could not regenerate: ${(error as Error).message}`);
    } finally {
      setRegenerating(false);
    }
  }

  async function insert(confirmed = false) {
    if (!OPEN_AND_INSERT_READY) return setMessage('Open & insert is not available yet: Copy the draft and paste it into the reply box.');
    const open = await openFlags();
    // As in the inline editor: a flagged draft goes into a reply box only after "Insert anyway".
    if (!confirmed && open.length > 0) {
      setConfirmAction('Insert');
      return setConfirming(open);
    }
    setConfirming(null);
    // The text as typed is saved first: the background inserts the stored draft.
    if (timer.current !== undefined) {
      window.clearTimeout(timer.current);
      timer.current = undefined;
      await updateDraftText(getDb(), id, text).catch(() => undefined);
    }
    setMessage('Opening the page…');
    setMessage(await openAndInsert(id, open.map((f) => f.kind)));
  }

  async function discard() {
    if (onDiscard) return onDiscard(id);
    try {
      await discardDraft(getDb(), id);
    } catch (error) {
      setMessage(`Could not discard: ${(error as Error).message}`);
    }
  }

  return (
    <article
      id={`desk-card-${id}`}
      className={`card stack draft-card${selected ? ' selected' : ''}`}
      aria-label={`Draft reply to ${draft.author}`}
      aria-current={selected ? 'true' : undefined}
      tabIndex={onSelect ? -1 : undefined}
      onFocusCapture={() => onSelect?.(id)}
      onMouseDown={() => onSelect?.(id)}
      style={{ gap: 8 }}
    >
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
        {deskStatus && deskStatus !== 'new' && <span className={`badge desk-status ${deskStatus}`}>{DESK_STATUS_LABELS[deskStatus]}</span>}
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
      {/* Why Draft all didn't draft it, as text (a set-aside draft may be empty). */}
      {setAside && <p className="set-aside-reason">{setAside}</p>}
      <div className="quote">{draft.commentText}</div>
      <label className="visually-hidden" htmlFor={`draft-${id}`}>
        Draft reply to {draft.author}
      </label>
      <textarea ref={box} id={`draft-${id}`} className="draft-text" rows={3} value={text} onChange={(e) => onChange(e.target.value)} />
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
          action={confirmAction}
          flags={confirming}
          question={confirmAction === 'Insert' ? `Insert it into ${siteName(draft.site)}'s reply box anyway?` : 'Copy it to the clipboard anyway?'}
          onConfirm={() => void (confirmAction === 'Insert' ? insert(true) : copy(true))}
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
        {OPEN_AND_INSERT_READY && (
          <button type="button" disabled={!text.trim()} onClick={() => void insert()}>Open &amp; insert</button>
        )}
        <span className="spacer" />
        <span className="muted" aria-live="polite">
          {save === 'saving' ? 'Saving…' : save === 'saved' ? 'Saved' : ''}
        </span>
        <button type="button" className="danger" onClick={() => void discard()}>Discard</button>
      </div>
      {draft.status !== 'sent' && (
        <div className="row desk-regenerate">
          <button type="button" disabled={regenerating} onClick={() => void regenerate()}>
            {regenerating ? 'Regenerating…' : 'Regenerate'}
          </button>
          <SteerPicker
            value={steer}
            custom={customSteer}
            memoryDraft={memoryDraft}
            disabled={regenerating}
            showWhy
            onChange={setSteer}
            onCustomChange={setCustomSteer}
            onSubmitCustom={() => void regenerate()}
          />
        </div>
      )}
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
