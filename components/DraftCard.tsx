/** One queued draft: the comment it answers, the editable draft (saved as you type), actions. */
import { useEffect, useRef, useState } from 'react';
import type { DraftRow } from '@/lib/memory/db';
import { getDb } from '@/lib/memory/db';
import { discardDraft, updateDraftText } from '@/lib/memory/drafts-repo';
import { engineLabel, siteName } from '@/lib/inline/labels';

const SAVE_DELAY_MS = 300;

type SaveState = 'idle' | 'saving' | 'saved' | 'error';

export function DraftCard({ draft }: { draft: DraftRow }) {
  const [text, setText] = useState(draft.text);
  const [save, setSave] = useState<SaveState>('idle');
  const [message, setMessage] = useState('');
  const timer = useRef<number | undefined>(undefined);
  const id = draft.id!;

  // Another context (the inline editor re-queuing) may change the text; follow it unless the
  // creator is mid-edit here.
  useEffect(() => {
    if (timer.current === undefined) setText(draft.text);
  }, [draft.text]);

  useEffect(() => () => window.clearTimeout(timer.current), []);

  function onChange(value: string) {
    setText(value);
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

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setMessage('Copied to the clipboard.');
    } catch {
      setMessage('Copy was blocked. Select the text and copy it.');
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
        <span className="badge">{siteName(draft.site)}</span>
        <strong style={{ overflowWrap: 'anywhere' }}>{draft.author}</strong>
        <span className="spacer" />
        <span className="muted">{engineLabel(draft)}</span>
      </div>
      {draft.threadTitle && <div className="muted">on “{draft.threadTitle}”</div>}
      <div className="quote">{draft.commentText}</div>
      <label className="visually-hidden" htmlFor={`draft-${id}`}>
        Draft reply to {draft.author}
      </label>
      <textarea id={`draft-${id}`} rows={4} value={text} onChange={(e) => onChange(e.target.value)} />
      <div className="row">
        <button type="button" className="primary" onClick={() => void copy()}>Copy</button>
        {draft.permalink && (
          <a href={draft.permalink} target="_blank" rel="noreferrer">Open comment</a>
        )}
        <span className="spacer" />
        <span className="muted" aria-live="polite">
          {save === 'saving' ? 'Saving…' : save === 'saved' ? 'Saved' : ''}
        </span>
        <button type="button" className="danger" onClick={() => void discard()}>Discard</button>
      </div>
      {message && <div className="muted" role={save === 'error' ? 'alert' : 'status'}>{message}</div>}
    </article>
  );
}
