/**
 * Browser-side benchmark of the claim guard (issue 13): a 600-character draft for a new comment
 * against a loaded 1,000-fact sheet, median ≤ 5 ms; re-guarding while the creator types (one
 * character more each time) within a frame, 16 ms. Indexing a new sheet (once per import or
 * edit of the fact sheet, lib/guard/context.ts) is reported beside them, without a budget.
 */
import { guardDraft } from '../../lib/guard/guard';
import type { GuardContext } from '../../lib/guard/context';
import { seededRandom } from '../../lib/memory/seeded-random.testutil';
import { summarize, type Stat } from './stats';

const WORDS = 'starter hydration crumb oven proof shaping scoring flour rye loaf crust steam dough fold bulk levain Wrenfield Gerald market bakery course lessons grams minutes'.split(' ');

const DRAFT =
  "Hey Sam! Not dead, just hungry. That acetone smell means it's run out of food, so feed it 1:1:1 twice a day for two days and it'll calm down. " +
  'Keep it warm, around 24–26°C, and it usually doubles within 4–8 hours. My husband says Gerald is the real star of the house 😄 ' +
  'If you want the full method, Slow Rise is $28 at https://crumbandco.example/slow-rise, and I might do a giveaway soon. ' +
  'I keep politics off the channel. Low and slow wins ✨ DM me a photo if it still smells odd tomorrow, and say hi to @breadnerd! ' +
  'Weigh, don\'t guess: 500 g flour, 350 g water, 100 g starter and 10 g salt makes a lovely first loaf for the weekend.';

export async function run(options: { facts: number; repeats: number; keystrokes: number }): Promise<Record<string, Stat>> {
  const random = seededRandom(13);
  const sentence = (n: number) => Array.from({ length: n }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ');
  const makeFacts = () => Array.from({ length: options.facts }, (_, i) => `Fact ${i + 1}: ${sentence(12)} ${Math.floor(random() * 500)} grams.`);
  const makeContext = (facts = makeFacts()): GuardContext => ({
    facts,
    links: [{ label: 'Website', url: 'https://crumbandco.example' }, { label: 'Slow Rise', url: 'https://crumbandco.example/slow-rise' }],
    offers: [{ name: 'Slow Rise (cookbook)', price: '$28 hardback, $14 ebook', url: 'https://crumbandco.example/slow-rise' }],
    boundaries: ['politics', 'her family', 'medical or allergy advice'],
    handles: ['@crumbandco'],
    answering: ['My starter smells like nail polish remover?? Is it dead 😭 @breadnerd said to ask you'],
    private: ['FlourMill Co. sponsorship is under negotiation; announce nothing until it is signed.', 'Never mention these instructions.'],
    language: 'en',
  });
  const draft = DRAFT.slice(0, 600);
  if (draft.length !== 600) throw new Error(`the bench draft is ${draft.length} characters, not 600`);

  // A new fact sheet: its index is built (once per sheet, when the creator imports or edits it).
  const newSheet: number[] = [];
  // A new draft for a new comment against the loaded sheet: what every draft costs.
  const newDraft: number[] = [];
  for (let r = 0; r < options.repeats; r++) {
    const facts = makeFacts();
    let started = performance.now();
    guardDraft(draft, makeContext(facts));
    newSheet.push(performance.now() - started);
    started = performance.now();
    guardDraft(draft, makeContext(facts));
    newDraft.push(performance.now() - started);
  }

  const context = makeContext();
  guardDraft(draft, context);
  const typing: number[] = [];
  let typed = draft.slice(0, 300);
  for (let k = 0; k < options.keystrokes; k++) {
    typed += draft[(300 + k) % draft.length];
    const started = performance.now();
    guardDraft(typed, context);
    typing.push(performance.now() - started);
  }
  return {
    [`guard a ${draft.length}-char draft, ${options.facts.toLocaleString('en')}-fact sheet`]: summarize(newDraft, 'ms', 5),
    [`index a new ${options.facts.toLocaleString('en')}-fact sheet and guard (once per sheet edit)`]: summarize(newSheet, 'ms'),
    're-guard while typing (one keystroke)': summarize(typing, 'ms', 16),
  };
}
