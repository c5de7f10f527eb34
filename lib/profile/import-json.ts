/**
 * Reads a style profile file (format v1) and either returns the whole profile or one error
 * sentence that names the file, where the problem is and what it is. Nothing here touches the
 * database: applying a parsed profile is apply.ts, so a bad file can never half-import.
 */
import { toProblems, describeValue, type Problem } from './issues';
import { describeJsonError } from './json-syntax';
import { PROFILE_FORMAT, PROFILE_VERSION, styleProfileSchema, type StyleProfile } from './schema';

/** Largest file we read; checked before decoding so a huge file never reaches memory twice. */
export const MAX_PROFILE_BYTES = 50 * 1024 * 1024;
/** How many problems the message lists before "and N more". */
const LISTED_PROBLEMS = 3;

export interface ImportError {
  fileName: string;
  /** One sentence for the creator, naming the file, the field and the problem. */
  message: string;
  /** Field of the first problem, e.g. "examples[3].reply"; absent for whole-file problems. */
  path?: string;
  /** The first problem, without file name or path. */
  problem: string;
  /**
   * Every problem, "path — problem", when the file has more than one: the message names the
   * first three, and Options lists every one so the creator can fix the file in one go.
   */
  problems?: string[];
}

export type ParseResult = { ok: true; profile: StyleProfile } | { ok: false; error: ImportError };

export interface ParseOptions {
  /** Size limit in bytes; MAX_PROFILE_BYTES unless a test needs a small one. */
  maxBytes?: number;
}

const MB = 1024 * 1024;

function formatSize(bytes: number): string {
  if (bytes >= MB) return `${(bytes / MB).toFixed(1).replace(/\.0$/, '')} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1).replace(/\.0$/, '')} KB`;
  return `${bytes} bytes`;
}

/** "big.json is 52.4 MB; the limit is 50 MB", precise enough that the two never read the same. */
function tooBigMessage(fileName: string, bytes: number, limit: number): string {
  let size = formatSize(bytes);
  const max = formatSize(limit);
  if (size === max) size = `${bytes.toLocaleString('en-US')} bytes`;
  return `${fileName} is ${size}; the limit is ${max}`;
}

/** UTF-8 length without encoding a copy of a possibly huge string. */
function utf8Length(text: string, limit: number): number {
  if (text.length * 3 <= limit) return text.length; // even all 3-byte characters would fit
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

function wholeFile(fileName: string, message: string, problem: string): ParseResult {
  return { ok: false, error: { fileName, message, problem } };
}

/** Decodes bytes as UTF-8 (or UTF-16 when a byte-order mark says so); undefined if not text. */
function decode(bytes: Uint8Array): string | undefined {
  let encoding = 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) encoding = 'utf-16le';
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) encoding = 'utf-16be';
  try {
    // The decoder drops a leading byte-order mark itself.
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function joinProblems(fileName: string, problems: readonly Problem[]): string {
  const listed = problems
    .slice(0, LISTED_PROBLEMS)
    .map((p) => (p.path ? `${p.path} — ${p.problem}` : p.problem));
  const rest = problems.length - LISTED_PROBLEMS;
  if (rest > 0) listed.push(`and ${rest.toLocaleString('en-US')} more problem${rest === 1 ? '' : 's'}`);
  return `${fileName}: ${listed.join('; ')}`;
}

/** Checks what the file claims to be before its fields, so a wrong file gets one clear sentence. */
function checkKind(fileName: string, data: unknown): ParseResult | undefined {
  const hint = `expected a JSON object with "format": "${PROFILE_FORMAT}"`;
  if (!isPlainObject(data)) {
    return wholeFile(
      fileName,
      `${fileName} is not an Understudy style profile: it holds ${describeValue(data)}; ${hint}`,
      `not a style profile: it holds ${describeValue(data)}`,
    );
  }
  if (data.format !== PROFILE_FORMAT) {
    const got = data.format === undefined ? 'has no "format" field' : `has "format" ${describeValue(data.format)}`;
    return wholeFile(
      fileName,
      `${fileName} is not an Understudy style profile: it ${got}; ${hint}`,
      `not a style profile: it ${got}`,
    );
  }
  if (typeof data.version === 'number' && data.version !== PROFILE_VERSION) {
    const problem = `style profile version ${data.version}; this version of Understudy reads version ${PROFILE_VERSION}`;
    return { ok: false, error: { fileName, message: `${fileName} is a ${problem}`, path: 'version', problem } };
  }
  return undefined;
}

/** Parses a style profile file. Never throws for bad input: every failure is an ImportError. */
export function parseProfileFile(
  fileName: string,
  bytes: string | ArrayBuffer | Uint8Array,
  opts: ParseOptions = {},
): ParseResult {
  const limit = opts.maxBytes ?? MAX_PROFILE_BYTES;
  const size =
    typeof bytes === 'string' ? utf8Length(bytes, limit) : bytes.byteLength;
  if (size > limit) {
    return wholeFile(fileName, tooBigMessage(fileName, size, limit), `the file is too large (limit ${formatSize(limit)})`);
  }

  let text: string | undefined;
  if (typeof bytes === 'string') text = bytes;
  else text = decode(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes));
  if (text === undefined) {
    return wholeFile(
      fileName,
      `${fileName} is not readable text; save it as UTF-8 and try again`,
      'not UTF-8 text',
    );
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (!/\S/.test(text)) return wholeFile(fileName, `${fileName} is empty`, 'the file is empty');

  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const why = describeJsonError(e, text);
    return wholeFile(fileName, `${fileName} is not JSON: ${why}`, `not JSON: ${why}`);
  }

  const wrongKind = checkKind(fileName, data);
  if (wrongKind) return wrongKind;

  const parsed = styleProfileSchema.safeParse(data, { reportInput: true });
  if (parsed.success) return { ok: true, profile: parsed.data };

  const problems = toProblems(parsed.error.issues);
  const first = problems[0] ?? { problem: 'does not match the style profile format' };
  const error: ImportError = { fileName, message: joinProblems(fileName, problems), problem: first.problem };
  if (problems.length > 1) error.problems = problems.map((p) => (p.path ? `${p.path} — ${p.problem}` : p.problem));
  if (first.path !== undefined) error.path = first.path;
  return { ok: false, error };
}

/**
 * Reads a file the creator picked. The size is checked from file.size before a byte is read, so
 * a multi-gigabyte file is refused at once instead of freezing the page.
 */
export async function readProfileFile(file: File, opts: ParseOptions = {}): Promise<ParseResult> {
  const limit = opts.maxBytes ?? MAX_PROFILE_BYTES;
  if (file.size > limit) {
    return wholeFile(file.name, tooBigMessage(file.name, file.size, limit), `the file is too large (limit ${formatSize(limit)})`);
  }
  let buffer: ArrayBuffer;
  try {
    buffer = await file.arrayBuffer();
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return wholeFile(file.name, `${file.name} could not be read: ${why}`, `could not be read: ${why}`);
  }
  return parseProfileFile(file.name, buffer, opts);
}
