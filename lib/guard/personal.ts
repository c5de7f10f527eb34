/**
 * Personal claims: a draft that says the creator has a daughter, is 41, lives in Bristol, trained
 * at a school, works as a nurse, is celiac, went to an event or owns a van, when the fact sheet
 * doesn't say so. First-person patterns in five languages find the claim; the fact sheet backs it
 * when it holds the same kind of thing (a daughter backs "my daughter" and "my kids") and every
 * name or place the claim adds (Porto backs "I live in Oporto"; "my dog Biscuit" needs Biscuit).
 * Another person's family ("tell your daughter") is never the creator's claim.
 */
import type { Prepared } from './context';
import { deflected } from './deflection';
import { escapeRegex, FAMILY, FAMILY_BACKED_BY, HEALTH, JOBS, OWNED } from './lexicon';
import { B, E, negatedBefore, POSSESSIVE, sentences, STOPWORDS, withinEdits, words } from './text';
import type { DraftText, RawFlag } from './types';

type Topic = 'family' | 'age' | 'place' | 'school' | 'job' | 'health' | 'event' | 'owned';

const TOPIC_WORDS: Record<Topic, string> = {
  family: 'your family',
  age: 'your age',
  place: 'where you live or are',
  school: 'your schooling or training',
  job: 'your job',
  health: 'your health',
  event: 'an event you went to',
  owned: 'something you own',
};

const alt = (list: readonly string[]) => [...list].sort((a, b) => b.length - a.length).map(escapeRegex).join('|');
const FAMILY_WORDS = Object.values(FAMILY).flat();
const FAMILY_GROUP = new Map<string, string>();
for (const [group, list] of Object.entries(FAMILY)) for (const w of list) FAMILY_GROUP.set(w, group);
const JOB_WORDS = JOBS.flat();
const JOB_GROUP = new Map<string, string[]>();
for (const group of JOBS) for (const w of group) JOB_GROUP.set(w, group);

/** Text right after the trigger: up to four words, to the next punctuation or connector. */
const OBJ = "(?<obj>[^.,!?;:\\n()]{1,60})";
const AGE_END = "(?!\\s?(?:%|°|\\d|[.,]\\d|(?:g|kg|cm|mm|km|min|h|k|x|minutes?|hours?|days?|weeks?|loaves|times|grams?|degrees|percent|minutos|horas|dias|minuten|stunden|tage)(?![\\p{L}])))";
const NUM = '(?<num>\\d{1,2})';
const ARTICLE = "(?:a|an|the|un|una|uma|um|une|ein|eine|einen|el|la|le|o)";

interface Pattern {
  topic: Topic;
  re: RegExp;
  /** The object must start with a capital in the draft as written (a place or event name). */
  proper?: boolean;
}

const P = (topic: Topic, source: string, proper = false): Pattern => ({ topic, re: new RegExp(`${B}(?:${source})`, 'gu'), proper });

/** The creator's own family, in the first person: what a family boundary is crossed by too. */
export const FAMILY_CLAIMS = [
  `${POSSESSIVE}(?:\\s+[\\p{L}\\d-]+){0,2}?\\s+(?<fam>${alt(FAMILY_WORDS)})${E}`,
  `(?:i have|i've got|we have|tengo|tenho|j'ai|ich habe|wir haben)\\s+(?:a|an|one|two|three|four|twin|\\d|un|una|dos|tres|um|uma|dois|duas|une|deux|trois|ein|eine|zwei|drei)\\s+(?<fam>kids?|children|sons?|daughters?|boys|girls|hij[oa]s?|ninos|filh[oa]s?|enfants?|fils|filles?|kinder?|sohne?|tochter)${E}`,
  `(?:i'm|i am|being|as)\\s+(?:a\\s+)?(?:stay-at-home\\s+|single\\s+|proud\\s+|busy\\s+)?(?<fam>mum|mom|mother|dad|father|grandma|grandmother|grandpa)${E}`,
  `(?<fam>i'm married|i am married|we got married|i got married|estoy casad[oa]|sou casad[oa]|je suis mariee?|ich bin verheiratet|me case|casei)${E}`,
];

