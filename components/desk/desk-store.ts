/**
 * The side panel's one store for the review desk (zustand; UI state only, the drafts live in
 * Dexie): the drafts the live query last gave, the creator's filters and search, which draft is
 * selected, the undo stack of discards, the status line, and the keyboard's request to the
 * selected card ("edit", "copy", …). The rows shown are derived here, once per change of drafts
 * or filters (lib/desk/desk-view.ts), so components only read.
 */
import { createContext, useContext } from 'react';
import { createStore, useStore, type StoreApi } from 'zustand';
import type { DraftStatus } from '@/lib/core/desk';
import { deskRows, draftOrder, filterDrafts, NO_FILTERS, type DeskFilters, type DeskRow } from '@/lib/desk/desk-view';
import { getDb, type DraftRow } from '@/lib/memory/db';
import { discardDraft, restoreDraft } from '@/lib/memory/drafts-repo';

/** What a key asks the selected card to do; the card carries it out (it owns the draft's text). */
export type CardAction = 'edit' | 'regenerate' | 'copy' | 'insert' | 'sent';

export interface DeskStatusLine {
  text: string;
  /** The last discard can be undone from the line (its Undo button, or u). */
  undo: boolean;
  error?: boolean;
}

export interface DeskState {
  drafts: readonly DraftRow[] | undefined;
  /** Only the newest drafts are in yet (the whole desk is still being read). */
  partial: boolean;
  filters: DeskFilters;
  rows: DeskRow[];
  /** Draft ids in the order shown: what j and k walk. */
  order: number[];
  selectedId: number | undefined;
  /** Discards to undo, the latest last. */
  undoStack: { id: number; status: DraftStatus; author: string }[];
  status: DeskStatusLine | undefined;
  /** A key's request to the selected card; `n` tells two presses of the same key apart. */
  command: { id: number; action: CardAction; n: number } | undefined;

  setDrafts(drafts: readonly DraftRow[]): void;
  /** The newest drafts, shown until the whole desk arrives (ignored once it has). */
  setPartial(drafts: readonly DraftRow[]): void;
  setFilters(change: Partial<DeskFilters>): void;
  select(id: number | undefined): void;
  /** j (+1) and k (−1): the next or previous draft shown, staying put at either end. */
  move(delta: 1 | -1): void;
  discard(id: number): Promise<void>;
  undo(): Promise<void>;
  ask(action: CardAction): void;
  done(n: number): void;
  say(text: string, options?: { error?: boolean }): void;
}

export interface DeskStoreDeps {
  discard(id: number): Promise<boolean>;
  restore(id: number, status: DraftStatus): Promise<boolean>;
}

const repoDeps: DeskStoreDeps = {
  discard: (id) => discardDraft(getDb(), id),
  restore: (id, status) => restoreDraft(getDb(), id, status),
};

/** Undo stays offered this long (undo with u works for the whole stack, newest first). */
export const UNDO_SHOWN_MS = 8000;

function derive(drafts: readonly DraftRow[] | undefined, filters: DeskFilters) {
  const rows = deskRows(filterDrafts(drafts ?? [], filters));
  return { rows, order: draftOrder(rows) };
}

/** The selection kept where it was, or the draft now at its place when it left the list. */
function keptSelection(before: number[], after: number[], selected: number | undefined): number | undefined {
  if (selected === undefined || after.includes(selected)) return selected;
  const at = before.indexOf(selected);
  if (at < 0) return after[0];
  // The next one that is still listed, else the previous.
  for (let i = at + 1; i < before.length; i++) if (after.includes(before[i]!)) return before[i];
  for (let i = at - 1; i >= 0; i--) if (after.includes(before[i]!)) return before[i];
  return after[0];
}

export function createDeskStore(deps: DeskStoreDeps = repoDeps): StoreApi<DeskState> {
  let commands = 0;
  return createStore<DeskState>()((set, get) => ({
    drafts: undefined,
    partial: false,
    filters: NO_FILTERS,
    rows: [],
    order: [],
    selectedId: undefined,
    undoStack: [],
    status: undefined,
    command: undefined,

    setDrafts(drafts) {
      const { order, selectedId, filters } = get();
      const next = derive(drafts, filters);
      set({ drafts, partial: false, ...next, selectedId: keptSelection(order, next.order, selectedId) });
    },
    setPartial(drafts) {
      if (get().drafts !== undefined) return;
      set({ drafts, partial: true, ...derive(drafts, get().filters) });
    },
    setFilters(change) {
      const filters = { ...get().filters, ...change };
      const { order, selectedId } = get();
      const next = derive(get().drafts, filters);
      set({ filters, ...next, selectedId: keptSelection(order, next.order, selectedId) });
    },
    select(id) {
      set({ selectedId: id });
    },
    move(delta) {
      const { order, selectedId } = get();
      if (order.length === 0) return;
      const at = selectedId === undefined ? -1 : order.indexOf(selectedId);
      const next = at < 0 ? (delta > 0 ? 0 : order.length - 1) : Math.min(order.length - 1, Math.max(0, at + delta));
      set({ selectedId: order[next] });
    },
    async discard(id) {
      const draft = get().drafts?.find((d) => d.id === id);
      if (!draft) return;
      try {
        if (!(await deps.discard(id))) return get().say('That draft was already gone.', { error: true });
      } catch (error) {
        return get().say(`Could not discard: ${(error as Error).message}`, { error: true });
      }
      set((state) => ({
        undoStack: [...state.undoStack, { id, status: draft.status, author: draft.author }],
        status: { text: `Discarded the draft to ${draft.author}.`, undo: true },
      }));
    },
    async undo() {
      const last = get().undoStack.at(-1);
      if (!last) return get().say('Nothing to undo.');
      set((state) => ({ undoStack: state.undoStack.slice(0, -1) }));
      try {
        await deps.restore(last.id, last.status);
      } catch (error) {
        return get().say(`Could not undo: ${(error as Error).message}`, { error: true });
      }
      set({ selectedId: last.id, status: { text: `The draft to ${last.author} is back.`, undo: false } });
    },
    ask(action) {
      const id = get().selectedId;
      if (id === undefined) return get().say('Select a draft first: j and k move through them.');
      commands += 1;
      set({ command: { id, action, n: commands } });
    },
    done(n) {
      if (get().command?.n === n) set({ command: undefined });
    },
    say(text, options = {}) {
      set({ status: { text, undo: false, ...(options.error ? { error: true } : {}) } });
    },
  }));
}

export const DeskStoreContext = createContext<StoreApi<DeskState> | null>(null);

/** The desk's state, as much of it as `pick` reads (re-renders only when that changes). */
export function useDesk<T>(pick: (state: DeskState) => T): T {
  const store = useContext(DeskStoreContext);
  if (!store) throw new Error('useDesk needs a DeskStoreContext provider.');
  return useStore(store, pick);
}
