/**
 * Does a past reply (or a model's draft) answer this comment? Separate from voice: a reply can
 * sound exactly like the creator and answer another question. The memory engine drafts only
 * from replies that fit, and says so plainly when none does.
 *
 * Signals, each cheap (the whole judgement for one draft takes well under a millisecond):
 * - intent: a question wants an answer, praise and thanks want the creator's thanks; spam wants
 *   nothing. A past exchange whose incoming text had another intent does not fit.
 * - content words of the comment found in the past exchange (what was asked and what was said).
 * - the retrieval score against the other candidates' scores: a clear leader means something,
 *   a flat field of weak matches does not (BM25 scores have no fixed scale).
 * - vector similarity, when an embedding model ranked the candidates.
 * - the kind of question: a "how long" is not answered by a "where".
 * - language: a past reply in another language does not fit the memory engine.
 * Thresholds were calibrated on the evaluation set's tuning half (lib/drafting/eval).
 */
import type { DraftFit, FitLevel } from '../core/draft';
import { contentWords, wordsFoundIn } from './content-words';
import { classifyIntent, kindMatch, questionKind, type Intent, type QuestionKind } from './intent';
import { detectLanguage } from './language';
import type { RetrievedExample } from './retrieval';

export interface CommentReading {
  intent: Intent;
  kind?: QuestionKind;
  language?: string;
  /** Topic words of the comment (and of its parent, when the comment alone has too few). */
  words: string[];
  /** Words taken from the parent comment only: weaker evidence. */
  parentWords: string[];
  /** The comment said too little to tell its intent, so its parent's was taken. */
  borrowedIntent?: true;
}

/** A reply that says little on its own ("Same!", "and for how long?") borrows its parent's topic. */
const FEW_WORDS = 2;

/** Read a comment once; every candidate is judged against this. */
export function readComment(text: string, parentText?: string): CommentReading {
  let intent = classifyIntent(text);
  const words = contentWords(text);
  let parentWords: string[] = [];
  let kind = questionKind(text, intent);
  let borrowedIntent: true | undefined;
  if (parentText && words.length <= FEW_WORDS) {
    const parentIntent = classifyIntent(parentText);
    parentWords = contentWords(parentText).filter((w) => !words.includes(w));
    // "Same here!" under a question asks it again; under praise it praises.
    if (intent === 'other' && parentIntent !== 'other') {
      intent = parentIntent;
      kind = questionKind(parentText, parentIntent);
      borrowedIntent = true as const;
    }
  }
  const language = detectLanguage(parentWords.length > 0 ? `${text} ${parentText ?? ''}` : text);
  return {
    intent,
    ...(kind ? { kind } : {}),
    ...(language ? { language } : {}),
    words,
    parentWords,
    ...(borrowedIntent ? { borrowedIntent } : {}),
  };
}

/** Which past exchanges may answer which comments, by intent. */
const ANSWERED_BY: Record<Intent, readonly Intent[]> = {
  question: ['question', 'request', 'criticism', 'other'],
  // "Cups please" is answered by the reply to "Cups please, nobody has a scale".
  request: ['request', 'question', 'criticism'],
  criticism: ['criticism', 'question'],
  praise: ['praise', 'thanks', 'other'],
  thanks: ['thanks', 'praise', 'other'],
  other: ['other', 'praise', 'thanks', 'question'],
  spam: [],
};

export interface CandidateFit extends DraftFit {
  /** 0–1: higher fits better; ranks fitting candidates. */
  strength: number;
}

/** Where one candidate's retrieval score sits among all candidates' scores. */
export interface ScoreContext {
  top: number;
  median: number;
}

export function scoreContext(candidates: readonly RetrievedExample[]): ScoreContext {
  const scores = candidates.map((c) => c.score).sort((a, b) => a - b);
  const top = scores.at(-1) ?? 0;
  const median = scores[Math.floor(scores.length / 2)] ?? 0;
  return { top, median };
}

