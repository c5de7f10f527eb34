/**
 * Links, domains, e-mail addresses, phone numbers and @handles. Allowed: the creator's links, the
 * offers' URLs, URLs and addresses written in the facts, the creator's own handles, and handles
 * of people in the thread (replying to "@sam" is fine). A link in the comment never backs one:
 * "get it cheaper at cheapbooks.example" is exactly what the guard exists to stop repeating.
 * URLs compare without scheme, "www." and a trailing slash; a path not on the list is not allowed
 * (crumbandco.example/course-sale is not crumbandco.example/course).
 */
import { normalizeHandle, normalizeUrl, type Prepared } from './context';
import type { DraftText, RawFlag } from './types';

const TLDS = 'com|net|org|io|co|me|ly|gg|tv|app|shop|store|example|de|es|pt|fr|br|uk|it|nl|eu|info|biz|link|bio|page|site|blog|to|be|cc|us|ca|au|at|ch|mx|ar|xyz|art|club|online|live|fm|ai|dev';
const URL = new RegExp(
  `https?:\\/\\/[^\\s<>"')\\]]+|(?<![@\\w.\\/-])(?:www\\.)?(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+(?:${TLDS})(?![a-z0-9-])(?:\\/[^\\s<>"')\\]]*)?`,
  'gi',
);
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const HANDLE = /(?<![\w@.])@([A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?)(?:['’]s)?/g;
const PHONE = /(?<![\w])\+?\d[\d\s().-]{7,}\d(?![\w])/g;

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /[.,!?;:)\]'"’]/.test(text[end - 1]!)) end--;
  return end;
}

export function checkLinks(draft: DraftText, prepared: Prepared): RawFlag[] {
  const { text } = draft;
  const flags: RawFlag[] = [];
  const taken: [number, number][] = [];
  const free = (s: number, e: number) => !taken.some(([a, b]) => s < b && a < e);

  for (const m of text.includes('@') ? text.matchAll(EMAIL) : []) {
    const end = trimEnd(text, m.index, m.index + m[0].length);
    taken.push([m.index, end]);
    if (prepared.emails.has(text.slice(m.index, end).toLowerCase())) continue;
    flags.push({ kind: 'link', start: m.index, end, reason: `Gives an e-mail address (${text.slice(m.index, end)}) that is not on your fact sheet.` });
  }
  for (const m of text.matchAll(URL)) {
    const end = trimEnd(text, m.index, m.index + m[0].length);
    if (!free(m.index, end)) continue;
    taken.push([m.index, end]);
    const url = text.slice(m.index, end);
    if (prepared.urls.has(normalizeUrl(url))) continue;
    flags.push({ kind: 'link', start: m.index, end, reason: `Links to ${url}, which is not one of your links.` });
  }
  for (const m of text.matchAll(HANDLE)) {
    const end = trimEnd(text, m.index, m.index + m[0].length);
    if (!free(m.index, end)) continue;
    taken.push([m.index, end]);
    if (prepared.handles.has(normalizeHandle(m[1]!))) continue;
    const handle = text.slice(m.index, m.index + 1 + m[1]!.length);
    flags.push({ kind: 'link', start: m.index, end: m.index + handle.length, reason: `Points to the account ${handle}, which is neither yours nor in the comment.` });
  }
  for (const m of text.matchAll(PHONE)) {
    const digits = m[0].replace(/\D/g, '');
    if (digits.length < 8 || !free(m.index, m.index + m[0].length)) continue;
    if (!m[0].startsWith('+') && !/[\s-]/.test(m[0].trim())) continue;
    if (prepared.phones.has(digits)) continue;
    flags.push({ kind: 'link', start: m.index, end: m.index + m[0].length, reason: `Gives a phone number (${m[0].trim()}) that is not on your fact sheet.` });
  }
  return flags;
}
