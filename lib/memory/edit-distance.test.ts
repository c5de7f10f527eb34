import { describe, expect, it } from 'vitest';
import { editDistance, editRatio } from './edit-distance';

/** The textbook table, one row at a time: the reference the fast version must agree with. */
function slowDistance(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) {
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[y.length]!;
}

function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 4294967296;
  };
}

describe('editDistance', () => {
  it('is 0 for a draft sent unchanged', () => {
    expect(editDistance('Thanks Sam! 🍞', 'Thanks Sam! 🍞')).toBe(0);
  });

  it('counts the characters the creator changed', () => {
    expect(editDistance('Hi Sam! Feed it daily.', 'Hey Sam! Feed it daily')).toBe(3);
    expect(editDistance('', 'Thanks!')).toBe(7);
    expect(editDistance('Thanks!', '')).toBe(7);
  });

  it('counts an emoji as one character', () => {
    expect(editDistance('Love it 🍞', 'Love it ✨')).toBe(1);
    expect(editDistance('Love it', 'Love it 👍🏽')).toBe(3);
  });

  it('agrees with the textbook algorithm on texts longer than one 32-character block', () => {
    const random = seeded(7);
    const alphabet = ['a', 'b', 'c', ' ', 'é', '🍞'];
    for (let n = 0; n < 300; n++) {
      const make = (length: number) =>
        Array.from({ length }, () => alphabet[Math.floor(random() * (n % 2 ? 3 : alphabet.length))]).join('');
      const a = make(Math.floor(random() * 150));
      const b = n % 3 === 0 ? `${a.slice(0, 40)}${make(10)}${a.slice(45)}` : make(Math.floor(random() * 150));
      expect(editDistance(a, b)).toBe(slowDistance(a, b));
    }
  });

  it('measures two 5,000-character replies (its speed is in npm run bench, not here)', () => {
    const random = seeded(3);
    const text = () => Array.from({ length: 5000 }, () => 'abcdefgh ijklmnop'[Math.floor(random() * 17)]).join('');
    const a = text();
    const b = text();
    const distance = editDistance(a, b);
    expect(distance).toBeGreaterThan(2000);
    expect(distance).toBeLessThanOrEqual(5000);
  });
});

describe('editRatio', () => {
  it('is the changed share of the longer text', () => {
    expect(editRatio('abcd', 'abcd')).toBe(0);
    expect(editRatio('abcd', 'abxd')).toBe(0.25);
    expect(editRatio('', '')).toBe(0);
    expect(editRatio('', 'new')).toBe(1);
  });
});
