import { customSteerSchema, STEERS, steerInstruction } from './steers';

describe('steers', () => {
  it('offers shorter, warmer, funnier, more formal and a custom instruction', () => {
    expect(STEERS.map((s) => s.label)).toEqual(['Shorter', 'Warmer', 'Funnier', 'More formal', 'Custom…']);
  });

  it('turns a steer id into the instruction the model reads', () => {
    expect(steerInstruction('warmer')).toMatch(/warmer and more personal/);
    expect(steerInstruction('formal')).toMatch(/more formal/);
  });

  it('passes the creator’s own words through, trimmed to 300 characters', () => {
    expect(steerInstruction('  Mention Friday’s stream  ')).toBe('Mention Friday’s stream');
    expect(steerInstruction('x'.repeat(400))).toHaveLength(300);
  });

  it('means no steer for an empty or missing value', () => {
    expect(steerInstruction(undefined)).toBeUndefined();
    expect(steerInstruction('   ')).toBeUndefined();
  });

  it('validates a custom instruction: not empty, at most 300 characters', () => {
    expect(customSteerSchema.safeParse('Ask what they are baking next').success).toBe(true);
    expect(customSteerSchema.safeParse('   ').success).toBe(false);
    const long = customSteerSchema.safeParse('x'.repeat(301));
    expect(long.success).toBe(false);
    expect(long.error?.issues[0]?.message).toMatch(/under 300 characters/);
  });
});
