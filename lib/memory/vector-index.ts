/**
 * Embedding vectors of the creator's replies, held in memory compactly and searched by cosine
 * similarity fast enough for every draft.
 *
 * Why not float32 and a plain scan: 100,000 replies × 384 dimensions is 154 MB as float32 (the
 * whole memory budget), and a JS dot product over all of them took ~150 ms here. So each vector
 * is kept twice, small:
 * - int8 codes with a per-vector scale (1 byte a dimension: 38 MB at 100k × 384), for exact-enough
 *   similarity (quantization error is well under the gap between close and unrelated texts);
 * - one sign bit per dimension (48 bytes a vector), for a first pass: the Hamming distance
 *   between sign bits tracks the angle between vectors, and 100,000 of them are compared in a few
 *   milliseconds with 32-bit popcounts.
 * A search takes the few hundred nearest by Hamming distance and re-ranks them with the int8 codes.
 * Signs are taken after subtracting the mean vector: embedding models put most vectors in a narrow
 * cone, and raw signs would then agree on many dimensions for unrelated texts.
 */

export interface VectorHit {
  id: number;
  /** Cosine similarity, -1 to 1. */
  similarity: number;
}

export interface VectorSearchOptions {
  /** Only ids this accepts are returned (e.g. replies that still exist). */
  accept?: (id: number) => boolean;
  /** Candidates re-ranked exactly after the bit pass; more is slower and closer to exhaustive. */
  rescore?: number;
}

const MIN_RESCORE = 400;
const RESCORE_PER_RESULT = 16;
/** The mean used for sign bits is recomputed when the index has doubled since. */
const MEAN_REFRESH_GROWTH = 2;

function grow<T extends Int8Array | Uint32Array | Float32Array | Float64Array | Uint8Array>(array: T, size: number): T {
  if (array.length >= size) return array;
  const Ctor = array.constructor as new (length: number) => T;
  const next = new Ctor(Math.max(size, array.length * 2, 1024));
  next.set(array);
  return next;
}

/** Bits set in a 32-bit word (SWAR). */
function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

export class VectorIndex {
  readonly dims: number;
  /** 32-bit words of sign bits per vector. */
  readonly #words: number;

  #slots = 0;
  #live = 0;
  #ids = new Float64Array(0);
  #alive = new Uint8Array(0);
  /** The stored batch (Dexie row id) each slot came from, for pruning. */
  #rowIds = new Float64Array(0);
  #codes = new Int8Array(0);
  #scales = new Float32Array(0);
  #bits = new Uint32Array(0);
  #slotOf = new Map<number, number>();

  /** Mean of the unit vectors (in code units), the origin for sign bits. */
  #mean: Float32Array;
  #meanAtSize = 0;
  #bulk = false;

  // Search scratch.
  #distances = new Uint16Array(0);

  constructor(dims: number) {
    if (!Number.isInteger(dims) || dims <= 0) throw new RangeError(`Vector dimensions must be a positive integer, got ${dims}.`);
    this.dims = dims;
    this.#words = Math.ceil(dims / 32);
    this.#mean = new Float32Array(dims);
  }

  /** Vectors held (each example once). */
  get size(): number {
    return this.#live;
  }

  has(id: number): boolean {
    return this.#slotOf.has(id);
  }

  /** Every id held, in no particular order. */
  *ids(): IterableIterator<number> {
    yield* this.#slotOf.keys();
  }

