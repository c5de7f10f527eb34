/**
 * A modal dialog that asks before something private happens (turning DMs on, forgetting a
 * contact). Not the native <dialog>: happy-dom's showModal is incomplete, and the behaviour
 * needed is small, so it is written out and tested here:
 * - role="dialog", aria-modal, named by its title and described by its body;
 * - focus moves into it on open (the first button, by default the safe choice), Tab stays
 *   inside it, and focus goes back to what opened it on close;
 * - Escape, or a click on the backdrop, cancels.
 * Rendered into document.body: inside the side panel's virtualized list, a transformed ancestor
 * would otherwise pin the "fixed" backdrop to one card.
 */
import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

export interface DialogProps {
  title: string;
  children: ReactNode;
  /** The buttons, in order; the one with `autoFocus` gets focus on open (else the first). */
  actions: ReactNode;
  onCancel: () => void;
}

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export function Dialog({ title, children, actions, onCancel }: DialogProps) {
  const id = useId();
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    // Whatever had focus (the switch or button that opened the dialog) gets it back on close.
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const focusables = box.current?.querySelectorAll<HTMLElement>(FOCUSABLE);
    const first = box.current?.querySelector<HTMLElement>('[data-autofocus]') ?? focusables?.[0] ?? box.current;
    first?.focus();
    return () => {
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
      return;
    }
    if (event.key !== 'Tab') return;
    const focusables = [...(box.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])];
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
  }

  return createPortal(
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onCancel()}>
      <div
        ref={box}
        className="dialog card stack"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-body`}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <h2 id={`${id}-title`}>{title}</h2>
        <div id={`${id}-body`} className="stack dialog-body">
          {children}
        </div>
        <div className="row dialog-actions">{actions}</div>
      </div>
    </div>,
    document.body,
  );
}
