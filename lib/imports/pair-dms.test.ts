import { describe, expect, it } from 'vitest';
import { pairThread } from './pair-dms';

const m = (sender: string, text: string, minute: number) => ({ sender, text, date: minute * 60_000 });

describe('pairThread', () => {
  it("pairs the other person's turn with the creator's next one, merging runs, in time order whatever the file's order", () => {
    const pairs = pairThread(
      [m('maya', 'Thanks! Yes, rye works.', 5), m('sam', 'Love the channel', 1), m('sam', 'Does it work with rye?', 2), m('maya', 'Go 20% first', 6)],
      'maya',
      'instagram',
    );
    expect(pairs).toEqual([
      {
        reply: 'Thanks! Yes, rye works.\nGo 20% first',
        incoming: 'Love the channel\nDoes it work with rye?',
        incomingAuthor: 'sam',
        platform: 'instagram',
        kind: 'dm',
        date: 6 * 60_000,
      },
    ]);
  });

  it('keeps an opening message and group replies as standalone replies, and drops empty messages', () => {
    expect(pairThread([m('maya', 'Hi! Saw your loaf', 1), m('sam', '', 2)], 'maya', 'x')).toEqual([
      { reply: 'Hi! Saw your loaf', platform: 'x', kind: 'dm', date: 60_000 },
    ]);
    const group = pairThread([m('sam', 'Q?', 1), m('maya', 'A!', 2)], 'maya', 'facebook', { group: true });
    expect(group[0]?.incoming).toBeUndefined();
  });
});