  /** Bytes of the typed arrays and (approximately) the id map: what the index costs in memory. */
  get memoryBytes(): number {
    const arrays = [this.#ids, this.#alive, this.#rowIds, this.#codes, this.#scales, this.#bits, this.#mean];
    const bytes = arrays.reduce((sum, a) => sum + a.byteLength, 0);
    // V8's Map: roughly 3 slots of 8 bytes per entry plus the hash table.
    return bytes + this.#slotOf.size * 40;
  }

  /**
   * Adds the vector for example `id` (replacing any earlier one): `vector` holds it at
   * `offset`…`offset + dims`. A zero or non-finite vector is ignored: it has no direction.
   */
  add(id: number, vector: ArrayLike<number>, offset = 0, rowId = 0): boolean {
    const dims = this.dims;
    let norm = 0;
    for (let j = 0; j < dims; j++) {
      const x = vector[offset + j]!;
      norm += x * x;
    }
    if (!(norm > 0) || !Number.isFinite(norm)) return false;
    const inv = 1 / Math.sqrt(norm);
    let maxAbs = 0;
    for (let j = 0; j < dims; j++) maxAbs = Math.max(maxAbs, Math.abs(vector[offset + j]! * inv));

    this.remove(id);
    const slot = this.#slots++;
    this.#ensure(this.#slots);
    const scale = maxAbs / 127;
    const base = slot * dims;
    for (let j = 0; j < dims; j++) this.#codes[base + j] = Math.round((vector[offset + j]! * inv) / scale);
    this.#scales[slot] = scale;
    this.#ids[slot] = id;
    this.#rowIds[slot] = rowId;
    this.#alive[slot] = 1;
    this.#slotOf.set(id, slot);
    this.#live++;
    if (this.#bulk) return true;
    if (this.#live >= Math.max(64, this.#meanAtSize * MEAN_REFRESH_GROWTH)) this.#refreshMean();
    else this.#setBits(slot);
    return true;
  }

  /**
   * Runs many adds (synchronously, or until the returned promise settles), computing the mean
   * and sign bits once at the end instead of each time the index doubles.
   */
  bulk<T>(work: () => T): T {
    if (this.#bulk) return work();
    this.#bulk = true;
    const end = () => {
      this.#bulk = false;
      this.#trim();
      this.#refreshMean();
    };
    let result: T;
    try {
      result = work();
    } catch (error) {
      end();
      throw error;
    }
    if (result instanceof Promise) return result.finally(end) as T;
    end();
    return result;
  }

  /** Adds `ids.length` vectors stored back to back in `vectors` (one stored batch). */
  addBatch(ids: readonly number[], vectors: ArrayLike<number>, rowId = 0): number {
    let added = 0;
    for (let i = 0; i < ids.length; i++) if (this.add(ids[i]!, vectors, i * this.dims, rowId)) added++;
    return added;
  }

  remove(id: number): boolean {
    const slot = this.#slotOf.get(id);
    if (slot === undefined) return false;
    this.#slotOf.delete(id);
    this.#alive[slot] = 0;
    this.#live--;
    return true;
  }

  /** Cosine similarity between `query` and example `id`'s vector; undefined when it has none. */
  similarity(query: ArrayLike<number>, id: number): number | undefined {
    const slot = this.#slotOf.get(id);
    if (slot === undefined) return undefined;
    const unit = normalized(query, this.dims);
    return unit ? this.#dot(unit, slot) : undefined;
  }

  /** The k most similar vectors to `query`, best first. */
  search(query: ArrayLike<number>, k: number, options: VectorSearchOptions = {}): VectorHit[] {
    if (this.#live === 0 || k <= 0) return [];
    if (query.length !== this.dims) throw new RangeError(`Query has ${query.length} dimensions; the index holds ${this.dims}.`);
    const unit = normalized(query, this.dims);
    if (!unit) return [];
    const rescore = Math.max(options.rescore ?? 0, MIN_RESCORE, k * RESCORE_PER_RESULT);
    const candidates = rescore >= this.#live ? this.#allSlots() : this.#nearestByBits(unit, rescore);
    const accept = options.accept;
    const best: VectorHit[] = [];
    let floor = -Infinity;
    for (const slot of candidates) {
      const id = this.#ids[slot]!;
      if (accept && !accept(id)) continue;
      const similarity = this.#dot(unit, slot);
      if (best.length === k && similarity <= floor) continue;
      let i = best.length === k ? k - 1 : best.length;
      if (best.length === k) best.pop();
      while (i > 0 && best[i - 1]!.similarity < similarity) i--;
      best.splice(i, 0, { id, similarity });
      if (best.length === k) floor = best[k - 1]!.similarity;
    }
    return best;
  }

  /**
   * Stored batches whose vectors are (partly) for examples that no longer exist: how many of
   * each batch's vectors are dead and how many it holds in all. Replaced vectors count as dead.
   */
  deadRows(isLive: (id: number) => boolean): Map<number, { dead: number; total: number }> {
    const rows = new Map<number, { dead: number; total: number }>();
    for (let slot = 0; slot < this.#slots; slot++) {
      const rowId = this.#rowIds[slot]!;
      const entry = rows.get(rowId) ?? { dead: 0, total: 0 };
      entry.total++;
      if (this.#alive[slot] === 0 || !isLive(this.#ids[slot]!)) entry.dead++;
      rows.set(rowId, entry);
    }
    for (const [rowId, entry] of rows) if (entry.dead === 0) rows.delete(rowId);
    return rows;
  }

  /* ---------------------------------------------------------------------------------------- */

  #ensure(size: number): void {
    if (this.#alive.length >= size) return;
    this.#ids = grow(this.#ids, size);
    this.#alive = grow(this.#alive, size);
    this.#rowIds = grow(this.#rowIds, size);
    this.#scales = grow(this.#scales, size);
    const capacity = this.#alive.length;
    this.#codes = grow(this.#codes, capacity * this.dims);
    this.#bits = grow(this.#bits, capacity * this.#words);
  }

  /** Gives back the spare capacity that doubling left (up to half the codes after a big load). */
  #trim(): void {
    const size = this.#slots;
    if (this.#alive.length - size <= size / 8 + 64) return;
    const fit = <T extends Int8Array | Uint32Array | Float32Array | Float64Array | Uint8Array>(array: T, length: number): T =>
      array.slice(0, length) as T;
    this.#ids = fit(this.#ids, size);
    this.#alive = fit(this.#alive, size);
    this.#rowIds = fit(this.#rowIds, size);
    this.#scales = fit(this.#scales, size);
    this.#codes = fit(this.#codes, size * this.dims);
    this.#bits = fit(this.#bits, size * this.#words);
    this.#distances = new Uint16Array(0);
  }

  #dot(unit: Float64Array, slot: number): number {
    const dims = this.dims;
    const codes = this.#codes;
    const base = slot * dims;
    let sum = 0;
    for (let j = 0; j < dims; j++) sum += unit[j]! * codes[base + j]!;
    return sum * this.#scales[slot]!;
  }

  #refreshMean(): void {
    const dims = this.dims;
    const mean = new Float64Array(dims);
    for (let slot = 0; slot < this.#slots; slot++) {
      if (this.#alive[slot] === 0) continue;
      const scale = this.#scales[slot]!;
      const base = slot * dims;
      for (let j = 0; j < dims; j++) mean[j]! += this.#codes[base + j]! * scale;
    }
    for (let j = 0; j < dims; j++) this.#mean[j] = mean[j]! / Math.max(1, this.#live);
    this.#meanAtSize = this.#live;
    for (let slot = 0; slot < this.#slots; slot++) if (this.#alive[slot] === 1) this.#setBits(slot);
  }

  #setBits(slot: number): void {
    const dims = this.dims;
    const words = this.#words;
    const scale = this.#scales[slot]!;
    const base = slot * dims;
    const out = slot * words;
    for (let w = 0; w < words; w++) {
      let word = 0;
      const end = Math.min(dims, (w + 1) * 32);
      for (let j = w * 32; j < end; j++) if (this.#codes[base + j]! * scale > this.#mean[j]!) word |= 1 << (j & 31);
      this.#bits[out + w] = word >>> 0;
    }
  }

  #allSlots(): number[] {
    const slots: number[] = [];
    for (let slot = 0; slot < this.#slots; slot++) if (this.#alive[slot] === 1) slots.push(slot);
    return slots;
  }

  /** About `count` live slots with the fewest sign bits differing from the query's. */
  #nearestByBits(unit: Float64Array, count: number): number[] {
    const words = this.#words;
    const query = new Uint32Array(words);
    for (let j = 0; j < this.dims; j++) if (unit[j]! > this.#mean[j]!) query[j >>> 5]! |= 1 << (j & 31);
    const slots = this.#slots;
    if (this.#distances.length < slots) this.#distances = new Uint16Array(this.#alive.length);
    const distances = this.#distances;
    const bits = this.#bits;
    const alive = this.#alive;
    const histogram = new Uint32Array(this.dims + 2);
    const dead = this.dims + 1;
    const triples = words - (words % 3);
    for (let slot = 0, at = 0; slot < slots; slot++, at += words) {
      if (alive[slot] === 0) {
        distances[slot] = dead;
        continue;
      }
      // Three words at a time, summing per-byte counts before folding them (SWAR): about twice
      // as fast as a popcount per word. A byte gains at most 24 per triple; folding every 4
      // triples keeps the sum under 2^31, where V8 keeps it an int32 (above, doubles: 2× slower).
      let d = 0;
      let bytes = 0;
      let pending = 0;
      for (let w = 0; w < triples; w += 3) {
        let a = query[w]! ^ bits[at + w]!;
        let b = query[w + 1]! ^ bits[at + w + 1]!;
        let c = query[w + 2]! ^ bits[at + w + 2]!;
        a -= (a >>> 1) & 0x55555555;
        b -= (b >>> 1) & 0x55555555;
        c -= (c >>> 1) & 0x55555555;
        a = (a & 0x33333333) + ((a >>> 2) & 0x33333333);
        b = (b & 0x33333333) + ((b >>> 2) & 0x33333333);
        c = (c & 0x33333333) + ((c >>> 2) & 0x33333333);
        const sum = a + b + c;
        bytes += (sum & 0x0f0f0f0f) + ((sum >>> 4) & 0x0f0f0f0f);
        if (++pending === 4) {
          d += foldBytes(bytes);
          bytes = 0;
          pending = 0;
        }
      }
      d += foldBytes(bytes);
      for (let w = triples; w < words; w++) d += popcount(query[w]! ^ bits[at + w]!);
      distances[slot] = d;
      histogram[d]!++;
    }
    return this.#collect(distances, histogram, count);
  }

  /** Slots at the smallest distance that lets `count` of them in; ties at the cut all come in. */
  #collect(distances: Uint16Array, histogram: Uint32Array, count: number): number[] {
    const slots = this.#slots;
    let cut = 0;
    for (let seen = 0; cut <= this.dims; cut++) {
      seen += histogram[cut]!;
      if (seen >= count) break;
    }
    const chosen: number[] = [];
    for (let slot = 0; slot < slots; slot++) if (distances[slot]! <= cut) chosen.push(slot);
    return chosen;
  }
}

/** Sum of the four byte counts in a 32-bit word. */
function foldBytes(x: number): number {
  x = (x & 0x00ff00ff) + ((x >>> 8) & 0x00ff00ff);
  return (x & 0xffff) + (x >>> 16);
}

/** The query as a unit vector, or undefined when it has no direction. */
function normalized(query: ArrayLike<number>, dims: number): Float64Array | undefined {
  let norm = 0;
  for (let j = 0; j < dims; j++) norm += query[j]! * query[j]!;
  if (!(norm > 0) || !Number.isFinite(norm)) return undefined;
  const inv = 1 / Math.sqrt(norm);
  const unit = new Float64Array(dims);
  for (let j = 0; j < dims; j++) unit[j] = query[j]! * inv;
  return unit;
}