const PATTERNS: Pattern[] = [
  // Family, partner, children.
  ...FAMILY_CLAIMS.map((source) => P('family', source)),
  // Age.
  P('age', `(?:i'm|i am|i was|i turned|i turn|i'll be)\\s+${NUM}(?:\\s+(?:years?\\s+old|yo))?${E}${AGE_END}`),
  P('age', `(?:tengo|cumpli|tenho|fiz|j'ai|ich bin|ich werde|ich wurde)\\s+${NUM}\\s+(?:anos|ans|jahre(?:\\s+alt)?)${E}`),
  P('age', `(?:ich bin|ich werde)\\s+${NUM}${E}${AGE_END}`),
  // Where they live or are.
  P('place', `i\\s+(?:live|lived|grew up|was raised|was born|am based|'m based|moved|have lived|'ve lived)(?:\\s+here)?\\s+(?:in|on|to|near|by|at)\\s+${OBJ}`),
  P('place', `(?:i'm|i am)\\s+(?:from|in|at|based in|living in|staying in|visiting|moving to|relocating to|moving back to)\\s+${OBJ}`, true),
  P('place', `(?:i come from|here in|i spent (?:a|the|my|last|one|two|three)\\s+\\p{L}+\\s+in)\\s+${OBJ}`, true),
  P('place', `(?:vivo|vivia|creci|naci|me mude|resido|moro|morei|cresci|nasci|me mudei)\\s+(?:en|a|em|no|na|para|pra)\\s+${OBJ}`),
  P('place', `(?:soy de|estoy en|sou de|estou em|estou no|estou na|je viens de|je suis a|ich komme aus|ich bin gerade in|ich bin jetzt in)\\s+${OBJ}`, true),
  P('place', `(?:j'habite|je vis|j'ai grandi|je suis nee?|j'ai demenage|je demenage)\\s+(?:a|au|en|aux|dans|pres de)\\s+${OBJ}`),
  P('place', `(?:ich\\s+)?(?:wohne|lebe|wohnte|lebte)(?:\\s+ich)?\\s+(?:in|am|an der|bei)\\s+${OBJ}`),
  P('place', `(?:ich bin in|bin in)\\s+(?<obj>\\p{L}+)\\s+(?:aufgewachsen|geboren)`),
  P('place', `(?:house|flat|home|cottage|casa|maison|haus|wohnung)\\s+(?:on|in|at|near|en la calle|na rua|rue|in der)\\s+${OBJ}`, true),
  // School and training.
  P('school', `i\\s+(?:studied|trained|graduated|did my degree|went to (?:culinary |cooking |baking |art |law |medical |grad |pastry )?(?:school|uni|university|college))${OBJ}?`),
  P('school', `i\\s+(?:have|hold|got|did)\\s+(?:a|an|my)\\s+(?<obj>(?:phd|doctorate|degree|masters|master's|diploma|bsc|msc|ba|ma)[^.,!?;:\\n]{0,40})`),
  P('school', `(?:culinary|cooking|baking|pastry) school`),
  P('school', `(?:estudie|me forme|me gradue|estudei|me formei|hice (?:un|una|el|la) (?:master|grado|carrera)|fiz (?:faculdade|mestrado|doutorado))${OBJ}?`),
  P('school', `(?:j'ai etudie|j'ai fait (?:l'ecole|une ecole|des etudes|un master|l'universite|la fac)|je suis diplomee?|j'ai ete formee?)${OBJ}?`),
  P('school', `ich habe (?:eine\\s+)?(?<obj>[\\p{L}]*(?:lehre|ausbildung|studium))\\s+(?:gemacht|abgeschlossen)|ich habe (?<obj2>[\\p{L}\\s]{1,30}) studiert`),
  // Job.
  P('job', `(?:i'm|i am|i was|i used to be)\\s+(?:a|an)\\s+(?:[\\p{L}-]+\\s+)?(?<job>${alt(JOB_WORDS)})${E}`),
  P('job', `i\\s+(?:work|worked|used to work|still work)(?:\\s+[\\p{L}-]+)?\\s+(?:as|at|for|in)\\s+${OBJ}`),
  P('job', `i\\s+teach\\s+(?:at|in)\\s+${OBJ}`),
  P('job', `${POSSESSIVE}\\s+(?:day job|job|boss|coworkers?|colleagues?|employer|shifts?)${E}`),
  P('job', `(?:trabajo|trabaje|trabajaba|trabalho|trabalhei|trabalhava)\\s+(?:como|de|en|em|na|no|para)\\s+${OBJ}`),
  P('job', `(?:soy|sou|je suis|ich bin)\\s+(?:${ARTICLE}\\s+)?(?:[\\p{L}-]+\\s+)?(?<job>${alt(JOB_WORDS)})${E}`),
  P('job', `je\\s+(?:travaille|travaillais|bosse)\\s+(?:comme|en tant que|chez|dans|a|au|pour)\\s+${OBJ}`),
  P('job', `ich\\s+(?:arbeite|arbeitete)\\s+(?:als|bei|in|fur)\\s+${OBJ}`),
  // Health.
  P('health', `(?:i'm|i am|i was|i've been|i have been|i've|i have|i had|i live with|i suffer from|i was diagnosed with|i got diagnosed with)\\s+(?:(?:also|a bit|very|severely|super|mildly|a|an|mild|severe)\\s+)?(?<h>${alt(HEALTH)})${E}`),
  P('health', `(?:someone who is\\s+)?(?<h>${alt(HEALTH)})\\s+myself`),
  P('health', `${POSSESSIVE}\\s+(?:(?<h>${alt(HEALTH)})|doctor|diagnosis|therapist|gp|meds|medication|insulin)${E}`),
  P('health', `(?:soy|tengo|estoy|sou|tenho|estou|je suis|j'ai|ich bin|ich habe|ich leide an)\\s+(?:(?:une|un|de l'|du|le|la)\\s+)?(?<h>${alt(HEALTH)})${E}`),
  // Events attended.
  P('event', `i\\s+(?:went|was|have been|'ve been|am going|'m going)\\s+(?:to|at)\\s+(?:the\\s+)?${OBJ}`, true),
  P('event', `i\\s+(?:ran|rode|did|completed|finished|attended|visited|competed in|raced|cycled|hiked|spoke at|won)\\s+(?:the\\s+)?${OBJ}`, true),
  P('event', `(?:estuve|fui|asisti|corri|participe|estive|participei|j'etais|je suis allee?|j'ai participe|j'ai couru|ich war)\\s+(?:en|a|em|no|na|ao|au|aux|a la|auf|bei|in|an)\\s+(?:(?:la|el|los|las|o|a|der|dem|den|le)\\s+)?${OBJ}`, true),
  // Things owned.
  P('owned', `${POSSESSIVE}(?:\\s+[\\p{L}-]+){0,2}?\\s+(?<own>${alt(OWNED)})${E}`),
  P('owned', `(?:i own|i bought|i have|i've got|i got|tengo|tenho|j'ai|ich habe)\\s+(?:a|an|my|two|\\d|un|una|um|uma|une|einen|eine|ein)\\s+(?:[\\p{L}-]+\\s+)?(?<own>${alt(OWNED)})${E}`),
];

