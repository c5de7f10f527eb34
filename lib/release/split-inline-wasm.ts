/**
 * Firefox build only: keeps every script in the package small enough for Mozilla's add-on linter
 * (`web-ext lint`, the same checks addons.mozilla.org runs), which refuses to parse a script of
 * 5 MB or more and reports it as an error. WebLLM's bundle is one 6.8 MB module because its
 * Emscripten parts carry their WebAssembly inline, as base64 `data:` URLs (the tokenizer's alone
 * is 4.6 MB). Those strings are moved, unchanged, into modules of their own, and the model
 * worker's build puts each in its own chunk: the same code, the same bytes, in files under the
 * limit. Nothing is fetched and nothing else changes; Chrome's build doesn't use this.
 *
 * A build-time transform, pure over the module's text: found by the literal's own prefix, not by
 * position, so a WebLLM update that moves them still works, and one that drops them is a no-op.
 */
import type { Plugin } from 'vite';

const DATA_URL_LITERAL = /"data:application\/octet-stream;base64,[A-Za-z0-9+/=]+"/g;
/** Small inline data stays where it is; only the ones that matter for the size limit move. */
export const MIN_MOVED_LENGTH = 256 * 1024;
const VIRTUAL_PREFIX = 'virtual:understudy-inline-wasm/';
/** The chunk name, and what the worker build's code-splitting group matches. */
export const INLINE_WASM_CHUNK = /understudy-inline-wasm\/(\d+)/;

export interface MovedLiterals {
  code: string;
  /** The moved string literals' values, by index (the module `…/index` exports it). */
  values: string[];
}

/** Replaces each long inline-wasm string literal with an import of the same string. */
export function moveInlineWasm(code: string, firstIndex = 0, minLength = MIN_MOVED_LENGTH): MovedLiterals {
  const values: string[] = [];
  const imports: string[] = [];
  const replaced = code.replace(DATA_URL_LITERAL, (literal) => {
    if (literal.length < minLength) return literal;
    const index = firstIndex + values.length;
    values.push(literal.slice(1, -1));
    const name = `__understudyInlineWasm${index}`;
    imports.push(`import ${name} from ${JSON.stringify(VIRTUAL_PREFIX + index)};`);
    return name;
  });
  if (values.length === 0) return { code, values };
  return { code: `${imports.join('\n')}\n${replaced}`, values };
}

/** The Vite plugin: applies moveInlineWasm to WebLLM and serves the moved strings. */
export function splitInlineWasm(): Plugin {
  const moved: string[] = [];
  return {
    name: 'understudy:split-inline-wasm',
    resolveId(id) {
      return id.startsWith(VIRTUAL_PREFIX) ? `\0${id}` : undefined;
    },
    load(id) {
      if (!id.startsWith(`\0${VIRTUAL_PREFIX}`)) return undefined;
      const value = moved[Number(id.slice(VIRTUAL_PREFIX.length + 1))];
      return value === undefined ? undefined : `export default ${JSON.stringify(value)};`;
    },
    transform(code, id) {
      if (!/[\\/]@mlc-ai[\\/]web-llm[\\/]/.test(id)) return undefined;
      const result = moveInlineWasm(code, moved.length);
      if (result.values.length === 0) return undefined;
      moved.push(...result.values);
      return { code: result.code, map: null };
    },
  };
}

/**
 * Worker build options that give each moved string a chunk of its own (module workers may
 * import chunks; a classic worker is one file).
 */
export function workerOptionsForSplitWasm() {
  return {
    format: 'es' as const,
    plugins: () => [splitInlineWasm()],
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              test: INLINE_WASM_CHUNK,
              name: (id: string) => `webllm-wasm-${INLINE_WASM_CHUNK.exec(id)?.[1] ?? '0'}`,
            },
          ],
        },
      },
    },
  };
}
