/**
 * What a draft is checked against, and the index built from it: the sheet's part once per fact
 * sheet (a 1,000-fact sheet is tokenized once, not per draft), the comment's part once per
 * context (re-guarding while the creator types reuses both).
 */
import { fold, STOPWORDS, words } from './text';
import { collectNumbers, type NumberToken } from './numbers';

export interface GuardOffer {
  name: string;
  details?: string;
  url?: string;
  price?: string;
}

export interface GuardContext {
  /** The fact sheet, one fact per entry. */
  facts: readonly string[];
  /** Links the creator allows. */
  links: readonly { label?: string; url: string }[];
  offers: readonly GuardOffer[];
  /** Topics the creator keeps out of replies ("politics", "her family"). */
  boundaries: readonly string[];
  /** The creator's own handles (with or without "@"). */
  handles?: readonly string[];
  /**
   * What the draft answers: the comment or DM messages, their author, the thread title, the
   * parent comment. Backs numbers and @handles, never prices, codes or links.
   */
  answering: readonly string[];
  /**
   * Who wrote what the draft answers, as the page shows them. Only a handle-like author ("@sam",
   * "sam_bakes") backs addressing them: an author name is untrusted text like the comment.
   */
  author?: string;
  /**
   * Private prompt parts: the creator's notes, the prompt's instructions, the voice description,
   * other people's messages. A draft must not repeat them.
   */
  private?: readonly string[];
  /**
   * The memory engine only: the creator's own past replies the draft was composed from. Their
   * quantities ("4–8 hours") count as backed.
   */
  pastWording?: readonly string[];
  /** The draft's language when the caller knows it (ISO 639-1); detected otherwise. */
  language?: string;
}

export interface Prepared {
  context: GuardContext;
  /** Folded facts and offer texts: what backs personal claims and promises. */
  sheet: string[];
  /** The folded sheet as one text, one item a line: one regex pass instead of one per fact. */
  sheetJoined: string;
  /** Distinct content words of the sheet, for name and object lookups. */
  sheetWords: Set<string>;
  /** Longer sheet words by first letter, for near-spelling (Oporto/Porto) lookups. */
  sheetNames: Map<string, string[]>;
  sheetWordLists: string[][];
  /** Numbers that back a number: facts, offers, what the draft answers, past wording. */
  numbers: NumberToken[];
  /** Money amounts that back a price: offers and facts only. */
  money: Set<number>;
  /** Promo codes and percentages off the offers and facts name (folded). */
  codes: Set<string>;
  percentsOff: Set<number>;
  /** Normalized allowed URLs, e-mail addresses, phone digits and handles. */
  urls: Set<string>;
  emails: Set<string>;
  phones: Set<string>;
  handles: Set<string>;
  /** Folded answering texts, joined. */
  answeringFolded: string;
  answeringWords: Set<string>;
}

const cache = new WeakMap<GuardContext, Prepared>();

export function normalizeUrl(url: string): string {
  let u = url.trim().replace(/[.,!?;:)\]]+$/, '');
  u = u.replace(/^https?:\/\//i, '').replace(/^www\./i, '');
  const slash = u.indexOf('/');
  const host = (slash < 0 ? u : u.slice(0, slash)).toLowerCase();
  let path = slash < 0 ? '' : u.slice(slash);
  path = path.replace(/\/+$/, '').toLowerCase();
  return host + path;
}

