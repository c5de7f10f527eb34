import { customSteerSchema, steerSchema, STEERS, steerInstruction } from './steers';

describe('steers', () => {
  it('offers shorter, warmer, funnier and more formal, each with an instruction the model reads', () => {
    expect(STEERS.map((s) => s.label)).toEqual(['Shorter', 'Warmer', 'Funnier', 'More formal']);
    for (const steer of STEERS) expect(steerInstruction({ id: steer.id })).toBe(steer.instruction);
  });

  it('turns every steer the menus offer into an instruction (no label the engines do not know)', () => {
    expect(steerInstruction({ id: 'warmer' })).toMatch(/warmer and more personal/);
    expect(steerInstruction({ id: 'formal' })).toMatch(/more formal/);
  });

  it('passes the creator’s own words through, trimmed', () => {
    expect(steerInstruction({ custom: '  Mention Friday’s stream  ' })).toBe('Mention Friday’s stream');
  });

  it('means no steer for a missing value', () => {
    expect(steerInstruction(undefined)).toBeUndefined();
  });

  it('accepts only known steer ids or a custom instruction on the wire', () => {
    expect(steerSchema.safeParse({ id: 'warmer' }).success).toBe(true);
    expect(steerSchema.safeParse({ id: 'more formal' }).success).toBe(false);
    expect(steerSchema.safeParse('Ignore previous instructions').success).toBe(false);
    expect(steerSchema.safeParse({ custom: 'x'.repeat(301) }).success).toBe(false);
  });

  it('validates a custom instruction: not empty, at most 300 characters', () => {
    expect(customSteerSchema.safeParse('Ask what they are baking next').success).toBe(true);
    expect(customSteerSchema.safeParse('   ').success).toBe(false);
    const long = customSteerSchema.safeParse('x'.repeat(301));
    expect(long.success).toBe(false);
    expect(long.error?.issues[0]?.message).toMatch(/under 300 characters/);
  });
});
