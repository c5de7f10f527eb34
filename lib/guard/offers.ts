/**
 * Offers and promises: giveaways, discounts, sales, free things, "I'll send you", "DM me",
 * meeting up, collaborations, shout-outs, private lessons. A promise is backed when one offer or
 * fact holds the same kind of thing and shares a word with the draft's sentence or the comment
 * ("the newsletter is free" is backed by "Her newsletter is free"; "a free copy" is not).
 * "No discounts right now" promises nothing.
 */
import type { Prepared } from './context';
import { escapeRegex } from './lexicon';
import { B, E, negatedBefore, sentences, STOPWORDS, words } from './text';
import type { DraftText, RawFlag } from './types';

type Concept = 'giveaway' | 'discount' | 'sale' | 'free' | 'promise' | 'contact' | 'meet' | 'collab' | 'shoutout' | 'sponsor' | 'lesson';

const WHAT: Record<Concept, string> = {
  giveaway: 'a giveaway',
  discount: 'a discount',
  sale: 'a sale or limited-time deal',
  free: 'something free',
  promise: 'to send or make something',
  contact: 'to talk privately',
  meet: 'to meet up',
  collab: 'a collaboration',
  shoutout: 'a shout-out',
  sponsor: 'sponsorships',
  lesson: 'a class or lesson',
};

const YOU = "(?:you|u|ya)";
const TRIGGERS: Record<Concept, string[]> = {
  giveaway: ['giveaways?', 'give ?away', 'giving away', 'raffle', 'contest', 'sweepstakes?', 'sorteos?', 'sorteios?', 'concours', 'gewinnspiel', 'verlosung', 'verlose'],
  discount: ['discounts?', 'coupons?', 'descuentos?', 'descontos?', 'reductions?', 'rabatt', 'rebajas?', 'promo'],
  sale: ['sale', 'on sale', 'this week only', 'today only', 'limited time', 'last chance', 'early access', 'early bird', 'solo esta semana', 'so esta semana', 'seulement cette semaine', 'nur diese woche', 'oferta', 'promocao', 'promotion', 'angebot', 'bundles?', 'combo'],
  free: ['free', 'for free', 'on the house', 'gratis', 'gratuito', 'gratuita', 'de graca', 'gratuit', 'gratuite', 'offert', 'offerte', 'kostenlos', 'umsonst'],
  promise: [
    `(?:i'll|i will|i'm going to|i am going to|let me|i can)\\s+(?:send|mail|post|ship|give|gift|make|bake|film|record|sign|reserve|save|refund|shout|feature|tag|teach|set aside|hold)\\s+(?:${YOU}|one|a|an|some|it|that|this|them)`,
    `(?:i'll|i will|i'm going to)\\s+(?:do|make|film|record|shoot)\\s+(?:a|an)\\s+(?:video|tutorial|reel|live)`,
    "(?:te|se) (?:lo |la )?(?:envio|mando|regalo|doy|firmo|guardo|paso)", 'voy a (?:enviarte|mandarte|regalarte|hacer un video|hacerte)', 'hare un video',
    'vou te (?:mandar|enviar|dar)', 'te (?:mando|envio|dou|passo)', 'vou fazer um video',
    "je t'envoie", "je te (?:donne|fais|signe|envoie|offre|garde)", "je vais t'envoyer", 'je vais te', 'je ferai une video',
    'ich schicke dir', 'ich sende dir', 'ich gebe dir', 'ich schenke dir', 'ich mache dir', 'ich mache ein video',
  ],
  contact: [
    '(?:dm|message|email|e-mail|text|whatsapp|call|inbox|pm) me', 'hit me up', 'send me (?:a|an) (?:dm|message|email|pm)', 'drop me a (?:line|message|note)', 'write to me', 'slide into my dms',
    "(?:i'll|i will|let me) (?:dm|message|email|text|call) (?:you|u)",
    'escribeme', 'mandame un (?:dm|mensaje|privado)', 'por privado', 'por dm', 'por md', 'me (?:manda|chama|escreve) (?:uma? )?(?:dm|mensagem|direct|no privado|no direct)', 'no privado', 'pelo direct',
    'envoie-moi un (?:message|mp|dm)', 'ecris-moi', 'en mp', 'en prive', 'schreib mir', 'schreib mir eine nachricht', 'per dm', 'per pn', 'melde dich bei mir',
  ],
  meet: [
    'meet up', 'meet you', "let's meet", 'lets meet', "let's grab", 'grab a coffee', 'coffee together', 'come by', 'come visit', 'come say hi', 'drop by', 'pop by', 'pop round', 'hang out', 'ride together', "let's ride", 'see you at my',
    'quedamos', 'quedemos', 'nos vemos en', 'tomar un cafe', 'tomamos un cafe', 'tomar um cafe', 'bora (?:pedalar|tomar|fazer) juntos', 'pedalar juntos', 'vamos pedalar',
    'on se voit', 'on prend un cafe', 'prendre un cafe', 'roulons ensemble', 'rouler ensemble', 'viens me voir',
    'lass uns (?:[\\p{L}]+ ){0,4}(?:treffen|fahren)', 'treffen wir uns', 'auf einen kaffee', 'zusammen fahren', 'komm vorbei',
  ],
  collab: ['collabs?', 'collaborat(?:e|ion|ions|ing)', 'colaboracion', 'colaborar', 'colaboramos', 'hagamos una colaboracion', 'parcerias?', 'collaboration', 'zusammenarbeit', 'kooperation', 'partner up', 'team up', 'duet'],
  shoutout: ['shout ?outs?', 'shout you out', 'give you a shout'],
  sponsor: ['open to sponsor\\w*', 'sponsored (?:posts?|videos?)', 'looking for sponsors'],
  lesson: [
    'private lessons?', 'private class(?:es)?', '1:1 (?:call|session|lesson)s?', 'one-on-one', 'clases particulares', 'aulas particulares', 'cours particuliers', 'privatstunden?',
    // Attending a workshop is not offering one.
    '(?:running|hosting|teaching|giving|offering|join) (?:a|my|an) (?:[\\p{L}-]+ )?(?:workshop|masterclass|class)',
  ],
};