export function normalizeHandle(handle: string): string {
  return handle.trim().replace(/^@/, '').replace(/['’]s$/i, '').replace(/[.]+$/, '').toLowerCase();
}

const URL_IN_TEXT = /https?:\/\/[^\s<>"')\]]+|(?<![@\w.])(?:www\.)?(?:[a-z0-9-]+\.)+[a-z]{2,}(?:\/[^\s<>"')\]]*)?/gi;
const EMAIL_IN_TEXT = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const HANDLE_IN_TEXT = /(?<![\w@.])@([A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?)/g;
const CODE_IN_TEXT = /(?<![\p{L}\p{N}])[A-Z][A-Z0-9]{2,}\d+(?![\p{L}\p{N}])/gu;
const PERCENT_IN_TEXT = /(\d+(?:[.,]\d+)?)\s?%/g;

/** What depends on the creator's sheet only: built once per fact sheet, shared by every draft. */
interface SheetIndex {
  facts: readonly string[];
  offers: readonly GuardOffer[];
  links: GuardContext['links'];
  ownHandles: GuardContext['handles'];
  sheet: string[];
  sheetJoined: string;
  sheetWords: Set<string>;
  sheetNames: Map<string, string[]>;
  /** Word lists of the sheet items, for the prompt-echo check's public shingles. */
  sheetWordLists: string[][];
  numbers: NumberToken[];
  money: Set<number>;
  codes: Set<string>;
  percentsOff: Set<number>;
  urls: Set<string>;
  emails: Set<string>;
  phones: Set<string>;
  handles: Set<string>;
}

/**
 * Keyed by the facts array: the caller that keeps its loaded fact sheet (one array until the
 * creator edits it) pays for indexing a 1,000-fact sheet once, not once per draft.
 */
const sheetCache = new WeakMap<readonly string[], SheetIndex>();

function sheetIndex(context: GuardContext): SheetIndex {
  const hit = sheetCache.get(context.facts);
  // The short lists are compared by content: callers rebuild them per draft.
  const same = <T,>(a: T, b: T) => a === b || JSON.stringify(a) === JSON.stringify(b);
  if (hit && same(hit.offers, context.offers) && same(hit.links, context.links) && same(hit.ownHandles, context.handles)) return hit;
  const offerTexts = context.offers.map((o) => [o.name, o.details, o.price, o.url].filter(Boolean).join(' · '));
  const sheetRaw = [...context.facts, ...offerTexts];
  const sheet = sheetRaw.map(fold);
  const sheetWords = new Set<string>();
  const sheetWordLists: string[][] = [];
  for (const f of sheet) {
    const list = words(f).map((w) => w.text);
    sheetWordLists.push(list);
    for (const w of list) if (!STOPWORDS.has(w)) sheetWords.add(w);
  }
  const sheetNames = new Map<string, string[]>();
  for (const w of sheetWords) {
    if (w.length < 5) continue;
    const list = sheetNames.get(w[0]!) ?? [];
    list.push(w);
    sheetNames.set(w[0]!, list);
  }

  const numbers: NumberToken[] = [];
  const money = new Set<number>();
  const sheetText = sheetRaw.join('\n');
  const sheetJoined = sheet.join('\n');
  const sheetFound = collectNumbers(sheetText, sheetJoined);
  numbers.push(...sheetFound.numbers, ...sheetFound.money, ...sheetFound.off);
  for (const m of sheetFound.money) for (const v of m.values) money.add(v);
  for (const o of context.offers) if (o.price) for (const n of collectNumbers(o.price, fold(o.price)).numbers) for (const v of n.values) money.add(v);

  const codes = new Set<string>();
  const percentsOff = new Set<number>();
  for (const m of sheetText.matchAll(CODE_IN_TEXT)) codes.add(m[0].toLowerCase());
  for (const m of sheetText.matchAll(PERCENT_IN_TEXT)) percentsOff.add(Number(m[1]!.replace(',', '.')));

  const urls = new Set<string>();
  const emails = new Set<string>();
  const handles = new Set<string>();
  const phones = new Set<string>();
  for (const link of context.links) urls.add(normalizeUrl(link.url));
  for (const offer of context.offers) if (offer.url) urls.add(normalizeUrl(offer.url));
  const hasAt = sheetText.includes('@');
  if (hasAt) for (const m of sheetText.matchAll(EMAIL_IN_TEXT)) emails.add(m[0].toLowerCase());
  const noEmails = hasAt ? sheetText.replace(EMAIL_IN_TEXT, ' ') : sheetText;
  for (const m of noEmails.matchAll(URL_IN_TEXT)) urls.add(normalizeUrl(m[0]));
  if (hasAt) for (const m of noEmails.matchAll(HANDLE_IN_TEXT)) handles.add(normalizeHandle(m[1]!));
  for (const m of sheetText.matchAll(/\+?\d[\d -]{7,}\d/g)) phones.add(m[0].replace(/\D/g, ''));
  for (const h of context.handles ?? []) handles.add(normalizeHandle(h));

  const index: SheetIndex = {
    facts: context.facts, offers: context.offers, links: context.links, ownHandles: context.handles,
    sheet, sheetJoined, sheetWords, sheetNames, sheetWordLists, numbers, money, codes, percentsOff, urls, emails, phones, handles,
  };
  sheetCache.set(context.facts, index);
  return index;
}

export function prepare(context: GuardContext): Prepared {
  const cached = cache.get(context);
  if (cached) return cached;
  const sheet = sheetIndex(context);
  const others = [...context.answering, ...(context.author ? [context.author] : []), ...(context.pastWording ?? [])].join('\n');
  const found = collectNumbers(others, fold(others));
  const numbers = [...sheet.numbers, ...found.numbers, ...found.money, ...found.off];

  const handles = new Set(sheet.handles);
  // Addressing people in the thread is fine: handles the comment, its author or title show.
  for (const text of context.answering) {
    if (!text.includes('@')) continue;
    for (const m of text.replace(EMAIL_IN_TEXT, ' ').matchAll(HANDLE_IN_TEXT)) handles.add(normalizeHandle(m[1]!));
  }
  const author = context.author?.trim() ?? '';
  if (/^@?[\w.]+$/.test(author)) handles.add(normalizeHandle(author));

  const answeringFolded = [...context.answering, ...(context.author ? [context.author] : [])].map(fold).join('\n');
  const answeringWords = new Set(words(answeringFolded).map((w) => w.text).filter((w) => !STOPWORDS.has(w)));
  const prepared: Prepared = {
    context,
    sheet: sheet.sheet,
    sheetJoined: sheet.sheetJoined,
    sheetWords: sheet.sheetWords,
    sheetNames: sheet.sheetNames,
    sheetWordLists: sheet.sheetWordLists,
    numbers,
    money: sheet.money,
    codes: sheet.codes,
    percentsOff: sheet.percentsOff,
    urls: sheet.urls,
    emails: sheet.emails,
    phones: sheet.phones,
    handles,
    answeringFolded,
    answeringWords,
  };
  cache.set(context, prepared);
  return prepared;
}
