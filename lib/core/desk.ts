/**
 * The review desk's vocabulary (issue 14), one list each: what a draft's stored status can be,
 * what the side panel's status filter offers (a queued draft is "new" until the creator edits it),
 * and why Draft all set a comment aside instead of drafting it. Schemas, the Draft-all job and the
 * panel all read these lists.
 */

/** A draft as stored. 'skipped': Draft all set the comment aside (see SET_ASIDE_REASONS). */
export const DRAFT_STATUSES = ['queued', 'inserted', 'sent', 'discarded', 'skipped'] as const;
export type DraftStatus = (typeof DRAFT_STATUSES)[number];

/** The side panel's status filter: a queued draft is 'new' or 'edited'; discarded drafts are gone. */
export const DESK_STATUSES = ['new', 'edited', 'inserted', 'sent', 'skipped'] as const;
export type DeskStatus = (typeof DESK_STATUSES)[number];

export const DESK_STATUS_LABELS: Record<DeskStatus, string> = {
  new: 'New',
  edited: 'Edited',
  inserted: 'Inserted',
  sent: 'Sent',
  skipped: 'Set aside',
};

/**
 * Why Draft all did not draft a comment. 'needs-you' reasons still leave the comment for the
 * creator to answer themselves (a boundary topic, nothing of theirs fits); 'skipped' ones are
 * comments a creator usually leaves unanswered (spam, abuse).
 */
export const SET_ASIDE_REASONS = {
  boundary: { label: 'On one of your boundary topics', outcome: 'needs-you' },
  'no-fit': { label: 'None of your past replies answers this', outcome: 'needs-you' },
  spam: { label: 'Looks like spam', outcome: 'skipped' },
  abuse: { label: 'Abusive', outcome: 'skipped' },
} as const satisfies Record<string, { label: string; outcome: 'needs-you' | 'skipped' }>;
export type SetAsideReason = keyof typeof SET_ASIDE_REASONS;