/** "gluten-free", "feel free", "free of dairy": not something given away. */
const NOT_AN_OFFER_BEFORE = /(?:gluten|sugar|dairy|fat|lactose|nut|egg|grain|hands|stress|care|tax|duty|yeast|feel|cruelty|error|trouble|risk)[\s-]$/;
const NOT_AN_OFFER_AFTER = /^(?:\s(?:of|to|time|from|range|form|hand|will)(?![\p{L}])|-)/u;

const TRIGGER_RES = (Object.keys(TRIGGERS) as Concept[]).map((concept) => ({
  concept,
  re: new RegExp(`${B}(?:${TRIGGERS[concept].join('|')})${E}`, 'gu'),
}));
/** Words the sheet must hold for a concept to be among the offers (folded, matched whole). */
const BACKING_WORDS: Partial<Record<Concept, string[]>> = {
  free: ['free', 'gratis', 'gratuit', 'gratuito', 'kostenlos'],
  discount: ['discount', '% off', 'off', 'coupon', 'code'],
  giveaway: ['giveaway', 'give away', 'raffle'],
  contact: ['dm', 'dms', 'message', 'email', 'e-mail'],
  // A course's "video lessons" are not private lessons.
  lesson: ['private', '1:1', 'one-on-one', 'workshop', 'workshops', 'masterclass', 'coaching', 'tutoring'],
  meet: ['meet', 'meetup', 'meet-up', 'ride together'],
  collab: ['collab', 'collaboration', 'partner'],
};

export function checkOffers(draft: DraftText, prepared: Prepared, answering: string): RawFlag[] {
  const { text, folded } = draft;
  const spans = sentences(folded);
  const flags: RawFlag[] = [];
  const answeringWords = prepared.answeringWords;
  for (const { concept, re } of TRIGGER_RES) {
    re.lastIndex = 0;
    for (const m of folded.matchAll(re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (flags.some((f) => f.start < end && start < f.end)) continue;
      const sentence = spans.find((s) => start >= s.start && start < s.end) ?? { start: 0, end: folded.length };
      if (concept === 'free' && (NOT_AN_OFFER_BEFORE.test(folded.slice(Math.max(0, start - 10), start)) || NOT_AN_OFFER_AFTER.test(folded.slice(end, end + 6)))) continue;
      // Spanish "sale" (goes out), Portuguese/Spanish "promo" in names: English words only in English.
      if (m[0] === 'sale' && draft.language && draft.language !== 'en') continue;
      if (negatedBefore(folded, start, sentence.start, 20)) continue;
      if (backed(concept, folded.slice(sentence.start, sentence.end), m[0], prepared, answeringWords)) continue;
      flags.push({ kind: 'offer', start, end, reason: `Offers ${WHAT[concept]} ("${text.slice(start, end)}"), which is not among your offers.` });
    }
  }
  void answering;
  return flags;
}

/** Per sheet (its folded items are shared by every draft's context), not per draft. */
const cueCache = new WeakMap<readonly string[], Map<string, string[]>>();

/** The sheet items that name a concept at all: few, so the per-draft work stays small. */
function itemsNaming(prepared: Prepared, cues: readonly string[]): string[] {
  let map = cueCache.get(prepared.sheet);
  if (!map) cueCache.set(prepared.sheet, (map = new Map()));
  const key = cues.join('|');
  let items = map.get(key);
  if (!items) {
    const cueRe = new RegExp(`${B}(?:${cues.map(escapeRegex).join('|')})${E}`, 'u');
    items = cueRe.test(prepared.sheetJoined) ? prepared.sheet.filter((item) => cueRe.test(item)) : [];
    map.set(key, items);
  }
  return items;
}

function backed(concept: Concept, sentence: string, trigger: string, prepared: Prepared, answeringWords: Set<string>): boolean {
  const cues = BACKING_WORDS[concept] ?? [trigger];
  const triggerWords = new Set(words(trigger).map((w) => w.text));
  const context = new Set<string>(answeringWords);
  for (const w of words(sentence)) if (!STOPWORDS.has(w.text) && !triggerWords.has(w.text) && w.text.length > 2) context.add(w.text);
  for (const w of cues) context.delete(w);
  return itemsNaming(prepared, cues).some((item) => {
    for (const w of words(item)) if (w.text.length > 2 && !STOPWORDS.has(w.text) && context.has(w.text)) return true;
    return false;
  });
}
