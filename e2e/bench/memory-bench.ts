/**
 * Memory benchmark, run in real Chromium with real IndexedDB: `npm run bench` bundles this file
 * with bundleForBrowser (bundle.ts) and calls `run({ examples, repeats })` on a blank page
 * (browser-bench.ts launches Chromium with --js-flags=--expose-gc and precise memory info).
 *
 * What it measures, against the budgets of issue 4 (100,000 examples):
 * - bulk insert of N synthetic examples into a fresh database (≤ 5 s)
 * - index build from the stored rows, including the vocabulary tree (≤ 3 s); loading the saved
 *   index instead (what a restarted background does); saving it
 * - top-8 retrieval over 200 varied comments, emoji-only ones included (median ≤ 10 ms)
 * - index memory: heap growth of building the index over rows already in memory (≤ 150 MB),
 *   and of the rows themselves, which the index keeps for its results
 * - voice match of one draft (≤ 1 ms), fingerprint computation, edit distance of 5,000-char texts,
 *   recording a sent reply (example + draft + contact + incremental index update)
 * - retrieval quality on the sample profile: leave-one-out share of comments whose top 8 holds
 *   a same-topic reply, with top-1 and the chance level for comparison
 *
 * The synthetic memory is deterministic (seeded) and varied: 25 topics with their own words and
 * rare words, everyday words, names, emoji, 8 platforms and 3 years of dates, Zipf-like word
 * frequencies. It can also run in Node with fake-indexeddb for a sanity check; the numbers that
 * count come from the browser.
 */
import type { SiteId } from '../../lib/core/sites';
import sampleProfile from '../../public/samples/sample-profile.json';
import { UnderstudyDB, type ExampleRow } from '../../lib/memory/db';
import { markInserted } from '../../lib/memory/drafts-repo';
import { applyProfile } from '../../lib/profile/apply';
import { parseProfileFile } from '../../lib/profile/import-json';
import { insertExamples, listExamples } from '../../lib/memory/examples-repo';
import { editDistance } from '../../lib/memory/edit-distance';
import { computeFingerprints, FINGERPRINT_SAMPLE } from '../../lib/memory/fingerprint';
import { getIndexFor, loadIndex, saveIndex, settleIndexFor } from '../../lib/memory/index-store';
import { recordSent } from '../../lib/memory/learning';
import { createRetrievalIndex, type RetrievalQuery } from '../../lib/memory/retrieval';
import { evaluateRetrievalQuality, type LabelledExample } from '../../lib/memory/retrieval-quality';
import { voiceMatch } from '../../lib/memory/voice-match';
import { seededRandom } from '../../lib/memory/seeded-random.testutil';
import { summarize, type Stat } from './stats';

