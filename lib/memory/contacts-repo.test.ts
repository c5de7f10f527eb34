import { describe, expect, it } from 'vitest';
import {
  contactContext,
  contactHistory,
  contactKey,
  forgetContact,
  getContact,
  listContacts,
  setContactNote,
  touchContact,
} from './contacts-repo';
import { addSentExample } from './examples-repo';
import { freshDb } from './fresh-db.testutil';


describe('contactKey', () => {
  it('treats "@Bob", "bob" and " @bob " on one platform as one person, and other platforms as others', () => {
    expect(contactKey('youtube', '@Bob')).toBe('youtube:bob');
    expect(contactKey('youtube', ' @bob ')).toBe('youtube:bob');
    expect(contactKey('instagram', 'bob')).toBe('instagram:bob');
  });
});

describe('contacts', () => {
  it('counts replies to a person and remembers when they were first and last seen', async () => {
    const db = freshDb();
    await touchContact(db, { platform: 'youtube', handle: '@Bob', displayName: 'Bob B.', at: 200 });
    await touchContact(db, { platform: 'youtube', handle: 'bob', at: 100 });
    expect(await getContact(db, 'youtube:bob')).toEqual({
      key: 'youtube:bob',
      platform: 'youtube',
      handle: 'bob',
      displayName: 'Bob B.',
      firstSeen: 100,
      lastSeen: 200,
      interactions: 2,
    });
  });

  it('keeps a private note, creating the contact if needed, and removes it when blanked', async () => {
    const db = freshDb();
    const row = await setContactNote(db, 'tiktok:jo', '  Ordered the course  ', 50);
    expect(row).toMatchObject({ key: 'tiktok:jo', platform: 'tiktok', handle: 'jo', note: 'Ordered the course', interactions: 0 });
    await setContactNote(db, 'tiktok:jo', '   ');
    expect((await getContact(db, 'tiktok:jo'))?.note).toBeUndefined();
    expect(await setContactNote(db, 'myspace:jo', 'x')).toBeUndefined();
  });

  it('lists the most recently seen contacts first', async () => {
    const db = freshDb();
    await touchContact(db, { platform: 'youtube', handle: 'a', at: 1 });
    await touchContact(db, { platform: 'youtube', handle: 'b', at: 3 });
    await touchContact(db, { platform: 'youtube', handle: 'c', at: 2 });
    expect((await listContacts(db)).map((c) => c.handle)).toEqual(['b', 'c', 'a']);
  });
});

describe('contact history for the prompt', () => {
  it('returns the commenter\'s earlier comments and the creator\'s replies, newest first', async () => {
    const db = freshDb();
    const key = contactKey('youtube', '@bob');
    await addSentExample(db, { incoming: 'How do I feed a rye starter?', reply: 'Twice a day!', platform: 'youtube', contactKey: key, createdAt: 10 });
    await addSentExample(db, { incoming: 'It worked!!', reply: 'Told you 🍞', platform: 'youtube', contactKey: key, createdAt: 20 });
    await addSentExample(db, { incoming: 'Hi', reply: 'Hello!', platform: 'youtube', contactKey: 'youtube:someone-else', createdAt: 30 });
    const history = await contactHistory(db, 'youtube', 'Bob');
    expect(history.map((h) => [h.comment, h.reply])).toEqual([
      ['It worked!!', 'Told you 🍞'],
      ['How do I feed a rye starter?', 'Twice a day!'],
    ]);
    expect(await contactHistory(db, 'youtube', 'bob', 1)).toHaveLength(1);
  });

  it('never includes the creator\'s private note', async () => {
    const db = freshDb();
    await touchContact(db, { platform: 'youtube', handle: 'bob', displayName: 'Bob', at: 5 });
    await setContactNote(db, 'youtube:bob', 'Bob is my neighbour, do not mention it');
    await addSentExample(db, { incoming: 'Q', reply: 'A', platform: 'youtube', contactKey: 'youtube:bob', createdAt: 5 });
    const context = await contactContext(db, 'youtube', '@bob');
    expect(context).toEqual({
      handle: 'bob',
      displayName: 'Bob',
      interactions: 1,
      lastSeen: 5,
      history: [{ exampleId: expect.any(Number), comment: 'Q', reply: 'A', at: 5 }],
    });
    expect(JSON.stringify(context)).not.toContain('neighbour');
  });

  it('describes a first-time commenter as someone with no history', async () => {
    expect(await contactContext(freshDb(), 'x', '@new')).toEqual({ handle: 'new', interactions: 0, history: [] });
  });
});

