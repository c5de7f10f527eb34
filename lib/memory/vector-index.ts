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
 * cone, and raw signs would then agree on many dimensions for unrelated texts. Wider vectors are
 * folded to at most 384 bits (bit b is the sign of the sum of dimensions b, b + 384, …: still a
 * projection that tracks the angle), so the bit pass costs the same for a 768-dimension model.
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
/** Sign bits per vector at most: the bit pass's cost is proportional to them. */
const MAX_BITS = 384;
/** Above this many vectors the bit pass has two stages: a 96-bit prefix, then the full bits. */
const TWO_STAGE_ABOVE = 20_000;
const PREFIX_WORDS = 3;
/** The prefix pass keeps max(16 × the candidates wanted, 1/16 of the index). */
const PREFIX_KEEP_PER_RESULT = 16;
const PREFIX_KEEP_SHARE = 16;
const RESCORE_PER_RESULT = 12;
/** The mean used for sign bits is recomputed when the index has doubled since. */
const MEAN_REFRESH_GROWTH = 2;

function grow<T extends Int8Array | Uint32Array | Float32Array | Float64Array | Uint8Array>(array: T, size: number): T {
  if (array.length >= size) return array;
  const Ctor = array.constructor as new (length: number) => T;
  const next = new Ctor(size);
  next.set(array);
  return next;
}

/** Bits set in a 32-bit word (SWAR). */
function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** Bump when the snapshot layout or how codes and bits are computed changes. */
export const VECTOR_SNAPSHOT_FORMAT = 1;

/**
 * The index as stored typed arrays, dense (removed vectors left out): restoring it costs a read
 * and a Map of ids, instead of quantizing every float32 vector again.
 */
export interface VectorSnapshot {
  format: number;
  dims: number;
  ids: Float64Array<ArrayBuffer>;
  rowIds: Float64Array<ArrayBuffer>;
  codes: Int8Array<ArrayBuffer>;
  scales: Float32Array<ArrayBuffer>;
  bits: Uint32Array<ArrayBuffer>;
  sum: Float64Array<ArrayBuffer>;
  mean: Float32Array<ArrayBuffer>;
  meanAtSize: number;
}

export class VectorIndex {
  readonly dims: number;
  /** Sign bits per vector: dims, folded to at most MAX_BITS. */
  readonly #bitCount: number;
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

  /** Sum of the live unit vectors, kept as they come and go. */
  readonly #sum: Float64Array;
  /** Their mean when the bits were last computed: the origin for sign bits. */
  #mean: Float32Array;
  #meanAtSize = 0;
  /** Scratch for #setBits: the (folded) mean in one vector's code units, and its folded codes. */
  readonly #thresholds: Int32Array;
  readonly #folded: Int32Array;
  #bulk = false;

  // Search scratch.
  #distances = new Uint16Array(0);

