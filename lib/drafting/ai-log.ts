/**
 * The local record of replies Understudy helped write (issue 13): for each draft the creator
 * sent, when, where, which engine wrote it, and how much of it they changed, as a CSV the
 * creator can export from Options. Nothing of it leaves the machine unless they save the file.
 */
import Papa from 'papaparse';
import type { DraftRow } from '../memory/db';
import { siteName } from '../core/sites';
import { GUARD_FLAG_LABELS } from '../core/guard';

export const AI_LOG_COLUMNS = ['sent_at', 'platform', 'kind', 'engine', 'model', 'changed_chars', 'changed_share', 'flags_overridden', 'link', 'reply'] as const;

/** The share of the engine's text the creator changed (0 = sent as written, 1 = rewritten). */
export function changedShare(row: Pick<DraftRow, 'editDistance' | 'engineText' | 'text'>): number | undefined {
  if (row.editDistance === undefined) return undefined;
  const longer = Math.max(row.engineText.length, row.text.length, 1);
  return Math.min(1, row.editDistance / longer);
}

/** The sent drafts, oldest first, as CSV (header row first; quoted where needed). */
export function aiLogCsv(rows: readonly DraftRow[]): string {
  const sent = rows.filter((row) => row.status === 'sent').sort((a, b) => (a.sentAt ?? a.updatedAt) - (b.sentAt ?? b.updatedAt));
  const data = sent.map((row) => {
    const share = changedShare(row);
    const overridden = row.overriddenFlags?.map((kind) => GUARD_FLAG_LABELS[kind]);
    return [
      new Date(row.sentAt ?? row.updatedAt).toISOString(),
      siteName(row.site),
      row.kind ?? 'comment',
      row.engine,
      row.model ?? '',
      row.editDistance ?? '',
      share === undefined ? '' : share.toFixed(2),
      overridden?.join('; ') ?? '',
      row.permalink ?? row.pageUrl,
      row.text,
    ];
  });
  // A reply starting with = + - @ must not run as a formula in a spreadsheet.
  return Papa.unparse({ fields: [...AI_LOG_COLUMNS], data }, { newline: '\n', escapeFormulae: true });
}
