/**
 * Plain-language descriptions of schema problems: "examples[3].reply — expected text, got a
 * number". Creators edit these files by hand or export them from spreadsheets; zod's own wording
 * ("Invalid input: expected string, received number") is for programmers.
 */
import { SITE_IDS } from '../core/sites';
import type { z } from 'zod';
import { PROFILE_FIELDS } from './schema';

export interface Problem {
  /** Where in the file, e.g. "examples[3].reply"; absent for the file as a whole. */
  path?: string;
  problem: string;
}

/** "examples[3].reply", 'handles["my site"]'; indexes count from 0 like most JSON tools. */
export function formatPath(path: readonly PropertyKey[]): string | undefined {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out || undefined;
}

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  record: 'an object',
  null: 'null',
};

function quote(value: string, max = 60): string {
  const short = value.length > max ? `${value.slice(0, max - 1)}…` : value;
  return JSON.stringify(short);
}

/** How a value found in the file reads in a sentence: "a number", 'text "abc"', "a list". */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return value.length === 0 ? 'empty text' : `text ${quote(value)}`;
    case 'number':
      return 'a number';
    case 'boolean':
      return String(value);
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

function listWords(words: readonly string[]): string {
  const quoted = words.map((w) => JSON.stringify(w));
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}

function count(n: number | bigint, noun: string): string {
  const num = Number(n);
  return `${num.toLocaleString('en-US')} ${noun}${num === 1 ? '' : 's'}`;
}

function itemNoun(path: readonly PropertyKey[]): string {
  const last = path[path.length - 1];
  if (last === 'examples') return 'example reply';
  if (last === 'facts') return 'fact';
  return 'item';
}

/** One issue → one short clause, without the path. */
export function describeIssue(issue: z.core.$ZodIssue): string {
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case 'invalid_type': {
      const expected = EXPECTED[issue.expected] ?? issue.expected;
      if (input === undefined) return `missing (expected ${expected})`;
      return `expected ${expected}, got ${describeValue(input)}`;
    }
    case 'too_small': {
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1 ? 'is empty' : `needs at least ${count(issue.minimum, 'character')}`;
      }
      if (issue.origin === 'array') return `needs at least ${count(issue.minimum, itemNoun(issue.path))}`;
      return `must be at least ${String(issue.minimum)}`;
    }
    case 'too_big': {
      if (issue.origin === 'string') {
        const length = typeof input === 'string' ? `is ${count(input.length, 'character')}; ` : '';
        return `${length}the limit is ${count(issue.maximum, 'character')}`;
      }
      if (issue.origin === 'array') {
        const length = Array.isArray(input) ? `has ${count(input.length, itemNoun(issue.path))}; ` : '';
        return `${length}the limit is ${count(issue.maximum, itemNoun(issue.path))}`;
      }
      return `must be at most ${String(issue.maximum)}`;
    }
    case 'invalid_format': {
      const got = typeof input === 'string' ? `, got ${quote(input)}` : '';
      if (issue.format === 'url') return `expected an https:// link${got}`;
      return `is not a valid ${issue.format}${got}`;
    }
    case 'invalid_value': {
      const options = issue.values.map((v) => JSON.stringify(v));
      const expected = options.length === 1 ? options[0] : `one of ${options.join(', ')}`;
      if (input === undefined) return `missing (expected ${expected})`;
      return `expected ${expected}, got ${describeValue(input)}`;
    }
    case 'unrecognized_keys': {
      const noun = issue.keys.length === 1 ? 'field' : 'fields';
      if (issue.path.length === 0) {
        return `unknown top-level ${noun} ${listWords(issue.keys)}; format v1 has ${PROFILE_FIELDS.join(', ')}`;
      }
      if (issue.path.length === 1 && issue.path[0] === 'handles') {
        const sites = issue.keys.length === 1 ? 'site' : 'sites';
        return `unknown ${sites} ${listWords(issue.keys)}; handles can be for ${SITE_IDS.join(', ')}`;
      }
      return `unknown ${noun} ${listWords(issue.keys)}`;
    }
    case 'invalid_key':
      return 'has a key the format does not allow';
    case 'custom':
      return typeof input === 'string' ? `${issue.message}, got ${quote(input)}` : issue.message;
    default:
      return issue.message;
  }
}

export function toProblems(issues: readonly z.core.$ZodIssue[]): Problem[] {
  return issues.map((issue) => {
    const path = formatPath(issue.path);
    return path === undefined ? { problem: describeIssue(issue) } : { path, problem: describeIssue(issue) };
  });
}
