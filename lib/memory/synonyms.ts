/**
 * Words that name the same thing in creators' comments ("centre" and "middle", "buy" and
 * "purchase"), so a comment that paraphrases an old one still meets it. Everyday words first;
 * then the words of the commonest creator subjects (cooking and baking, making videos, selling
 * a book or a course), where a paraphrase swaps one for another ("a cast iron pot" for "a dutch
 * oven", "wholemeal" for "whole wheat"). A creator's rare words (a baker's "couche", a
 * mechanic's "derailleur") have no paraphrase to meet and are never listed.
 *
 * Each group folds to its first word. English spellings (colour/color) count as synonyms. A
 * member of several words ("whole wheat") is read as one word wherever it appears.
 */

const GROUPS: readonly (readonly string[])[] = [
  ['middle', 'centre', 'center', 'inside'],
  ['bottom', 'base', 'underside'],
  ['start', 'begin', 'beginning'],
  ['beginner', 'novice', 'newbie', 'newcomer', 'first timer', 'first-timer'],
  ['big', 'large', 'bigger', 'larger', 'huge'],
  ['small', 'tiny', 'smaller'],
  ['buy', 'purchase', 'order'],
  ['store', 'storage'],
  ['pattern', 'design'],
  ['recommend', 'suggest', 'advise'],
  ['answer', 'reply', 'respond', 'response'],
  ['schedule', 'routine', 'timetable', 'plan'],
  ['clean', 'wash', 'scrub'],
  ['easy', 'easiest', 'simple', 'simplest', 'easier', 'simpler'],
  ['quick', 'fast', 'faster', 'quicker'],
  ['temperature', 'temp', 'warm', 'hot', 'heat', 'degree'],
  ['cold', 'chilled', 'chill'],
  ['flavor', 'flavour', 'taste'],
  ['color', 'colour'],
  ['necessary', 'essential', 'required', 'mandatory'],
  ['price', 'cost', 'expensive', 'cheap'],
  ['repair', 'solve', 'mend'],
  ['photo', 'picture', 'pic', 'shot'],
  ['prevent', 'stop', 'avoid'],
  ['burn', 'burnt', 'scorch', 'scorched'],
  ['dead', 'die', 'died', 'kill', 'killed', 'ruin', 'ruined'],
  ['freeze', 'freezer', 'frozen'],
  ['hand', 'finger', 'palm'],
  ['ship', 'shipping', 'deliver', 'delivery'],
  ['noise', 'sound', 'squeak', 'squeal', 'screech', 'squeaky'],
  ['tool', 'gear', 'equipment', 'kit'],
  ['smell', 'odor', 'odour', 'stink'],
  ['upload', 'post', 'publish', 'release'],
  ['fancy', 'special', 'professional'],
  ['weekend', 'saturday', 'sunday'],
  ['kid', 'child', 'children', 'son', 'daughter'],
  ['song', 'music', 'track', 'tune'],
  ['wet', 'soggy', 'damp', 'moist', 'runny', 'sloppy', 'soupy', 'watery'],
  ['ready', 'peak', 'peaked', 'ripe'],
  ['active', 'bubbly', 'vigorous'],
  ['hole', 'tunnel', 'cavern'],
  ['sour', 'tangy', 'tang', 'tangier', 'acidic'],
  ['allergy', 'allergic', 'intolerant', 'intolerance'],
  ['stick', 'sticky', 'tacky'],
  ['flat', 'flatten', 'spread'],
  ['mountain bike', 'mtb'],
  // Making videos, selling a book or a course.
  ['video', 'vid', 'tutorial', 'clip', 'episode'],
  ['book', 'cookbook', 'guidebook', 'handbook', 'hardback', 'paperback', 'hardcover'],
  ['ebook', 'e-book', 'digital version', 'pdf', 'kindle'],
  ['course', 'class', 'lesson', 'workshop'],
  ['newsletter', 'mailing list', 'email list'],
  // Cooking and baking.
  ['wholemeal', 'whole wheat', 'wholewheat', 'wholegrain', 'whole grain'],
  ['glutenfree', 'gluten free', 'gluten-free', 'gf'],
  ['coeliac', 'celiac'],
  ['starter', 'levain', 'leaven'],
  ['fridge', 'refrigerator', 'refrigerate', 'cold proof', 'cold retard', 'retard'],
  ['banneton', 'proofing basket', 'proving basket', 'brotform'],
  ['liquid', 'hooch', 'fluid'],
  ['gummy', 'doughy', 'underbaked', 'undercooked'],
  ['pot', 'dutch oven', 'cast iron', 'cast-iron', 'casserole', 'cocotte'],
  ['dense', 'heavy', 'brick', 'tight'],
  ['proof', 'prove', 'ferment', 'fermentation'],
  ['lid', 'cover', 'covered'],
  ['score', 'slash'],
  ['blade', 'razor'],
  ['scale', 'weigh'],
];

/** Builds the lookup with the same stemmer the words will go through. */
export function synonymTable(stem: (word: string) => string): ReadonlyMap<string, string> {
  const table = new Map<string, string>();
  for (const [head, ...rest] of GROUPS) {
    const canonical = stem(head!);
    for (const word of [head!, ...rest]) table.set(stem(word), canonical);
  }
  return table;
}

/** Every group member, by each member's stem: the words a search should also try. */
export function synonymGroups(stem: (word: string) => string): ReadonlyMap<string, readonly string[]> {
  const groups = new Map<string, readonly string[]>();
  for (const group of GROUPS) for (const word of group) groups.set(stem(word), group);
  return groups;
}

/** Members of more than one word, longest first: read as one word before words are split. */
export const PHRASES: readonly (readonly [RegExp, string])[] = GROUPS.flatMap((group) =>
  group
    .filter((word) => /[\s-]/u.test(word))
    .map((word) => [new RegExp(`\\b${word.replace(/[\s-]+/gu, '[\\s-]+')}\\b`, 'giu'), group[0]!] as const),
);
