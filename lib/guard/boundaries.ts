/**
 * Boundary topics: the creator's own list ("politics", "her family", "medical or allergy
 * advice"), matched in the draft by the topic's words or close meaning. Each boundary is read
 * once into meanings this module knows in five languages (politics → elections, government,
 * voting…; medical → blood sugar, allergies, eczema, weight loss…); a boundary with none of them
 * is matched by its own content words. A family boundary is crossed only by the creator's own
 * family ("my husband"), never by the commenter's ("tell him thanks"). A kind refusal that names
 * the topic (deflection.ts) crosses nothing.
 */
import type { Prepared } from './context';
import { deflected } from './deflection';
import { escapeRegex } from './lexicon';
import { FAMILY_CLAIMS } from './personal';
import { B, E, fold, sentences, STOPWORDS, words } from './text';
import type { DraftText, RawFlag } from './types';

interface Meaning {
  /** Words in a boundary that name this meaning. */
  cue: RegExp;
  /** What in a draft touches it. */
  touch: string[];
}

const MEANINGS: Record<string, Meaning> = {
  politics: {
    cue: /\b(?:politic|election|government|vote|voting|party politics|politique|politik|politica)/,
    touch: [
      'politics?', 'political', 'politicians?', 'elections?', 'vote', 'votes', 'voting', 'voted', 'government', 'president', 'prime minister', 'parliament', 'congress', 'brexit', 'trump', 'biden', 'labour', 'tories', 'tory', 'conservatives', 'democrats', 'republicans', 'left-wing', 'right-wing', 'the greens',
      'politica', 'politicos?', 'elecciones', 'eleccion', 'votar', 'voto', 'gobierno', 'presidente', 'eleicoes', 'eleicao', 'governo', 'politique', 'gouvernement', 'voter', 'president', 'politik', 'wahlen?', 'regierung', 'kanzler(?:in)?', 'partei',
    ],
  },
  family: {
    cue: /\b(?:famil|kids|children|child|partner|husband|wife|spouse|parents|relationship|private life|son|daughter|famille|familia|familie)/,
    touch: [],
  },
  medical: {
    cue: /\b(?:medical|medicine|health|allerg|diet|nutrition|doctor|medic|sant|gesundheit|salud|saude)/,
    touch: [
      'medical', 'medicine', 'doctors?', 'diagnos\\w*', 'symptoms?', 'treat(?:s|ment|ing)?', 'cures?', 'heal(?:s|ing)?', 'blood sugar', 'glucose', 'insulin', 'diabet\\w*', 'celiac\\w*', 'coeliac\\w*', 'allerg\\w*', 'ibs', 'eczema', 'intoleran\\w*', 'gut health', 'lose weight', 'losing weight', 'weight loss', 'safe for (?:diabetics|celiacs|coeliacs|allerg\\w*|people with)', 'cholesterol', 'blood pressure', 'inflammation',
      'azucar en sangre', 'glucemia', 'glicemia', 'glycemie', 'blutzucker', 'zoliakie', 'celiaqu\\w*', 'celiac\\w*', 'coeliaqu\\w*', 'alergi\\w*', 'alergic\\w*', 'medic[oa]s?', 'medecin', 'arzt', 'diabete', 'diabetes', 'adelgazar', 'emagrecer', 'maigrir', 'abnehmen', 'seguro para (?:alergicos|celiacos|diabeticos)',
    ],
  },
  address: {
    cue: /\b(?:where (?:exactly )?(?:she|he|they|i) lives?|address|home address|exact location|street|neighbou?rhood|where .* lives?)/,
    touch: [
      "(?<!(?:your|tu|su|sua|seu|ta|ton|votre|dein|deine|ihre) )(?:address|adresse|direccion|endereco)",
      'street', 'lane', 'road', 'avenue', 'postcode', 'zip code', 'neighbou?rhood', 'house number', 'calle', 'rua', 'rue', 'strasse', 'straße', 'bairro', 'barrio', 'quartier',
      '(?:near|next to|just past|behind|opposite|across from) the (?:harbou?r|church|beach|station|park|pier|square|school|pub|bakery|market)',
    ],
  },
  school: {
    cue: /\b(?:school|escuela|colegio|escola|ecole|schule|teacher)/,
    touch: ['(?<!old-)schools?', 'teachers?', 'classmates?', 'kindergarten', 'nursery', 'escuela', 'colegio', 'profesora?', 'maestra', 'escola', 'professora', 'creche', 'ecole', 'maitresse', 'maternelle', 'schule', 'lehrer(?:in)?', 'kita', 'kindergarten'],
  },
  income: {
    cue: /\b(?:money|earn|income|salary|pay|revenue|sponsor|finances|ganh|gana|gagn|verdien)/,
    touch: ['earn\\w*', 'income', 'salary', 'revenue', 'pay me', 'paid me', 'they pay', 'pays me', 'make a living', 'ad money', 'gano', 'ganho', 'ganhar', 'ganar', 'ganancias', 'sueldo', 'salario', 'gagne', 'gagner', 'revenus?', 'salaire', 'verdien\\w*', 'einkommen', 'gehalt', 'sponsorship money', 'patrocinios'],
  },
  doping: {
    cue: /\b(?:doping|dopage|dopaje|drugs)/,
    touch: ['dope', 'dopes', 'doped', 'doping', 'dopaje', 'dopage', 'dopagem', 'epo'],
  },
  religion: {
    cue: /\b(?:religio|faith|church|god|religi)/,
    touch: ['religio\\w*', 'faith', 'church', 'god', 'pray\\w*', 'iglesia', 'dios', 'igreja', 'deus', 'eglise', 'dieu', 'kirche', 'gott'],
  },
};