const TOPICS: Record<string, string> = {
  sourdough: 'starter levain hydration crumb proof bulk ferment fold shaping banneton scoring dough flour rye spelt loaf crust oven dutch steam rise tang bubbles autolyse discard feeding jar',
  pasta: 'pasta semolina egg yolk ravioli tagliatelle sauce ragu carbonara parmesan pecorino basil tomato boil salted water knead roller noodles gnocchi ricotta spinach lasagne',
  coffee: 'espresso grinder beans roast crema latte milk froth pour over filter aeropress grind burr acidity shot extraction barista portafilter ratio decaf brew kettle',
  running: 'marathon tempo intervals pace mileage shoes trainers cadence stride hills recovery long run race taper blisters hydration gels splits parkrun garmin heart rate zone',
  strength: 'squat deadlift bench press reps sets barbell dumbbell kettlebell form hinge core glutes protein soreness mobility warmup plates rack grip progression deload',
  yoga: 'yoga flow asana breath vinyasa hamstrings hips shoulders mat block strap pose balance stretch meditation savasana spine twist backbend inversion props',
  gardening: 'seeds seedlings compost soil tomatoes greenhouse watering mulch pruning roses weeds slugs raised beds pots harvest zucchini peppers basil sunlight frost fertiliser',
  travel: 'flight hostel itinerary visa backpack train ferry passport budget hotel beach hike mountains street food museum airport layover luggage currency sunset island',
  photography: 'camera lens aperture shutter iso tripod lighting golden hour portrait editing lightroom presets sensor mirrorless prime zoom focus bokeh exposure raw composition',
  tech: 'laptop keyboard monitor battery charger software update settings bluetooth wifi router storage ssd ram processor benchmark app browser extension backup cloud',
  gaming: 'controller console boss level speedrun patch multiplayer lobby ranked loadout stream twitch mod shader frame rate lag headset quest inventory checkpoint save',
  knitting: 'yarn needles stitch purl cast gauge wool merino skein pattern sweater scarf socks cable colourwork blocking tension swatch circular hook crochet',
  parenting: 'toddler bedtime nap routine tantrum school lunchbox daycare teething sleep regression screen time siblings homework playground snacks potty milestones',
  finance: 'budget savings index fund pension mortgage interest rent debt credit card spreadsheet emergency fund compound taxes salary invest dividends inflation expenses',
  skincare: 'moisturiser sunscreen serum retinol cleanser acne toner spf hydration niacinamide exfoliate sensitive skin routine patch test breakout dryness barrier',
  music: 'guitar chords strings capo tuning fingerpicking scales practice metronome amp pedal piano keys song lyrics melody chorus rhythm riff recording',
  books: 'novel chapter author series fantasy thriller audiobook library paperback plot character ending sequel recommendation book club kindle romance mystery',
  pets: 'puppy kitten vet leash training treats crate litter walk shedding grooming adoption rescue toys collar fetch barking harness kibble',
  diy: 'drill screws sanding paint primer shelves plywood saw wood glue clamps varnish tiles grout wallpaper measuring level brackets hinge caulk',
  cooking: 'recipe oven bake roast garlic onion spices curry rice chicken tofu stew soup marinade chili lemon herbs skillet simmer seasoning leftovers',
  baking: 'cake frosting butter sugar cookies brownies muffins vanilla chocolate icing sponge whisk mixer tin cinnamon pastry tart meringue caramel',
  vanlife: 'van solar battery fridge insulation bed build campsite roof vent water tank shower diesel heater route parking awning conversion',
  language: 'spanish french japanese grammar vocabulary flashcards duolingo fluency accent pronunciation immersion tutor podcast verbs conjugation kanji',
  art: 'watercolour paint brushes sketchbook gouache acrylic canvas palette pencil ink drawing shading perspective colour mixing paper sketch portrait',
  minimalism: 'declutter wardrobe capsule storage boxes donate habits drawer closet shelves clutter possessions shopping simple labels routine tidy',
};

const GENERAL =
  'love great video thanks thank amazing awesome really much help helped helpful question tried ' +
  'first time today week weekend year always never sometimes usually better worse best favourite ' +
  'beginner advice tips tip idea ideas recommend recommendation make made making use used using ' +
  'know think feel look looks looked work works worked start started finally try trying easy hard ' +
  'quick slow long short cheap expensive new old little big small perfect wrong right problem ' +
  'issue mistake fix fixed happen happened wait months days hours minutes morning night ' +
  'recipe part next episode series channel content comment comments watching watched subscribed ' +
  'inspired inspiring honestly literally seriously totally definitely maybe probably actually ' +
  'kids friend friends family partner mom dad home kitchen work job weekend holiday';

const NAMES =
  'Sam Jo Priya Tom Ana Leo Mia Noah Zoe Omar Lena Kai Ivy Ben Ravi Lucia Hana Theo Nina Yusuf ' +
  'Eli Maya Rosa Finn Aria Jules Dev Ines Oscar Lila Marco Sana Ezra Nora Felix Amara Tariq Uma';

const EMOJI = ['🍞', '✨', '😍', '🙌', '💛', '😂', '🔥', '🥹', '👏', '🙏', '😭', '🤍'];
const PLATFORMS: SiteId[] = ['youtube', 'youtube', 'youtube', 'instagram', 'instagram', 'tiktok', 'x', 'reddit'];

const SYLLABLES = 'ka lo mi ne ru sa ti vo ba de fi gu ha je ko lu ma no pe qui ra se to ve wa xi yo za bri cla dra fle gro pla sto tre'.split(' ');

/** Rare words (place names, product names, slang, typos) for the long tail of the vocabulary. */
function pseudoWords(random: () => number, count: number): string[] {
  const words = new Set<string>();
  while (words.size < count) {
    const parts = 2 + Math.floor(random() * 2);
    let word = '';
    for (let i = 0; i < parts; i++) word += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
    words.add(word);
  }
  return [...words];
}