// Calibrated on the tuning half of lib/drafting/eval/sample-eval.json.
const FITS_AT = 0.65;
const PARTLY_AT = 0.45;
const SIMILARITY_STRONG = 0.6;
const ECHO_PENALTY = 0.1;
const ECHO_PENALTY_CAP = 0.3;
const KIND_MISMATCH_PENALTY = 0.1;
/** Weight of answering the same kind of question ("where" for "where"). */
const KIND_WEIGHT = 0.1;
const SIMILARITY_WEAK = 0.35;
/** Share of the comment's topic words the old comment must have asked about, to fit. */
const ASKED_AT = 0.4;
/** Strength by which the best fitting reply must lead a different fitting one. */
const FIT_MARGIN = 0.1;
/** Weight of the old comment's words among the topic signals (the rest: the whole exchange). */
const ASKED_WEIGHT = 0.3;
/** Weight of how much of the old comment the new one takes up (its focus), around neutral. */
const FOCUS_WEIGHT = 0.2;

/** Intents read from past incoming texts, cached: the same examples come back draft after draft. */
const incomingIntents = new Map<string, Intent>();
const MAX_CACHED = 20_000;
function intentOfIncoming(text: string): Intent {
  const cached = incomingIntents.get(text);
  if (cached) return cached;
  const intent = classifyIntent(text);
  if (incomingIntents.size >= MAX_CACHED) incomingIntents.clear();
  incomingIntents.set(text, intent);
  return intent;
}

/**
 * How well each candidate answers the comment. Judged together, because a topic word every
 * candidate shares ("loaf" for a baker) says less than one only a few share ("fridge").
 */
export function judgeCandidates(comment: CommentReading, candidates: readonly RetrievedExample[]): CandidateFit[] {
  const scores = scoreContext(candidates);
  const exchanges = candidates.map((c) => new Set(contentWords(`${c.example.incoming ?? ''} ${c.example.reply}`)));
  const asked = candidates.map((c) => new Set(contentWords(c.example.incoming ?? '')));
  const weights = new Map<string, number>();
  const unheard: string[] = [];
  for (const word of [...comment.words, ...comment.parentWords]) {
    const holders = exchanges.filter((words) => wordsFoundIn([word], words).length > 0).length;
    const share = candidates.length > 1 ? holders / candidates.length : 0;
    weights.set(word, weightOfShare(share));
    if (holders === 0 && comment.words.includes(word) && TOPIC_WORD.test(word)) unheard.push(word);
  }
  const judged = candidates.map((candidate, i) =>
    judgeCandidate(comment, candidate, scores, exchanges[i]!, weights, asked[i], unheard),
  );
  return withoutCloseCalls(judged, candidates);
}

/**
 * A question two different past replies answer about equally well is a coin toss: neither is
 * shown as fitting, even when the rival was held back for a doubt of its own (a clear leader is
 * what "fits" promises). Thanks too: two thank-yous written for other comments, neither plainly
 * the one for this, are drafted as "partly".
 */
export function withoutCloseCalls(judged: CandidateFit[], candidates: readonly RetrievedExample[]): CandidateFit[] {
  const all = judged
    .map((fit, i) => ({ fit, reply: candidates[i]!.example.reply }))
    .sort((a, b) => b.fit.strength - a.fit.strength);
  const best = all[0]?.fit.level === 'fits' ? all[0] : undefined;
  const rival = all.find((j) => j.reply !== best?.reply);
  if (!best || !rival || best.fit.strength - rival.fit.strength >= FIT_MARGIN) return judged;
  return judged.map((fit) =>
    fit.level === 'fits'
      ? { ...fit, level: 'partly', strength: Math.min(fit.strength, FITS_AT - 0.01), reasons: [...fit.reasons, 'another past reply answers this about as well'] }
      : fit,
  );
}

/** The comment's words and its parent's, as one pool to look the old comment's words up in. */
function commentWords(comment: CommentReading): ReadonlySet<string> {
  return new Set([...comment.words, ...comment.parentWords]);
}

/** Long enough, and not a number, to name a topic ("spelt", "freezer"). */
const TOPIC_WORD = /^\p{L}{4,}$/u;

/** A word most candidates share ("loaf" for a baker) says little about which one answers. */
function weightOfShare(share: number): number {
  return 1 / (1 + share * 2);
}

