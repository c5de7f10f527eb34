/**
 * Who may talk to the engine host. A content script's runtime.connect reaches every extension
 * page's onConnect, the offscreen document included, so the host must refuse ports that do not
 * come from the extension's own pages (the background, options, side panel).
 */
export interface PortSenderLike {
  id?: string;
  url?: string;
  origin?: string;
}

export function isTrustedEngineSender(sender: PortSenderLike | undefined, extensionId: string, extensionOrigin: string): boolean {
  if (!sender || sender.id !== extensionId) return false;
  const origin = extensionOrigin.replace(/\/+$/, '');
  if (sender.origin !== undefined && sender.origin !== origin) return false;
  // A prefix test, not URL.origin: runtimes outside Chrome give non-web schemes a "null" origin.
  return sender.url?.startsWith(`${origin}/`) ?? false;
}
