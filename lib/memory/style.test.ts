import { describe, expect, it } from 'vitest';
import { detectStyleHabits, emojiRate, greetingHabits, parseOpening, signoffHabit } from './style';

describe('greetingHabits', () => {
  it('finds the greeting the creator usually opens with, and that they greet people by name', () => {
    const habit = greetingHabits([
      'Hey Sam! Feed it twice a day.',
      'Hey Jo! So glad it worked.',
      'Hi Priya, thank you!',
      'Hey @bakes_a_lot! Yes, 220C.',
      'Thank you so much!!',
    ]);
    expect(habit.greeting).toBe('Hey');
    expect(habit.rate).toBeCloseTo(3 / 5);
    expect(habit.anyRate).toBeCloseTo(4 / 5);
    expect(habit.greetsByName).toBe(true);
    expect(habit.byNameRate).toBe(1);
    expect(habit.punctuation).toBe('!');
  });

  it('treats "Heyyy", "hey" and "HEY" as one greeting and reports the form the creator writes most', () => {
    const habit = greetingHabits(['Heyyy! love it', 'Heyyy!! thank you', 'hey you', 'HEY! wow']);
    expect(habit.greeting).toBe('Heyyy');
    expect(habit.rate).toBe(1);
  });

  it('reports no usual greeting when the creator rarely greets', () => {
    const habit = greetingHabits([
      'Hey Sam! Feed it twice a day.',
      'Thank you!',
      'Yes, 220C for 40 minutes.',
      'It keeps for a week in the fridge.',
      'So glad it worked!',
    ]);
    expect(habit.greeting).toBeUndefined();
    expect(habit.rate).toBe(0);
  });

  it('does not count greetings that never name anyone as greeting by name', () => {
    const habit = greetingHabits(['Hey! thanks', 'Hi, I love this', 'Hey I think so', 'Hello! yes']);
    expect(habit.greeting).toBe('Hey');
    expect(habit.greetsByName).toBe(false);
    expect(habit.byNameRate).toBe(0);
  });

  it('recognises "Omg" as an opener', () => {
    expect(greetingHabits(['Omg Sam!! yes', 'Omg this is amazing', 'Omg Jo thank you']).greeting).toBe('Omg');
  });
});

describe('parseOpening', () => {
  it('reads the greeting, the person it names and what follows', () => {
    expect(parseOpening('Hi there Jo, yes it is!')).toEqual({
      greeting: 'Hi there',
      key: 'hi there',
      kind: 'salutation',
      name: 'Jo',
      punctuation: ',',
      rest: 'yes it is!',
    });
    expect(parseOpening('Hey @sam_bakes thanks')?.name).toBe('@sam_bakes');
  });

  it('does not mistake words that start like greetings for greetings', () => {
    expect(parseOpening('Hiking with a starter is a pain')).toBeUndefined();
    expect(parseOpening('Hi-res photos are in my stories')).toBeUndefined();
    expect(parseOpening('Morning routines matter')).toBeUndefined();
    expect(parseOpening("Hey's not a word")).toBeUndefined();
  });

  it('does not take a pronoun or an all-caps word for a name', () => {
    expect(parseOpening('Hey I love it')?.name).toBeUndefined();
    expect(parseOpening('Hey THANK you')?.name).toBeUndefined();
  });
});

describe('signoffHabit', () => {
  it('finds a sign-off the creator ends at least a quarter of replies with', () => {
    const habit = signoffHabit([
      'Feed it twice a day!\n— Maya 🍞',
      'So glad it worked.\n— Maya 🍞',
      'Yes, 220C.',
      'Thank you!',
    ]);
    expect(habit).toEqual({ text: '— Maya 🍞', rate: 0.5, separator: '\n' });
  });

  it('finds a sign-off at the end of the last line, and dash variants count as the same one', () => {
    const habit = signoffHabit(['Thanks so much! — Maya', 'Yes 220C - Maya', 'Love it — Maya', 'Nope!']);
    expect(habit?.text).toBe('— Maya');
    expect(habit?.rate).toBe(0.75);
    expect(habit?.separator).toBe(' ');
  });

  it('finds nothing when no ending recurs in a quarter of replies', () => {
    expect(
      signoffHabit(['Thanks!\n— Maya', 'Yes.', 'No.', 'Maybe.', 'Sure.', 'Great.', 'Ok!', 'Hi!', 'Yo']),
    ).toBeUndefined();
    expect(signoffHabit(['Only one reply\n— Maya'])).toBeUndefined();
  });
});

describe('emojiRate', () => {
  it('is the share of replies with at least one emoji, flags included', () => {
    expect(emojiRate(['Love it 😍😍', 'Thanks!', 'Go team 🇫🇷', 'No emoji'])).toBe(0.5);
    expect(emojiRate([])).toBe(0);
  });
});

describe('detectStyleHabits', () => {
  it('combines greeting, sign-off and emoji habits', () => {
    const habits = detectStyleHabits(['Hey Sam! Yes 🍞\n— Maya', 'Hey Jo! No.\n— Maya']);
    expect(habits.greeting.greeting).toBe('Hey');
    expect(habits.signoff?.text).toBe('— Maya');
    expect(habits.emojiRate).toBe(0.5);
  });
});