/** How well one past exchange answers the comment. */
export function judgeCandidate(
  comment: CommentReading,
  candidate: RetrievedExample,
  scores: ScoreContext,
  exchange: ReadonlySet<string> = new Set(
    contentWords(`${candidate.example.incoming ?? ''} ${candidate.example.reply}`),
  ),
  weights: ReadonlyMap<string, number> = new Map(),
  asked: ReadonlySet<string> = new Set(contentWords(candidate.example.incoming ?? '')),
  /**
   * The comment's topic words that no candidate mentions: retrieval favours rare words, so the
   * creator has likely never talked about them ("Do you ever bake with spelt?").
   */
  unheard: readonly string[] = [],
): CandidateFit {
  const { example } = candidate;
  const reasons: string[] = [];
  if (comment.intent === 'spam') return none(['looks like spam']);
  const replyLanguage = example.language ?? detectLanguage(example.reply);
  if (comment.language && replyLanguage && comment.language !== replyLanguage) {
    return none([`your reply is in ${replyLanguage}, the comment in ${comment.language}`]);
  }
  const incoming = example.incoming ?? '';
  const pastIntent: Intent = incoming ? intentOfIncoming(incoming) : 'other';
  if (incoming && !ANSWERED_BY[comment.intent].includes(pastIntent)) {
    return none([`a ${comment.intent} answered by a reply to ${article(pastIntent)}`]);
  }
  // A complaint is answered by a reply to a complaint, or to a question that was one ("why do
  // you always…", "my loaf keeps…"), never by the answer to a plain how-to.
  if (incoming && comment.intent === 'criticism' && pastIntent === 'question') {
    const pastKind = questionKind(incoming, pastIntent);
    if (pastKind !== 'why' && pastKind !== 'problem') return none(['a complaint answered by a reply to a question']);
  }

  // A comment that says little on its own ("Mine too! What's the fix?") is about its parent.
  const parentWeight = comment.words.length <= FEW_WORDS ? 1 : 0.5;
  const weightOf = (word: string) => weights.get(word) ?? 1;
  const found = wordsFoundIn(comment.words, exchange);
  const foundParent = wordsFoundIn(comment.parentWords, exchange);
  const sum = (words: readonly string[]) => words.reduce((total, w) => total + weightOf(w), 0);
  const total = sum(comment.words) + sum(comment.parentWords) * parentWeight;
  const wordCoverage = total > 0 ? (sum(found) + sum(foundParent) * parentWeight) / total : 0;
  const taken = [...found, ...foundParent];
  if (taken.length > 0) reasons.push(`takes up ${taken.slice(0, 3).join(', ')}`);
  // An embedding model's similarity says "same meaning" where no word is shared ("puff up" / "bubbles").
  const similarity = (candidate as { similarity?: number }).similarity;
  const meaning =
    similarity === undefined ? 0 : Math.max(0, Math.min(1, (similarity - SIMILARITY_WEAK) / (SIMILARITY_STRONG - SIMILARITY_WEAK)));
  const coverage = Math.max(wordCoverage, meaning);
  // The same question asked before: the comment's words in the old comment, not only in the reply
  // (a reply mentions many things it was not asked about).
  // A reply kept without its comment (a sent reply, an import without `incoming`) is judged on
  // the reply alone: nothing says what it was asked.
  const askedCoverage = !incoming
    ? coverage
    : Math.max(
        meaning,
        total > 0 ? (sum(wordsFoundIn(comment.words, asked)) + sum(wordsFoundIn(comment.parentWords, asked)) * parentWeight) / total : 0,
      );
  if (meaning >= 1) reasons.push('means the same (Better matching)');

  const relative = scores.top > 0 ? candidate.score / scores.top : 0;
  const standsOut =
    scores.top > 0 && scores.median > 0 ? Math.max(0, Math.min(1, (candidate.score / scores.median - 1) / 2)) : 0;
  const sameIntent = incoming !== '' && pastIntent === comment.intent ? 1 : 0;

  let strength: number;
  if (comment.intent === 'praise' || comment.intent === 'thanks') {
    // Thanks for thanks: the words matter less than that the creator was thanking someone.
    const thankful = pastIntent === 'praise' || pastIntent === 'thanks' || repliesWithThanks(example.reply);
    // The retrieval score of a thank-you mostly measures thank-you words (draft-retrieval's thanks
    // query), not this comment: it only breaks ties.
    strength = (thankful ? 0.5 : 0.15) + coverage * 0.35 + relative * 0.05 + standsOut * 0.05;
    // A thank-you that echoes its own comment ("Happy birthday to your mum") belongs to that comment.
    const echoes = wordsFoundIn(contentWords(example.reply), new Set(contentWords(incoming))).filter(
      (w) => !taken.includes(w),
    );
    strength -= Math.min(ECHO_PENALTY_CAP, echoes.length * ECHO_PENALTY);
    if (thankful) reasons.push(echoes.length > 0 ? `your thanks to another comment (${echoes[0]})` : 'your thanks for similar words');
  } else {
    const pastKind = incoming ? questionKind(incoming, pastIntent) : undefined;
    const kind = kindMatch(comment.kind, pastKind);
    if (comment.kind && kind === 1) reasons.push(`answers a ${comment.kind} question`);
    if (comment.kind && kind === 0) reasons.push('answers another kind of question');
    // The old comment asked about nothing else: "What flour do you use?" answers "Which flour do
    // you bake with?" better than "Rye or white flour for starting a starter from scratch?".
    // A stated problem ("no bubbles after three days, help!") describes more than it asks: its
    // extra words are symptoms, not another question.
    const focus =
      incoming && asked.size > 0 && pastKind !== 'problem' ? wordsFoundIn([...asked], commentWords(comment)).length / asked.size : 0.5;
    strength =
      askedCoverage * ASKED_WEIGHT +
      coverage * (0.6 - ASKED_WEIGHT) +
      kind * KIND_WEIGHT +
      relative * 0.1 +
      standsOut * 0.1 +
      sameIntent * 0.1 +
      (focus - 0.5) * FOCUS_WEIGHT;
    if (comment.kind && kind === 0) strength -= KIND_MISMATCH_PENALTY;
    if (taken.length === 0 && meaning < 1) strength = Math.min(strength, PARTLY_AT - 0.01);
    const doubt =
      fitsDoubt(comment, example.reply, incoming, askedCoverage, kind) ??
      // Advice for a question may soothe a complaint; it is not the answer to it.
      (comment.intent === 'criticism' && incoming && pastIntent !== 'criticism' ? 'answers a question, not a complaint' : undefined) ??
      // "Scales are like $10" under "Cups please": what it does is read off its parent, a guess.
      (comment.borrowedIntent ? 'reads its intent off the comment it replies to' : undefined) ??
      // A remark that asks nothing ("my cookbook just arrived") is not plainly answered by what
      // the creator told someone who asked.
      (comment.intent === 'other' && incoming && pastIntent !== 'other' ? 'answers a question; this comment asks none' : undefined) ??
      (unheard.length > 0 ? `asks about ${unheard[0]}, which your past replies never mention` : undefined);
    if (doubt) {
      if (!reasons.includes(doubt)) reasons.push(doubt);
      strength = Math.min(strength, FITS_AT - 0.01);
    }
  }

  strength = Math.max(0, Math.min(1, strength));
  return { level: levelOf(strength), reasons, strength };
}

