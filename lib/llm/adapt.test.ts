import { describe, expect, it } from 'vitest';
import { detectStyleHabits, type StyleHabits } from '../memory/style';
import { adaptReply, cleanDisplayName, greetingName } from './adapt';

/** A creator who opens with "Hey <name>!" and signs "— Maya 🍞" on its own line. */
const mayaHabits = detectStyleHabits([
  'Hey Sam! Feed it twice a day.\n— Maya 🍞',
  'Hey Jo! So glad it worked.\n— Maya 🍞',
  'Hey Priya! 230C with the lid on.',
  'Thank you!!',
]);

/** A creator with no greeting or sign-off habit. */
const plainHabits = detectStyleHabits(['Thanks!', 'Yes, 230C.', 'Glad it worked.', 'Feed it daily.']);

describe('adaptReply', () => {
  it('greets the new commenter instead of the person the old reply answered, keeping every other word', () => {
    const text = adaptReply('Hey Sam! Feed your starter twice a day at room temperature.\n— Maya 🍞', {
      author: 'Ana Lopez',
      habits: mayaHabits,
    });
    expect(text).toBe('Hey Ana! Feed your starter twice a day at room temperature.\n— Maya 🍞');
  });

  it('replaces the old name wherever the reply addressed that person again', () => {
    const text = adaptReply('Hey Sam! You did great, Sam. Keep going!', { author: 'Ana', habits: plainHabits });
    expect(text).toBe('Hey Ana! You did great, Ana. Keep going!');
    expect(text).not.toContain('Sam');
  });

  it('replaces a leading @handle that addressed the previous commenter', () => {
    const text = adaptReply('@sam_bakes yes, 230C for 40 minutes!', { author: '@ana', habits: mayaHabits });
    // A bare handle is not a name: greet without one rather than "Hey ana!".
    expect(text).toBe('Hey! yes, 230C for 40 minutes!\n— Maya 🍞');
    expect(text).not.toContain('sam_bakes');
  });

  it('adds the creator\'s usual greeting and sign-off to a reply that had neither', () => {
    expect(adaptReply('Thank you!!', { author: 'Ana', habits: mayaHabits })).toBe('Hey Ana! Thank you!!\n— Maya 🍞');
  });

  it('does not repeat a sign-off the reply already ends with', () => {
    const text = adaptReply('Hey Jo! So glad it worked. — Maya 🍞', { author: 'Ana', habits: mayaHabits });
    expect(text).toBe('Hey Ana! So glad it worked. — Maya 🍞');
    expect(text.match(/Maya/g)).toHaveLength(1);
  });

  it('keeps an exclamation the creator opened with and only swaps the name', () => {
    expect(adaptReply('Omg Sam!! this is amazing', { author: 'Ana', habits: plainHabits })).toBe(
      'Omg Ana!! this is amazing',
    );
  });

  it('leaves a reply untouched when the creator neither greets nor signs off', () => {
    expect(adaptReply('Yes, 230C for 40 minutes.', { author: 'Ana', habits: plainHabits })).toBe(
      'Yes, 230C for 40 minutes.',
    );
  });

  it('greets without a name when the creator greets but never by name', () => {
    const habits = detectStyleHabits(['Hey! yes', 'Hey! no', 'Hey! maybe']);
    expect(adaptReply('Hey! thank you', { author: 'Ana', habits })).toBe('Hey! thank you');
  });

  it('uses the greeting and sign-off the creator stated in their profile over detected habits', () => {
    const text = adaptReply('Hey Sam! Feed it twice a day.\n— Maya 🍞', {
      author: 'Ana',
      habits: mayaHabits,
      profile: { greeting: 'Hi {name},', signoff: 'xx M' },
    });
    expect(text).toBe('Hi Ana, Feed it twice a day.\nxx M');
  });

  it('fits the name into a stated greeting that has no placeholder', () => {
    expect(adaptReply('Thanks!', { author: 'Ana', habits: mayaHabits, profile: { greeting: 'Hiya!' } })).toBe(
      'Hiya Ana! Thanks!\n— Maya 🍞',
    );
  });

  it('greets without a name when the commenter\'s name looks like markup', () => {
    const text = adaptReply('Hey Sam! Thank you!', { author: '<img src=x onerror=alert(1)>', habits: mayaHabits });
    expect(text).toBe('Hey! Thank you!\n— Maya 🍞');
  });

  it('changes only the body when asked to transform it', () => {
    const text = adaptReply('Hey Sam! One. Two.\n— Maya 🍞', {
      author: 'Ana',
      habits: mayaHabits,
      transformBody: (body) => body.split(' ')[0] ?? body,
    });
    expect(text).toBe('Hey Ana! One.\n— Maya 🍞');
  });
});

