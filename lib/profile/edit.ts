/**
 * The profile editor's model (Options → Profile & memory): the form's plain text values, checked
 * with the style profile format's own schema (so an edited profile is one that exports and
 * imports back), and saved into memory where the export, the backup and drafting read it.
 *
 * A creator who imported only platform exports has no profile row yet: saving creates one.
 */
import { z } from 'zod';
import { PROFILE_KEY, type FactRow, type ProfileRow, type UnderstudyDB } from '../memory/db';
import { factKey, listFacts, replaceFacts } from '../memory/facts-repo';
import { describeIssue } from './issues';
import { styleProfileSchema } from './schema';

/** The file name a profile written in Options is recorded under (ProfileRow.source). */
export const EDITOR_SOURCE = 'Options → Profile';

export interface LinkForm {
  label: string;
  url: string;
}

export interface OfferForm {
  name: string;
  details: string;
  url: string;
  price: string;
}

/** What the form holds: facts and boundaries one per line, links and offers as rows. */
export interface ProfileForm {
  name: string;
  voice: string;
  greeting: string;
  signoff: string;
  facts: string;
  boundaries: string;
  links: LinkForm[];
  offers: OfferForm[];
}

export const EMPTY_LINK: LinkForm = { label: '', url: '' };
export const EMPTY_OFFER: OfferForm = { name: '', details: '', url: '', price: '' };

/** The editable part of the format: the same rules and limits as an imported file. */
export const profileEditSchema = styleProfileSchema.pick({
  name: true,
  voice: true,
  greeting: true,
  signoff: true,
  facts: true,
  boundaries: true,
  links: true,
  offers: true,
});
export type ProfileEdit = z.output<typeof profileEditSchema>;

/** One problem, named as the form names the field: "Facts, line 3: …". */
export interface FieldProblem {
  field: keyof ProfileForm;
  message: string;
}

const LABELS: Record<keyof ProfileForm, string> = {
  name: 'Name',
  voice: 'Voice',
  greeting: 'Greeting',
  signoff: 'Sign-off',
  facts: 'Facts',
  boundaries: 'Boundaries',
  links: 'Links',
  offers: 'Offers',
};

const SUBFIELDS: Record<string, string> = { label: 'label', url: 'address', name: 'name', details: 'details', price: 'price' };

/** Lines that say something, trimmed; blank lines are spacing, not items. */
function lines(text: string): string[] {
  return text
    .split(/\r?\n/u)
    .map((line) => line.trim())
    .filter(Boolean);
}

/** Each non-blank line's line number in the textarea, so a problem points at the right line. */
function lineNumbers(text: string): number[] {
  return text.split(/\r?\n/u).flatMap((line, i) => (line.trim() ? [i + 1] : []));
}

/** Optional text: left empty, the key is absent (as in a file that leaves it out). */
function optional<K extends string>(key: K, value: string): Partial<Record<K, string>> {
  return value.trim() ? ({ [key]: value } as Record<K, string>) : {};
}

function isBlank(row: object): boolean {
  return Object.values(row).every((value) => typeof value !== 'string' || !value.trim());
}

/** The form as the format's fields; fact topics carry over for facts whose text is unchanged. */
export function toCandidate(form: ProfileForm, known: readonly FactRow[] = []) {
  const topics = new Map(known.filter((f) => f.topic).map((f) => [factKey(f.text), f.topic!]));
  const links = form.links.filter((l) => !isBlank(l));
  const offers = form.offers.filter((o) => !isBlank(o));
  return {
    name: form.name,
    voice: form.voice,
    ...optional('greeting', form.greeting),
    ...optional('signoff', form.signoff),
    facts: lines(form.facts).map((text) => ({ text, ...optional('topic', topics.get(factKey(text)) ?? '') })),
    boundaries: lines(form.boundaries),
    links,
    offers: offers.map((o) => ({ name: o.name, ...optional('details', o.details), ...optional('url', o.url), ...optional('price', o.price) })),
  };
}

function describePlace(form: ProfileForm, path: readonly PropertyKey[]): { field: keyof ProfileForm; place: string } {
  const field = path[0] as keyof ProfileForm;
  const label = LABELS[field] ?? String(field);
  const index = path[1];
  if (typeof index !== 'number') return { field, place: label };
  if (field === 'facts' || field === 'boundaries') {
    const line = lineNumbers(form[field])[index] ?? index + 1;
    return { field, place: `${label}, line ${line}` };
  }
  const sub = typeof path[2] === 'string' ? ` ${SUBFIELDS[path[2]] ?? path[2]}` : '';
  const noun = field === 'links' ? 'Link' : 'Offer';
  return { field, place: `${noun} ${index + 1}${sub}` };
}

/** The checked profile, or every problem in the creator's words, each naming its field. */
export function checkProfileForm(
  form: ProfileForm,
  known: readonly FactRow[] = [],
): { ok: true; edit: ProfileEdit } | { ok: false; problems: FieldProblem[] } {
  const parsed = profileEditSchema.safeParse(toCandidate(form, known));
  if (parsed.success) return { ok: true, edit: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => {
      const { field, place } = describePlace(form, issue.path);
      return { field, message: `${place}: ${describeIssue(issue)}` };
    }),
  };
}

/** The form filled from memory: empty for a creator with no profile yet. */
export function toForm(row: ProfileRow | undefined, facts: readonly FactRow[]): ProfileForm {
  return {
    name: row?.name ?? '',
    voice: row?.voice ?? '',
    greeting: row?.greeting ?? '',
    signoff: row?.signoff ?? '',
    facts: facts.map((f) => f.text).join('\n'),
    boundaries: (row?.boundaries ?? []).join('\n'),
    links: (row?.links ?? []).map((l) => ({ ...l })),
    offers: (row?.offers ?? []).map((o) => ({ name: o.name, details: o.details ?? '', url: o.url ?? '', price: o.price ?? '' })),
  };
}

/** Reads what the editor shows, in one transaction. */
export async function loadProfileForm(db: UnderstudyDB): Promise<{ form: ProfileForm; facts: FactRow[] }> {
  return db.transaction('r', [db.profile, db.facts], async () => {
    const [row, facts] = await Promise.all([db.profile.get(PROFILE_KEY), listFacts(db)]);
    return { form: toForm(row, facts), facts };
  });
}

/**
 * Writes a checked edit into memory: the profile row (handles, values and objectives, which the
 * editor does not show, stay as they were) and the fact sheet (unchanged facts keep their ids,
 * so older drafts' "Why this draft?" still names them).
 */
export async function saveProfileEdit(db: UnderstudyDB, edit: ProfileEdit, now = Date.now()): Promise<void> {
  await db.transaction('rw', [db.profile, db.facts], async () => {
    const existing = await db.profile.get(PROFILE_KEY);
    const { greeting: _g, signoff: _s, ...kept } = existing ?? {
      handles: {},
      values: [],
      objectives: [],
      importedAt: now,
      source: EDITOR_SOURCE,
    };
    const row: ProfileRow = {
      ...kept,
      id: PROFILE_KEY,
      name: edit.name,
      voice: edit.voice,
      boundaries: [...edit.boundaries],
      links: edit.links.map((l) => ({ ...l })),
      offers: edit.offers.map((o) => ({ ...o })),
      ...(edit.greeting ? { greeting: edit.greeting } : {}),
      ...(edit.signoff ? { signoff: edit.signoff } : {}),
    };
    await db.profile.put(row);
    await replaceFacts(db, edit.facts.map((f) => (f.topic ? { text: f.text, topic: f.topic } : { text: f.text })));
  });
}
