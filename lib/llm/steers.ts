/**
 * Steers: how the creator asks for a different draft ("shorter", "warmer", or their own words).
 * The id travels in messages; the instruction text is what the model reads.
 */
import { z } from 'zod';

export const STEER_IDS = ['shorter', 'warmer', 'funnier', 'formal'] as const;
export type SteerId = (typeof STEER_IDS)[number];

export interface Steer {
  id: SteerId | 'custom';
  label: string;
  /** What the model is told; absent for `custom`, whose text the creator writes. */
  instruction?: string;
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
  },
  {
    id: 'formal',
    label: 'More formal',
    instruction: 'Make the reply more formal and polished: full sentences, no slang, emoji or abbreviations.',
  },
  { id: 'custom', label: 'Custom…' },
];

export const MAX_CUSTOM_STEER_CHARS = 300;

/** The creator's own instruction for a draft. */
export const customSteerSchema = z
  .string()
  .trim()
  .min(1, 'Write what you would like changed.')
  .max(MAX_CUSTOM_STEER_CHARS, `Keep the instruction under ${MAX_CUSTOM_STEER_CHARS} characters.`);

export function isSteerId(value: string): value is SteerId {
  return (STEER_IDS as readonly string[]).includes(value);
}

/**
 * The instruction the model reads for a steer: a known id maps to its text; anything else is the
 * creator's own words, trimmed to the custom limit. Empty input means no steer.
 */
export function steerInstruction(steer: string | undefined): string | undefined {
  const value = steer?.trim();
  if (!value) return undefined;
  const known = isSteerId(value) ? STEERS.find((s) => s.id === value) : undefined;
  if (known?.instruction) return known.instruction;
  return value.slice(0, MAX_CUSTOM_STEER_CHARS);
}
