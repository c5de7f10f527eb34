import { describe, expect, it } from 'vitest';
import type { ExampleRow } from './db';
import { judgeCandidates, judgeDraftFit, readComment } from './fit';
import type { RetrievedExample } from './retrieval';

function past(id: number, incoming: string, reply: string, score: number, extra: Partial<ExampleRow> = {}): RetrievedExample {
  return { example: { id, incoming, reply, source: 'import', createdAt: 0, language: 'en', ...extra }, score };
}

const fridge = past(1, 'Can I keep my starter in the fridge?', 'Yes. Feed it, then fridge it for up to a week.', 9);
const oven = past(2, 'What temperature do you bake at?', '230°C with the lid on for 20 minutes.', 4);
const thanks = past(3, 'Your videos got me through lockdown', 'That means the world. Thank you for baking along.', 3);

describe('fit of a past reply', () => {
  it('fits a question whose topic words the past exchange takes up', () => {
    const [fits] = judgeCandidates(readComment('Is it ok to keep my starter in the fridge?'), [fridge, oven, thanks]);
    expect(fits?.level).toBe('fits');
  });

  it('never fits a question with a thank-you exchange', () => {
    const judged = judgeCandidates(readComment('Thank you! Can I freeze the starter?'), [thanks]);
    expect(judged[0]?.level).toBe('none');
  });

  it('does not fit a comment that shares only a common word with the past exchange', () => {
    const judged = judgeCandidates(readComment('What camera do you film the fridge shots with?'), [oven, thanks]);
    expect(judged.every((j) => j.level === 'none')).toBe(true);
  });

  it('fits praise with the creator\'s own thanks, not with a how-to', () => {
    const [how, thank] = judgeCandidates(readComment('You are such an inspiration 😍'), [oven, thanks]);
    expect(how?.level).toBe('none');
    expect(thank?.level).not.toBe('none');
  });

  it('does not fit a reply in another language than the comment', () => {
    const judged = judgeCandidates(readComment('¿Puedo guardar la masa madre en la nevera?'), [fridge]);
    expect(judged[0]?.level).toBe('none');
    expect(judged[0]?.reasons.join(' ')).toMatch(/es/);
  });

  it('never fits spam', () => {
    expect(judgeCandidates(readComment('Sub4sub? check out my channel'), [fridge])[0]?.level).toBe('none');
  });

  it('reads a short reply in a thread through its parent comment', () => {
    const reading = readComment('Same here, any tips?', 'Can I keep the starter in the fridge over the week?');
    expect(judgeCandidates(reading, [fridge, oven])[0]?.level).not.toBe('none');
  });
});

describe('when a well-scored past reply is still not shown as fitting', () => {
  it('does not fit a question whose words only the old reply mentions, not the old comment', () => {
    const lidTimes = past(4, 'What size pot should I get?', 'A 24 cm pot, lid on for 20 minutes keeps the bake even.', 9);
    const [judged] = judgeCandidates(readComment('How long should I bake it with the lid on?'), [lidTimes]);
    expect(judged?.level).not.toBe('fits');
    expect(judged?.reasons.join(' ')).toMatch(/asked about something else/);
  });

  it('does not fit a "how long" with a reply that names no duration', () => {
    const freezer = past(5, 'How long does a starter last in the freezer?', 'Freeze it in a jar with a little flour on top.', 9);
    const [judged] = judgeCandidates(readComment('How long does a starter last in the freezer?'), [freezer]);
    expect(judged?.level).not.toBe('fits');
  });

  it('shows neither of two different replies as fitting when they answer about equally well', () => {
    const a = past(6, 'Why is my loaf so gummy inside?', 'Bake it longer until it sounds hollow.', 9);
    const b = past(7, 'Why is my loaf gummy?', 'Let it cool fully before slicing.', 9);
    const judged = judgeCandidates(readComment('Why is my loaf gummy?'), [a, b]);
    expect(judged.some((j) => j.level === 'fits')).toBe(false);
    expect(judged.some((j) => j.reasons.includes('another past reply answers this about as well'))).toBe(true);
  });

  it('does not fit a question about something none of the past replies mention', () => {
    const [judged] = judgeCandidates(readComment('Can I keep spelt starter in the fridge?'), [fridge, oven, thanks]);
    expect(judged?.level).not.toBe('fits');
    expect(judged?.reasons.join(' ')).toMatch(/spelt/);
  });

  it('does not fit a clear leader by only a hair over a reply held back for its own doubt', () => {
    const a = past(9, 'Can I keep my starter in the fridge?', 'Yes, fridge it right after a feed.', 9);
    const b = past(10, 'Is my starter ok in the fridge?', 'It keeps a week in the fridge, then feed it.', 8.8);
    const judged = judgeCandidates(readComment('Can I keep my starter in the fridge?'), [a, b]);
    expect(judged.some((j) => j.level === 'fits')).toBe(false);
  });

  it('never answers a complaint with the answer to a plain question', () => {
    const schedule = past(11, 'When do you post new videos?', 'Every Thursday!', 9);
    const [judged] = judgeCandidates(readComment('This video is way too long'), [schedule]);
    expect(judged?.level).toBe('none');
  });

  it('does not show advice given for a question as fitting a complaint', () => {
    const hooch = past(12, 'there is grey liquid on my starter, did i kill it', "That's just hooch, it means hungry, not dead.", 9);
    const [judged] = judgeCandidates(readComment('Thanks for nothing, my starter died'), [hooch]);
    expect(judged?.level).not.toBe('fits');
  });

  it('does not show a reply to the parent as fitting a short reply whose intent only the parent tells', () => {
    const cups = past(13, 'Cups please, nobody has a scale', 'I hear you! A basic scale costs less than a bag of flour.', 9);
    const reading = readComment('Scales are like $10, just get one', 'Cups please, nobody has a scale');
    expect(reading.borrowedIntent).toBe(true);
    expect(judgeCandidates(reading, [cups])[0]?.level).not.toBe('fits');
  });

  it('prefers the old question that asked about nothing else over one that asked about more', () => {
    const broad = past(14, 'Rye or white flour for starting a starter from scratch?', 'Rye for the first week, then whatever flour you bake with.', 9);
    const plain = past(15, 'What flour do you use?', 'I bake with strong white bread flour for most loaves.', 9);
    const [forBroad, forPlain] = judgeCandidates(readComment('Which flour do you bake with?'), [broad, plain]);
    expect(forPlain!.strength).toBeGreaterThan(forBroad!.strength);
  });

  it('still fits a paraphrase in everyday synonyms ("centre" for "middle")', () => {
    const middle = past(8, 'Why is the middle of my cake wet?', 'It needs ten more minutes in the oven.', 9);
    const [judged] = judgeCandidates(readComment('Why is my cake wet in the centre?'), [middle, oven]);
    expect(judged?.level).toBe('fits');
  });
});

describe('fit of a model-written draft', () => {
  it('fits a draft that takes up the question and answers its kind', () => {
    expect(judgeDraftFit('How long should the dough rest?', 'Let the dough rest 20–30 minutes before shaping.').level).toBe('fits');
  });

  it('does not fit a draft about something else', () => {
    expect(judgeDraftFit('How long should the dough rest?', 'Thank you so much for watching!').level).toBe('none');
  });

  it('fits thanks that answer praise', () => {
    expect(judgeDraftFit('Your videos are amazing', 'Thank you, that means a lot.').level).toBe('fits');
  });
});
