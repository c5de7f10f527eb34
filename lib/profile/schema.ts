/**
 * Style profile format v1: the file a creator imports to teach Understudy their voice, facts and
 * boundaries, and the file "Export" writes back. Documented for users in the README.
 *
 * Every object is strict: a key the format does not define is an error, not silently dropped.
 * A typo such as "incomming" or "boundries" would otherwise lose the creator's data without a
 * word, and the creator would only notice when drafts ignore it. Forward changes get a new
 * `version` instead.
 */
import { siteIdSchema } from '../core/draft';
import { z } from 'zod';
import {
  MAX_COMMENT_CHARS,
  MAX_EXAMPLES,
  MAX_FACTS,
  MAX_ITEM_CHARS,
  MAX_LIST_ITEMS,
  MAX_NAME_CHARS,
  MAX_REPLY_CHARS,
  MAX_URL_CHARS,
  MAX_VOICE_CHARS,
} from '../core/limits';

export const PROFILE_FORMAT = 'understudy.style-profile';
export const PROFILE_VERSION = 1;

/** A past reply's incoming text has the same bound as a comment crossing the message router. */
const MAX_INCOMING_CHARS = MAX_COMMENT_CHARS;
const MAX_SHORT_CHARS = MAX_NAME_CHARS;
export { MAX_EXAMPLES, MAX_NAME_CHARS, MAX_REPLY_CHARS, MAX_VOICE_CHARS };

/** The format's own field order, used in error messages and by export. */
export const PROFILE_FIELDS = [
  'format',
  'version',
  'name',
  'handles',
  'voice',
  'values',
  'objectives',
  'greeting',
  'signoff',
  'facts',
  'boundaries',
  'links',
  'offers',
  'examples',
] as const;

const text = (max: number) => z.string().trim().max(max);
const requiredText = (max: number) => z.string().trim().min(1).max(max);
const textList = z.array(requiredText(MAX_ITEM_CHARS)).max(MAX_LIST_ITEMS).default([]);
const httpsUrl = z.url({ protocol: /^https$/ }).max(MAX_URL_CHARS);

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** True for "2024-03-01" and "2024-03-01T09:30:00Z" / "+02:00" that name a real instant. */
export function isIsoDate(value: string): boolean {
  return (ISO_DATE.test(value) || ISO_DATE_TIME.test(value)) && !Number.isNaN(Date.parse(value));
}

export const DATE_HINT = 'expected a date like 2024-03-01 or 2024-03-01T09:30:00Z';

export const factSchema = z.strictObject({
  text: requiredText(MAX_ITEM_CHARS),
  topic: text(MAX_SHORT_CHARS).optional(),
});

export const linkSchema = z.strictObject({
  label: requiredText(MAX_SHORT_CHARS),
  url: httpsUrl,
});

export const offerSchema = z.strictObject({
  name: requiredText(MAX_SHORT_CHARS),
  details: text(MAX_ITEM_CHARS).optional(),
  url: httpsUrl.optional(),
  price: text(MAX_SHORT_CHARS).optional(),
});

export const profileExampleSchema = z.strictObject({
  reply: requiredText(MAX_REPLY_CHARS),
  incoming: text(MAX_INCOMING_CHARS).optional(),
  platform: siteIdSchema.optional(),
  topic: text(MAX_SHORT_CHARS).optional(),
  date: z.string().refine(isIsoDate, { message: DATE_HINT }).optional(),
});

export const styleProfileSchema = z.strictObject({
  format: z.literal(PROFILE_FORMAT),
  version: z.literal(PROFILE_VERSION),
  name: requiredText(MAX_NAME_CHARS),
  handles: z.partialRecord(siteIdSchema, requiredText(MAX_SHORT_CHARS)).default({}),
  voice: text(MAX_VOICE_CHARS).default(''),
  values: textList,
  objectives: textList,
  greeting: text(MAX_SHORT_CHARS).optional(),
  signoff: text(MAX_SHORT_CHARS).optional(),
  facts: z.array(factSchema).max(MAX_FACTS).default([]),
  boundaries: textList,
  links: z.array(linkSchema).max(MAX_LIST_ITEMS).default([]),
  offers: z.array(offerSchema).max(MAX_LIST_ITEMS).default([]),
  examples: z.array(profileExampleSchema).min(1).max(MAX_EXAMPLES),
});

/** A parsed, valid profile (defaults filled in). */
export type StyleProfile = z.output<typeof styleProfileSchema>;
/** What a file may contain before defaults: lists other than examples may be left out. */
export type StyleProfileInput = z.input<typeof styleProfileSchema>;
export type ProfileExample = z.output<typeof profileExampleSchema>;
