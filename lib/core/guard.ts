/**
 * The claim guard's vocabulary (issue 13): what a flag on a draft can be, in one place, so the
 * guard (lib/guard), the editor's highlights and alertdialog, the side panel and any wire schema
 * read the same list and the same plain names.
 */
import { z } from 'zod';
import { MAX_DRAFT_CHARS, MAX_MESSAGE_CHARS } from './limits';

export const GUARD_FLAG_KINDS = ['personal', 'price', 'number', 'link', 'offer', 'boundary', 'prompt'] as const;
export type GuardFlagKind = (typeof GUARD_FLAG_KINDS)[number];

/** What each kind means, in the creator's words (dialog headings, highlight titles). */
export const GUARD_FLAG_LABELS: Record<GuardFlagKind, string> = {
  personal: 'Personal claim not on your fact sheet',
  price: 'Price, code or discount not on your offers',
  number: 'Number or date from nowhere',
  link: 'Link or account not on your list',
  offer: 'Offer or promise you have not made',
  boundary: 'A topic you keep out of replies',
  prompt: 'Repeats private instructions or notes',
};

export const guardFlagKindSchema = z.enum(GUARD_FLAG_KINDS);

/** One flag: a span of the draft (UTF-16 offsets, end exclusive), its text and why it is flagged. */
export const guardFlagSchema = z.object({
  kind: guardFlagKindSchema,
  start: z.number().int().min(0).max(MAX_DRAFT_CHARS),
  end: z.number().int().min(0).max(MAX_DRAFT_CHARS),
  text: z.string().max(MAX_DRAFT_CHARS),
  reason: z.string().max(MAX_MESSAGE_CHARS),
});
export type GuardFlag = z.infer<typeof guardFlagSchema>;
