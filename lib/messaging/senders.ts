/**
 * Who may talk to the background. Content scripts speak for one page of a supported site;
 * the isolated editor frame speaks for the creator about one editor session; extension pages
 * (side panel, options) speak for the creator. Anything else is rejected.
 *
 * A content script is judged by its page's ORIGIN, never its path: in Chromium `sender.url`
 * stays the URL the tab first loaded, across in-app navigation (home page → a video), so a
 * path check would refuse a creator who reached the video the usual way.
 */
import { EDITOR_PAGE } from './ports';
import { adapterForOrigin } from '../sites/registry';
import { siteForOrigin, type SiteId } from '../core/sites';

/** The subset of runtime.MessageSender the checks read. */
export interface SenderLike {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
  origin?: string;
}

export type SenderKind = 'content' | 'editor' | 'extension';

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** Classifies a sender, or returns null for one that must be rejected. */
export function classifySender(
  sender: SenderLike,
  extensionId: string,
  extensionOrigin: string,
): SenderKind | null {
  if (sender.id !== extensionId || !sender.url) return null;
  const url = parse(sender.url);
  if (!url) return null;
  if (sender.url.startsWith(extensionOrigin)) {
    // The editor frame lives in a site's tab; it may only drive editor sessions.
    return url.pathname === EDITOR_PAGE && sender.tab?.id !== undefined ? 'editor' : 'extension';
  }
  if (sender.tab?.id !== undefined && adapterForOrigin(url)) return 'content';
  return null;
}

/** A content script may only speak about comments on its own site's origin. */
export function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

/** The supported site a content script's page belongs to, by its origin (never its payload). */
export function siteOfSender(sender: SenderLike): SiteId | undefined {
  if (!sender.url) return undefined;
  try {
    return siteForOrigin(new URL(sender.url).origin);
  } catch {
    return undefined;
  }
}
