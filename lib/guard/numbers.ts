/**
 * Numbers and prices. A draft's numbers (digits, number words, weekdays, months, clock times,
 * ranges, ratios) must each be found in the facts, the offers, what the draft answers or, for the
 * memory engine, the creator's own past wording. Prices (money amounts, promo codes, amounts off)
 * are held to a stricter standard: only the offers and facts back them, never the comment
 * ("is the course $5?" does not make "Yes, $5!" true).
 *
 * A number is compared by value and unit class: "12 hours" is not backed by "12 years", but a
 * bare "12" is backed by either, and "4–8 hours" needs both 4 and 8. Cost: one pass of a few
 * regexes over the draft; the backing numbers are collected once per context (context.ts).
 */
import type { Prepared } from './context';
import type { DraftText, RawFlag } from './types';
import { B, E } from './text';

export interface NumberToken {
  start: number;
  end: number;
  values: number[];
  /** Unit class ('h', 'g', 'year', 'weekday', 'month-name', 'clock', …), when one follows. */
  unit?: string;
  money?: boolean;
}

/** Units that must match exactly: a bare 6 does not back Saturday, nor 6 pm. */
const STRICT_UNITS = new Set(['weekday', 'month-name', 'clock']);

const UNITS: Record<string, string> = {};
const unit = (cls: string, list: string) => list.split(' ').forEach((u) => (UNITS[u] = cls));
unit('g', 'g gr gram grams gramos gramas gramm gramme grammes');
unit('kg', 'kg kilo kilos');
unit('deg', '°c °f ° degrees degree grados grado graus grau degres degre grad');
unit('min', 'min mins minute minutes minuto minutos minuten');
unit('h', 'h hr hrs hour hours hora horas heure heures stunde stunden');
unit('day', 'day days dia dias jour jours tag tage tagen');
unit('week', 'week weeks semana semanas semaine semaines woche wochen');
unit('month', 'month months mes meses mois monat monate monaten');
unit('year', 'year years yr yrs ano anos an ans jahr jahre jahren');
unit('cm', 'cm');
unit('mm', 'mm');
unit('km', 'km');
unit('bar', 'bar');
unit('%', '%');
unit('clock', 'pm am uhr');

const NUMBER_WORDS: Record<string, number> = {};
const numberWords = (list: string) =>
  list.split(' ').forEach((pair) => {
    const [word, value] = pair.split('=');
    NUMBER_WORDS[word!] = Number(value);
  });
numberWords('two=2 three=3 four=4 five=5 six=6 seven=7 eight=8 nine=9 ten=10 eleven=11 twelve=12 thirteen=13 fourteen=14 fifteen=15 sixteen=16 seventeen=17 eighteen=18 nineteen=19 twenty=20 thirty=30 forty=40 fifty=50 sixty=60 seventy=70 eighty=80 ninety=90 hundred=100 thousand=1000 dozen=12');
numberWords('dos=2 tres=3 cuatro=4 cinco=5 seis=6 siete=7 ocho=8 nueve=9 diez=10 once=11 doce=12 quince=15 veinte=20 treinta=30 cuarenta=40 cincuenta=50 cien=100 mil=1000');
numberWords('dois=2 duas=2 quatro=4 sete=7 oito=8 nove=9 dez=10 onze=11 doze=12 vinte=20 trinta=30 quarenta=40 cinquenta=50 cem=100');
numberWords('deux=2 trois=3 quatre=4 cinq=5 sept=7 huit=8 dix=10 douze=12 vingt=20 trente=30 quarante=40 cinquante=50 cent=100 mille=1000');
numberWords('zwei=2 drei=3 vier=4 funf=5 sechs=6 sieben=7 acht=8 neun=9 zehn=10 elf=11 zwolf=12 zwanzig=20 dreissig=30 vierzig=40 funfzig=50 hundert=100 tausend=1000');
/** Number words that are other words in another of the five languages: counted only in theirs. */
const GATED: Record<string, string[]> = {
  four: ['en'], dos: ['es'], tres: ['es', 'pt'], once: ['es'], mil: ['es', 'pt'], sept: ['fr'], cent: ['fr'], acht: ['de'], elf: ['de'],
  onze: ['pt', 'fr'], quinze: ['pt', 'fr', 'es'], dez: ['pt'], nove: ['pt'], sete: ['pt'],
};
/** "both" and "every other" idioms: les deux, los dos, as duas, un sur deux, one or two. */
const IDIOM_BEFORE = /(?:^|[^\p{L}])(?:les|des|tous les|toutes les|sur|los|las|os|as|or|o|ou)\s$/u;

