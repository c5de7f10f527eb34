/**
 * Reading text off a page the way a reader sees it. Comment bodies mix text, links, <br> and
 * emoji images, so textContent alone loses line breaks and emoji; innerText would force layout
 * on every comment of a 2,000-comment page.
 */

const SKIP = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);
const BLOCK = new Set(['DIV', 'P', 'LI', 'UL', 'OL', 'BLOCKQUOTE', 'PRE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6']);

/**
 * The text under `root`: text nodes as they are, <br> and block boundaries as line breaks,
 * images by their alt text (sites draw emoji as <img alt="🔥">). No layout reads.
 */
export function readText(root: Node): string {
  let out = '';
  let needBreak = false;
  const newline = () => {
    if (needBreak && out && !out.endsWith('\n')) out += '\n';
    needBreak = false;
  };
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        const data = (child as Text).data;
        if (!data) continue;
        newline();
        out += data;
      } else if (child.nodeType === 1) {
        const name = child.nodeName.toUpperCase();
        if (SKIP.has(name)) continue;
        if (name === 'BR') {
          newline();
          out += '\n';
        } else if (name === 'IMG') {
          const alt = (child as Element).getAttribute('alt');
          if (alt) {
            newline();
            out += alt;
          }
        } else if (BLOCK.has(name)) {
          needBreak = true;
          walk(child);
          needBreak = true;
        } else {
          walk(child);
        }
      }
    }
  };
  walk(root);
  return out;
}

/** Anything normaliseText would change: odd whitespace, doubled spaces, padded lines or ends. */
const UNTIDY = /[^\S\n ]| {2}|^\s|\s$| \n|\n |\n{3}/;

/**
 * Whitespace tidied, text otherwise exact: runs of spaces and tabs become one space, lines are
 * trimmed, more than one blank line becomes one, and the whole is trimmed. Invisible
 * characters that are not whitespace (zero-width joiners, direction overrides) are kept: they
 * are part of what the commenter wrote, and hiding them would hide tricks from the creator.
 */
export function normaliseText(text: string): string {
  // Most comments are already tidy; one scan is cheaper than split/map/join on every one.
  if (!UNTIDY.test(text)) return text;
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[^\S\n]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** All whitespace collapsed to single spaces: for comparing text across editor markups. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** At most `max` UTF-16 units, never splitting a surrogate pair, with "…" when cut. */
export function clampText(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - 1));
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return cut + '…';
}
