/**
 * Where memory came from, with the creator's consent: each imported file is one source; the
 * replies sent through Understudy are one more, counted as they are sent.
 */
import type { SourceKind, SourceRow, UnderstudyDB } from './db';

/** What importing a file means, as the creator is asked to agree to it. */
export const IMPORT_CONSENT_TEXT =
  'Use the replies in this file to draft replies in my voice. They stay in this browser and are never uploaded.';
/** What sending through Understudy means for memory. */
export const SENT_CONSENT_TEXT =
  'Remember the replies I send with Understudy, so drafts learn my voice. I can delete them any time in options.';
export const SENT_SOURCE_NAME = 'Replies you sent with Understudy';

export interface ImportSourceInput {
  fileName: string;
  records: number;
  /** 'profile-import' (a style profile file) unless it is a platform's export. */
  kind?: Exclude<SourceKind, 'sent'>;
  /** The words the creator agreed to; IMPORT_CONSENT_TEXT by default. */
  consentText?: string;
  at?: number;
  /** What the import brought, shown in the list of sources. */
  details?: Pick<SourceRow, 'format' | 'withIncoming' | 'firstDate' | 'lastDate' | 'platforms'>;
}

/** Records an imported file and the creator's consent to use it; returns the source id. */
export async function recordImportSource(db: UnderstudyDB, input: ImportSourceInput): Promise<number> {
  const at = input.at ?? Date.now();
  const row: SourceRow = {
    kind: input.kind ?? 'profile-import',
    fileName: input.fileName,
    importedAt: at,
    records: input.records,
    consent: { given: true, at, text: input.consentText ?? IMPORT_CONSENT_TEXT },
  };
  for (const [key, value] of Object.entries(input.details ?? {})) {
    if (value !== undefined) (row as unknown as Record<string, unknown>)[key] = value;
  }
  return (await db.sources.add(row)) as number;
}

/** Counts one more sent reply in the single 'sent' source, creating it on the first one. */
export async function noteSentReply(db: UnderstudyDB, at = Date.now()): Promise<SourceRow> {
  return db.transaction('rw', db.sources, async () => {
    const existing = await db.sources.where('kind').equals('sent').first();
    if (existing) {
      const updated = { ...existing, records: existing.records + 1 };
      await db.sources.put(updated);
      return updated;
    }
    const row: SourceRow = {
      kind: 'sent',
      fileName: SENT_SOURCE_NAME,
      importedAt: at,
      records: 1,
      consent: { given: true, at, text: SENT_CONSENT_TEXT },
    };
    row.id = (await db.sources.add(row)) as number;
    return row;
  });
}

/** Every source, most recent first. */
export async function listSources(db: UnderstudyDB): Promise<SourceRow[]> {
  const rows = await db.sources.toArray();
  return rows.sort((a, b) => b.importedAt - a.importedAt || (b.id ?? 0) - (a.id ?? 0));
}
