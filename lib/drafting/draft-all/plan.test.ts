import { describe, expect, it } from 'vitest';
import type { CommentContext } from '../../core/draft';
import { planDraftAll, type PlanInput } from './plan';

let n = 0;
function comment(author: string, text: string, extra: Partial<CommentContext> = {}): CommentContext {
  n += 1;
  return { site: 'youtube', commentId: `c${n}`, author, text, pageUrl: 'https://www.youtube.com/watch?v=abc', ...extra };
}

function plan(comments: CommentContext[], input: Partial<Omit<PlanInput, 'comments'>> = {}) {
  return planDraftAll({
    comments,
    drafted: new Set(),
    isReturning: () => false,
    ownHandles: ['@crumbandco'],
    boundaries: ['politics', 'her family', 'medical or allergy advice', 'where exactly she lives beyond the town name'],
    ...input,
  });
}

const authors = (list: readonly CommentContext[]) => list.map((c) => c.author);

describe('Draft all planning', () => {
  it('drafts questions first, then people the creator talked with before, then the rest, each in page order', () => {
    const comments = [
      comment('@fan', 'Love this video so much, the crumb is gorgeous'),
      comment('@maria', 'My first loaf with a real ear!'),
      comment('@q1', 'How long do you proof it in the fridge?'),
      comment('@other', 'Baking along this weekend'),
      comment('@q2', 'Can I use whole wheat flour instead?'),
    ];
    const result = plan(comments, { isReturning: (c) => c.author === '@maria' });
    expect(authors(result.toDraft)).toEqual(['@q1', '@q2', '@maria', '@fan', '@other']);
    expect(result.setAside).toEqual([]);
  });

  it('sets aside spam with links, bot patterns and the same text posted by several accounts, never drafting them', () => {
    const copy = 'Wow amazing content everyone go watch my latest upload right now';
    const comments = [
      comment('@linker', 'Great tips! More recipes at https://cheap-bread.example/recipes'),
      comment('@bot1', copy),
      comment('@bot2', `${copy.toUpperCase()}!!`),
      comment('@crypto', 'I made $5,000 a week with this crypto plan, message me on telegram'),
      comment('@sub', 'sub4sub anyone?'),
      comment('@ok', 'Great video!'),
      comment('@ok2', 'Great video!'),
    ];
    const result = plan(comments);
    expect(result.setAside.map((s) => [s.comment.author, s.reason])).toEqual([
      ['@linker', 'spam'],
      ['@bot1', 'spam'],
      ['@bot2', 'spam'],
      ['@crypto', 'spam'],
      ['@sub', 'spam'],
    ]);
    // Two people saying "Great video!" are two people, not a bot.
    expect(authors(result.toDraft)).toEqual(['@ok', '@ok2']);
  });

  it('sets aside a hostile comment as abuse, while plain criticism still gets a draft', () => {
    const result = plan([
      comment('@troll', 'You are a fraud and an idiot, shut up and stop baking'),
      comment('@critic', 'Way too much talking, get to the recipe'),
    ]);
    expect(result.setAside.map((s) => [s.comment.author, s.reason])).toEqual([['@troll', 'abuse']]);
    expect(authors(result.toDraft)).toEqual(['@critic']);
  });

  it("sets aside comments on the creator's boundary topics for them to answer, whatever the comment asks", () => {
    const result = plan([
      comment('@voter', 'Who are you voting for in the election next month?'),
      comment('@health', 'Is this bread safe for diabetics? My blood sugar spikes with white bread'),
      comment('@baker', 'What hydration do you use for the batard?'),
    ]);
    expect(result.setAside.map((s) => [s.comment.author, s.reason])).toEqual([
      ['@voter', 'boundary'],
      ['@health', 'boundary'],
    ]);
    expect(authors(result.toDraft)).toEqual(['@baker']);
  });

  it("sets aside a question about the creator's family, but not a commenter talking about their own", () => {
    const result = plan([
      comment('@nosy', 'Is your husband a baker too?'),
      comment('@mum', 'My kids loved the loaf we made together'),
    ]);
    expect(result.setAside.map((s) => [s.comment.author, s.reason])).toEqual([['@nosy', 'boundary']]);
    expect(authors(result.toDraft)).toEqual(['@mum']);
  });

  it('sets nothing aside as a boundary when the creator keeps no boundaries', () => {
    const result = plan([comment('@voter', 'Who are you voting for in the election next month?')], { boundaries: [] });
    expect(result.setAside).toEqual([]);
  });

  it('leaves alone comments that already have a draft, the creator’s own comments and threads they answered on the page', () => {
    const drafted = comment('@done', 'How warm should the water be?');
    const answered = comment('@answered', 'What flour is this?');
    const comments = [
      drafted,
      answered,
      comment('@CrumbAndCo', 'Thanks all!', { parentId: answered.commentId }),
      comment('@new', 'When do you add the salt?'),
    ];
    const result = plan(comments, { drafted: new Set([drafted.commentId]) });
    expect(authors(result.toDraft)).toEqual(['@new']);
    expect(result.leftAlone).toBe(3);
  });

  it('drafts an open conversation waiting for an answer like a comment, and leaves one the creator answered last alone', () => {
    const dm = (id: string, author: string, text: string, last: 'them' | 'me') =>
      comment(author, text, {
        commentId: `dm:${id}`,
        kind: 'dm',
        conversation: {
          id,
          group: false,
          answering: [0],
          messages: [
            { from: 'them', sender: author, text },
            ...(last === 'me' ? [{ from: 'me' as const, sender: 'You', text: 'Thank you!' }] : []),
          ],
        },
      });
    const result = plan([
      comment('@fan', 'Love this video so much'),
      dm('c-1', 'Grain Nerd', 'Do you sell the banneton you use?', 'them'),
      dm('c-2', 'Loaf Fan', 'Do you ship to Canada?', 'me'),
    ]);
    expect(authors(result.toDraft)).toEqual(['Grain Nerd', '@fan']);
    expect(result.toDraft[0]!.commentId).toBe('dm:c-1');
    expect(result.leftAlone).toBe(1);
  });
});
