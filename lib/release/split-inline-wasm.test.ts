import { moveInlineWasm, splitInlineWasm } from './split-inline-wasm';

const PREFIX = 'data:application/octet-stream;base64,';
const big = (letter: string) => PREFIX + letter.repeat(300 * 1024);

function emscriptenLike(...urls: string[]): string {
  return urls.map((url, i) => `var wasmBinaryFile${i};wasmBinaryFile${i}="${url}";if(!isDataURI(wasmBinaryFile${i})){}`).join('\n');
}

describe('moving WebLLM’s inline WebAssembly out of its script (Firefox linter’s 5 MB limit)', () => {
  it('replaces each large inline wasm string with an import of exactly the same string', () => {
    const code = emscriptenLike(big('A'), big('B'));
    const { code: moved, values } = moveInlineWasm(code);
    expect(values).toEqual([big('A'), big('B')]);
    expect(moved).toContain('import __understudyInlineWasm0 from "virtual:understudy-inline-wasm/0";');
    expect(moved).toContain('wasmBinaryFile0=__understudyInlineWasm0;');
    expect(moved).toContain('wasmBinaryFile1=__understudyInlineWasm1;');
    expect(moved.length).toBeLessThan(1000);
  });

  it('leaves small inline data and other strings where they are', () => {
    const code = `var dataURIPrefix="${PREFIX}";var tiny="${PREFIX}AGFzbQ==";`;
    expect(moveInlineWasm(code)).toEqual({ code, values: [] });
  });

  it('numbers the moved strings after those moved from earlier modules, so none is overwritten', () => {
    expect(moveInlineWasm(emscriptenLike(big('C')), 2).code).toContain('virtual:understudy-inline-wasm/2');
  });

  it('serves each moved string back as the default export of its module, only for WebLLM’s code', async () => {
    const plugin = splitInlineWasm();
    const call = <T>(hook: unknown, ...args: unknown[]) => (hook as (...a: unknown[]) => T).apply({}, args);
    expect(call(plugin.transform, emscriptenLike(big('D')), '/repo/lib/other.js')).toBeUndefined();
    const transformed = call<{ code: string }>(plugin.transform, emscriptenLike(big('D')), '/repo/node_modules/@mlc-ai/web-llm/lib/index.js');
    expect(transformed.code).toContain('__understudyInlineWasm0');
    const id = call<string>(plugin.resolveId, 'virtual:understudy-inline-wasm/0');
    const loaded = call<string>(plugin.load, id);
    expect(loaded).toBe(`export default ${JSON.stringify(big('D'))};`);
  });
});
