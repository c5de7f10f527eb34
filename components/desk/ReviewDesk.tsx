/**
 * The side panel's review desk (issue 14): every draft but the discarded, from every site, tab
 * and conversation, grouped by site and thread (DMs by conversation), newest first; search and
 * filters; a virtualized list (10,000 drafts stay smooth: only the cards on screen exist);
 * the keyboard (useDeskKeys) and a status line whose Undo brings back a discarded draft.
 *
 * State lives in one zustand store per panel (desk-store.ts), fed by a Dexie live query of the
 * drafts; this file lays it out.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { siteName } from '@/lib/core/labels';
import { contactsOf, draftsOfRow, type DeskRow } from '@/lib/desk/desk-view';
import { getDb, type DraftRow } from '@/lib/memory/db';
import { listDesk, listDeskHead } from '@/lib/memory/drafts-repo';
import { siteLink } from '@/lib/sites/safe-link';
import { ConversationHead, conversationTitle } from '../ConversationGroup';
import { DraftCard } from '../DraftCard';
import { useLive } from '../useLive';
import { createDeskStore, DeskStoreContext, UNDO_SHOWN_MS, useDesk, type DeskState } from './desk-store';
import { DeskToolbar } from './DeskToolbar';
import { KeysDialog } from './KeysDialog';
import { useDeskKeys } from './useDeskKeys';
import type { StoreApi } from 'zustand';
import './desk.css';

/** The desk with its own store (one per panel); `store` is for tests. */
export function ReviewDesk({ store: given }: { store?: StoreApi<DeskState> }) {
  const [store] = useState(() => given ?? createDeskStore());
  return (
    <DeskStoreContext.Provider value={store}>
      <DeskFeed />
      <DeskView />
    </DeskStoreContext.Provider>
  );
}

/**
 * The live query: every change to the drafts table, from any context, reaches the store. Reading
 * thousands of drafts takes a while, and IndexedDB hands them over on this thread: the newest few
 * are read and shown first, and only after they are painted does the whole desk's read start, so
 * it can't hold up the first cards.
 */
function DeskFeed() {
  const [headShown, setHeadShown] = useState(false);
  const drafts = useLive((db) => (headShown ? listDesk(db) : Promise.resolve(undefined)), [headShown]);
  const setDrafts = useDesk((s) => s.setDrafts);
  const setPartial = useDesk((s) => s.setPartial);
  useEffect(() => {
    let live = true;
    // After the next paint (a frame, then a task): the head's cards are on screen by then.
    const afterPaint = () => requestAnimationFrame(() => setTimeout(() => live && setHeadShown(true), 0));
    listDeskHead(getDb(), HEAD_DRAFTS)
      .then((head) => {
        if (live) setPartial(head);
      })
      .catch(() => {})
      .finally(afterPaint);
    return () => {
      live = false;
    };
  }, [setPartial]);
  useEffect(() => {
    if (drafts) setDrafts(drafts);
  }, [drafts, setDrafts]);
  return null;
}

/** How many drafts are shown while the whole desk is read. */
const HEAD_DRAFTS = 60;

function cardId(id: number): string {
  return `desk-card-${id}`;
}

