/**
 * Steers: how the creator asks for a different draft ("shorter", "warmer", or their own words).
 * The one list: the editor, the side panel and both engines read it. Ids travel in messages;
 * the instruction text is what the model reads.
 */
import { z } from 'zod';
import { MAX_CUSTOM_STEER_CHARS } from './limits';

export const STEER_IDS = ['shorter', 'warmer', 'funnier', 'formal'] as const;
export type SteerId = (typeof STEER_IDS)[number];
export const steerIdSchema = z.enum(STEER_IDS);

export interface Steer {
  id: SteerId;
  label: string;
  /** What the model is told. */
  instruction: string;
  /**
   * Why the memory engine (no model: it reuses the creator's own replies) can't honour it;
   * absent when it can, by choosing among the fitting replies.
   */
  needsModel?: string;
}

export const STEERS: readonly Steer[] = [
  {
    id: 'shorter',
    label: 'Shorter',
    instruction: 'Make the reply noticeably shorter: one or two short sentences, same meaning and voice.',
  },
  {
    id: 'warmer',
    label: 'Warmer',
    instruction:
      'Make the reply warmer and more personal: show genuine appreciation for the commenter, without adding any new claims about yourself.',
  },
  {
    id: 'funnier',
    label: 'Funnier',
    instruction:
      'Add a light, playful touch of humour that fits your voice; never joke at the commenter’s expense.',
    needsModel: "Past replies can't be made funnier: without a model, drafts reuse your own words.",
  },
  {
    id: 'formal',
    label: 'More formal',
    instruction: 'Make the reply more formal and polished: full sentences, no slang, emoji or abbreviations.',
  },
];

/** The label of the "write your own" choice in steer menus. */
export const CUSTOM_STEER_LABEL = 'Custom…';

export { MAX_CUSTOM_STEER_CHARS };

/** The creator's own instruction for a draft. */
export const customSteerSchema = z
  .string()
  .trim()
  .min(1, 'Write what you would like changed.')
  .max(MAX_CUSTOM_STEER_CHARS, `Keep the instruction under ${MAX_CUSTOM_STEER_CHARS} characters.`);

/**
 * A steer as it crosses a boundary: a known id, or the creator's own words. Only extension pages
 * (the isolated editor, the side panel) may send `custom`; the router enforces that.
 */
export const steerSchema = z.union([
  z.object({ id: steerIdSchema }),
  z.object({ custom: customSteerSchema }),
]);
export type SteerChoice = z.infer<typeof steerSchema>;

export function isSteerId(value: string): value is SteerId {
  return (STEER_IDS as readonly string[]).includes(value);
}

/** The instruction the model reads for a steer; none for no steer. */
export function steerInstruction(steer: SteerChoice | undefined): string | undefined {
  if (!steer) return undefined;
  if ('id' in steer) return STEERS.find((s) => s.id === steer.id)?.instruction;
  const custom = steer.custom.trim().slice(0, MAX_CUSTOM_STEER_CHARS);
  return custom || undefined;
}
