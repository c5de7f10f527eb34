import { describe, expect, it } from 'vitest';
import { commentContextSchema } from './draft';
import { conversationDraftId, defaultAnswering, dmAnswer, hasNewMessages, keptOfConversation, runEndingAt, type ConversationMessage } from './conversation';

const them = (sender: string, text: string, id?: string): ConversationMessage => ({ from: 'them', sender, text, ...(id ? { id } : {}) });
const me = (text: string): ConversationMessage => ({ from: 'me', sender: 'You', text });

describe('which messages a DM draft answers', () => {
  it("answers the other person's messages since the creator last wrote, together", () => {
    const messages = [them('Maria', 'hi'), me('hey!'), them('Maria', '[photo]'), them('Maria', 'Is the rice flour necessary?')];
    expect(defaultAnswering(messages)).toEqual([2, 3]);
  });

  it('in a group, answers only whoever wrote last, not everyone since the creator spoke', () => {
    const messages = [them('Grain Nerd', 'Does it work with rye?'), them('Danny K', 'How do you store the loaf?')];
    expect(defaultAnswering(messages)).toEqual([1]);
    expect(runEndingAt(messages, 0)).toEqual([0]);
  });

  it("when the creator wrote last, the latest incoming run is still the one a follow-up answers", () => {
    expect(defaultAnswering([them('Maria', 'q1'), them('Maria', 'q2'), me('answer')])).toEqual([0, 1]);
  });

  it('has nothing to answer when the other side never wrote, and never answers the creator', () => {
    expect(defaultAnswering([me('hello?')])).toEqual([]);
    expect(runEndingAt([me('hello?')], 0)).toEqual([]);
    expect(dmAnswer({ id: 'c', group: false, messages: [me('hello?')] })).toBeNull();
  });
});

describe('a DM as what a draft answers', () => {
  const conversation = { id: 'maria-1', title: 'Maria', group: false, messages: [them('Maria', 'first', 'a'), me('reply'), { ...them('Maria', 'second', 'b'), handle: 'maria.bakes', at: '2026-11-26T18:01:00.000Z' }] };

  it('carries the answered text, its sender and the conversation, under one id per conversation', () => {
    const answer = dmAnswer(conversation)!;
    expect(answer).toMatchObject({ kind: 'dm', author: 'Maria', handle: 'maria.bakes', text: 'second', commentId: conversationDraftId('maria-1') });
    expect(answer.conversation.answering).toEqual([2]);
    const parsed = commentContextSchema.safeParse({ site: 'instagram', pageUrl: 'https://www.instagram.com/direct/t/1/', ...answer });
    expect(parsed.success).toBe(true);
  });

  it('keeps only the answered messages once saved: the rest of the conversation is not copied', () => {
    const kept = keptOfConversation(dmAnswer(conversation, [0])!.conversation);
    expect(kept.messages.map((m) => m.text)).toEqual(['first']);
    expect(kept.answering).toEqual([0]);
  });
});

describe('noticing a new message', () => {
  const base = { id: 'c', group: false, answering: [0] };
  const a = them('Maria', 'first', 'a');
  const b = them('Maria', 'second', 'b');
  const c = them('Maria', 'third', 'c');

  it('is news when messages follow the newest one the draft saw', () => {
    expect(hasNewMessages({ ...base, messages: [a, b] }, { ...base, messages: [a, b, c] })).toBe(true);
  });

  it('is not news when the list scrolled to older messages, or shows the same ones, or another conversation', () => {
    expect(hasNewMessages({ ...base, messages: [b, c] }, { ...base, messages: [a, b] })).toBe(false);
    expect(hasNewMessages({ ...base, messages: [a, b] }, { ...base, messages: [a, b] })).toBe(false);
    expect(hasNewMessages({ ...base, messages: [a] }, { ...base, id: 'other', messages: [a, b] })).toBe(false);
  });

  it('matches messages without ids by sender and text', () => {
    const plain = (text: string): ConversationMessage => ({ from: 'them', sender: 'Maria', text });
    expect(hasNewMessages({ ...base, messages: [plain('x')] }, { ...base, messages: [plain('x'), plain('y')] })).toBe(true);
  });
});