function DeskView() {
  const drafts = useDesk((s) => s.drafts);
  const rows = useDesk((s) => s.rows);
  const partial = useDesk((s) => s.partial);
  const order = useDesk((s) => s.order);
  const selectedId = useDesk((s) => s.selectedId);
  const [keysOpen, setKeysOpen] = useState(false);
  const scroller = useRef<HTMLDivElement>(null);
  const search = useRef<HTMLInputElement>(null);
  const contacts = useMemo(() => contactsOf(drafts ?? []), [drafts]);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: (index) => (rows[index]?.type === 'group' ? 40 : 300),
    overscan: 3,
    getItemKey: (index) => rows[index]?.key ?? index,
  });

  /** Brings the selected card on screen and gives it focus (its ring shows the selection). */
  function reveal(id: number) {
    const index = rows.findIndex((row) => draftsOfRow(row).some((draft) => draft.id === id));
    if (index < 0) return;
    // A card already rendered only needs to come into view; one far away, its row first.
    if (!document.getElementById(cardId(id))) virtualizer.scrollToIndex(index, { align: 'auto' });
    // The card exists once the virtualizer rendered its row.
    const focus = (tries: number) => {
      const el = document.getElementById(cardId(id));
      if (el) {
        // A click inside a card selects it and focuses what was clicked (a button, or the field
        // it opens, such as a private note): that focus stays. Only a card, or nothing, hands
        // focus on to the newly selected card.
        const now = document.activeElement;
        if (now && now !== document.body && !now.classList.contains('draft-card')) return;
        el.focus({ preventScroll: true });
        // Its top in view: a card taller than the list would otherwise show only its end.
        const list = scroller.current?.getBoundingClientRect();
        const card = el.getBoundingClientRect();
        const fits = list !== undefined && card.top >= list.top && card.bottom <= list.bottom;
        if (!fits) el.scrollIntoView({ block: list && card.height > list.height ? 'start' : 'nearest' });
      } else if (tries > 0) requestAnimationFrame(() => focus(tries - 1));
    };
    requestAnimationFrame(() => focus(10));
  }

  // A new selection made from the keyboard (or left by a discard) takes focus, unless the
  // creator is typing somewhere.
  useEffect(() => {
    if (selectedId === undefined) return;
    const active = document.activeElement;
    const idle = !active || active === document.body || active.classList.contains('draft-card') || scroller.current?.contains(active) === false;
    if (idle && !isField(active)) reveal(selectedId);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selectedId]);

  useDeskKeys({ openKeys: () => setKeysOpen(true), focusSearch: () => search.current?.focus(), keysOpen });

  const total = drafts?.length ?? 0;
  // Waiting: queued, not yet inserted or sent (what the toolbar badge counts too).
  const waiting = useMemo(() => (drafts ?? []).filter((d) => d.status === 'queued').length, [drafts]);
  return (
    <div role="tabpanel" id="panel-queue" aria-labelledby="tab-queue" className="queue-panel desk">
      <div className="row queue-count">
        <h2>Drafts</h2>
        <span className="count" aria-live="polite">
          {!drafts || partial ? '' : order.length === total ? `${waiting} waiting` : `${order.length} of ${total} shown`}
        </span>
        <span className="spacer" />
        <button type="button" className="desk-keys-button" aria-label="Keyboard keys" onClick={() => setKeysOpen(true)}>
          ?
        </button>
      </div>
      {total > 0 && <DeskToolbar ref={search} contacts={contacts} />}
      <StatusLine />
      <div ref={scroller} className="panel desk-list" tabIndex={0} role="region" aria-label="Drafts on the desk">
        {drafts && !partial && total === 0 && (
          <div className="empty">
            <p><strong>No queued drafts.</strong></p>
            <p>On a comment or in a conversation, click <b>Draft reply</b>, then <b>Queue</b> to review it here.</p>
          </div>
        )}
        {drafts && total > 0 && order.length === 0 && (
          <div className="empty">
            <p><strong>No drafts match.</strong></p>
            <p>Change the search or clear the filters.</p>
          </div>
        )}
        {rows.length > 0 && (
          <ul aria-label="Drafts" className="desk-rows" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = rows[item.index];
              if (!row) return null;
              return (
                <li key={item.key} data-index={item.index} ref={virtualizer.measureElement} className={`desk-row ${row.type}`} style={{ transform: `translateY(${item.start}px)` }}>
                  {row.type === 'group' ? (
                    <GroupHead row={row} />
                  ) : (
                    <RowCards row={row} />
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </div>
      {keysOpen && <KeysDialog onClose={() => setKeysOpen(false)} />}
    </div>
  );
}

/** A draft's card, or a DM conversation's heading and cards in one region. */
function RowCards({ row }: { row: Exclude<DeskRow, { type: 'group' }> }) {
  const selectedId = useDesk((s) => s.selectedId);
  const command = useDesk((s) => s.command);
  const select = useDesk((s) => s.select);
  const done = useDesk((s) => s.done);
  const discard = useDesk((s) => s.discard);
  const card = (draft: DraftRow) => (
    <DraftCard
      key={draft.id ?? draft.commentId}
      draft={draft}
      selected={draft.id === selectedId}
      onSelect={select}
      command={command && command.id === draft.id ? command : undefined}
      onCommandDone={done}
      onDiscard={(id) => void discard(id)}
    />
  );
  if (row.type === 'draft') return card(row.draft);
  const newest = row.drafts[0]!;
  return (
    <section className="conversation-group stack" aria-label={`Direct messages with ${conversationTitle(newest)}`}>
      <ConversationHead newest={newest} count={row.drafts.length} />
      {row.drafts.map(card)}
    </section>
  );
}

function isField(el: Element | null): boolean {
  return !!el && (el.tagName === 'TEXTAREA' || el.tagName === 'INPUT' || el.tagName === 'SELECT');
}

/** A group's heading: the site and thread (with a link back), or the DM conversation. */
function GroupHead({ row }: { row: Extract<DeskRow, { type: 'group' }> }) {
  if (row.dm) return <ConversationHead newest={row.first} count={row.count} />;
  const link = siteLink(row.first.pageUrl, row.site);
  return (
    <div className="row desk-group-head">
      <span className="badge">{siteName(row.site)}</span>
      <h3 className="desk-thread">{row.title}</h3>
      <span className="muted">{row.count === 1 ? '1 draft' : `${row.count} drafts`}</span>
      {link && (
        <a href={link} target="_blank" rel="noreferrer" className="muted">
          Open page
        </a>
      )}
    </div>
  );
}

/** What the last action did; after a discard, Undo (the button, or u) for a few seconds. */
function StatusLine() {
  const status = useDesk((s) => s.status);
  const undo = useDesk((s) => s.undo);
  const [undoShown, setUndoShown] = useState(false);
  useEffect(() => {
    setUndoShown(status?.undo === true);
    if (!status?.undo) return;
    const timer = window.setTimeout(() => setUndoShown(false), UNDO_SHOWN_MS);
    return () => window.clearTimeout(timer);
  }, [status]);
  return (
    <div className={`row desk-status-line${status?.error ? ' error' : ''}`} role="status">
      {status && <span>{status.text}</span>}
      {undoShown && (
        <button type="button" onClick={() => void undo()}>
          Undo
        </button>
      )}
    </div>
  );
}
