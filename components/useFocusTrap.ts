/**
 * A dialog's keyboard rules, for Dialog and the guard's confirmation: focus moves in when it
 * opens (to `initial()`), Tab and Shift+Tab stay inside, Escape cancels, and focus goes back to
 * whatever opened it when it closes. Returns the dialog box's keydown handler.
 */
import { useEffect, type KeyboardEvent, type RefObject } from 'react';

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export function focusablesIn(box: HTMLElement | null): HTMLElement[] {
  return [...(box?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])];
}

export function useFocusTrap(box: RefObject<HTMLElement | null>, onCancel: () => void, initial: () => HTMLElement | null | undefined) {
  useEffect(() => {
    // Whatever had focus (the switch or button that opened the dialog) gets it back on close.
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    initial()?.focus();
    return () => {
      if (opener?.isConnected) opener.focus();
    };
    // Once, when the dialog opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
      return;
    }
    if (event.key !== 'Tab') return;
    const focusables = focusablesIn(box.current);
    if (focusables.length === 0) {
      event.preventDefault();
      return;
    }
    const first = focusables[0]!;
    const last = focusables[focusables.length - 1]!;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };
}