/** Where an object stops: connectors and time words. */
const OBJ_STOP = new Set(
  'and but so before after for this that last when which since with by right now today every all because while until then who where here there these those years year ago soon y pero desde hace con antes despues porque cuando que e mas ha com antes depois porque quando et mais depuis avant apres parce maintenant und aber seit vor nach weil heute gerade jetzt als'.split(' '),
);

/** Asked about themselves ("do you have allergies?"): a bare condition in the answer is a claim. */
const ASKED_ABOUT_YOU = /(?:^|[^\p{L}])(?:do you|are you|have you|did you|tienes|eres|estas|tenes|voce tem|voce e|tu as|es-tu|tu es|as-tu|hast du|bist du)(?![\p{L}])/u;
const HEALTH_RE = new RegExp(`${B}(?:${alt(HEALTH)})${E}`, 'gu');
const SECOND_PERSON = /(?:^|[^\p{L}])(?:you|your|tu|tus|ton|ta|tes|teu|tua|voce|dein|deine|du)(?![\p{L}])/u;

/** Per sheet (its word set is shared by every draft's context), not per draft. */
const familyCache = new WeakMap<Set<string>, Map<string, boolean>>();
function sheetHasGroup(prepared: Prepared, group: string): boolean {
  let map = familyCache.get(prepared.sheetWords);
  if (!map) familyCache.set(prepared.sheetWords, (map = new Map()));
  const known = map.get(group);
  if (known !== undefined) return known;
  const groups = FAMILY_BACKED_BY[group] ?? [group];
  const re = new RegExp(`${B}(?:${alt(groups.flatMap((g) => FAMILY[g] ?? []))})${E}`, 'u');
  const has = re.test(prepared.sheetJoined);
  map.set(group, has);
  return has;
}

/**
 * A word of the claim is on the sheet: as written, as a plural, or, for a name, nearly
 * (Oporto/Porto, Friburgo/Freiburg). Common words get no such slack: "bakery" is not "bakes".
 */
export function onSheet(prepared: Prepared, word: string, name = false): boolean {
  if (prepared.sheetWords.has(word)) return true;
  for (const form of [word.replace(/e?s$/, ''), `${word}s`, `${word}es`]) if (form.length > 2 && prepared.sheetWords.has(form)) return true;
  if (!name || word.length < 4) return false;
  const max = word.length >= 6 ? 2 : 1;
  for (const w of prepared.sheetWords) {
    if (w.length >= 4 && Math.abs(w.length - word.length) <= max && withinEdits(w, word, max)) return true;
  }
  return false;
}

function sheetHasPhrase(prepared: Prepared, phrase: string): boolean {
  if (/^[\p{L}\p{N}]+$/u.test(phrase) && !STOPWORDS.has(phrase)) return prepared.sheetWords.has(phrase);
  return new RegExp(`${B}${escapeRegex(phrase)}${E}`, 'u').test(prepared.sheetJoined);
}

