/**
 * What text stands for a reply, and for a new comment, when they are turned into vectors.
 *
 * Arctic Embed reads at most 512 tokens and WebLLM rejects longer input rather than cutting it.
 * Its WordPiece tokenizer never makes more tokens than characters (an unknown word is one
 * [UNK]), so cutting by characters keeps every input inside the window without a tokenizer here.
 * The start of a comment carries its topic; the tail of a long reply adds little to matching.
 */
import type { ExampleRow } from './db';

/** Characters (code points) per text: 512 tokens less [CLS], [SEP] and the query prefix. */
export const MAX_EMBED_CHARS = 440;
/** The comment answered matters most for matching a new comment; the reply fills the rest. */
const MAX_INCOMING_SHARE = 280;

function cut(text: string, max: number): string {
  const trimmed = text.replace(/\s+/gu, ' ').trim();
  if (trimmed.length <= max) return trimmed;
  // By code points, so an emoji is never split into half a surrogate pair.
  return Array.from(trimmed).slice(0, max).join('').trimEnd();
}

/** A stored reply as one passage: the comment it answered, then what the creator said. */
export function exampleText(example: Pick<ExampleRow, 'incoming' | 'reply'>): string {
  const incoming = example.incoming ? cut(example.incoming, MAX_INCOMING_SHARE) : '';
  const reply = cut(example.reply, MAX_EMBED_CHARS - Array.from(incoming).length - 1);
  const text = incoming ? `${incoming}\n${reply}` : reply;
  // WebLLM refuses empty input; a reply is never empty, but whitespace trims to nothing.
  return text || '…';
}

/** A new comment as a search query, with the model's query prefix; undefined when it is blank. */
export function queryText(commentText: string, prefix: string): string | undefined {
  const text = cut(commentText, MAX_EMBED_CHARS);
  return text ? `${prefix}${text}` : undefined;
}