const FAMILY_RE = new RegExp(FAMILY_CLAIMS.map((source) => `${B}(?:${source.replace(/\(\?<fam>/g, '(?:')})`).join('|'), 'gu');

interface Rule {
  boundary: string;
  re: RegExp;
}

/** By the boundary list's text: the list rarely changes, drafts come all the time. */
const ruleCache = new Map<string, Rule[]>();

const GENERIC = new Set('advice topics topic talk talking about discuss discussing anything her his their my exactly beyond name how much what any'.split(' '));

function rulesFor(prepared: Prepared): Rule[] {
  const key = prepared.context.boundaries.join('\n');
  const cached = ruleCache.get(key);
  if (cached) return cached;
  const rules: Rule[] = [];
  for (const boundary of prepared.context.boundaries) {
    const folded = fold(boundary);
    // "his daughter's school" is about school: family is a boundary's meaning only when nothing else is.
    const names = Object.keys(MEANINGS).filter((name) => MEANINGS[name]!.cue.test(folded));
    const chosen = names.length > 1 ? names.filter((n) => n !== 'family') : names;
    const matched = chosen.length > 0;
    for (const name of chosen) {
      if (name === 'family') rules.push({ boundary, re: FAMILY_RE });
      else rules.push({ boundary, re: new RegExp(`${B}(?:${MEANINGS[name]!.touch.join('|')})${E}`, 'gu') });
    }
    if (!matched) {
      const own = words(folded).map((w) => w.text).filter((w) => w.length > 3 && !STOPWORDS.has(w) && !GENERIC.has(w));
      if (own.length) rules.push({ boundary, re: new RegExp(`${B}(?:${own.map((w) => `${escapeRegex(w.slice(0, Math.max(4, w.length - 2)))}\\p{L}*`).join('|')})${E}`, 'gu') });
    }
  }
  if (ruleCache.size > 16) ruleCache.clear();
  ruleCache.set(key, rules);
  return rules;
}

export function checkBoundaries(draft: DraftText, prepared: Prepared): RawFlag[] {
  const { text, folded } = draft;
  const spans = sentences(folded);
  const flags: RawFlag[] = [];
  for (const rule of rulesFor(prepared)) {
    rule.re.lastIndex = 0;
    for (const m of folded.matchAll(rule.re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (flags.some((f) => f.start < end && start < f.end)) continue;
      if (deflected(folded, spans, start)) continue;
      flags.push({ kind: 'boundary', start, end, reason: `Touches a topic you keep out of replies (${rule.boundary}): "${text.slice(start, end)}".` });
    }
  }
  return flags;
}
