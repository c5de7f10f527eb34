/**
 * A cheap guess at the language of a short text: the writing system first, then, for Latin
 * script, which language's everyday words it uses. No dictionary and no dependency: good enough
 * to say "you usually write in English" and to tag examples, not to translate anything.
 */

/** ISO 639-1 codes this module can return. */
export type LanguageCode = string;

const SCRIPTS: [RegExp, LanguageCode | ((text: string) => LanguageCode)][] = [
  [/\p{Script=Hangul}/u, 'ko'],
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/u, 'ja'],
  [/\p{Script=Han}/u, 'zh'],
  [/\p{Script=Cyrillic}/u, (t) => (/[іїєґ]/iu.test(t) ? 'uk' : 'ru')],
  [/\p{Script=Greek}/u, 'el'],
  [/\p{Script=Arabic}/u, (t) => (/[پچژگ]/u.test(t) ? 'fa' : 'ar')],
  [/\p{Script=Hebrew}/u, 'he'],
  [/\p{Script=Devanagari}/u, 'hi'],
  [/\p{Script=Bengali}/u, 'bn'],
  [/\p{Script=Tamil}/u, 'ta'],
  [/\p{Script=Thai}/u, 'th'],
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

/** The most likely language of a text, or undefined when there is too little to tell. */
export function detectLanguage(text: string): LanguageCode | undefined {
  for (const [script, language] of SCRIPTS) {
    if (script.test(text)) return typeof language === 'string' ? language : language(text);
  }
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