describe('contacts and direct messages', () => {
  it('keeps the link to each DM conversation the creator answered them in, newest first, without its messages', async () => {
    const db = freshDb();
    await touchContact(db, { platform: 'instagram', handle: 'lena', at: 100, conversation: { id: 't1', url: 'https://www.instagram.com/direct/t/t1/', title: 'Lena' } });
    await touchContact(db, { platform: 'instagram', handle: 'lena', at: 300, conversation: { id: 't2', url: 'https://www.instagram.com/direct/t/t2/' } });
    await touchContact(db, { platform: 'instagram', handle: 'lena', at: 400, conversation: { id: 't1', url: 'https://www.instagram.com/direct/t/t1/', title: 'Lena' } });
    expect((await getContact(db, 'instagram:lena'))?.conversations).toEqual([
      { id: 't1', url: 'https://www.instagram.com/direct/t/t1/', title: 'Lena', lastAt: 400 },
      { id: 't2', url: 'https://www.instagram.com/direct/t/t2/', lastAt: 300 },
    ]);
  });

  it('shows a public comment draft only the public exchanges with a person, not their DMs nor how many there were', async () => {
    const db = freshDb();
    const key = contactKey('instagram', 'lena');
    await addSentExample(db, { reply: 'Thanks Lena!', incoming: 'Great reel', contactKey: key, createdAt: 100 });
    await addSentExample(db, { reply: 'My door code is 4471', incoming: 'Code?', contactKey: key, createdAt: 200, kind: 'dm' });
    await touchContact(db, { platform: 'instagram', handle: 'lena', at: 100 });
    await touchContact(db, { platform: 'instagram', handle: 'lena', at: 200 });
    const publicView = await contactContext(db, 'instagram', 'lena');
    expect(publicView.history.map((h) => h.reply)).toEqual(['Thanks Lena!']);
    expect(publicView.interactions).toBe(1);
    expect(publicView.lastSeen).toBe(100);
    const privateView = await contactContext(db, 'instagram', 'lena', 5, ['comment', 'dm']);
    expect(privateView.history.map((h) => h.reply)).toEqual(['My door code is 4471', 'Thanks Lena!']);
    expect(privateView.interactions).toBe(2);
  });

  it('forgets a contact with their DM drafts, the messages those kept and their DM replies, keeping public replies to them unlinked', async () => {
    const db = freshDb();
    const key = contactKey('instagram', 'lena');
    const conversation = (id: string, group: boolean, sender: string, handle?: string) => ({
      id,
      group,
      messages: [{ from: 'them' as const, sender, ...(handle ? { handle } : {}), text: 'secret plans' }],
      answering: [0],
    });
    const draft = (commentId: string, extra: Record<string, unknown>) => ({
      site: 'instagram' as const,
      commentId,
      author: 'Lena',
      commentText: 'secret plans',
      pageUrl: 'https://www.instagram.com/direct/t/x/',
      text: 'ok',
      engineText: 'ok',
      engine: 'memory' as const,
      exampleIds: [],
      status: 'queued' as const,
      createdAt: 1,
      updatedAt: 1,
      ...extra,
    });
    await db.drafts.bulkAdd([
      draft('dm:t1', { kind: 'dm', conversation: conversation('t1', false, 'Lena', 'lena') }),
      draft('dm:g1', { kind: 'dm', conversation: conversation('g1', true, 'Lena', 'lena') }),
      draft('dm:g2', { kind: 'dm', author: 'Omar', conversation: conversation('g2', true, 'Omar', 'omar') }),
      draft('dm:t9', { kind: 'dm', author: 'Omar', conversation: conversation('t9', false, 'Omar', 'omar') }),
      draft('c1', { kind: 'comment', author: 'lena' }),
    ]);
    const publicId = await addSentExample(db, { reply: 'Thanks!', incoming: 'Great reel', contactKey: key });
    await addSentExample(db, { reply: 'See you Friday', incoming: 'secret plans', contactKey: key, kind: 'dm' });
    await addSentExample(db, { reply: 'Sounds fun', incoming: 'other plans', contactKey: contactKey('instagram', 'omar'), kind: 'dm' });
    await touchContact(db, { platform: 'instagram', handle: 'lena', conversation: { id: 't1', url: 'https://www.instagram.com/direct/t/t1/' } });

    expect(await forgetContact(db, key)).toEqual({ contact: true, drafts: 2, examples: 1, unlinked: 1 });
    expect(await getContact(db, key)).toBeUndefined();
    expect((await db.drafts.toArray()).map((d) => d.commentId).sort()).toEqual(['c1', 'dm:g2', 'dm:t9']);
    const left = await db.examples.toArray();
    expect(left.map((e) => e.reply).sort()).toEqual(['Sounds fun', 'Thanks!']);
    expect(left.find((e) => e.id === publicId)?.contactKey).toBeUndefined();
    expect(JSON.stringify(left)).not.toContain('secret plans');
  });

  it('forgets nothing for a key that is not a contact key', async () => {
    const db = freshDb();
    expect(await forgetContact(db, 'nonsense')).toEqual({ contact: false, drafts: 0, examples: 0, unlinked: 0 });
  });
});