/** The object's words that must be backed: to the first connector, at most four. */
function objectWords(text: string, folded: string, start: number, end: number, proper: boolean): { word: string; name: boolean }[] {
  const out: { word: string; name: boolean }[] = [];
  for (const w of words(folded.slice(start, end))) {
    if (OBJ_STOP.has(w.text)) break;
    if (STOPWORDS.has(w.text)) continue;
    const original = text.slice(start + w.start, start + w.end);
    if (proper && !/^\p{Lu}/u.test(original)) {
      if (out.length === 0) return [];
      break;
    }
    out.push({ word: w.text, name: /^\p{Lu}/u.test(original) });
    if (out.length >= 4) break;
  }
  return out;
}

const NAME_AFTER = /^\s+(\p{Lu}[\p{L}'-]+)/u;

export function checkPersonal(draft: DraftText, prepared: Prepared, answering: string): RawFlag[] {
  const { text, folded } = draft;
  const spans = sentences(folded);
  const flags: RawFlag[] = [];
  const push = (topic: Topic, start: number, end: number) => {
    if (flags.some((f) => f.start < end && start < f.end)) return;
    flags.push({ kind: 'personal', start, end, reason: `States something about ${TOPIC_WORDS[topic]} ("${text.slice(start, end).trim()}") that is not on your fact sheet.` });
  };

  for (const pattern of PATTERNS) {
    pattern.re.lastIndex = 0;
    for (const m of folded.matchAll(pattern.re)) {
      const start = m.index;
      let end = m.index + m[0].length;
      const sentence = spans.find((s) => start >= s.start && start < s.end) ?? { start: 0, end: folded.length };
      if (negatedBefore(folded, start, sentence.start, 12)) continue;
      if (deflected(folded, spans, start)) continue;
      const g = m.groups ?? {};
      let backed = false;
      if (g.fam !== undefined) {
        const word = g.fam;
        const group = FAMILY_GROUP.get(word) ?? (/married|casad|mariee?|verheiratet|case|casei/.test(word) ? 'partner' : 'child');
        const mumLike = /^(?:mum|mom|mother|dad|father)$/.test(word) && /i'm|i am|being|as/.test(m[0]);
        backed = sheetHasGroup(prepared, mumLike ? 'child' : group);
        const name = NAME_AFTER.exec(text.slice(end));
        if (name) {
          end += name[0].length;
          backed &&= onSheet(prepared, name[1]!.toLowerCase(), true);
        }
      } else if (g.own !== undefined) {
        backed = sheetHasPhrase(prepared, g.own);
        const name = NAME_AFTER.exec(text.slice(end));
        if (name) {
          end += name[0].length;
          backed &&= onSheet(prepared, name[1]!.toLowerCase(), true);
        }
      } else if (g.num !== undefined) {
        backed = sheetHasPhrase(prepared, g.num);
      } else if (g.job !== undefined) {
        const group = JOB_GROUP.get(g.job) ?? [g.job];
        backed = group.some((w) => sheetHasPhrase(prepared, w));
      } else if (g.h !== undefined) {
        backed = sheetHasPhrase(prepared, g.h);
      } else if (g.obj !== undefined || g.obj2 !== undefined) {
        const objText = g.obj ?? g.obj2!;
        const objStart = start + m[0].lastIndexOf(objText);
        const objWords = objectWords(text, folded, objStart, objStart + objText.length, pattern.proper ?? false);
        if (objWords.length === 0) continue;
        // Trim the flag to the object's last backed-or-not word.
        const lastWord = objWords[objWords.length - 1]!.word;
        const at = folded.indexOf(lastWord, objStart);
        if (at >= 0) end = at + lastWord.length;
        backed = objWords.every((w) => onSheet(prepared, w.word, w.name));
      } else if (pattern.topic === 'job') {
        backed = ['job', 'work', 'works', 'worked', 'career'].some((w) => prepared.sheetWords.has(w));
      } else if (pattern.topic === 'health') {
        backed = false;
      }
      if (!backed) push(pattern.topic, start, end);
    }
  }

  // "Do you have allergies?" → "Just hay fever in spring.": a bare condition answers about the creator.
  if (ASKED_ABOUT_YOU.test(answering)) {
    for (const m of folded.matchAll(HEALTH_RE)) {
      const sentence = spans.find((s) => m.index >= s.start && m.index < s.end) ?? { start: 0, end: folded.length };
      const said = folded.slice(sentence.start, sentence.end);
      if (SECOND_PERSON.test(said) || negatedBefore(folded, m.index, sentence.start, 16) || deflected(folded, spans, m.index)) continue;
      if (sheetHasPhrase(prepared, m[0])) continue;
      push('health', m.index, m.index + m[0].length);
    }
  }
  return flags;
}
