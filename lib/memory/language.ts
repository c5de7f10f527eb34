/**
 * The language of a short text (a comment, a reply). Distinctive writing systems are read
 * directly; Latin-script (and other shared-script) text goes to `eld`, an n-gram detector, which
 * on the evaluation sets' short comments is right far more often than a few stopword lists
 * (lib/drafting/eval/language-detection.test.ts measures both). When eld says its own guess is
 * unreliable (a word or two), our stopword lists get the last word, and with nothing to tell by
 * the answer is undefined: a wrong language makes fit reject a good reply, an unknown one doesn't.
 *
 * eld's data is ~1 MB: this module is for the background and extension pages only, never the
 * content script (the bundle check in the README's Performance section would show it).
 */
import { eld } from 'eld/extrasmall';

/** ISO 639-1 codes this module can return. */
export type LanguageCode = string;

/** Scripts that name one language (or two, told apart by letters only one of them uses). */
const SCRIPTS: [RegExp, LanguageCode | ((text: string) => LanguageCode)][] = [
  // Letters only Ukrainian writes: eld, on a few words, takes Ukrainian for Bulgarian.
  [/[їєґ]/iu, 'uk'],
  [/\p{Script=Hangul}/u, 'ko'],
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/u, 'ja'],
  // eld leaves short Chinese without an answer ("谢谢你"); Han without kana is Chinese here.
  [/\p{Script=Han}/u, 'zh'],
  [/\p{Script=Greek}/u, 'el'],
  [/\p{Script=Hebrew}/u, 'he'],
  [/\p{Script=Bengali}/u, 'bn'],
  [/\p{Script=Tamil}/u, 'ta'],
  [/\p{Script=Thai}/u, 'th'],
];

/** Scripts several languages share: eld decides, and this is the answer when it can't. */
const SHARED_SCRIPTS: [RegExp, LanguageCode | ((text: string) => LanguageCode)][] = [
  [/\p{Script=Cyrillic}/u, (t) => (/[іїєґ]/iu.test(t) ? 'uk' : 'ru')],
  [/\p{Script=Arabic}/u, (t) => (/[پچژگ]/u.test(t) ? 'fa' : 'ar')],
  [/\p{Script=Devanagari}/u, 'hi'],
];

/** Everyday words, most telling first; a word shared by languages counts for each. */
const STOPWORDS: Record<LanguageCode, string> = {
  en: 'the and you to is it that of for this my in was so with your have on are but what just thank thanks i a an at as be not do if or all can like one more than every few',
  es: 'el la que de y en los las por para es muy gracias pero con una un lo yo tu mi esta está como',
  fr: 'le la les et est je tu que pour une des pas vous merci avec très mais sur du au ce qui',
  de: 'und der die das ist ich nicht mit ein eine du auch danke sehr für aber wie es auf zu',
  pt: 'o a que de e não um uma para com muito obrigado obrigada você é os as mas eu se',
  it: 'il che di e non per una sono molto grazie anche con è la ma io ti mi questo',
  nl: 'de het een en is ik niet dat van je met voor ook dank bedankt maar zijn op',
};

/** Letters that only some Latin-script languages use. */
const HINTS: [RegExp, LanguageCode][] = [
  [/[ñ¿¡]/u, 'es'],
  [/[ãõç]/u, 'pt'],
  [/[ßäöü]/u, 'de'],
  [/[èêëœ]/u, 'fr'],
  [/[ìò]/u, 'it'],
];

const WORDS_BY_LANGUAGE = new Map<string, LanguageCode[]>();
for (const [language, words] of Object.entries(STOPWORDS)) {
  for (const word of words.split(' ')) {
    WORDS_BY_LANGUAGE.set(word, [...(WORDS_BY_LANGUAGE.get(word) ?? []), language]);
  }
}
const LATIN_WORD = /[\p{Script=Latin}']+/gu;
const LETTER = /\p{L}/u;

/** The most likely language of a text, or undefined when there is too little to tell. */
export function detectLanguage(text: string): LanguageCode | undefined {
  // Emoji, numbers and punctuation only: nothing to tell by (eld would guess from "220C, 45 min").
  if (!LETTER.test(text)) return undefined;
  const byScript = fromScript(text, SCRIPTS);
  if (byScript) return byScript;
  const detected = eld.detect(text);
  if (detected.language && detected.isReliable()) return overruled(text, detected.language);
  return guessByWords(text);
}

/** Fewer words than this, and n-grams are a guess too ("Hello from Brazil!" reads as Yoruba). */
const SHORT_TEXT_WORDS = 6;

/**
 * eld's answer, unless the text's everyday words plainly say otherwise: two or more of one
 * language's stopwords and none of eld's ("you", "the", "so" in a short English comment eld
 * takes for Spanish), or a short text eld gives to a language none of its words belong to.
 */
function overruled(text: string, language: LanguageCode): LanguageCode | undefined {
  const words = text.toLowerCase().match(LATIN_WORD) ?? [];
  if (words.length === 0) return language;
  const hits = new Map<LanguageCode, number>();
  for (const word of words) for (const l of WORDS_BY_LANGUAGE.get(word) ?? []) hits.set(l, (hits.get(l) ?? 0) + 1);
  if ((hits.get(language) ?? 0) > 0) return language;
  const [other, count] = [...hits.entries()].sort((a, b) => b[1] - a[1])[0] ?? [];
  if (other && count !== undefined && count >= 2) return other;
  if (words.length < SHORT_TEXT_WORDS && !(language in STOPWORDS)) return guessByWords(text);
  return language;
}

function fromScript(text: string, scripts: typeof SCRIPTS): LanguageCode | undefined {
  for (const [script, language] of scripts) {
    if (script.test(text)) return typeof language === 'string' ? language : language(text);
  }
  return undefined;
}

/**
 * The guess without eld (this module's detector before eld was adopted; kept as the fallback for
 * text too short for n-grams, "Danke!", "Merci", and as the baseline the measurement compares
 * against): the writing system, then which language's everyday words and letters it uses, when
 * one clearly leads.
 */
export function guessByWords(text: string): LanguageCode | undefined {
  const byScript = fromScript(text, SCRIPTS) ?? fromScript(text, SHARED_SCRIPTS);
  if (byScript) return byScript;
  const lower = text.toLowerCase();
  const scores = new Map<LanguageCode, number>();
  const add = (language: LanguageCode, points: number) => scores.set(language, (scores.get(language) ?? 0) + points);
  for (const word of lower.match(LATIN_WORD) ?? []) {
    const languages = WORDS_BY_LANGUAGE.get(word);
    // A word several languages share tells less than one only one language uses.
    if (languages) for (const language of languages) add(language, 1 / languages.length);
  }
  for (const [hint, language] of HINTS) if (hint.test(lower)) add(language, 1);
  let best: LanguageCode | undefined;
  let bestScore = 0;
  for (const [language, score] of scores) {
    if (score > bestScore) {
      best = language;
      bestScore = score;
    }
  }
  return bestScore >= 0.9 ? best : undefined;
}