/** Index in [0, n) with probability ∝ 1/(i+1)^s: a few words often, most words rarely. */
function zipfPicker(n: number, s: number, random: () => number): () => number {
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    total += 1 / Math.pow(i + 1, s);
    cumulative[i] = total;
  }
  return () => {
    const target = random() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

export interface SyntheticGenerator {
  example(): Omit<ExampleRow, 'id'> & { topic: string };
  comment(): { text: string; platform: SiteId; topic: string };
  /** The vocabulary the generator draws from (for the size of the index's term dictionary). */
  vocabularySize: number;
}

const START = Date.UTC(2022, 0, 1);
const SPAN = 3 * 365 * 24 * 60 * 60 * 1000;

export function createGenerator(seed = 42): SyntheticGenerator {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const chance = (p: number) => random() < p;
  const topicNames = Object.keys(TOPICS);
  const topicWords = topicNames.map((t) => TOPICS[t]!.split(' '));
  const general = GENERAL.split(' ');
  const names = NAMES.split(' ');
  // Each topic also has its own rare words, and a shared pool of rarer ones.
  const tail = pseudoWords(random, 6000);
  const topicTails = topicNames.map((_, i) => tail.slice(i * 80, i * 80 + 80));
  const sharedTail = tail.slice(topicNames.length * 80);
  const pickTopic = zipfPicker(topicNames.length, 0.8, random);
  const pickGeneral = zipfPicker(general.length, 0.7, random);
  const pickShared = zipfPicker(sharedTail.length, 0.9, random);

  const word = (t: number): string => {
    const r = random();
    if (r < 0.5) {
      const words = topicWords[t]!;
      return words[Math.floor(Math.pow(random(), 1.6) * words.length)]!;
    }
    if (r < 0.7) return general[pickGeneral()]!;
    if (r < 0.88) return pick(topicTails[t]!);
    return sharedTail[pickShared()]!;
  };
  const phrase = (t: number, min: number, max: number) => {
    const n = min + Math.floor(random() * (max - min + 1));
    return Array.from({ length: n }, () => word(t)).join(' ');
  };
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

  const commentText = (t: number): string => {
    const kind = random();
    if (kind < 0.35) {
      const opener = pick(['how do you', 'what is the best', 'why does my', 'can I use', 'any tips for', 'how long should I', 'which']);
      return `${chance(0.5) ? cap(opener) : opener} ${phrase(t, 2, 9)}${pick(['?', '??', '?', ' ?'])}`;
    }
    if (kind < 0.6) return `${cap(phrase(t, 3, 14))}${pick(['!', '!!', '.', '', ' ' + pick(EMOJI)])}`;
    if (kind < 0.75) return `tried your ${phrase(t, 1, 3)} and it ${pick(['worked', 'failed', 'was amazing', 'came out flat', 'was so good'])}! ${phrase(t, 0, 8)}`;
    if (kind < 0.85) return pick(EMOJI).repeat(1 + Math.floor(random() * 3));
    return `${cap(phrase(t, 8, 30))}. ${cap(phrase(t, 4, 16))}?`;
  };

  const replyText = (t: number): string => {
    const parts: string[] = [];
    if (chance(0.4)) parts.push(`${pick(['Hey', 'Hi', 'Hey'])} ${pick(names)}!`);
    const sentences = 1 + Math.floor(Math.pow(random(), 2) * 4);
    for (let i = 0; i < sentences; i++) parts.push(`${cap(phrase(t, 3, 16))}${pick(['.', '.', '!', '!!', ''])}`);
    if (chance(0.35)) parts.push(pick(EMOJI));
    let text = parts.join(' ');
    if (chance(0.2)) text += '\n— Maya';
    return text;
  };

  return {
    vocabularySize: new Set([...topicWords.flat(), ...general, ...tail]).size,
    example() {
      const t = pickTopic();
      const platform = pick(PLATFORMS);
      const row: Omit<ExampleRow, 'id'> & { topic: string } = {
        reply: replyText(t),
        platform,
        source: chance(0.9) ? 'import' : 'sent',
        topic: topicNames[t]!,
        createdAt: START + Math.floor(random() * SPAN),
      };
      if (chance(0.92)) row.incoming = commentText(t);
      return row;
    },
    comment() {
      const t = pickTopic();
      return { text: commentText(t), platform: pick(PLATFORMS), topic: topicNames[t]! };
    },
  };
}

export function syntheticExamples(count: number, seed = 42): (Omit<ExampleRow, 'id'> & { topic: string })[] {
  const generator = createGenerator(seed);
  return Array.from({ length: count }, () => generator.example());
}

/* ------------------------------------------------------------------------------------------ */
/* The benchmark.                                                                             */
/* ------------------------------------------------------------------------------------------ */

const QUERIES = 200;
const VOICE_DRAFTS = 500;
/** performance.now() is coarse outside cross-origin isolation: time drafts in batches. */
const VOICE_BATCH = 50;

const FORMAL_DRAFT =
  'Dear viewer, thank you for your comment regarding the fermentation process. I would like to clarify that the ' +
  'duration of bulk fermentation depends on several factors, including ambient temperature and hydration. ' +
  'Furthermore, it is advisable to monitor the volume of the dough rather than the clock. Kind regards.';

async function time<T>(work: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

/** Heap in use after garbage collection, when the browser (or Node) lets us see it. */
async function settledHeap(): Promise<number | undefined> {
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; i < 2; i++) {
    gc?.();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  const memory = (performance as { memory?: { usedJSHeapSize: number } }).memory;
  if (memory) return memory.usedJSHeapSize;
  const node = (globalThis as { process?: { memoryUsage?: () => { heapUsed: number } } }).process;
  return node?.memoryUsage?.().heapUsed;
}

function once(value: number, unit: string, budget?: number, runs = 1): Stat {
  return { median: value, p95: value, unit, ...(budget !== undefined ? { budget } : {}), runs };
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** The whole import a creator waits for: JSON text → zod validation → one transaction. */
async function timeFileImport(rows: readonly ExampleRow[]): Promise<Stat> {
  const file = JSON.stringify({
    ...sampleProfile,
    examples: rows.map((r) => ({
      reply: r.reply,
      ...(r.incoming ? { incoming: r.incoming } : {}),
      ...(r.platform ? { platform: r.platform } : {}),
      ...(r.topic ? { topic: r.topic } : {}),
      date: new Date(r.createdAt).toISOString(),
    })),
  });
  const db = new UnderstudyDB(`bench-import-${Date.now()}`);
  try {
    const { ms } = await time(async () => {
      const parsed = parseProfileFile('bench.json', file);
      if (!parsed.ok) throw new Error(parsed.error.message);
      await applyProfile(db, parsed.profile, 'bench.json');
    });
    return once(ms, 'ms');
  } finally {
    await db.delete();
  }
}

export async function run(options: { examples: number; repeats: number }): Promise<Record<string, Stat>> {
  const n = Math.max(1, Math.floor(options.examples));
  const repeats = Math.max(1, Math.floor(options.repeats));
  const label = `${count(n)} examples`;
  const results: Record<string, Stat> = {};
  const generator = createGenerator(42);
  const rows = Array.from({ length: n }, () => generator.example());

  // Bulk insert, each time into a fresh database; the last one is kept for what follows.
  const insertMs: number[] = [];
  let db: UnderstudyDB | undefined;
  for (let r = 0; r < Math.min(repeats, 3); r++) {
    await db?.delete();
    db = new UnderstudyDB(`bench-memory-${Date.now()}-${r}`);
    await db.open();
    // What an import writes: the repository's chunked bulk insert (examples-repo).
    insertMs.push((await time(() => insertExamples(db!, rows))).ms);
  }
  const database = db!;
  results[`memory: bulk insert ${label}`] = summarize(insertMs, 'ms', n === 100_000 ? 5000 : undefined);
  results[`memory: import a profile file of ${label} (read, validate, store)`] = await timeFileImport(rows);

  try {
    const read = await time(() => listExamples(database));
    const stored = read.value;
    results[`memory: read all ${label} from IndexedDB`] = once(read.ms, 'ms');

    // Memory: the rows the index keeps, then the index structures over them.
    const beforeRows = await settledHeap();
    const rowsAgain = await listExamples(database);
    const afterRows = await settledHeap();
    const beforeIndex = afterRows;
    const index = createRetrievalIndex(rowsAgain).warm();
    const afterIndex = await settledHeap();
    if (beforeIndex !== undefined && afterIndex !== undefined && beforeRows !== undefined && afterRows !== undefined) {
      results[`memory: index memory, ${label}`] = once((afterIndex - beforeIndex) / 1e6, 'MB', n === 100_000 ? 150 : undefined);
      results[`memory: rows kept for results, ${label}`] = once((afterRows - beforeRows) / 1e6, 'MB');
    }
    results[`memory: index vocabulary, ${label}`] = once(index.vocabularySize, 'terms');

    const buildMs: number[] = [];
    for (let r = 0; r < repeats; r++) buildMs.push((await time(() => createRetrievalIndex(stored).warm())).ms);
    results[`memory: index build, ${label}`] = summarize(buildMs, 'ms', n === 100_000 ? 3000 : undefined);

    const saveMs: number[] = [];
    for (let r = 0; r < Math.min(repeats, 3); r++) saveMs.push((await time(() => saveIndex(database, index))).ms);
    results[`memory: index save, ${label}`] = summarize(saveMs, 'ms');
    const loadMs: number[] = [];
    for (let r = 0; r < repeats; r++) {
      const loaded = await time(() => loadIndex(database));
      if (loaded.value.rebuilt) throw new Error('The saved index was not used on load.');
      loadMs.push(loaded.ms);
    }
    results[`memory: index load (rows + saved index), ${label}`] = summarize(loadMs, 'ms');

    // Retrieval over varied comments: questions, praise, long ones, emoji-only, some in threads.
    const comments = createGenerator(7);
    const queries: RetrievalQuery[] = Array.from({ length: QUERIES }, (_, i) => {
      const comment = comments.comment();
      const query: RetrievalQuery = { text: comment.text, platform: comment.platform };
      if (i % 10 === 0) query.parentText = comments.comment().text;
      return query;
    });
    for (const query of queries.slice(0, 20)) index.search(query, 8);
    const searchMs: number[] = [];
    for (let r = 0; r < repeats; r++) {
      for (const query of queries) {
        const start = performance.now();
        index.search(query, 8);
        searchMs.push(performance.now() - start);
      }
    }
    results[`memory: top-8 retrieval, ${label}`] = summarize(searchMs, 'ms', 10);

    // Style fingerprint and voice match.
    const fingerprintMs: number[] = [];
    // What getFingerprintFor reads from the database: the most recent replies.
    const recent = [...stored].sort((x, y) => y.createdAt - x.createdAt).slice(0, FINGERPRINT_SAMPLE);
    let fingerprints = computeFingerprints(recent);
    for (let r = 0; r < Math.min(repeats, 3); r++) {
      const computed = await time(() => computeFingerprints(recent));
      fingerprintMs.push(computed.ms);
      fingerprints = computed.value;
    }
    results[`memory: style fingerprint (${count(Math.min(n, FINGERPRINT_SAMPLE))} recent replies)`] = summarize(fingerprintMs, 'ms');
    const drafts = [FORMAL_DRAFT, ...Array.from({ length: VOICE_DRAFTS - 1 }, () => generator.example().reply)];
    for (const draft of drafts.slice(0, 50)) voiceMatch(draft, fingerprints.overall);
    const voiceMs: number[] = [];
    for (let r = 0; r < repeats; r++) {
      for (let i = 0; i < drafts.length; i += VOICE_BATCH) {
        const batch = drafts.slice(i, i + VOICE_BATCH);
        const start = performance.now();
        for (const draft of batch) voiceMatch(draft, fingerprints.overall);
        voiceMs.push((performance.now() - start) / batch.length);
      }
    }
    results['memory: voice match of one draft'] = summarize(voiceMs, 'ms', 1);

    const random = seededRandom(5);
    const text = () => Array.from({ length: 5000 }, () => 'abcdefgh ijklmnop'[Math.floor(random() * 17)]).join('');
    const [a, b] = [text(), text()];
    const editMs: number[] = [];
    for (let r = 0; r < repeats; r++) editMs.push((await time(() => editDistance(a, b))).ms);
    results['memory: edit distance, two unrelated 5,000-char texts'] = summarize(editMs, 'ms');

    // The learning loop: a sent draft becomes an example; the loaded index takes it in place.
    await getIndexFor(database);
    await settleIndexFor(database);
    const sentMs: number[] = [];
    for (let i = 0; i < 20; i++) {
      const comment = comments.comment();
      const draftId = await markInserted(
        database,
        {
          comment: { site: comment.platform, commentId: `bench-${i}`, author: `@fan${i % 5}`, text: comment.text, pageUrl: 'https://www.youtube.com/watch?v=bench' },
          text: 'Thank you so much!',
          engineText: 'Thank you so much!',
          engine: 'memory',
          exampleIds: [],
        },
        { voiceScore: 90 },
      );
      const sent = await time(() =>
        recordSent(database, { draftId, comment: comment.text, finalText: 'Thank you so much!! 🍞', platform: comment.platform, contact: `@fan${i % 5}` }),
      );
      sentMs.push(sent.ms);
    }
    results[`memory: record a sent reply (incremental), ${label}`] = summarize(sentMs, 'ms');
  } finally {
    await settleIndexFor(database);
    await database.delete();
  }

  // Retrieval quality on the sample creator, leave-one-out.
  const examples = (sampleProfile as { examples: LabelledExample[] }).examples;
  const top8 = evaluateRetrievalQuality(examples, 8);
  results['memory: retrieval quality, sample profile (top 8 holds same topic)'] = once(top8.hitRate * 100, '%', undefined, top8.queries);
  results['memory: retrieval quality, chance level for top 8'] = once(top8.chanceHitRate * 100, '%', undefined, top8.queries);
  results['memory: retrieval quality, first result same topic'] = once(top8.top1HitRate * 100, '%', undefined, top8.queries);
  return results;
}
