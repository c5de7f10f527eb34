/**
 * Finding the creator's reply once the site shows it posted: the first comment near the one
 * they answered whose text reads as the inserted text, whitespace aside. Each adapter names where
 * to look (the thread, the screen) and how to find a comment's own text.
 */
import { collapseWhitespace, readText } from './page-text';

export function commentShowing(
  candidates: Iterable<HTMLElement>,
  self: HTMLElement,
  text: string,
  textOf: (comment: HTMLElement) => Element | null | undefined,
): HTMLElement | null {
  const wanted = collapseWhitespace(text);
  if (!wanted) return null;
  for (const candidate of candidates) {
    if (candidate === self) continue;
    const body = textOf(candidate);
    if (body && collapseWhitespace(readText(body)) === wanted) return candidate;
  }
  return null;
}
