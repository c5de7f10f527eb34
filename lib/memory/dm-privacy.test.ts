import { describe, expect, it } from 'vitest';
import type { CommentContext } from '../core/draft';
import type { ExampleRow } from './db';
import { dmReplyShareable, namesOfContext, usableForDraft } from './dm-privacy';

const dm = (reply: string, extra: Partial<ExampleRow> = {}): ExampleRow => ({ id: 1, reply, source: 'sent', createdAt: 1, kind: 'dm', ...extra });

describe('which DM replies may be reused in another draft', () => {
  it('lets a reply that names nobody and carries no detail be reused', () => {
    expect(dmReplyShareable(dm('Happy to chat about a collab! Send over what you have in mind 😊'))).toBe(true);
    expect(dmReplyShareable(dm("Aw thank you, that means a lot. I'll look into it!"))).toBe(true);
  });

  it('never reuses a reply carrying a number, a link, an email or a phone number', () => {
    for (const reply of [
      'The code is 4471',
      'See you at 10',
      'Grab it at shop.example.com',
      'Here: https://example.org/x',
      'Write to me at maya@example.com',
      'Call me on +44 20 7946 0958',
    ]) {
      expect(dmReplyShareable(dm(reply)), reply).toBe(false);
    }
  });

  it('never reuses a reply that names a person: an @mention, a greeting name, a name inside a sentence, or its contact', () => {
    expect(dmReplyShareable(dm('Ask @theo about it'))).toBe(false);
    expect(dmReplyShareable(dm('Hey Sam! Sounds great'))).toBe(false);
    expect(dmReplyShareable(dm('Say hi to Theodora for me'))).toBe(false);
    expect(dmReplyShareable(dm('sounds great lena, talk soon', { contactKey: 'instagram:lena' }))).toBe(false);
  });

  it('never reuses a reply that repeats a name the message it answered gave, even lowercased or first in a sentence', () => {
    const example = dm('Priya is the best, thank her from me', { incoming: 'My sister Priya loved the class' });
    expect(dmReplyShareable(example)).toBe(false);
    expect(dmReplyShareable(dm('omar will love it'), namesOfContext({ author: 'Omar', text: 'hi', kind: 'dm' } as CommentContext))).toBe(false);
  });

  it('never reuses a reply that gives away a personal detail', () => {
    for (const reply of ['My door code changed, ask me again', 'I live right by the park', 'Meet me at the usual place', 'My kids loved it too', 'Our address changed']) {
      expect(dmReplyShareable(dm(reply)), reply).toBe(false);
    }
  });

  it('gives a comment draft no DM reply at all, and a DM draft only the shareable ones beside every comment reply', () => {
    const candidates = [
      { example: dm('Send over what you have in mind') },
      { example: dm('My door code is the same') },
      { example: { id: 3, reply: 'Thanks so much!', source: 'import' as const, createdAt: 1 } },
    ];
    const comment = { kind: undefined, author: 'Jo', text: 'collab?' };
    expect(usableForDraft(candidates, comment).map((c) => c.example.reply)).toEqual(['Thanks so much!']);
    expect(usableForDraft(candidates, { ...comment, kind: 'dm' as const }).map((c) => c.example.reply)).toEqual([
      'Send over what you have in mind',
      'Thanks so much!',
    ]);
  });
});
