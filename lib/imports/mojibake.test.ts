import { describe, expect, it } from 'vitest';
import { repairMojibake } from './mojibake';

/** How Meta's exports write a UTF-8 string: each byte as its own code point. */
function mangle(text: string): string {
  return String.fromCharCode(...new TextEncoder().encode(text));
}

describe('repairMojibake', () => {
  it('gives back accents and emoji the way the creator typed them', () => {
    for (const text of ['café crème', 'Obrigada! 😂🍞', 'Größe über alles', 'ça va? 👍🏽', 'São Paulo ❤️']) {
      expect(repairMojibake(mangle(text))).toBe(text);
    }
  });

  it('leaves text that was never mangled alone, including real Latin-1 words and plain ASCII', () => {
    expect(repairMojibake('plain text')).toBe('plain text');
    expect(repairMojibake('café')).toBe('café');
    expect(repairMojibake('Obrigada! 😂')).toBe('Obrigada! 😂');
  });
});
