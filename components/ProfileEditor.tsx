/**
 * Options → Profile & memory → "Your profile": name, voice, greeting, sign-off, the fact sheet,
 * boundaries, links and offers, edited here and saved in memory (lib/profile/edit.ts). A
 * creator who imported only platform exports starts with an empty form and fills it here; what
 * is saved is what the profile export, the backup and drafting read.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { MAX_FACTS, MAX_LIST_ITEMS } from '@/lib/core/limits';
import { getDb, type FactRow } from '@/lib/memory/db';
import {
  checkProfileForm,
  EMPTY_LINK,
  EMPTY_OFFER,
  loadProfileForm,
  saveProfileEdit,
  toForm,
  type FieldProblem,
  type LinkForm,
  type OfferForm,
  type ProfileForm,
} from '@/lib/profile/edit';
import { useLive } from './useLive';

type TextField = 'name' | 'voice' | 'greeting' | 'signoff' | 'facts' | 'boundaries';

const TEXT_FIELDS: { name: TextField; label: string; hint: string; multiline?: boolean }[] = [
  { name: 'name', label: 'Name', hint: 'How you sign your name. Required.' },
  { name: 'voice', label: 'Voice', hint: 'How you sound, in your own words: warm, brief, emoji or not…', multiline: true },
  { name: 'greeting', label: 'Greeting', hint: 'How you usually open a reply, if you do.' },
  { name: 'signoff', label: 'Sign-off', hint: 'How you usually close one, if you do.' },
  {
    name: 'facts',
    label: 'Facts',
    hint: `One per line (up to ${MAX_FACTS.toLocaleString('en')}). The only personal facts a draft may state; the claim guard flags any other.`,
    multiline: true,
  },
  { name: 'boundaries', label: 'Boundaries', hint: `Topics a draft never touches, one per line (up to ${MAX_LIST_ITEMS}).`, multiline: true },
];

export function ProfileEditor() {
  const id = useId();
  const loaded = useLive((db) => loadProfileForm(db), []);
  const [form, setForm] = useState<ProfileForm>(() => toForm(undefined, []));
  const [dirty, setDirty] = useState(false);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [status, setStatus] = useState('');
  const [known, setKnown] = useState<FactRow[]>([]);

  // Memory fills the form until the creator starts typing; an import elsewhere refreshes it.
  useEffect(() => {
    if (!loaded || dirty) return;
    setForm(loaded.form);
    setKnown(loaded.facts);
  }, [loaded, dirty]);

  const change = (patch: Partial<ProfileForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setDirty(true);
    setStatus('');
  };
  const setLink = (i: number, patch: Partial<LinkForm>) => change({ links: form.links.map((l, j) => (j === i ? { ...l, ...patch } : l)) });
  const setOffer = (i: number, patch: Partial<OfferForm>) => change({ offers: form.offers.map((o, j) => (j === i ? { ...o, ...patch } : o)) });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setStatus('');
    const checked = checkProfileForm(form, known);
    if (!checked.ok) {
      setProblems(checked.problems);
      return;
    }
    setProblems([]);
    try {
      await saveProfileEdit(getDb(), checked.edit);
      setDirty(false);
      setStatus('Saved');
    } catch (error) {
      setProblems([{ field: 'name', message: `Not saved: ${(error as Error).message}` }]);
    }
  }

  const invalid = (field: keyof ProfileForm) => problems.some((p) => p.field === field) || undefined;
  const input = (field: TextField) => ({
    id: `${id}-${field}`,
    value: form[field],
    'aria-invalid': invalid(field),
    'aria-describedby': `${id}-${field}-hint`,
    onChange: (e: { target: { value: string } }) => change({ [field]: e.target.value }),
  });

  return (
    <form className="card stack profile-editor" noValidate aria-labelledby={`${id}-title`} onSubmit={(e) => void submit(e)}>
      <h2 id={`${id}-title`}>Your profile</h2>
      <p className="muted">
        What drafts know about you. Saved in this browser&apos;s memory, and included in the profile export and the backup.
      </p>
      {problems.length > 0 && (
        <div className="banner error" role="alert">
          <p>Not saved. Fix {problems.length === 1 ? 'this' : `these ${problems.length} problems`}:</p>
          <ul>
            {problems.map((p, i) => (
              <li key={i}>{p.message}</li>
            ))}
          </ul>
        </div>
      )}
      {TEXT_FIELDS.map((field) => (
        <div className="field" key={field.name}>
          <label htmlFor={`${id}-${field.name}`}>{field.label}</label>
          {field.multiline ? <textarea rows={field.name === 'voice' ? 3 : 5} {...input(field.name)} /> : <input type="text" {...input(field.name)} />}
          <span id={`${id}-${field.name}-hint`} className="muted">
            {field.hint}
          </span>
        </div>
      ))}

      <fieldset className="stack" aria-invalid={invalid('links')}>
        <legend>Links</legend>
        {form.links.map((link, i) => (
          <div className="fields" key={i}>
            <div className="field">
              <label htmlFor={`${id}-link-${i}-label`}>Link {i + 1} label</label>
              <input id={`${id}-link-${i}-label`} type="text" value={link.label} onChange={(e) => setLink(i, { label: e.target.value })} />
            </div>
            <div className="field">
              <label htmlFor={`${id}-link-${i}-url`}>Link {i + 1} address</label>
              <input id={`${id}-link-${i}-url`} type="url" placeholder="https://" value={link.url} onChange={(e) => setLink(i, { url: e.target.value })} />
            </div>
            <button type="button" onClick={() => change({ links: form.links.filter((_, j) => j !== i) })}>
              Remove link {i + 1}
            </button>
          </div>
        ))}
        {form.links.length < MAX_LIST_ITEMS && (
          <button type="button" onClick={() => change({ links: [...form.links, { ...EMPTY_LINK }] })}>
            Add a link
          </button>
        )}
      </fieldset>

      <fieldset className="stack" aria-invalid={invalid('offers')}>
        <legend>Offers</legend>
        {form.offers.map((offer, i) => (
          <div className="fields" key={i}>
            {(['name', 'details', 'url', 'price'] as const).map((key) => (
              <div className="field" key={key}>
                <label htmlFor={`${id}-offer-${i}-${key}`}>
                  Offer {i + 1} {key === 'url' ? 'address' : key}
                </label>
                <input
                  id={`${id}-offer-${i}-${key}`}
                  type={key === 'url' ? 'url' : 'text'}
                  value={offer[key]}
                  onChange={(e) => setOffer(i, { [key]: e.target.value })}
                />
              </div>
            ))}
            <button type="button" onClick={() => change({ offers: form.offers.filter((_, j) => j !== i) })}>
              Remove offer {i + 1}
            </button>
          </div>
        ))}
        {form.offers.length < MAX_LIST_ITEMS && (
          <button type="button" onClick={() => change({ offers: [...form.offers, { ...EMPTY_OFFER }] })}>
            Add an offer
          </button>
        )}
      </fieldset>

      <div className="row">
        <button type="submit" className="primary">
          Save profile
        </button>
        <span role="status">{status}</span>
      </div>
    </form>
  );
}
