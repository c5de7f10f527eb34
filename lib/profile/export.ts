/**
 * Writes memory back out as a format v1 file: the creator's data is theirs to take elsewhere or
 * to restore later. Sent replies are included as ordinary examples; importing the file back into
 * the same browser does not duplicate them (see apply.ts).
 */
import { PROFILE_KEY, type UnderstudyDB } from '../memory/db';
import { exampleTables, listExamples } from '../memory/examples-repo';
import { listFacts } from '../memory/facts-repo';
import { PROFILE_FORMAT, PROFILE_VERSION, type ProfileExample, type StyleProfile } from './schema';

export class NoProfileError extends Error {
  constructor() {
    super('There is no style profile to export yet. Import one first.');
    this.name = 'NoProfileError';
  }
}

export async function exportProfile(db: UnderstudyDB): Promise<StyleProfile> {
  return db.transaction('r', [db.profile, db.facts, ...exampleTables(db)], async () => {
    const row = await db.profile.get(PROFILE_KEY);
    if (!row) throw new NoProfileError();
    const [facts, examples] = await Promise.all([
      // In the order the creator listed them: ids stay put when a re-import moves a fact.
      listFacts(db),
      listExamples(db),
    ]);
    const profile: StyleProfile = {
      format: PROFILE_FORMAT,
      version: PROFILE_VERSION,
      name: row.name,
      handles: { ...row.handles },
      voice: row.voice,
      values: [...row.values],
      objectives: [...row.objectives],
      facts: facts.map((f) => (f.topic ? { text: f.text, topic: f.topic } : { text: f.text })),
      boundaries: [...row.boundaries],
      links: row.links.map((l) => ({ ...l })),
      offers: row.offers.map((o) => ({ ...o })),
      examples: examples.map((e) => {
        const out: ProfileExample = { reply: e.reply };
        if (e.incoming) out.incoming = e.incoming;
        if (e.platform) out.platform = e.platform;
        if (e.topic) out.topic = e.topic;
        out.date = new Date(e.createdAt).toISOString();
        return out;
      }),
    };
    if (row.greeting) profile.greeting = row.greeting;
    if (row.signoff) profile.signoff = row.signoff;
    return profile;
  });
}

/** The file's text: indented so a creator can read and edit it. */
export function serializeProfile(profile: StyleProfile): string {
  return `${JSON.stringify(profile, null, 2)}\n`;
}

/** "maya-okafor.style-profile.json" for "Maya Okafor"; safe on every file system. */
export function profileFileName(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${slug || 'understudy'}.style-profile.json`;
}
