/**
 * A link the page gave us, checked before the creator can click it. A comment's permalink is
 * read from the site's DOM, which the site's own scripts (or an XSS on it) control: unchecked,
 * "Open comment" in the side panel could be a `javascript:` link running in the extension's
 * origin, or a look-alike site asking the creator to sign in. So a link is shown only when it is
 * an https address on the origin of the site the draft belongs to, and a page of that site that
 * shows comments (which keeps out the site's own redirectors, such as youtube.com/redirect).
 */
import type { SiteId } from '../core/sites';
import { adapterForOrigin, pageKindOf } from './registry';

/**
 * The link as the browser will open it, or undefined when it is not an https URL of a comment
 * page on `site`'s own origin (other schemes, other hosts, look-alikes such as
 * www.youtube.com.evil.test, the site's pages without comments, or credentials in the address,
 * which only ever serve to disguise where a link goes).
 */
export function siteLink(href: string, site: SiteId): string | undefined {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '') return undefined;
  const adapter = adapterForOrigin(url);
  return adapter?.site === site && pageKindOf(adapter, url) !== null ? url.href : undefined;
}
