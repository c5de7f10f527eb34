import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { DraftRow } from '../memory/db';
import { AI_LOG_COLUMNS, aiLogCsv, changedShare } from './ai-log';

function row(over: Partial<DraftRow>): DraftRow {
  return {
    site: 'youtube',
    commentId: 'c1',
    author: 'Sam',
    commentText: 'Is the rice flour necessary?',
    pageUrl: 'https://www.youtube.com/watch?v=abc',
    text: 'Nice to have, not essential!',
    engineText: 'Nice to have, not essential!',
    engine: 'memory',
    exampleIds: [],
    status: 'sent',
    createdAt: Date.UTC(2026, 10, 1),
    updatedAt: Date.UTC(2026, 10, 1),
    ...over,
  } as DraftRow;
}

describe('the AI-assisted log', () => {
  it('lists only the replies the creator sent, oldest first, with how much they changed', () => {
    const csv = aiLogCsv([
      row({ commentId: 'b', sentAt: Date.UTC(2026, 10, 3), editDistance: 14, text: 'Nice to have! Tea towel works.', engine: 'webllm', model: 'Qwen2.5-1.5B' }),
      row({ commentId: 'a', sentAt: Date.UTC(2026, 10, 2), editDistance: 0 }),
      row({ commentId: 'q', status: 'queued' }),
    ]);
    const parsed = Papa.parse<string[]>(csv.trim()).data;
    expect(parsed[0]).toEqual([...AI_LOG_COLUMNS]);
    expect(parsed).toHaveLength(3);
    expect(parsed[1]!.slice(0, 7)).toEqual(['2026-11-02T00:00:00.000Z', 'YouTube', 'comment', 'memory', '', '0', '0.00']);
    expect(parsed[2]!.slice(3, 6)).toEqual(['webllm', 'Qwen2.5-1.5B', '14']);
  });

  it('names the flags the creator inserted over', () => {
    const parsed = Papa.parse<string[]>(aiLogCsv([row({ overriddenFlags: ['price', 'personal'] })]).trim()).data;
    expect(parsed[1]![7]).toBe('Price, code or discount not on your offers; Personal claim not on your fact sheet');
  });

  it('never lets a reply run as a spreadsheet formula', () => {
    const csv = aiLogCsv([row({ text: '=HYPERLINK("http://evil")' })]);
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
  });

  it('counts a rewrite as wholly changed and an untouched draft as unchanged', () => {
    expect(changedShare({ editDistance: 0, engineText: 'abc', text: 'abc' })).toBe(0);
    expect(changedShare({ editDistance: 50, engineText: 'abc', text: 'x'.repeat(10) })).toBe(1);
    expect(changedShare({ engineText: 'abc', text: 'abc' })).toBeUndefined();
  });
});
