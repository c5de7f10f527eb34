/** Past replies the drafts learn from: imported ones and the ones the creator sent. */
import type { SiteId } from '../messaging/protocol';
import { MAX_INCOMING_CHARS, MAX_REPLY_CHARS } from '../profile/schema';
import type { ExampleRow, ExampleSource, UnderstudyDB } from './db';
import { detectLanguage } from './language';

export interface ExampleFilter {
  source?: ExampleSource;
}

/** Every example (or those of one source), oldest stored first. */
export function listExamples(db: UnderstudyDB, filter: ExampleFilter = {}): Promise<ExampleRow[]> {
  if (filter.source) return db.examples.where('source').equals(filter.source).sortBy('id');
  return db.examples.orderBy('id').toArray();
}

export function countExamples(db: UnderstudyDB, filter: ExampleFilter = {}): Promise<number> {
  if (filter.source) return db.examples.where('source').equals(filter.source).count();
  return db.examples.count();
}

export interface SentExampleInput {
  incoming?: string;
  reply: string;
  platform?: SiteId;
  topic?: string;
  /** When it was sent; now by default. */
  createdAt?: number;
  /** The commenter it answered: contactKey(platform, handle). */
  contactKey?: string;
  tags?: string[];
}

/**
 * Remembers a reply the creator sent so later drafts sound more like them. Returns the new id,
 * or undefined when the reply is blank or longer than a profile file can hold: memory must stay
 * exportable and re-importable.
 */
export async function addSentExample(
  db: UnderstudyDB,
  input: SentExampleInput,
): Promise<number | undefined> {
  const reply = input.reply.trim();
  if (!reply || reply.length > MAX_REPLY_CHARS) return undefined;
  const row: ExampleRow = { reply, source: 'sent', createdAt: input.createdAt ?? Date.now() };
  const incoming = input.incoming?.trim().slice(0, MAX_INCOMING_CHARS);
  if (incoming) row.incoming = incoming;
  if (input.platform) row.platform = input.platform;
  if (input.topic?.trim()) row.topic = input.topic.trim();
  if (input.contactKey) row.contactKey = input.contactKey;
  const tags = input.tags?.map((t) => t.trim()).filter(Boolean);
  if (tags?.length) row.tags = tags;
  const language = detectLanguage(reply);
  if (language) row.language = language;
  return db.examples.add(row);
}
