/**
 * How long a reply is as the site counts it, for the editor's counter. Sites count what a
 * reader sees (user-perceived characters: "👍🏽" is one), not UTF-16 units; X also counts every
 * link as 23 characters whatever its length (its t.co wrapping).
 */
import type { SiteId } from './sites';

const X_LINK_LENGTH = 23;
const LINK = /\bhttps?:\/\/\S+/gi;

let segmenter: Intl.Segmenter | undefined;

function graphemes(text: string): number {
  if (typeof Intl === 'undefined' || typeof Intl.Segmenter !== 'function') return [...text].length;
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  let count = 0;
  for (const _ of segmenter.segment(text)) count += 1;
  return count;
}

export function replyLength(text: string, site: SiteId): number {
  if (site !== 'x') return graphemes(text);
  let links = 0;
  const rest = text.replace(LINK, () => {
    links += 1;
    return '';
  });
  return graphemes(rest) + links * X_LINK_LENGTH;
}
