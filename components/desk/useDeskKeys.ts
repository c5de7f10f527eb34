/**
 * The desk's keys (issue 14): j/k move, e edit, r regenerate, i open & insert, c copy, s mark
 * sent, x discard, u undo, / search, ? the list. Ignored while the creator types in a field,
 * where Escape leaves the field for the selected card; ignored with Ctrl, Alt or Cmd (the
 * browser's own shortcuts) and while a dialog is open (it has its own keys).
 */
import { useContext, useEffect } from 'react';
import { DeskStoreContext, type CardAction } from './desk-store';

const ACTIONS: Record<string, CardAction> = { e: 'edit', r: 'regenerate', i: 'insert', c: 'copy', s: 'sent' };

/** Where a letter is typing, not a command. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT') return true;
  if (target.tagName !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(type);
}

export function useDeskKeys(options: { openKeys(): void; focusSearch(): void; keysOpen: boolean }) {
  const store = useContext(DeskStoreContext);
  const { openKeys, focusSearch, keysOpen } = options;
  useEffect(() => {
    if (!store || keysOpen) return;
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (document.querySelector('[role="dialog"], [role="alertdialog"]')) return;
      const state = store!.getState();
      if (isTypingTarget(event.target)) {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        const card = state.selectedId !== undefined ? document.getElementById(`desk-card-${state.selectedId}`) : null;
        if (card && card.contains(event.target as Node)) card.focus();
        else (event.target as HTMLElement).blur();
        return;
      }
      const action = ACTIONS[event.key];
      if (event.key === 'j' || event.key === 'k') {
        state.move(event.key === 'j' ? 1 : -1);
      } else if (action) {
        state.ask(action);
      } else if (event.key === 'x') {
        if (state.selectedId === undefined) state.say('Select a draft first: j and k move through them.');
        else void state.discard(state.selectedId);
      } else if (event.key === 'u') {
        void state.undo();
      } else if (event.key === '/') {
        focusSearch();
      } else if (event.key === '?') {
        openKeys();
      } else {
        return;
      }
      event.preventDefault();
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [store, openKeys, focusSearch, keysOpen]);
}
