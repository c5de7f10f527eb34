/**
 * A tiny stand-in for a WebLLM model, served at the model host's real URLs so the extension's
 * real download path (background → offscreen host → WebLLM in its worker → Cache Storage) runs
 * end to end without network or weights.
 *
 * WebLLM fetches, in order: mlc-chat-config.json, the model library (.wasm), tokenizer.json,
 * tensor-cache.json, then the weight shards it lists, reporting "Fetching param cache[i/n]"
 * progress after each shard. The model library must instantiate as a TVM runtime before any
 * shard is fetched, so `fakeModelLibrary()` builds a minimal WebAssembly module that answers the
 * runtime calls made while setting up (function registry, call-stack memory) and fails every
 * real computation with a clear message. Loading therefore always ends in an error once the
 * shards are downloaded: these files exercise download progress, cancel and download errors,
 * never inference.
 */

// --- A minimal WebAssembly binary encoder (only what the fake library needs) ---

function uleb(value: number): number[] {
  const out: number[] = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value !== 0) byte |= 0x80;
    out.push(byte);
  } while (value !== 0);
  return out;
}

function sleb(value: number): number[] {
  const out: number[] = [];
  for (;;) {
    const byte = value & 0x7f;
    value >>= 7;
    const done = (value === 0 && (byte & 0x40) === 0) || (value === -1 && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
}

const bytesOf = (text: string) => [...Buffer.from(text, 'utf8')];
const name = (text: string) => [...uleb(Buffer.byteLength(text)), ...bytesOf(text)];
const vector = (items: number[][]) => [...uleb(items.length), ...items.flat()];
const section = (id: number, body: number[]) => [id, ...uleb(body.length), ...body];

const I32 = 0x7f;
const op = {
  end: 0x0b,
  localGet: 0x20,
  globalGet: 0x23,
  globalSet: 0x24,
  i32Store: 0x36,
  i32Const: 0x41,
  i32Add: 0x6a,
  i32And: 0x71,
} as const;

const ERROR_ADDRESS = 2048;
const HEAP_START = 65536;
const ERROR_TEXT = 'This is a test model library: it holds no model code, so the model cannot run.';

/** Writes a fresh non-zero handle (a counter) to the pointer in local `outLocal`; returns 0. */
const newHandleInto = (outLocal: number) => [
  op.globalGet, 1, op.i32Const, ...sleb(1), op.i32Add, op.globalSet, 1,
  op.localGet, outLocal, op.globalGet, 1, op.i32Store, 2, 0,
  op.i32Const, ...sleb(0),
];

interface FakeExport {
  name: string;
  params: number;
  results: number;
  body: number[];
}

const EXPORTS: FakeExport[] = [
  // The call-stack memory TVM's JS side writes arguments into: a bump allocator, never freed.
  {
    name: 'TVMWasmAllocSpace',
    params: 1,
    results: 1,
    body: [
      op.globalGet, 0,
      op.globalGet, 0, op.localGet, 0, op.i32Add, op.i32Const, ...sleb(15), op.i32Add,
      op.i32Const, ...sleb(-16), op.i32And, op.globalSet, 0,
    ],
  },
  { name: 'TVMWasmFreeSpace', params: 1, results: 1, body: [op.i32Const, ...sleb(0)] },
  { name: 'TVMFFIFunctionGetGlobal', params: 2, results: 1, body: newHandleInto(1) },
  { name: 'TVMFFIWasmFunctionCreate', params: 2, results: 1, body: newHandleInto(1) },
  { name: 'TVMFFITypeKeyToIndex', params: 2, results: 1, body: newHandleInto(1) },
  { name: 'TVMFFIFunctionSetGlobal', params: 3, results: 1, body: [op.i32Const, ...sleb(0)] },
  { name: 'TVMFFIObjectIncRef', params: 1, results: 1, body: [op.i32Const, ...sleb(0)] },
  { name: 'TVMFFIObjectDecRef', params: 1, results: 1, body: [op.i32Const, ...sleb(0)] },
  // Any real computation fails, with the message below.
  { name: 'TVMFFIFunctionCall', params: 4, results: 1, body: [op.i32Const, ...sleb(-1)] },
  { name: 'TVMFFIWasmGetLastError', params: 0, results: 1, body: [op.i32Const, ...sleb(ERROR_ADDRESS)] },
  { name: '_initialize', params: 0, results: 0, body: [] },
];

/** The fake model library (.wasm) as bytes. */
export function fakeModelLibrary(): Buffer {
  const signatures: string[] = [];
  const typeIndex = EXPORTS.map((e) => {
    const key = `${e.params}:${e.results}`;
    if (!signatures.includes(key)) signatures.push(key);
    return signatures.indexOf(key);
  });
  const types = signatures.map((key) => {
    const [params, results] = key.split(':').map(Number) as [number, number];
    return [0x60, ...uleb(params), ...Array<number>(params).fill(I32), ...uleb(results), ...Array<number>(results).fill(I32)];
  });
  const memoryPages = 256;
  const globals = [
    [I32, 1, op.i32Const, ...sleb(HEAP_START), op.end],
    [I32, 1, op.i32Const, ...sleb(1), op.end],
  ];
  const exports = [
    [...name('memory'), 0x02, ...uleb(0)],
    ...EXPORTS.map((e, i) => [...name(e.name), 0x00, ...uleb(i)]),
  ];
  const code = EXPORTS.map((e) => {
    const body = [0x00 /* no locals */, ...e.body, op.end];
    return [...uleb(body.length), ...body];
  });
  const errorBytes = [...bytesOf(ERROR_TEXT), 0];
  const data = [[0x00, op.i32Const, ...sleb(ERROR_ADDRESS), op.end, ...uleb(errorBytes.length), ...errorBytes]];
  return Buffer.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vector(types)),
    ...section(3, vector(typeIndex.map((t) => uleb(t)))),
    ...section(5, vector([[0x00, ...uleb(memoryPages)]])),
    ...section(6, vector(globals)),
    ...section(7, vector(exports)),
    ...section(10, vector(code)),
    ...section(11, vector(data)),
  ]);
}

