/**
 * Bundled into a fixture page's main world (bundleForBrowser) to check the content script's
 * buttons against what each row shows now, with the adapter's own functions: after a virtualized
 * list recycles its rows, a row showing a comment has exactly one Draft reply button, and a row
 * showing nothing to reply to has none. A button the content script left behind is stale.
 */
import { adapters } from '../../lib/sites/registry';
import { BUTTON_HOST_TAG } from '../../lib/inline/draft-buttons';

export interface ButtonCheck {
  rows: number;
  /** Rows showing a comment without a button (the scan missed a recycled row). */
  missing: number;
  /** Rows showing nothing to reply to that still carry a button, or rows with two. */
  stale: number;
  /** Buttons in no comment row at all. */
  orphans: number;
}

export function checkButtons(site: string): ButtonCheck {
  const adapter = adapters.find((a) => a.site === site);
  if (!adapter) throw new Error(`no adapter for ${site}`);
  const rows = document.querySelectorAll<HTMLElement>(adapter.commentSelector);
  let missing = 0;
  let stale = 0;
  for (const row of rows) {
    const key = adapter.commentKey(row);
    const buttons = [...row.querySelectorAll(BUTTON_HOST_TAG)].filter((b) => b.parentElement?.closest(adapter.commentSelector) === row);
    if (key && buttons.length === 0) missing += 1;
    if ((!key && buttons.length > 0) || buttons.length > 1) stale += 1;
  }
  let orphans = 0;
  for (const button of document.querySelectorAll(BUTTON_HOST_TAG)) if (!button.parentElement?.closest(adapter.commentSelector)) orphans += 1;
  return { rows: rows.length, missing, stale, orphans };
}