const WEEKDAYS: [string, number][] = [
  ['monday', 1], ['tuesday', 2], ['wednesday', 3], ['thursday', 4], ['friday', 5], ['saturday', 6], ['sunday', 7],
  ['lunes', 1], ['martes', 2], ['miercoles', 3], ['jueves', 4], ['viernes', 5], ['sabado', 6], ['domingo', 7],
  ['segunda-feira', 1], ['terca-feira', 2], ['quarta-feira', 3], ['quinta-feira', 4], ['sexta-feira', 5],
  ['lundi', 1], ['mardi', 2], ['mercredi', 3], ['jeudi', 4], ['vendredi', 5], ['samedi', 6], ['dimanche', 7],
  ['montag', 1], ['dienstag', 2], ['mittwoch', 3], ['donnerstag', 4], ['freitag', 5], ['samstag', 6], ['sonnabend', 6], ['sonntag', 7],
];
const MONTHS: [string, number][] = [
  ['january', 1], ['february', 2], ['march', 3], ['april', 4], ['may', 5], ['june', 6], ['july', 7], ['august', 8], ['september', 9], ['october', 10], ['november', 11], ['december', 12],
  ['enero', 1], ['febrero', 2], ['marzo', 3], ['abril', 4], ['mayo', 5], ['junio', 6], ['julio', 7], ['agosto', 8], ['septiembre', 9], ['setiembre', 9], ['octubre', 10], ['noviembre', 11], ['diciembre', 12],
  ['janeiro', 1], ['fevereiro', 2], ['marco', 3], ['maio', 5], ['junho', 6], ['julho', 7], ['setembro', 9], ['outubro', 10], ['novembro', 11], ['dezembro', 12],
  ['janvier', 1], ['fevrier', 2], ['mars', 3], ['avril', 4], ['mai', 5], ['juin', 6], ['juillet', 7], ['aout', 8], ['septembre', 9], ['octobre', 10], ['novembre', 11], ['decembre', 12],
  ['januar', 1], ['februar', 2], ['marz', 3], ['juni', 6], ['juli', 7], ['oktober', 10], ['dezember', 12],
];
/** English month names that are everyday words: months only when capitalized. */
const CAPITALIZED_ONLY = new Set(['may', 'march', 'august']);
const NAMES = new Map<string, { value: number; unit: string }>();
for (const [w, v] of WEEKDAYS) NAMES.set(w, { value: v, unit: 'weekday' });
for (const [w, v] of MONTHS) NAMES.set(w, { value: v, unit: 'month-name' });
const NAME_RE = new RegExp(
  `${B}(?:(${WEEKDAYS.map(([w]) => w).sort((a, b) => b.length - a.length).join('|')})(?:s|'s)?|(${MONTHS.map(([w]) => w).sort((a, b) => b.length - a.length).join('|')}))${E}`,
  'gu',
);

