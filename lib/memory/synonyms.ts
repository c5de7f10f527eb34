/**
 * Words that name the same thing in any creator's comments ("centre" and "middle", "buy" and
 * "purchase"), so a comment that paraphrases an old one still meets it. Only everyday words:
 * a creator's own vocabulary (a baker's "banneton", a mechanic's "derailleur") is theirs to
 * repeat and is never listed here, so the table serves any creator.
 *
 * Each group folds to its first word. English spellings (colour/color) count as synonyms.
 */

const GROUPS: readonly (readonly string[])[] = [
  ['middle', 'centre', 'center', 'inside'],
  ['bottom', 'base', 'underside'],
  ['start', 'begin', 'beginning'],
  ['beginner', 'novice', 'newbie', 'newcomer'],
  ['big', 'large', 'bigger', 'larger', 'huge'],
  ['small', 'tiny', 'smaller'],
  ['buy', 'purchase', 'order'],
  ['store', 'storage'],
  ['dense', 'heavy'],
  ['pattern', 'design'],
  ['recommend', 'suggest', 'advise'],
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
