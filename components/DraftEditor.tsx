/**
 * The draft editor a creator opens from a comment's "Draft reply" button. It runs as an
 * extension page framed into the site (entrypoints/editor): the page can't read the draft, its
 * notice, its sources or the steer box, nor click its buttons. The draft streams into the
 * "Draft" textbox; the creator edits it (saved to the queue as they type, so a reload loses
 * nothing) and chooses Insert (fills the site's reply box, never presses send), Queue,
 * Regenerate (with a steer) or Copy.
 *
 * The claim guard: every draft, and every edit the creator types, is checked here against the
 * context the background sent with the session and the draft (GuardFlags.tsx), before the
 * status says "Draft ready". Flags are listed under the Draft box ("Check before sending");
 * Insert or Copy of a flagged draft asks once more, naming each flag, and the site's box is
 * untouched until "Insert anyway".
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { DraftResult } from '@/lib/core/draft';
import { siteName } from '@/lib/core/sites';
import { SITE_REPLY_LIMITS } from '@/lib/core/limits';
import { replyLength } from '@/lib/core/reply-length';
import { CUSTOM_STEER_LABEL, customSteerSchema, isSteerId, STEERS, type SteerChoice } from '@/lib/core/steers';
import type { EditorClient, EditorClientEvent } from '@/lib/messaging/editor-client';
import type { EditorGuardContext, EditorSessionView } from '@/lib/messaging/editor-protocol';
import type { GuardFlag } from '@/lib/core/guard';
import { flagKey, GuardConfirm, GuardFlags, thingsToCheck, useGuard } from './GuardFlags';
import { engineLabel, fitLabel, metricsLabel } from '@/lib/core/labels';
import { Answering } from './Answering';
import { EngineNotice } from './EngineNotice';

const CUSTOM = 'custom';

type Phase = 'waiting' | 'drafting' | 'ready' | 'failed';

/** "Draft ready" is said once the draft was guarded, so the status is worked out at render. */
type Status = string | { ready: true; prefix?: string };
const READY: Status = { ready: true };

function readyStatus(flags: number, checked: boolean): string {
  if (!checked) return 'Draft written, but Understudy could not check it against your fact sheet: read it closely before you send it.';
  return flags > 0 ? `Draft ready — ${thingsToCheck(flags)}. Edit it, then Insert or Queue.` : 'Draft ready. Edit it, then Insert or Queue.';
}

export interface DraftEditorProps {
  client: EditorClient;
  /** Asks the page to remove this editor (the content script owns the frame). */
  onClose(): void;
  /** Copies text; the frame's clipboard permission may be refused, so the caller decides how. */
  copy(text: string): Promise<boolean>;
}

