/**
 * The creator's private note about a commenter, saved as they type. It lives only in the
 * extension's own database: contactContext (what prompts get) leaves it out, and content
 * scripts never receive contacts, so it never reaches a site or a model.
 *
 * Beside it, "Forget <name>": deletes the contact with what was kept of their conversations
 * (forgetContact), after a confirmation that names what goes and what stays.
 */
import type { SiteId } from '@/lib/core/sites';
import { useEffect, useId, useRef, useState } from 'react';
import { contactKey, forgetContact, getContact, MAX_NOTE_CHARS, setContactNote } from '@/lib/memory/contacts-repo';
import { getDb, normalizeHandle, type ContactRow, type UnderstudyDB } from '@/lib/memory/db';
import { Dialog } from './Dialog';
import { useLive } from './useLive';

const SAVE_DELAY_MS = 400;

type SaveState = 'idle' | 'saving' | 'saved' | 'error';

const dateFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

/** `dm`: the card is a DM draft, so there is something of a conversation to forget even without a contact yet. */
export function ContactNote({ site, author, dm = false }: { site: SiteId; author: string; dm?: boolean }) {
  if (!normalizeHandle(author)) return null;
  return <ContactNoteField site={site} author={author} dm={dm} />;
}

function ContactNoteField({ site, author, dm }: { site: SiteId; author: string; dm: boolean }) {
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

  // Offered once the contact is read (so the confirmation can name what there is to forget).
  const forget = contact !== undefined && (contact !== null || dm) && (
    <ForgetContact contactKey={key} name={author} contact={contact ?? undefined} onError={setError} />
  );
  const interactions = contact?.interactions ?? 0;
  const history = contact && interactions > 0 && (
    <div className="muted" data-testid="contact-interactions">
      You have replied to {author} {interactions === 1 ? 'once' : `${interactions} times`}, most recently on{' '}
      {dateFormat.format(contact.lastSeen)}.
    </div>
  );
  // One shape for closed and open, so "Forget" keeps its place (and its open dialog) when the
  // note opens as the contact loads.
  return (
    <div className="contact-note">
      {!open ? (
        <button
          type="button"
          className="disclosure"
          disabled={contact === undefined}
          onClick={() => setOpen(true)}
        >
          Add a private note about {author}
        </button>
      ) : (
        <>
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
        </>
      )}
      {history}
      {forget}
      {error && <div className="muted" role="alert">{error}</div>}
    </div>
  );
}

/** What forgetting a contact would delete and keep, counted when the creator asks. */
interface ForgetPreview {
  /** DM replies in memory that carry their key: deleted. */
  dmReplies: number;
  /** Comment replies that carry their key: kept, unlinked. */
  commentReplies: number;
}

async function previewForget(db: UnderstudyDB, key: string): Promise<ForgetPreview> {
  const linked = await db.examples.where('contactKey').equals(key).toArray();
  const dmReplies = linked.filter((example) => example.kind === 'dm').length;
  return { dmReplies, commentReplies: linked.length - dmReplies };
}

function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString()} ${n === 1 ? one : many}`;
}

function ForgetContact({
  contactKey: key,
  name,
  contact,
  onError,
}: {
  contactKey: string;
  name: string;
  contact: ContactRow | undefined;
  onError: (message: string) => void;
}) {
  const [preview, setPreview] = useState<ForgetPreview | null>(null);
  const [busy, setBusy] = useState(false);

  async function ask() {
    try {
      setPreview(await previewForget(getDb(), key));
    } catch (e) {
      onError(`Could not forget ${name}: ${(e as Error).message}`);
    }
  }

  async function confirm() {
    setBusy(true);
    try {
      await forgetContact(getDb(), key);
      setPreview(null);
    } catch (e) {
      setPreview(null);
      onError(`Could not forget ${name}: ${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  }

  const conversations = contact?.conversations?.length ?? 0;
  return (
    <>
      <div>
        <button type="button" className="forget" onClick={() => void ask()}>
          Forget {name}
        </button>
      </div>
      {preview && (
        <Dialog
          title={`Forget ${name}?`}
          onCancel={() => setPreview(null)}
          actions={
            <>
              <button type="button" className="danger" disabled={busy} onClick={() => void confirm()}>
                Forget {name}
              </button>
              <button type="button" data-autofocus onClick={() => setPreview(null)}>
                Cancel
              </button>
            </>
          }
        >
          <p>Deleted from this browser:</p>
          <ul>
            {contact?.note && <li>your private note about them</li>}
            {conversations > 0 && <li>the links to {plural(conversations, 'conversation', 'conversations')} with them</li>}
            <li>your drafts of direct messages to them, with the messages each kept</li>
            {preview.dmReplies > 0 && (
              <li>{plural(preview.dmReplies, 'direct message reply', 'direct message replies')} to them in your memory</li>
            )}
            {contact && <li>what Understudy knows of them: how often you replied, and when</li>}
          </ul>
          {preview.commentReplies > 0 && (
            <p>
              Kept: your {plural(preview.commentReplies, 'public comment reply', 'public comment replies')} to them,
              as part of your voice, no longer linked to them.
            </p>
          )}
          <p className="muted">This cannot be undone. The conversation itself, on the site, is not touched.</p>
        </Dialog>
      )}
    </>
  );
}
