import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeFingerprint } from './fingerprint';
import { voiceMatch, voiceMatchShown } from './voice-match';

const sample = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../../public/samples/sample-profile.json'), 'utf8'),
) as { examples: { reply: string; incoming?: string }[] };
const maya = computeFingerprint(
  sample.examples.map((e) => e.reply),
  sample.examples.flatMap((e) => (e.incoming ? [e.incoming] : [])),
);

/** A creator who answers in a few words, almost always with an emoji and a "!". */
const emojiHappy = computeFingerprint([
  'Hey Sam! So glad 🍞',
  'omg yes!! 😍',
  'Thank you!! 💛',
  'Hey Jo! 220C for 40 min 🔥',
  'Love this so much! ✨',
  'Yesss! Go for it 🙌',
  'Hey Priya! Rye works too 🍞',
  'Aww thank you!! 🥹',
  'Haha same! 😂',
  'Hey Ana! Just feed it twice a day 🍞',
]);

const FORMAL =
  'Dear viewer, thank you for your comment regarding the fermentation process. I would like to clarify that the ' +
  'duration of bulk fermentation depends on several factors, including ambient temperature, the activity of the ' +
  'starter culture, and the hydration of the dough. Furthermore, it is advisable to monitor the volume of the ' +
  'dough rather than relying exclusively on elapsed time. Kindly contact me should you require further assistance.';

describe('voiceMatch', () => {
  it('scores the creator\'s own replies as sounding like them', () => {
    const scores = sample.examples.map((e) => voiceMatch(e.reply, maya).score).sort((a, b) => a - b);
    expect(scores[0]).toBeGreaterThanOrEqual(80);
    expect(scores[scores.length >> 1]).toBeGreaterThanOrEqual(90);
    expect(voiceMatch('Hey Tom! Go for it 🍞', emojiHappy)).toMatchObject({ score: 100, traits: [] });
  });

  it('scores a long formal paragraph without emoji low for an emoji-happy short-reply creator, and says why', () => {
    const result = voiceMatch(FORMAL, emojiHappy);
    expect(result.score).toBeLessThan(30);
    expect(result.traits.length).toBeGreaterThanOrEqual(2);
    expect(result.traits.length).toBeLessThanOrEqual(3);
    expect(result.traits[0]).toMatch(/^longer than you usually write/);
    expect(result.traits.join(' | ')).toMatch(/more formal than you usually write|no emoji/);
  });

  it('names an exclamation mark the creator rarely uses, and too many emoji', () => {
    const calm = computeFingerprint(['Yes, 220C.', 'Thanks, Sam.', 'It keeps a week.', 'Rye works too.', 'Feed it daily.']);
    const result = voiceMatch('Yes, rye works!! 😍😍😍', calm);
    expect(result.traits).toContain('you rarely use !');
    expect(result.traits).toContain('more emoji than usual — you rarely use them');
    expect(result.score).toBeLessThan(70);
  });

  it('notices a missing sign-off and greeting the creator nearly always uses', () => {
    const signs = computeFingerprint([
      'Hey Sam! Yes.\n— Maya 🍞',
      'Hey Jo! No.\n— Maya 🍞',
      'Hey Al! Maybe.\n— Maya 🍞',
      'Hey Bo! 220C.\n— Maya 🍞',
    ]);
    expect(voiceMatch('Hey Cy! Sure.\n- Maya 🍞', signs).traits).toEqual([]);
    const result = voiceMatch('Sure, 220C works.', signs);
    expect(result.traits).toContain('you usually sign off with “— Maya 🍞”');
    expect(result.traits).toContain('you usually open with “Hey”');
  });

  it('notices a draft in another language than the creator writes in', () => {
    const result = voiceMatch('Muchas gracias por el video, me encanta el pan', maya);
    expect(result.traits[0]).toBe('written in Spanish; you usually write in English');
    expect(result.score).toBeLessThan(60);
  });

  it('says nothing it cannot know: an empty fingerprint scores every draft 100', () => {
    expect(voiceMatch('Anything at all!!', computeFingerprint([]))).toEqual({ score: 100, traits: [], basedOn: 0 });
  });
});

describe('voice match beside fit', () => {
  it('withholds the voice score of a draft that does not answer the comment, or has no text', () => {
    expect(voiceMatchShown({ text: 'Thank you!', fit: { level: 'none' } })).toBe(false);
    expect(voiceMatchShown({ text: '', fit: { level: 'none' } })).toBe(false);
    expect(voiceMatchShown({ text: '230C for 40 minutes.', fit: { level: 'partly' } })).toBe(true);
    expect(voiceMatchShown({ text: '230C for 40 minutes.' })).toBe(true);
  });
});