// --- The model folder ---

/** A word-level tokenizer in Hugging Face's tokenizer.json format: enough for WebLLM to load. */
const TOKENIZER = {
  version: '1.0',
  truncation: null,
  padding: null,
  added_tokens: [],
  normalizer: null,
  pre_tokenizer: { type: 'Whitespace' },
  post_processor: null,
  decoder: null,
  model: { type: 'WordLevel', vocab: { '[UNK]': 0, hello: 1, thanks: 2 }, unk_token: '[UNK]' },
};

const CHAT_CONFIG = {
  model_type: 'qwen2',
  quantization: 'q4f32_1',
  context_window_size: 4096,
  prefill_chunk_size: 1024,
  vocab_size: 3,
  tokenizer_files: ['tokenizer.json'],
  conv_template: {
    name: 'test',
    system_template: '{system_message}',
    system_message: '',
    roles: { user: 'user', assistant: 'assistant' },
    role_templates: {},
    messages: [],
    seps: ['\n'],
    role_content_sep: ': ',
    role_empty_sep: ':',
    stop_str: [],
    stop_token_ids: [],
    system_prefix_token_ids: [],
    add_role_after_system_message: true,
  },
  temperature: 0.7,
  top_p: 0.9,
};

export interface FakeShard {
  file: string;
  bytes: number;
}

/** Weight shards: a few fast ones and the one a test can hold back. */
export const FAKE_SHARDS: FakeShard[] = [
  { file: 'params_shard_0.bin', bytes: 256 * 1024 },
  { file: 'params_shard_1.bin', bytes: 256 * 1024 },
  { file: 'params_shard_2.bin', bytes: 256 * 1024 },
  { file: 'params_shard_3.bin', bytes: 256 * 1024 },
];

function tensorCache(shards: FakeShard[]) {
  return {
    metadata: { ParamSize: shards.length, ParamBytes: shards.reduce((n, s) => n + s.bytes, 0), BitsPerParam: 32 },
    records: shards.map((shard, i) => ({
      dataPath: shard.file,
      format: 'raw-shard',
      nbytes: shard.bytes,
      records: [
        { name: `param_${i}`, shape: [shard.bytes / 4], dtype: 'float32', format: 'f32-to-bf16', nbytes: shard.bytes, byteOffset: 0 },
      ],
      md5sum: '',
    })),
  };
}

export interface FakeFile {
  body: Buffer;
  contentType: string;
}

/** Files by name, as they sit in the model folder (`…/resolve/main/<name>`). */
export function fakeModelFolder(shards: FakeShard[] = FAKE_SHARDS): Map<string, FakeFile> {
  const json = (value: unknown): FakeFile => ({ body: Buffer.from(JSON.stringify(value)), contentType: 'application/json' });
  const files = new Map<string, FakeFile>([
    ['mlc-chat-config.json', json(CHAT_CONFIG)],
    ['tokenizer.json', json(TOKENIZER)],
    ['tensor-cache.json', json(tensorCache(shards))],
  ]);
  for (const shard of shards) {
    files.set(shard.file, { body: Buffer.alloc(shard.bytes, 1), contentType: 'application/octet-stream' });
  }
  return files;
}
