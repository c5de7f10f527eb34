/**
 * "Forget" on a source in Options: the replies an import brought leave memory, with everything
 * derived from them (their vectors, the saved retrieval index), in one transaction, and the
 * source row goes too, so it is never learned from again.
 *
 * What "brought" means: every reply row names the one source that added it (`sourceId`, set by
 * add-source.ts). An import skips a reply memory already holds, so when two files share replies
 * the rows belong to the first, and the later source records the shared ones as claims
 * (claims.ts). Forgetting the first then keeps each reply another remaining source claims, and
 * hands it to that source (the earliest claimer): the creator forgot one file, not the other,
 * and the other's replies are what they still expect drafts to learn from. A reply no remaining
 * source claims is deleted.
 *
 * Rows imported before replies named their source (while each import replaced the last) belong
 * to the last import recorded before any source whose rows carry its id: that import's replies
 * are the ones that survived.
 *
 * Imports create no contacts (imported replies carry no contact), so forgetting one deletes
 * none. The replies sent through Understudy are not a file and are not forgotten here.
 * Drafts stay: "Why this draft?" then says a reply it drew on is gone.
 */
import type { ExampleRow, SourceRow, UnderstudyDB } from '../memory/db';
import { snapshotKey } from '../memory/embeddings-repo';
import { editExamples, exampleTables, listExamples } from '../memory/examples-repo';
import { INDEX_META_KEY, invalidateIndexFor } from '../memory/index-store';
import { sourceDetails } from './add-source';
import { allClaims, claimsKey, setClaims } from './claims';
import { replyHash } from './dedup';

export interface ForgetPlan {
  source: SourceRow;
  /** Replies that leave memory. */
  deleted: number;
  /** Replies kept because another source also holds them, by the source that keeps them. */
  kept: { sourceId: number; fileName: string; replies: number }[];
}

export interface ForgetResult extends ForgetPlan {
  /** Embedding batches rewritten or deleted. */
  vectorBatches: number;
}

export class SourceNotFoundError extends Error {
  constructor(id: number) {
    super(`There is no imported source ${id} to forget.`);
    this.name = 'SourceNotFoundError';
  }
}

interface Decided {
  plan: ForgetPlan;
  /** The ids of the rows to delete. */
  deleteIds: Set<number>;
  /** Row id → the source that keeps it. */
  handOver: Map<number, number>;
  /** What each claiming source claims after the hand-over. */
  claimsAfter: Map<number, number[]>;
}

/** The source that owns rows without a sourceId, if any (see the header). */
function legacyOwner(sources: readonly SourceRow[], rows: readonly ExampleRow[]): number | undefined {
  const tagged = new Set<number>();
  let untagged = false;
  for (const row of rows) {
    if (row.source !== 'import') continue;
    if (row.sourceId === undefined) untagged = true;
    else tagged.add(row.sourceId);
  }
  if (!untagged) return undefined;
  const firstTagged = Math.min(...sources.filter((s) => s.id !== undefined && tagged.has(s.id)).map((s) => s.importedAt));
  const candidates = sources
    .filter((s) => s.kind !== 'sent' && s.id !== undefined && !tagged.has(s.id) && s.importedAt <= firstTagged)
    .sort((a, b) => b.importedAt - a.importedAt || b.id! - a.id!);
  return candidates[0]?.id;
}

async function decide(db: UnderstudyDB, sourceId: number): Promise<Decided> {
  const source = await db.sources.get(sourceId);
  if (!source || source.kind === 'sent') throw new SourceNotFoundError(sourceId);
  const [sources, rows, claims] = await Promise.all([db.sources.toArray(), listExamples(db), allClaims(db)]);
  const legacy = legacyOwner(sources, rows);
  const owns = (row: ExampleRow) =>
    row.source === 'import' && (row.sourceId === sourceId || (row.sourceId === undefined && legacy === sourceId));

  // Remaining claimers, earliest source first, each hash handed to one of them only.
  const byId = new Map(sources.map((s) => [s.id!, s]));
  const claimers = [...claims.keys()]
    .filter((id) => id !== sourceId && byId.has(id))
    .sort((a, b) => byId.get(a)!.importedAt - byId.get(b)!.importedAt || a - b);
  const claimsAfter = new Map(claimers.map((id) => [id, new Set(claims.get(id))]));

  const deleteIds = new Set<number>();
  const handOver = new Map<number, number>();
  const kept = new Map<number, number>();
  for (const row of rows) {
    if (!owns(row)) continue;
    const hash = replyHash(row);
    const keeper = claimers.find((id) => claimsAfter.get(id)!.has(hash));
    if (keeper === undefined) {
      deleteIds.add(row.id!);
      continue;
    }
    claimsAfter.get(keeper)!.delete(hash);
    handOver.set(row.id!, keeper);
    kept.set(keeper, (kept.get(keeper) ?? 0) + 1);
  }
  return {
    plan: {
      source,
      deleted: deleteIds.size,
      kept: [...kept].map(([id, replies]) => ({ sourceId: id, fileName: byId.get(id)!.fileName, replies })),
    },
    deleteIds,
    handOver,
    claimsAfter: new Map([...claimsAfter].filter(([id]) => kept.has(id)).map(([id, set]) => [id, [...set]])),
  };
}

