/**
 * Whether a reply seen posted on the page may be learned from. The page shows text the site
 * (or a script on it) put there; it is the creator's only if it is what they inserted, give or
 * take the last touches they made in the site's box.
 */
import { MAX_POSTED_CHANGE_TO_LEARN } from '../core/limits';
import { editRatio } from '../memory/edit-distance';

export function postedIsTheInsertedDraft(inserted: string | undefined, posted: string): boolean {
  if (!inserted?.trim() || !posted.trim()) return false;
  return editRatio(inserted.trim(), posted.trim()) <= MAX_POSTED_CHANGE_TO_LEARN;
}