export function DraftEditor({ client, onClose, copy }: DraftEditorProps) {
  const [session, setSession] = useState<EditorSessionView>();
  const [phase, setPhase] = useState<Phase>('waiting');
  const [text, setText] = useState('');
  const [result, setResult] = useState<DraftResult>();
  const [status, setStatus] = useState<Status>('Opening the draft…');
  const [guard, setGuard] = useState<EditorGuardContext>();
  /** Flags the creator accepted for this draft ("Accept once"): cleared by a new draft. */
  const [accepted, setAccepted] = useState<ReadonlySet<string>>(new Set());
  /** Insert or Copy pressed on a flagged draft: the confirmation is open. */
  const [confirming, setConfirming] = useState<'Insert' | 'Copy' | null>(null);
  const pendingFact = useRef<{ resolve(): void; reject(error: Error): void } | null>(null);
  const [error, setError] = useState('');
  const [progress, setProgress] = useState<number>();
  const [steer, setSteer] = useState('');
  const [customSteer, setCustomSteer] = useState('');
  const [inserted, setInserted] = useState(false);
  const [sent, setSent] = useState(false);
  const [gone, setGone] = useState(false);
  const [saved, setSaved] = useState(false);
  const request = useRef<string | undefined>(undefined);
  const edited = useRef(false);
  const variant = useRef(0);
  /**
   * The draft being written follows an edit of the comment, or a new message in the
   * conversation (said when it is ready): the status to show then, or null.
   */
  const followingEdit = useRef<Status | null>(null);
  const textRef = useRef('');
  const box = useRef<HTMLTextAreaElement>(null);
  // The background's messages arrive in a listener installed once: it reads the site from here.
  const siteRef = useRef('the site');
  const boxRef = useRef('reply box');

  const site = session ? siteName(session.comment.site) : 'the site';
  const dm = session?.comment.kind === 'dm';
  /** What the site's box is called here: a comment's reply box, a chat's message box. */
  const boxName = dm ? 'message box' : 'reply box';
  siteRef.current = site;
  boxRef.current = boxName;
  const busy = phase === 'drafting';
  const finished = sent || gone;

  function setDraftText(value: string) {
    textRef.current = value;
    setText(value);
  }

  function chosenSteer(): SteerChoice | undefined | null {
    if (steer === CUSTOM) {
      const parsed = customSteerSchema.safeParse(customSteer);
      if (!parsed.success) {
        setError(parsed.error.issues[0]?.message ?? 'Write what you would like changed.');
        return null;
      }
      return { custom: parsed.data };
    }
    return isSteerId(steer) ? { id: steer } : undefined;
  }

  function generate() {
    const steerChoice = chosenSteer();
    if (steerChoice === null) return;
    if (request.current) client.send({ type: 'cancel', requestId: request.current });
    const requestId = crypto.randomUUID();
    request.current = requestId;
    edited.current = false;
    setError('');
    setAccepted(new Set());
    setConfirming(null);
    setResult(undefined);
    setSaved(false);
    setDraftText('');
    setPhase('drafting');
    setStatus('Drafting a reply…');
    const ok = client.send({
      type: 'draft',
      requestId,
      ...(steerChoice ? { steer: steerChoice } : {}),
      ...(variant.current > 0 ? { variant: variant.current } : {}),
    });
    if (!ok) fail('Understudy was updated or restarted. Reload this page to keep drafting.');
  }

  function fail(message: string) {
    request.current = undefined;
    setPhase('failed');
    setProgress(undefined);
    setStatus('');
    setError(message);
  }

  // Messages from the background.
  useEffect(() => {
    let first = true;
    return client.on((event: EditorClientEvent) => {
      const mine = !('requestId' in event) || event.requestId === undefined || event.requestId === request.current;
      switch (event.type) {
        case 'session': {
          setSession(event.session);
          setGuard(event.session.guard);
          setInserted(event.session.inserted);
          setSent(event.session.sent);
          if (first && event.session.result === undefined) {
            first = false;
            generate();
          } else if (first) {
            // Reattached after the background restarted: show what was there.
            first = false;
            setResult(event.session.result);
            setDraftText(event.session.text ?? event.session.result?.text ?? '');
            setPhase('ready');
            setStatus(READY);
          }
          break;
        }
        case 'status':
          if (!mine) break;
          setStatus(event.message);
          setProgress(event.progress);
          break;
        case 'token':
          if (mine && !edited.current) setDraftText(textRef.current + event.text);
          break;
        case 'done':
          if (!mine) break;
          request.current = undefined;
          setResult(event.result);
          // The draft and what it is checked against arrive together: it is never shown unguarded as ready.
          setGuard(event.guard);
          if (!edited.current) setDraftText(event.result.text);
          setProgress(undefined);
          setPhase('ready');
          setStatus(followingEdit.current ?? READY);
          followingEdit.current = null;
          break;
        case 'error':
          if (!mine) break;
          // An error about the draft being written, or before any draft (attaching failed),
          // leaves no draft; any other (a queue or save that failed) is shown beside it.
          if (event.requestId !== undefined || first) fail(event.message);
          else if (pendingFact.current) {
            pendingFact.current.reject(new Error(event.message));
            pendingFact.current = null;
          } else setError(event.message);
          break;
        case 'factAdded':
          if (event.guard) setGuard(event.guard);
          pendingFact.current?.resolve();
          pendingFact.current = null;
          setStatus({ ready: true, prefix: event.added ? 'Added to your fact sheet.' : 'That fact is already on your sheet.' });
          break;
        case 'saved':
          setSaved(event.queued);
          if (event.queued && event.via === 'queue') setStatus('Queued. Review it any time in the Understudy side panel.');
          break;
        case 'inserted':
          if (event.ok) {
            setInserted(true);
            setError('');
            setStatus(`Inserted. Review it in ${siteRef.current}'s ${boxRef.current} and press send yourself.`);
          } else {
            setError(event.reason);
            setStatus('');
          }
          break;
        case 'sent':
          setSent(true);
          setStatus(
            event.via === 'seen'
              ? 'Sent. Understudy will learn from the reply you posted.'
              : 'Marked as sent. Understudy will learn from this reply.',
          );
          break;
        case 'commentEdited': {
          setSession(event.session);
          setGuard(event.session.guard);
          const who = event.session.comment.author || 'The author';
          const newMessage = event.session.comment.kind === 'dm';
          // An untouched draft follows the comment (or the conversation's new message) at once;
          // the creator's own edit is theirs to keep, with a word that things changed under it.
          if (!edited.current && !event.session.inserted && !event.session.sent) {
            generate();
            followingEdit.current = {
              ready: true,
              prefix: newMessage ? `A new message from ${who} arrived: this draft answers it.` : 'The author edited the comment: this draft answers what it says now.',
            };
            setStatus(newMessage ? `A new message from ${who} arrived. Drafting again to answer it…` : `${who} edited the comment. Drafting again for what it says now…`);
          } else {
            setStatus(
              newMessage
                ? `A new message from ${who} arrived since this draft. Regenerate to answer it.`
                : `${who} edited the comment since this draft. Regenerate to answer what it says now.`,
            );
          }
          break;
        }
        case 'answering':
          // The creator picked another message to answer: a draft for it, even over their edits.
          setSession(event.session);
          setGuard(event.session.guard);
          variant.current = 0;
          generate();
          setStatus(`Drafting a reply to ${event.session.comment.author}'s message…`);
          break;
        case 'gone':
          setGone(true);
          setStatus(
            event.queued
              ? `The ${boxRef.current === 'message box' ? 'conversation' : 'comment'} left the page. Your draft is in the queue.`
              : `The ${boxRef.current === 'message box' ? 'conversation' : 'comment'} left the page.`,
          );
          break;
        case 'disconnected':
          if (request.current) fail('Understudy restarted while drafting. Click Regenerate to try again.');
          pendingFact.current?.reject(new Error('Understudy restarted. Try Save fact again.'));
          pendingFact.current = null;
          break;
      }
    });
    // generate/fail read the latest state through refs; the listener is installed once.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client]);

  useEffect(() => {
    if (phase !== 'waiting') box.current?.focus();
  }, [phase]);

  // Every change goes to the background at once (it keeps the session's text and writes the
  // queue a moment later), so a reload, a closed tab or a vanished comment loses nothing.
  function onEdit(value: string) {
    edited.current = true;
    // The confirmation named the flags of the text as it was: it closes when the text changes.
    setConfirming(null);
    setDraftText(value);
    client.send({ type: 'edit', text: value });
  }

  function showClosest() {
    if (!result?.closest) return;
    onEdit(result.closest.text);
    setStatus('This is your closest past reply. Check it answers the comment before you use it.');
  }

  /** Insert pressed once on a draft over the site's limit: the next press inserts anyway. */
  const overLimitWarned = useRef(false);

  function insert() {
    setError('');
    if (!text.trim()) return setError('The draft is empty. Write something or click Regenerate.');
    if (over > 0 && !overLimitWarned.current) {
      overLimitWarned.current = true;
      return setError(`This draft is ${over.toLocaleString()} characters over ${site}'s limit: ${site} may cut it or refuse it. Shorten it, or press Insert again to insert it anyway.`);
    }
    overLimitWarned.current = false;
    if (flags.length > 0) return setConfirming('Insert');
    sendInsert();
  }

  function sendInsert() {
    setConfirming(null);
    setStatus(`Opening ${site}'s ${boxName}…`);
    // Inserting over flags is the creator's call, kept for their AI-assisted log.
    const overridden = [...new Set(flags.map((flag) => flag.kind))];
    client.send({ type: 'insert', text, ...(overridden.length ? { overridden } : {}) });
  }

  /**
   * Escape or ×: an edited draft goes to the queue now, not after the pause in typing the
   * background waits for, so closing on the last keystroke loses nothing. An untouched draft
   * needs no entry: Draft reply writes it again.
   */
  function close() {
    if (edited.current && !finished && text.trim()) client.send({ type: 'queue', text });
    onClose();
  }

  function queue() {
    setError('');
    if (!text.trim()) return setError('The draft is empty: there is nothing to queue.');
    client.send({ type: 'queue', text });
    setStatus('Queuing…');
  }

  async function doCopy(confirmed = false) {
    setError('');
    if (!text.trim()) return setError('The draft is empty: there is nothing to copy.');
    if (!confirmed && flags.length > 0) return setConfirming('Copy');
    setConfirming(null);
    if (await copy(text)) setStatus('Copied to the clipboard.');
    else setError('Copy was blocked. Select the text and copy it.');
  }

  function accept(flag: GuardFlag) {
    setAccepted((before) => new Set([...before, flagKey(flag)]));
  }

  /** "Add to fact sheet": written by the background, which answers with the guard's new context. */
  function addFact(fact: string): Promise<void> {
    return new Promise((resolve, reject) => {
      pendingFact.current?.reject(new Error('Replaced by a newer fact.'));
      pendingFact.current = { resolve, reject };
      if (!client.send({ type: 'addFact', text: fact })) {
        pendingFact.current = null;
        reject(new Error('Understudy was updated or restarted. Reload this page to keep drafting.'));
      }
    });
  }

  function stop() {
    if (request.current) client.send({ type: 'cancel', requestId: request.current });
    request.current = undefined;
    setPhase('ready');
    setProgress(undefined);
    setStatus('Stopped. Keep what was written, edit it, or Regenerate.');
  }

  const limit = session?.comment.replyLimit ?? (session ? SITE_REPLY_LIMITS[session.comment.site] : undefined);
  const length = session ? replyLength(text, session.comment.site) : text.length;
  const over = limit !== undefined ? length - limit : 0;
  const memoryDraft = result?.engine === 'memory';
  const abstained = result !== undefined && !result.text.trim();
  const fallback = useMemo(() => (result ? { text: result.text, ...(result.flags ? { flags: result.flags } : {}) } : undefined), [result]);
  // Guarded on every change of the text: synchronous, within a frame (lib/guard's budget).
  const { flags, checked } = useGuard(text, guard, accepted, fallback);
  const shownStatus = typeof status === 'string' ? status : [status.prefix, readyStatus(flags.length, checked || !text.trim())].filter(Boolean).join(' ');
  const showFlags = phase === 'ready' || phase === 'failed';

  return (
    // The frame is its own document: one main landmark, named for the comment it answers so two
    // editors open on a page stay distinct.
    <main className="editor" aria-label={session ? `Understudy draft reply to ${session.comment.author}` : 'Understudy draft reply'}>
      <header>
        <h1>Understudy</h1>
        <span className="engine">{result ? engineLabel(result) : busy || phase === 'waiting' ? 'Drafting…' : 'No draft'}</span>
        {result?.metrics && (
          <span className="metrics" data-metrics={JSON.stringify(result.metrics)}>
            {metricsLabel(result)}
          </span>
        )}
        <span className="spacer" />
        <button type="button" className="close" aria-label="Close draft" onClick={close}>
          ×
        </button>
      </header>
      <EngineNotice notice={result?.notice} />
      <div className="status" role="status" aria-live="polite">
        {shownStatus}
      </div>
      {progress !== undefined && <progress max={1} value={progress} aria-label="Loading the model" />}
      {dm && session?.comment.conversation && (
        <Answering
          conversation={session.comment.conversation}
          disabled={busy || finished}
          onPick={(index) => client.send({ type: 'answer', index })}
        />
      )}
      <textarea
        ref={box}
        aria-label="Draft"
        rows={4}
        spellCheck
        value={text}
        readOnly={finished}
        aria-describedby="draft-length"
        aria-invalid={over > 0}
        onChange={(event) => onEdit(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') close();
        }}
      />
      {limit !== undefined && (
        <p id="draft-length" className={over > 0 ? 'length over' : 'length'}>
          {over > 0
            ? `${over.toLocaleString()} over ${site}'s limit of ${limit.toLocaleString()} characters: shorten it before you insert it.`
            : `${length.toLocaleString()} / ${limit.toLocaleString()}`}
        </p>
      )}
      {showFlags && text.trim() && (
        <GuardFlags text={text} flags={flags} onAccept={accept} onAddFact={addFact} disabled={finished} />
      )}
      {abstained && result.closest && !edited.current && (
        <p className="closest">
          <button type="button" onClick={showClosest}>
            Show the closest anyway
          </button>
        </p>
      )}
      {result?.fit && !abstained && (
        <p className={`fit fit-${result.fit.level}`}>
          {fitLabel(result.fit.level)}
          {result.sentBefore && ' · Sent before'}
        </p>
      )}
      {/* Voice match only once the draft answers the comment: a well-sounding wrong answer is no praise. */}
      {result?.voice && result.fit?.level !== 'none' && !abstained && (
        <p className="voice">
          Voice match {result.voice.score}
          {result.voice.traits.length > 0 && ` · ${result.voice.traits.join(' · ')}`}
        </p>
      )}
      <div className="actions">
        <button type="button" className="primary" disabled={busy || finished || phase === 'waiting'} onClick={insert}>
          Insert
        </button>
        <button type="button" disabled={busy || finished || phase === 'waiting'} onClick={queue}>
          Queue
        </button>
        <button
          type="button"
          disabled={busy || finished || phase === 'waiting'}
          onClick={() => {
            variant.current += 1;
            generate();
          }}
        >
          Regenerate
        </button>
        <select aria-label="Steer the next draft" value={steer} disabled={finished} onChange={(e) => setSteer(e.target.value)}>
          <option value="">As usual</option>
          {STEERS.map((s) => (
            <option key={s.id} value={s.id} disabled={memoryDraft && s.needsModel !== undefined}>
              {memoryDraft && s.needsModel ? `${s.label} (needs an AI model)` : s.label}
            </option>
          ))}
          <option value={CUSTOM}>{CUSTOM_STEER_LABEL}</option>
        </select>
        <button type="button" onClick={() => void doCopy()}>
          Copy
        </button>
        {busy && (
          <button type="button" onClick={stop}>
            Stop
          </button>
        )}
        {inserted && !sent && (
          <button type="button" onClick={() => client.send({ type: 'markSent', text })}>
            Mark as sent
          </button>
        )}
      </div>
      {confirming && (
        <GuardConfirm
          action={confirming}
          flags={flags}
          question={confirming === 'Insert' ? `Insert it into ${site}'s ${boxName} anyway?` : 'Copy it to the clipboard anyway?'}
          onConfirm={() => (confirming === 'Insert' ? sendInsert() : void doCopy(true))}
          onCancel={() => setConfirming(null)}
        />
      )}
      {steer === CUSTOM && !finished && (
        <label className="custom-steer">
          Your instruction for the next draft
          <input
            type="text"
            value={customSteer}
            maxLength={300}
            placeholder="e.g. mention Friday's livestream"
            onChange={(e) => setCustomSteer(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !busy) {
                variant.current += 1;
                generate();
              }
            }}
          />
        </label>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <p className="hint">
        Insert fills {site}'s {boxName}. You review it and press send yourself.
        {saved && <span className="saved"> Your edits are saved in the queue.</span>}
      </p>
    </main>
  );
}