/** What forgetting a source would do, for the confirmation; writes nothing. */
export async function planForgetSource(db: UnderstudyDB, sourceId: number): Promise<ForgetPlan> {
  return db.transaction('r', [...exampleTables(db), db.sources], async () => (await decide(db, sourceId)).plan);
}

/** Recomputes a source's counts and dates after it took over replies. */
function withTakenOver(source: SourceRow, rows: readonly ExampleRow[]): SourceRow {
  const details = sourceDetails(rows, source.format);
  const platforms = { ...(source.platforms ?? {}) };
  for (const [site, n] of Object.entries(details.platforms ?? {})) {
    platforms[site as keyof typeof platforms] = (platforms[site as keyof typeof platforms] ?? 0) + n;
  }
  const out: SourceRow = {
    ...source,
    records: source.records + rows.length,
    withIncoming: (source.withIncoming ?? 0) + (details.withIncoming ?? 0),
    platforms,
  };
  if (details.firstDate !== undefined) out.firstDate = Math.min(source.firstDate ?? Infinity, details.firstDate);
  if (details.lastDate !== undefined) out.lastDate = Math.max(source.lastDate ?? -Infinity, details.lastDate);
  return out;
}

/** Drops the deleted replies' vectors: a batch left empty goes, the others are stored again without them. */
async function dropVectors(db: UnderstudyDB, deleted: ReadonlySet<number>): Promise<number> {
  if (deleted.size === 0) return 0;
  const touched: number[] = [];
  await db.embeddings.each((batch) => {
    if (batch.exampleIds.some((id) => deleted.has(id))) touched.push(batch.id!);
  });
  const models = new Set<string>();
  for (const batch of await db.embeddings.bulkGet(touched)) {
    if (!batch) continue;
    models.add(batch.model);
    await db.embeddings.delete(batch.id!);
    const keep = batch.exampleIds.flatMap((id, i) => (deleted.has(id) ? [] : [i]));
    if (keep.length === 0) continue;
    const vectors = new Float32Array(keep.length * batch.dims);
    keep.forEach((i, at) => vectors.set(batch.vectors.subarray(i * batch.dims, (i + 1) * batch.dims), at * batch.dims));
    const { id: _old, ...rest } = batch;
    // A new row id: a saved vector index naming the old row is then ignored, never trusted.
    await db.embeddings.add({ ...rest, exampleIds: keep.map((i) => batch.exampleIds[i]!), vectors });
  }
  await db.meta.bulkDelete([...models].map(snapshotKey));
  return touched.length;
}

/**
 * Forgets an imported source: deletes the replies only it holds, with their vectors, hands the
 * replies another source also holds to that source, and deletes the source row, all or nothing.
 */
export async function forgetSource(db: UnderstudyDB, sourceId: number, now = Date.now()): Promise<ForgetResult> {
  const result = await db.transaction('rw', [...exampleTables(db), db.sources, db.embeddings], async () => {
    const { plan, deleteIds, handOver, claimsAfter } = await decide(db, sourceId);
    const taken = new Map<number, ExampleRow[]>();
    await editExamples(db, (row) => {
      const id = row.id!;
      if (deleteIds.has(id)) return undefined;
      const keeper = handOver.get(id);
      if (keeper === undefined) return row;
      const moved = { ...row, sourceId: keeper };
      taken.set(keeper, [...(taken.get(keeper) ?? []), moved]);
      return moved;
    });
    for (const [keeper, rows] of taken) {
      const source = await db.sources.get(keeper);
      if (source) await db.sources.put(withTakenOver(source, rows));
      await setClaims(db, keeper, claimsAfter.get(keeper) ?? [], now);
    }
    await db.meta.delete(claimsKey(sourceId));
    await db.sources.delete(sourceId);
    const vectorBatches = await dropVectors(db, deleteIds);
    // The saved keyword index holds words of the deleted replies: it is rebuilt from what is left.
    if (deleteIds.size) await db.meta.delete(INDEX_META_KEY);
    return { ...plan, vectorBatches };
  });
  invalidateIndexFor(db);
  return result;
}
