/**
 * The optional parts of the creator's profile in a prompt (facts, values, objectives, links,
 * offers) and the choice of which of them fit the token budget.
 *
 * A profile may hold 5,000 facts and 500 of each list, far more than a 4k-token context: about
 * 230 short facts fill one. Leaving an item out is always safe, because the prompt tells the model
 * that what it lists is all it may state; so when everything does not fit, the items closest to
 * this comment go in (rankByRelevance), the rest are counted as left out, and the draft's
 * "Why this draft?" says how many. Boundaries are not items: they always go in (prompt.ts).
 */
import type { LeftOut } from '../core/draft';
import type { FactRow, ProfileRow } from '../memory/db';
import { rankByRelevance } from './relevance';

export type Offer = ProfileRow['offers'][number];
export type Link = ProfileRow['links'][number];

/** What the system prompt lists, in the creator's own order. */
export interface ProfileSelection {
  facts: FactRow[];
  values: string[];
  objectives: string[];
  links: Link[];
  offers: Offer[];
}

type Kind = keyof ProfileSelection;
const KINDS: readonly Kind[] = ['facts', 'values', 'objectives', 'links', 'offers'];

interface Item {
  kind: Kind;
  /** Position in its list. */
  index: number;
  /** What relevance is judged on. */
  text: string;
  /** What it adds to the prompt, as the prompt renders it. */
  line: string;
}

export function describeOffer(offer: Offer): string {
  return [offer.name, offer.details, offer.price && `price: ${offer.price}`, offer.url]
    .filter((part): part is string => Boolean(part && part.trim()))
    .join(' — ');
}

/** Rendered lines, shared with prompt.ts so that what is counted is what is sent. */
export const render = {
  fact: (text: string, n: number) => `${n}. ${text}`,
  link: (link: Link) => `- ${link.label.trim() || 'link'}: ${link.url.trim()}`,
  offer: (offer: Offer) => `- ${describeOffer(offer)}`,
  listItem: (text: string) => `${text.trim()}; `,
};

/** Everything the profile offers, with empty entries dropped (they never reach the prompt). */
export function fullSelection(profile: ProfileRow | undefined, facts: readonly FactRow[]): ProfileSelection {
  return {
    facts: facts.filter((f) => f.text.trim()),
    values: profile?.values.filter((v) => v.trim()) ?? [],
    objectives: profile?.objectives.filter((o) => o.trim()) ?? [],
    links: profile?.links.filter((l) => l.url.trim()) ?? [],
    offers: profile?.offers.filter((o) => o.name.trim()) ?? [],
  };
}

function itemsOf(selection: ProfileSelection): Item[] {
  return [
    ...selection.facts.map((f, index): Item => ({ kind: 'facts', index, text: `${f.topic ?? ''} ${f.text}`, line: render.fact(f.text.trim(), 9999) })),
    ...selection.values.map((v, index): Item => ({ kind: 'values', index, text: v, line: render.listItem(v) })),
    ...selection.objectives.map((o, index): Item => ({ kind: 'objectives', index, text: o, line: render.listItem(o) })),
    ...selection.links.map((l, index): Item => ({ kind: 'links', index, text: `${l.label} ${l.url}`, line: render.link(l) })),
    ...selection.offers.map((o, index): Item => ({ kind: 'offers', index, text: describeOffer(o), line: render.offer(o) })),
  ];
}

export function countLeftOut(all: ProfileSelection, chosen: ProfileSelection): LeftOut | undefined {
  const leftOut = Object.fromEntries(KINDS.map((k) => [k, all[k].length - chosen[k].length])) as LeftOut;
  return KINDS.some((k) => leftOut[k] > 0) ? leftOut : undefined;
}

/**
 * The most relevant items whose lines fit `allowance` tokens, each list kept in the creator's
 * order. `count` prices one rendered line (its line break included by the caller's estimate).
 */
export function chooseItems(
  all: ProfileSelection,
  query: string,
  allowance: number,
  count: (text: string) => number,
): ProfileSelection {
  const items = itemsOf(all);
  const ranked = rankByRelevance(query, items.map((item) => item.text));
  const keep = new Set<Item>();
  let left = allowance;
  for (const position of ranked) {
    const item = items[position];
    if (!item) continue;
    // The line break after each line is a token of its own.
    const cost = count(item.line) + 1;
    if (cost > left) continue;
    left -= cost;
    keep.add(item);
  }
  const kept = (kind: Kind) => new Set(items.filter((i) => i.kind === kind && keep.has(i)).map((i) => i.index));
  const facts = kept('facts');
  const values = kept('values');
  const objectives = kept('objectives');
  const links = kept('links');
  const offers = kept('offers');
  return {
    facts: all.facts.filter((_, i) => facts.has(i)),
    values: all.values.filter((_, i) => values.has(i)),
    objectives: all.objectives.filter((_, i) => objectives.has(i)),
    links: all.links.filter((_, i) => links.has(i)),
    offers: all.offers.filter((_, i) => offers.has(i)),
  };
}

/** Drops the last item of the longest list: the final squeeze when estimates don't add up. */
export function dropOne(selection: ProfileSelection): ProfileSelection | undefined {
  const longest = [...KINDS].sort((a, b) => selection[b].length - selection[a].length)[0];
  if (!longest || selection[longest].length === 0) return undefined;
  return { ...selection, [longest]: selection[longest].slice(0, -1) };
}