describe('cleanDisplayName', () => {
  it('greets by first name only when the handle plainly holds one, never by the raw handle', () => {
    expect(greetingName('@sam_in_the_kitchen')).toBe('Sam');
    expect(greetingName('Ana Lopez')).toBe('Ana');
    expect(greetingName('@breadlover99')).toBe('');
    expect(greetingName('@the_bread_guy')).toBe('');
    // Usernames shown without "@" (Instagram, TikTok, Threads) are handles too.
    expect(greetingName('maria.bakes')).toBe('Maria');
    expect(greetingName('@ovenspringtheory')).toBe('');
    const text = adaptReply('Thanks for watching.', { author: '@sam_in_the_kitchen', habits: mayaHabits });
    expect(text).not.toContain('sam_in_the_kitchen');
  });

  it('greets only as often as the creator does, the same way each time for one comment', () => {
    const rarely = detectStyleHabits([
      'Hey Sam! Feed it twice a day.',
      'Hey Jo! So glad it worked.',
      ...Array.from({ length: 18 }, (_, i) => `Bake it for ${20 + i} minutes.`),
    ]);
    const greeted = Array.from({ length: 200 }, (_, i) =>
      adaptReply('Feed it daily.', { author: 'Ana', habits: rarely, profile: { greeting: 'Hey' }, seed: `comment-${i}` }),
    ).filter((text) => text.startsWith('Hey')).length;
    expect(greeted).toBeGreaterThan(5);
    expect(greeted).toBeLessThan(45);
    const once = adaptReply('Feed it daily.', { author: 'Ana', habits: rarely, seed: 'same' });
    expect(adaptReply('Feed it daily.', { author: 'Ana', habits: rarely, seed: 'same' })).toBe(once);
  });

  it('adds no exclamation mark for a creator who never writes one', () => {
    const calm = detectStyleHabits(['Hey Sam, feed it daily.', 'Hey Jo, glad it worked.', 'Hey Kim, 230C.']);
    expect(adaptReply('Feed it daily.', { author: 'Ana', habits: calm })).toBe('Hey Ana, Feed it daily.');
  });

  it('never doubles an emoji between the reply and the sign-off', () => {
    const text = adaptReply('Feed it twice a day 🍞', { author: 'Ana', habits: mayaHabits });
    expect(text).toBe('Hey Ana! Feed it twice a day\n— Maya 🍞');
  });

  it('keeps the first name of a display name and drops the @ of a handle', () => {
    expect(cleanDisplayName('Ana Lopez')).toBe('Ana');
    expect(cleanDisplayName('@sam_bakes')).toBe('sam_bakes');
    expect(cleanDisplayName('🌸 Mary-Jane 🌸')).toBe('Mary-Jane');
  });

  it('removes zero-width and bidi control characters', () => {
    expect(cleanDisplayName('\u202EAna\u200B\u2066')).toBe('Ana');
    expect(cleanDisplayName('A\u200Dn\uFEFFa')).toBe('Ana');
  });

  it('returns nothing for markup-looking or letterless names', () => {
    expect(cleanDisplayName('<img src=x onerror=alert(1)>')).toBe('');
    expect(cleanDisplayName('＜script＞alert(1)＜/script＞')).toBe('');
    expect(cleanDisplayName('&lt;b&gt;')).toBe('');
    expect(cleanDisplayName('😍😍')).toBe('');
    expect(cleanDisplayName('12345')).toBe('');
  });

  it('cuts a very long name to 40 characters', () => {
    expect([...cleanDisplayName('A'.repeat(100))]).toHaveLength(40);
  });
});

describe('habits are read from replies, not assumed', () => {
  it('detects the sign-off used in these tests', () => {
    const habits: StyleHabits = mayaHabits;
    expect(habits.signoff?.text).toBe('— Maya 🍞');
    expect(habits.greeting.greeting).toBe('Hey');
  });
});
