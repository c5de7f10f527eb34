/**
 * CSV files of exports and of the creator's own replies, read with papaparse (RFC 4180: quoted
 * newlines, any delimiter it can detect, a BOM dropped). Columns are found by header name,
 * case-insensitively and ignoring spaces and punctuation, because platforms reorder and re-case
 * their headers between years.
 */
import Papa from 'papaparse';

export interface CsvTable {
  /** Header names as the file has them. */
  headers: string[];
  rows: string[][];
  /** Parse problems papaparse reported (row number and message), for the preview. */
  errors: { row: number; message: string }[];
}

/** "Comment Create Timestamp", "comment_create_timestamp" and "CommentCreateTimestamp" are one. */
export function headerKey(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * Parse CSV text. `skipPreamble` drops lines before the first line that contains one of the
 * wanted headers (LinkedIn files can start with notes).
 */
export function parseCsv(text: string, options: { expectHeader?: readonly string[] } = {}): CsvTable {
  let body = text.replace(/^\uFEFF/, '');
  const wanted = options.expectHeader?.map(headerKey);
  if (wanted?.length) {
    const lines = body.split(/\r?\n/);
    const at = lines.findIndex((line) => line.split(/[,;\t|]/).some((cell) => wanted.includes(headerKey(cell.replace(/"/g, '')))));
    if (at > 0) body = lines.slice(at).join('\n');
  }
  const parsed = Papa.parse<string[]>(body, { skipEmptyLines: 'greedy' });
  const [headers = [], ...rows] = parsed.data;
  return {
    headers,
    rows,
    errors: parsed.errors.map((e) => ({ row: (e.row ?? 0) + 1, message: e.message })),
  };
}

/** The index of the first column whose header matches one of `names` (loosely), or -1. */
export function column(table: CsvTable, names: readonly string[]): number {
  const keys = table.headers.map(headerKey);
  for (const name of names) {
    const at = keys.indexOf(headerKey(name));
    if (at >= 0) return at;
  }
  return -1;
}