/** A weekday or month name (folded), in any of the five languages. */
export function isDateWord(folded: string): boolean {
  return NAMES.has(folded.replace(/(?:'s|s)$/, '')) || NAMES.has(folded);
}
const WORD_RE = new RegExp(`${B}(${Object.keys(NUMBER_WORDS).join('|')})(?:-(${Object.keys(NUMBER_WORDS).join('|')}))?${E}`, 'gu');

const CURRENCY_BEFORE = /(?:r\$|us\$|\$|€|£|usd|eur|gbp)\s?$/;
const CURRENCY_AFTER = /^\s?(?:€|\$|£|(?:euros?|dollars?|dolares|bucks|pounds?|reais|real|libras?|usd|eur|gbp)(?![\p{L}]))/u;
const CORE = /(?<![\p{L}\p{N}_/#@])\d+(?:(?:[.,]|\s(?=\d{3}(?!\d)))\d{3}(?!\d))*(?:[.,]\d+)?(?:k(?![\p{L}]))?/gu;
const RANGE_JOIN = /^\s?(?:-|to|a|bis|a|ate|or|ou|o)\s?$/;
const OFF_AFTER = /^\s?%?\s?(?:off|discount|de descuento|de desconto|de reduction|rabatt|descuento|desconto)(?![\p{L}])/u;
const PERCENT_IDIOMS = new Set(['100', '110', '1000']);

function parseCore(raw: string): number {
  let s = raw.replace(/k$/, '');
  const thousands = /^\d{1,3}(?:[.,\s]\d{3})+$/.test(s);
  if (thousands) s = s.replace(/[.,\s]/g, '');
  else s = s.replace(',', '.');
  const v = Number(s);
  return raw.endsWith('k') ? v * 1000 : v;
}

function unitAfter(folded: string, end: number): { unit?: string; end: number } {
  const rest = folded.slice(end, end + 14);
  const m = /^\s?(°\s?[cf]?|%|[\p{L}]+)/u.exec(rest);
  if (!m) return { end };
  const word = m[1]!.replace(/\s/g, '');
  const cls = UNITS[word];
  return cls ? { unit: cls, end: end + m[0].length } : { end };
}

export interface Collected {
  numbers: NumberToken[];
  money: NumberToken[];
  /** Amounts off ("20% off", "half price"): offer terms, judged as prices. */
  off: NumberToken[];
}

/**
 * Every number in a text. `gate` is the text's language, for number words that are other words
 * elsewhere ("tres" is Spanish 3 and French "très"); undefined counts only the unambiguous ones.
 */
export function collectNumbers(text: string, folded: string, language?: string): Collected {
  const numbers: NumberToken[] = [];
  const money: NumberToken[] = [];
  const off: NumberToken[] = [];
  const cores = [...folded.matchAll(CORE)].map((m) => ({ start: m.index, end: m.index + m[0].length, value: parseCore(m[0]), raw: m[0] }));
  for (let i = 0; i < cores.length; i++) {
    const first = cores[i]!;
    const values = [first.value];
    let start = first.start;
    let end = first.end;
    let unit: string | undefined;
    // Ratios and clock times: 1:5:5, 18:00.
    while (cores[i + 1] && folded.slice(end, cores[i + 1]!.start) === ':') {
      values.push(cores[++i]!.value);
      end = cores[i]!.end;
    }
    if (values.length === 2 && /^\d{1,2}:\d{2}$/.test(folded.slice(start, end))) {
      values.splice(0, 2, first.value * 60 + values[1]!);
      unit = 'clock';
    }
    // Ranges: 4–8, 20 to 25, 7 bis 10.
    const next = cores[i + 1];
    if (!unit && next && RANGE_JOIN.test(folded.slice(end, next.start).replace(/°\s?[cf]?|%/, ''))) {
      const between = folded.slice(end, next.start);
      if (!/[a-z]/.test(between) || between.trim().length <= 3) {
        values.push(next.value);
        end = next.end;
        i++;
      }
    }
    if (!unit) {
      const after = unitAfter(folded, end);
      if (after.unit) {
        unit = after.unit;
        end = after.end;
      } else if (/^h(?![\p{L}])/u.test(folded.slice(end))) {
        unit = 'clock';
        end += 1;
      }
    }
    if (unit === 'clock' && /^(?:pm|am)/.test(folded.slice(first.end).trim())) {
      const pm = /pm/.test(folded.slice(first.end, end));
      values[0] = ((first.value % 12) + (pm ? 12 : 0)) * 60;
    } else if (unit === 'clock' && values.length === 1 && !/:/.test(folded.slice(start, end))) {
      values[0] = first.value * 60;
    }
    // Idioms: 100%, 24/7, 50/50.
    if (unit === '%' && PERCENT_IDIOMS.has(first.raw) && !OFF_AFTER.test(folded.slice(first.end))) continue;
    if (/^\/\d/.test(folded.slice(end, end + 2))) {
      const m = /^\/\d+/.exec(folded.slice(end))!;
      end += m[0].length;
      if (['24/7', '50/50'].includes(folded.slice(start, end))) continue;
    }
    const token: NumberToken = { start, end, values, ...(unit ? { unit } : {}) };
    const before = folded.slice(Math.max(0, start - 4), start);
    const cur = CURRENCY_BEFORE.exec(before);
    const curAfter = CURRENCY_AFTER.exec(folded.slice(end));
    const offAfter = OFF_AFTER.exec(folded.slice(first.end));
    if (offAfter && (unit === '%' || /^\s?%/.test(folded.slice(first.end)))) {
      off.push({ start, end: first.end + offAfter[0].length, values, unit: '%' });
      continue;
    }
    if (cur || curAfter) {
      token.money = true;
      if (cur) token.start = start - cur[0].length;
      if (curAfter) token.end = end + curAfter[0].length;
      // "€39 a month", "€25 al mes", "30 € par mois", "35 € im Monat": the term belongs to the price.
      const per = /^\s?(?:a|per|al|por|par|im|pro|each)\s(?:month|mes|mois|monat|year|ano|an|jahr|week|semana|semaine|woche)/.exec(folded.slice(token.end));
      if (per) token.end += per[0].length;
      money.push(token);
      continue;
    }
    start = token.start;
    numbers.push(token);
  }

  for (const m of folded.matchAll(WORD_RE)) {
    const word = m[1]!;
    const gate = GATED[word];
    if (gate && (!language || !gate.includes(language))) continue;
    if (IDIOM_BEFORE.test(folded.slice(Math.max(0, m.index - 12), m.index))) continue;
    let value = NUMBER_WORDS[word]!;
    if (m[2]) value += NUMBER_WORDS[m[2]]!;
    const after = unitAfter(folded, m.index + m[0].length);
    numbers.push({ start: m.index, end: after.end, values: [value], ...(after.unit ? { unit: after.unit } : {}) });
  }
  for (const m of folded.matchAll(NAME_RE)) {
    const word = m[1] ?? m[2]!;
    const name = NAMES.get(word)!;
    if (CAPITALIZED_ONLY.has(word) && !/^[A-Z]/.test(text[m.index] ?? '')) continue;
    numbers.push({ start: m.index, end: m.index + m[0].length, values: [name.value], unit: name.unit });
  }
  for (const m of folded.matchAll(/(?<![\p{L}])(?:half price|half off|half-price|mitad de precio|a mitad de precio|metade do preco|moitie prix|a moitie prix|halber preis|zum halben preis|buy one get one|2 for 1|2x1|dos por uno)(?![\p{L}])/gu)) {
    off.push({ start: m.index, end: m.index + m[0].length, values: [50], unit: '%' });
  }
  return { numbers, money, off };
}

function compatible(a: string | undefined, b: string | undefined): boolean {
  if (a === b) return true;
  if ((a && STRICT_UNITS.has(a)) || (b && STRICT_UNITS.has(b))) return false;
  return a === undefined || b === undefined;
}

function backedNumber(token: NumberToken, backing: readonly NumberToken[]): boolean {
  return token.values.every((v) => backing.some((b) => compatible(token.unit, b.unit) && b.values.includes(v)));
}

function money(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

const PROMO_CODE = /(?<![\p{L}\p{N}])[A-Z][A-Z0-9]{2,}\d+(?![\p{L}\p{N}])/gu;

export function checkNumbers(draft: DraftText, prepared: Prepared): RawFlag[] {
  const { text, folded, language } = draft;
  const found = collectNumbers(text, folded, language);
  const flags: RawFlag[] = [];
  for (const m of found.money) {
    if (m.values.every((v) => prepared.money.has(v))) continue;
    const shown = text.slice(m.start, m.end).trim();
    flags.push({ kind: 'price', start: m.start, end: m.end, reason: `States a price (${shown}) that is not on your offers or fact sheet.` });
    void money;
  }
  for (const m of found.off) {
    if (m.values.every((v) => prepared.percentsOff.has(v))) continue;
    flags.push({ kind: 'price', start: m.start, end: m.end, reason: `Promises an amount off (${text.slice(m.start, m.end)}) that none of your offers gives.` });
  }
  for (const m of text.matchAll(PROMO_CODE)) {
    if (prepared.codes.has(m[0].toLowerCase())) continue;
    flags.push({ kind: 'price', start: m.index, end: m.index + m[0].length, reason: `Gives a promo code (${m[0]}) that is not on your offers.` });
  }
  for (const n of found.numbers) {
    if (backedNumber(n, prepared.numbers)) continue;
    const shown = text.slice(n.start, n.end).trim();
    const what = n.unit === 'weekday' || n.unit === 'month-name' ? 'a date' : 'a number';
    const where = prepared.context.pastWording ? 'your facts, your offers, the comment nor your past replies' : 'your facts, your offers nor the comment';
    flags.push({ kind: 'number', start: n.start, end: n.end, reason: `States ${what} (${shown}) found in neither ${where}.` });
  }
  return flags;
}
