/**
 * A kind refusal names the topic it refuses ("I keep politics off the channel", "I'm not a
 * doctor, please check with yours"): that is what the creator wants a draft to do, so a sentence
 * that deflects is not a claim, and its topic words are not a boundary crossed.
 */
import { sentenceAt, type Span } from './text';

const DEFLECTION = new RegExp(
  [
    "i keep (?:[\\p{L}']+ ){0,3}(?:private|off|to myself|out of)",
    "i (?:don't|do not|never|won't) (?:talk|discuss|share|get into|comment on|go into)",
    "i'd rather (?:not|stay out|keep)", 'rather stay out of', "not something i (?:discuss|share|talk about)",
    "i'm not a (?:doctor|dietitian|nutritionist|medical)", 'i am not a (?:doctor|dietitian)', 'please check with', 'check with (?:a|your) doctor', 'ask (?:yours|your doctor|a doctor)',
    'prefiero no', 'no hablo de', 'no soy (?:medica|medico|doctora|dietista)', 'consulta con', 'la guardo para mi', 'lo guardo para mi', 'me lo guardo',
    'prefiro (?:nao|manter)', 'nao falo (?:de|sobre)', 'nao sou (?:medica|medico|nutricionista)', 'confirme com', 'longe da internet',
    'je prefere ne pas', "je n'en parle pas", 'je ne parle pas de', 'je ne suis pas (?:medecin|dieteticienne?)', 'demande (?:plutot )?(?:au tien|a ton medecin)', 'je garde (?:ma|mon|mes) [\\p{L}]+ pour moi',
    'spreche ich (?:hier )?nicht', 'rede ich (?:hier )?nicht', 'ich bin kein(?:e)? (?:arzt|arztin)', 'frag (?:bitte )?deinen arzt', 'behalte ich fur mich',
  ].join('|'),
  'u',
);

/** True when the sentence holding `index` (or the one before it) deflects. */
export function deflected(folded: string, spans: readonly Span[], index: number): boolean {
  const here = sentenceAt(spans, index);
  if (DEFLECTION.test(folded.slice(here.start, here.end))) return true;
  const i = spans.indexOf(here);
  const prev = i > 0 ? spans[i - 1] : undefined;
  return prev ? DEFLECTION.test(folded.slice(prev.start, prev.end)) : false;
}