  constructor(dims: number) {
    if (!Number.isInteger(dims) || dims <= 0) throw new RangeError(`Vector dimensions must be a positive integer, got ${dims}.`);
    this.dims = dims;
    this.#bitCount = Math.min(dims, MAX_BITS);
    this.#words = Math.ceil(this.#bitCount / 32);
    this.#sum = new Float64Array(dims);
    this.#mean = new Float32Array(dims);
    this.#thresholds = new Int32Array(this.#bitCount);
    this.#folded = new Int32Array(this.#bitCount);
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

  /** The stored batches (Dexie row ids) the vectors came from. */
  rowIds(): Set<number> {
    const rows = new Set<number>();
    for (let slot = 0; slot < this.#slots; slot++) if (this.#alive[slot] === 1) rows.add(this.#rowIds[slot]!);
    return rows;
  }

  /** Everything needed to restore this index without quantizing again; copies, dense. */
  snapshot(): VectorSnapshot {
    const live = this.#live;
    const dims = this.dims;
    const words = this.#words;
    const snapshot: VectorSnapshot = {
      format: VECTOR_SNAPSHOT_FORMAT,
      dims,
      ids: new Float64Array(live),
      rowIds: new Float64Array(live),
      codes: new Int8Array(live * dims),
      scales: new Float32Array(live),
      bits: new Uint32Array(live * words),
      sum: Float64Array.from(this.#sum),
      mean: Float32Array.from(this.#mean),
      meanAtSize: this.#meanAtSize,
    };
    for (let slot = 0, i = 0; slot < this.#slots; slot++) {
      if (this.#alive[slot] === 0) continue;
      snapshot.ids[i] = this.#ids[slot]!;
      snapshot.rowIds[i] = this.#rowIds[slot]!;
      snapshot.scales[i] = this.#scales[slot]!;
      snapshot.codes.set(this.#codes.subarray(slot * dims, (slot + 1) * dims), i * dims);
      snapshot.bits.set(this.#bits.subarray(slot * words, (slot + 1) * words), i * words);
      i++;
    }
    return snapshot;
  }

  /** An index from a snapshot (its arrays are taken over, not copied); undefined if it does not fit. */
  static fromSnapshot(snapshot: VectorSnapshot, dims: number): VectorIndex | undefined {
    if (!isVectorSnapshot(snapshot, dims)) return undefined;
    const index = new VectorIndex(dims);
    const live = snapshot.ids.length;
    index.#slots = live;
    index.#live = live;
    index.#ids = snapshot.ids;
    index.#rowIds = snapshot.rowIds;
    index.#codes = snapshot.codes;
    index.#scales = snapshot.scales;
    index.#bits = snapshot.bits;
    index.#alive = new Uint8Array(live).fill(1);
    index.#sum.set(snapshot.sum);
    index.#mean = snapshot.mean;
    index.#meanAtSize = snapshot.meanAtSize;
    for (let slot = 0; slot < live; slot++) index.#slotOf.set(snapshot.ids[slot]!, slot);
    // An id twice would break has/remove bookkeeping: such a snapshot is not to be trusted.
    return index.#slotOf.size === live ? index : undefined;
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
    // Loading 100,000 vectors runs this 100,000 times: locals and plain arithmetic in the loops.
    const dims = this.dims;
    let norm = 0;
    let maxAbs = 0;
    for (let j = 0; j < dims; j++) {
      const x = vector[offset + j]!;
      norm += x * x;
      const abs = Math.abs(x);
      if (abs > maxAbs) maxAbs = abs;
    }
    if (!(norm > 0) || !Number.isFinite(norm)) return false;

    this.remove(id);
    const slot = this.#slots++;
    this.#ensure(this.#slots);
    // Codes span -127…127 for this vector; the scale turns them back into unit-vector components.
    const toCode = 127 / maxAbs;
    const codes = this.#codes;
    const base = slot * dims;
    const sum = this.#sum;
    const invNorm = 1 / Math.sqrt(norm);
    for (let j = 0; j < dims; j++) {
      const x = vector[offset + j]!;
      // Rounding with integer ops: storing a fractional double into an Int8Array is 4× slower.
      codes[base + j] = ((x * toCode + 128.5) | 0) - 128;
      sum[j]! += x * invNorm;
    }
    this.#scales[slot] = (maxAbs / 127) * invNorm;
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

  /** Room for `count` vectors in all without growing (a load that knows roughly how many). */
  reserve(count: number): void {
    this.#ensure(count, true);
  }

  /**
   * Runs many adds (synchronously, or until the returned promise settles), computing the mean
   * and sign bits once at the end instead of each time the index doubles.
   */
  bulk<T>(work: () => T): T {
    if (this.#bulk) return work();
    this.#bulk = true;
    const firstSlot = this.#slots;
    const end = () => {
      this.#bulk = false;
      // A first load gives back the spare room; an append keeps it for the next one.
      if (firstSlot === 0) this.#trim();
      if (this.#live >= Math.max(64, this.#meanAtSize * MEAN_REFRESH_GROWTH)) this.#refreshMean();
      else for (let slot = firstSlot; slot < this.#slots; slot++) if (this.#alive[slot] === 1) this.#setBits(slot);
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
    const scale = this.#scales[slot]!;
    const base = slot * this.dims;
    for (let j = 0; j < this.dims; j++) this.#sum[j]! -= this.#codes[base + j]! * scale;
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

  #ensure(size: number, exact = false): void {
    if (this.#alive.length >= size) return;
    // Growing by a quarter, not doubling: at 100,000 vectors doubling would hold ~40 MB of
    // empty codes after one more reply; a quarter still keeps copies rare.
    const target = exact ? size : Math.max(size, Math.ceil(this.#alive.length * 1.25), 1024);
    this.#ids = grow(this.#ids, target);
    this.#alive = grow(this.#alive, target);
    this.#rowIds = grow(this.#rowIds, target);
    this.#scales = grow(this.#scales, target);
    const capacity = this.#alive.length;
    this.#codes = grow(this.#codes, capacity * this.dims);
    this.#bits = grow(this.#bits, capacity * this.#words);
  }

  /** Gives back the spare capacity growing left (up to a fifth of the codes after a big load). */
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

  /** Takes the running mean as the new origin for sign bits and recomputes every vector's bits. */
  #refreshMean(): void {
    const live = Math.max(1, this.#live);
    for (let j = 0; j < this.dims; j++) this.#mean[j] = this.#sum[j]! / live;
    this.#meanAtSize = this.#live;
    const alive = this.#alive;
    for (let slot = 0; slot < this.#slots; slot++) if (alive[slot] === 1) this.#setBits(slot);
  }

  #setBits(slot: number): void {
    const dims = this.dims;
    const bitCount = this.#bitCount;
    const words = this.#words;
    const codes = this.#codes;
    const mean = this.#mean;
    const bits = this.#bits;
    const thresholds = this.#thresholds;
    const folded = this.#folded;
    // Σ(code × scale) > Σ mean  ⇔  Σ code > floor(Σ mean / scale), codes being integers: then the
    // bit is the sign of (threshold − Σ code), with no branch (3× faster over a 100,000-vector load).
    const inv = 1 / this.#scales[slot]!;
    const base = slot * dims;
    thresholds.fill(0);
    folded.fill(0);
    for (let j = 0, b = 0; j < dims; j++, b = b + 1 === bitCount ? 0 : b + 1) {
      thresholds[b]! += mean[j]!;
      folded[b]! += codes[base + j]!;
    }
    for (let b = 0; b < bitCount; b++) thresholds[b] = Math.floor(thresholds[b]! * inv);
    const out = slot * words;
    for (let w = 0; w < words; w++) {
      const first = w * 32;
      const count = Math.min(32, bitCount - first);
      let word = 0;
      for (let b = 0; b < count; b++) word |= ((thresholds[first + b]! - folded[first + b]!) >>> 31) << b;
      bits[out + w] = word >>> 0;
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
    const bitCount = this.#bitCount;
    const sums = new Float64Array(bitCount);
    for (let j = 0; j < this.dims; j++) sums[j % bitCount]! += unit[j]! - this.#mean[j]!;
    const query = new Uint32Array(words);
    for (let b = 0; b < bitCount; b++) if (sums[b]! > 0) query[b >>> 5]! |= 1 << (b & 31);
    const slots = this.#slots;
    if (this.#distances.length < slots) this.#distances = new Uint16Array(this.#alive.length);
    const distances = this.#distances;
    const alive = this.#alive;

    // On a large index, a first pass over the first 96 bits keeps the closest ~1/16: most
    // vectors are far, and 96 bits are enough to tell. The full bits then rank only those.
    let candidates: Int32Array | undefined;
    if (this.#live > TWO_STAGE_ABOVE && words > PREFIX_WORDS) {
      const histogram = new Uint32Array(PREFIX_WORDS * 32 + 2);
      const dead = PREFIX_WORDS * 32 + 1;
      for (let slot = 0, at = 0; slot < slots; slot++, at += words) {
        const d = alive[slot] === 0 ? dead : this.#hamming(query, at, 0, PREFIX_WORDS);
        distances[slot] = d;
        histogram[d]!++;
      }
      candidates = this.#collect(distances, histogram, Math.max(count * PREFIX_KEEP_PER_RESULT, this.#live / PREFIX_KEEP_SHARE));
    }

    const histogram = new Uint32Array(bitCount + 2);
    if (candidates) {
      const full = new Uint16Array(candidates.length);
      for (let i = 0; i < candidates.length; i++) {
        const d = this.#hamming(query, candidates[i]! * words, 0, words);
        full[i] = d;
        histogram[d]!++;
      }
      const cut = cutFor(histogram, count);
      const chosen: number[] = [];
      for (let i = 0; i < candidates.length; i++) if (full[i]! <= cut) chosen.push(candidates[i]!);
      return chosen;
    }
    const dead = bitCount + 1;
    for (let slot = 0, at = 0; slot < slots; slot++, at += words) {
      const d = alive[slot] === 0 ? dead : this.#hamming(query, at, 0, words);
      distances[slot] = d;
      histogram[d]!++;
    }
    return Array.from(this.#collect(distances, histogram, count));
  }

  /**
   * Bits differing between `query` and the vector at word offset `at`, over words from…to.
   * Three words at a time, summing per-byte counts before folding them (SWAR): about twice as
   * fast as a popcount per word. A byte gains at most 24 per triple; folding every 4 triples
   * keeps the sum under 2^31, where V8 keeps it an int32 (above it, doubles: 2× slower).
   */
  #hamming(query: Uint32Array, at: number, from: number, to: number): number {
    const bits = this.#bits;
    let d = 0;
    let bytes = 0;
    let pending = 0;
    let w = from;
    for (; w + 3 <= to; w += 3) {
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
    for (; w < to; w++) d += popcount(query[w]! ^ bits[at + w]!);
    return d;
  }

  /** Slots at the smallest distance that lets `count` of them in; ties at the cut all come in. */
  #collect(distances: Uint16Array, histogram: Uint32Array, count: number): Int32Array {
    const slots = this.#slots;
    const cut = cutFor(histogram, count);
    let n = 0;
    for (let slot = 0; slot < slots; slot++) if (distances[slot]! <= cut) n++;
    const chosen = new Int32Array(n);
    for (let slot = 0, i = 0; slot < slots; slot++) if (distances[slot]! <= cut) chosen[i++] = slot;
    return chosen;
  }
}

function isVectorSnapshot(value: VectorSnapshot, dims: number): boolean {
  const live = value?.ids?.length ?? -1;
  const words = Math.ceil(Math.min(dims, MAX_BITS) / 32);
  return (
    typeof value === 'object' &&
    value.format === VECTOR_SNAPSHOT_FORMAT &&
    value.dims === dims &&
    value.ids instanceof Float64Array &&
    value.rowIds instanceof Float64Array &&
    value.rowIds.length === live &&
    value.codes instanceof Int8Array &&
    value.codes.length === live * dims &&
    value.scales instanceof Float32Array &&
    value.scales.length === live &&
    value.bits instanceof Uint32Array &&
    value.bits.length === live * words &&
    value.sum instanceof Float64Array &&
    value.sum.length === dims &&
    value.mean instanceof Float32Array &&
    value.mean.length === dims &&
    typeof value.meanAtSize === 'number'
  );
}

/** The smallest distance with at least `count` entries at or below it (the last real bin at most). */
function cutFor(histogram: Uint32Array, count: number): number {
  const last = histogram.length - 2;
  let seen = 0;
  for (let cut = 0; cut < last; cut++) {
    seen += histogram[cut]!;
    if (seen >= count) return cut;
  }
  return last;
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
