import { describe, expect, it } from 'vitest';
import { column, parseCsv } from './csv';

describe('parseCsv', () => {
  it('reads quoted newlines, a BOM and semicolons, and finds columns by loose header names', () => {
    const table = parseCsv('\uFEFFComment Text;Parent Comment ID\n"Line one\nline two";abc\n');
    expect(table.rows).toEqual([['Line one\nline two', 'abc']]);
    expect(column(table, ['comment_text'])).toBe(0);
    expect(column(table, ['parentcommentid'])).toBe(1);
    expect(column(table, ['missing'])).toBe(-1);
  });

  it("skips a notes preamble before the header row when told which headers to expect", () => {
    const table = parseCsv('Notes:\nThis file lists your comments\n\nDate,Link,Message\n2024-01-02 10:00:00 UTC,https://x,Hello\n', {
      expectHeader: ['Message'],
    });
    expect(table.headers).toEqual(['Date', 'Link', 'Message']);
    expect(table.rows).toHaveLength(1);
  });
});
