/**
 * The sample creator (public/samples/sample-profile.json), imported from the welcome page so a
 * creator can try drafting before their own data download arrives. Its source is marked as the
 * sample, in the list of sources, so it is never mistaken for the creator's own replies.
 */
import type { UnderstudyDB } from '../memory/db';
import { applyProfile, type ApplySummary } from './apply';
import { parseProfileFile } from './import-json';

export const SAMPLE_FILE_NAME = 'sample-profile.json';
/** The source's format as the list of sources shows it: says plainly it is the sample. */
export const SAMPLE_FORMAT = 'Sample creator (not your replies)';
export const SAMPLE_CONSENT = 'Import the sample creator, Maya, to try Understudy; forget it any time.';

/** Parses the sample's text and applies it, then marks its source as the sample. */
export async function importSample(db: UnderstudyDB, text: string, now = Date.now()): Promise<ApplySummary> {
  const parsed = parseProfileFile(SAMPLE_FILE_NAME, text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const summary = await applyProfile(db, parsed.profile, SAMPLE_FILE_NAME, now, { consentText: SAMPLE_CONSENT });
  await db.sources.update(summary.sourceId, { format: SAMPLE_FORMAT });
  return summary;
}
