/**
 * Who may talk to the background. Content scripts speak for one page of a supported site;
 * extension pages (side panel, options) speak for the creator. Anything else is rejected.
 */
import { adapterFor } from '../sites/registry';

/** The subset of runtime.MessageSender the checks read. */
export interface SenderLike {
  id?: string;
  url?: string;
  tab?: { id?: number };
  origin?: string;
}

export type SenderKind = 'content' | 'extension';

/** Classifies a sender, or returns null for one that must be rejected. */
export function classifySender(
  sender: SenderLike,
  extensionId: string,
  extensionOrigin: string,
): SenderKind | null {
  if (sender.id !== extensionId || !sender.url) return null;
  if (sender.url.startsWith(extensionOrigin)) return 'extension';
  if (sender.tab?.id !== undefined && adapterFor(sender.url)) return 'content';
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
