/** Builders for DraftInput in unit tests. */
import type { CommentContext } from '../core/draft';
import type { ExampleRow, FactRow, ProfileRow } from '../memory/db';
import type { RetrievedExample } from './engine';
import type { PromptInput } from './prompt';

export function makeComment(overrides: Partial<CommentContext> = {}): CommentContext {
  return {
    site: 'youtube',
    commentId: 'c1',
    author: '@lena',
    text: 'Your sourdough video finally made it click for me. What flour do you use?',
    threadTitle: 'Sourdough for beginners',
    pageUrl: 'https://www.youtube.com/watch?v=abc123',
    ...overrides,
  };
}

export function makeProfile(overrides: Partial<ProfileRow> = {}): ProfileRow {
  return {
    id: 'me',
    name: 'Sam',
    handles: { youtube: '@sambakes' },
    voice: 'Warm, short, a little nerdy about fermentation.',
    values: ['Honesty', 'Patience'],
    objectives: ['Encourage beginners'],
    boundaries: ['my family', 'politics'],
    links: [{ label: 'Recipes', url: 'https://sambakes.example/recipes' }],
    offers: [{ name: 'Starter guide', price: '$9', url: 'https://sambakes.example/guide' }],
    importedAt: 1,
    source: 'profile.json',
    ...overrides,
  };
}

export function makeFacts(): FactRow[] {
  return [
    { id: 1, text: 'I bake with King Arthur bread flour.' },
    { id: 2, text: 'I live in Portland.' },
  ];
}

export function makeExample(id: number, reply: string, incoming?: string, extra: Partial<ExampleRow> = {}): RetrievedExample {
  return {
    example: { id, reply, incoming, platform: 'youtube', source: 'import', createdAt: id, ...extra },
    score: 1 / id,
  };
}

export function makeInput(overrides: Partial<PromptInput> = {}): PromptInput {
  return {
    comment: makeComment(),
    profile: makeProfile(),
    facts: makeFacts(),
    examples: [
      makeExample(11, 'So glad it clicked! Bread flour all the way for me.', 'Which flour is best?'),
      makeExample(12, 'Thank you!! Keep feeding that starter.'),
    ],
    ...overrides,
  };
}