/**
 * Why a reply that scores well still cannot be shown as fitting: it was asked about something
 * else, it answers another kind of question, or it holds no answer of the kind asked (a "how
 * long" answered without a duration).
 */
export function fitsDoubt(
  comment: CommentReading,
  reply: string,
  incoming: string,
  askedCoverage: number,
  kind: number,
): string | undefined {
  if (incoming && askedCoverage < ASKED_AT) return 'was asked about something else';
  if (comment.kind && kind === 0) return 'answers another kind of question';
  const cue = comment.kind && QUANTITY_KINDS.has(comment.kind) ? ANSWER_CUES[comment.kind] : undefined;
  if (cue && !cue.test(reply)) return `gives no answer to "${comment.kind?.replace('-', ' ')}"`;
  return undefined;
}

/** Kinds whose answer is a number or a span of time: the reply must hold one. */
const QUANTITY_KINDS: ReadonlySet<QuestionKind> = new Set(['how-long', 'how-much', 'how-often']);

/** The creator was thanking someone: "Thank you for baking along", "means the world". */
function repliesWithThanks(reply: string): boolean {
  return /\b(?:thank|thanks|means (?:the world|a lot)|so glad|grateful|appreciated)\b/iu.test(reply);
}

function levelOf(strength: number): FitLevel {
  return strength >= FITS_AT ? 'fits' : strength >= PARTLY_AT ? 'partly' : 'none';
}

