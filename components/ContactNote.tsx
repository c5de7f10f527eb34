/**
 * The creator's private note about a commenter, saved as they type. It lives only in the
 * extension's own database: contactContext (what prompts get) leaves it out, and content
 * scripts never receive contacts, so it never reaches a site or a model.
 */
import type { SiteId } from '@/lib/core/sites';
import { useEffect, useId, useRef, useState } from 'react';
import { contactKey, getContact, MAX_NOTE_CHARS, setContactNote } from '@/lib/memory/contacts-repo';
import { getDb, normalizeHandle } from '@/lib/memory/db';
import { useLive } from './useLive';

const SAVE_DELAY_MS = 400;

type SaveState = 'idle' | 'saving' | 'saved' | 'error';

const dateFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

export function ContactNote({ site, author }: { site: SiteId; author: string }) {
  if (!normalizeHandle(author)) return null;
  return <ContactNoteField site={site} author={author} />;
}

function ContactNoteField({ site, author }: { site: SiteId; author: string }) {
  const key = contactKey(site, author);
  // undefined while loading; null when there is no such contact yet.
  const contact = useLive(async (db) => (await getContact(db, key)) ?? null, [key]);
  const [text, setText] = useState('');
  const [save, setSave] = useState<SaveState>('idle');
  const [error, setError] = useState('');
  const pending = useRef<{ timer: number; value: string } | undefined>(undefined);
  // Closed while there is no note, so a queue of cards stays short; open when there is one.
  const [open, setOpen] = useState(false);
  const id = useId();

  // Follow the stored note (first load, or another side panel window) unless mid-edit here.
  useEffect(() => {
    if (contact === undefined || pending.current !== undefined) return;
    setText(contact?.note ?? '');
    if (contact?.note) setOpen(true);
  }, [contact]);

  function write(value: string) {
    setContactNote(getDb(), key, value)
      .then(() => setSave('saved'))
      .catch((e: Error) => {
        setSave('error');
        setError(`Note not saved: ${e.message}`);
      });
  }

  // A note typed just before the card scrolls away or the panel closes is still saved.
  useEffect(
    () => () => {
      const last = pending.current;
      if (!last) return;
      window.clearTimeout(last.timer);
      pending.current = undefined;
      void setContactNote(getDb(), key, last.value);
    },
    [key],
  );

  function onChange(value: string) {
    setText(value);
    setSave('saving');
    if (pending.current) window.clearTimeout(pending.current.timer);
    const timer = window.setTimeout(() => {
      pending.current = undefined;
      write(value);
    }, SAVE_DELAY_MS);
    pending.current = { timer, value };
  }

  const interactions = contact?.interactions ?? 0;
  const history = contact && interactions > 0 && (
    <div className="muted" data-testid="contact-interactions">
      You have replied to {author} {interactions === 1 ? 'once' : `${interactions} times`}, most recently on{' '}
      {dateFormat.format(contact.lastSeen)}.
    </div>
  );
  if (!open) {
    return (
      <div className="contact-note">
        <button
          type="button"
          className="disclosure"
          disabled={contact === undefined}
          onClick={() => setOpen(true)}
        >
          Add a private note about {author}
        </button>
        {history}
      </div>
    );
  }
  return (
    <div className="contact-note">
      <div className="row" style={{ gap: 6 }}>
        <label htmlFor={`${id}-note`}>Private note about {author}</label>
        <span className="badge private">Private</span>
        <span className="spacer" />
        <span className="muted" aria-live="polite">
          {/* Not "Saved": that word is the draft's own save status on the same card. */}
          {save === 'saving' ? 'Storing note…' : save === 'saved' ? 'Note stored' : ''}
        </span>
      </div>
      <textarea
        id={`${id}-note`}
        rows={2}
        maxLength={MAX_NOTE_CHARS}
        value={text}
        aria-describedby={`${id}-hint`}
        placeholder="Only you see this"
        // Focus follows the click that opened it; a note shown on load does not steal focus.
        autoFocus={!contact?.note && text === ''}
        onChange={(e) => onChange(e.target.value)}
      />
      <div id={`${id}-hint`} className="muted">
        Never shown on any site, never sent to the model.
      </div>
      {history}
      {error && <div className="muted" role="alert">{error}</div>}
    </div>
  );
}
