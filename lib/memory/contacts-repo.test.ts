import { describe, expect, it } from 'vitest';
import {
  contactContext,
  contactHistory,
  contactKey,
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