function none(reasons: string[]): CandidateFit {
  return { level: 'none', reasons, strength: 0 };
}

function article(intent: Intent): string {
  const noun = intent === 'other' ? 'another kind of comment' : intent === 'thanks' ? 'thanks' : intent;
  return /^[aeiou]/u.test(noun) ? `an ${noun}` : noun === 'thanks' || noun.startsWith('another') ? noun : `a ${noun}`;
}

const ANSWER_CUES: Partial<Record<QuestionKind, RegExp>> = {
  'how-long': /\d|\b(?:minutes?|hours?|days?|weeks?|overnight|min|hrs?|minutos?|horas?|dias?|heures?|jours?|minuten|stunden|tage?n?)\b/iu,
  'how-much': /\d|\b(?:half|quarter|cup|spoon|pinch|percent)\b/iu,
  'how-often': /\d|\b(?:every|daily|weekly|once|twice|each|cada|todos|chaque|jeden|alle)\b/iu,
  when: /\d|\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|every|morning|evening|night|when|once|after|before)\b/iu,
  where: /https?:\/\/|\b(?:at|in|on|shop|store|website|link)\b/iu,
  'yes-no': /^\W*(?:yes|yep|yeah|no|nope|not|sure|absolutely|definitely|of course|you can|si|sim|oui|non|ja|nein)\b/iu,
  'can-i': /^\W*(?:yes|yep|yeah|no|nope|not|sure|absolutely|you can|you could|si|sim|oui|non|ja|nein)\b/iu,
};

/**
 * Fit of a model-written draft, judged on the draft itself: does it take up the comment's topic
 * words, answer in kind (a number for "how long", a yes or no for "can I"), and respond to the
 * intent (thanks for praise, an answer for a question)?
 */
export function judgeDraftFit(comment: string, draftText: string, parentText?: string): DraftFit {
  const reading = readComment(comment, parentText);
  const draft = draftText.trim();
  if (!draft) return { level: 'none', reasons: ['empty draft'] };
  if (reading.intent === 'spam') return { level: 'none', reasons: ['the comment looks like spam'] };
  const draftWords = new Set(contentWords(draft));
  const found = wordsFoundIn([...reading.words, ...reading.parentWords], draftWords);
  const total = reading.words.length + reading.parentWords.length;
  const coverage = total > 0 ? found.length / total : 0;
  const reasons: string[] = [];
  if (found.length > 0) reasons.push(`takes up ${found.slice(0, 3).join(', ')}`);

  if (reading.intent === 'praise' || reading.intent === 'thanks') {
    const thanks = classifyIntent(draft);
    const warm = thanks === 'thanks' || thanks === 'praise' || /\b(?:glad|thank|means)\b/iu.test(draft);
    reasons.push(warm ? 'thanks them' : 'does not thank them');
    return { level: warm ? 'fits' : 'partly', reasons };
  }
  if (reading.intent === 'question' || reading.intent === 'request' || reading.intent === 'criticism') {
    const cue = reading.kind ? ANSWER_CUES[reading.kind] : undefined;
    const answersKind = cue ? cue.test(draft) : true;
    if (reading.kind) reasons.push(answersKind ? `answers the ${reading.kind} question` : `no answer to the ${reading.kind} question`);
    const level: FitLevel = coverage >= 0.5 && answersKind ? 'fits' : coverage > 0 ? 'partly' : 'none';
    return { level, reasons };
  }
  return { level: coverage > 0 ? 'fits' : 'partly', reasons };
}
