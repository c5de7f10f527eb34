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
import { useId, useRef, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { focusablesIn, useFocusTrap } from './useFocusTrap';

export interface DialogProps {
  title: string;
  children: ReactNode;
  /** The buttons, in order; the one with `autoFocus` gets focus on open (else the first). */
  actions: ReactNode;
  onCancel: () => void;
}

export function Dialog({ title, children, actions, onCancel }: DialogProps) {
  const id = useId();
  const box = useRef<HTMLDivElement>(null);
  const onKeyDown = useFocusTrap(box, onCancel, () => box.current?.querySelector<HTMLElement>('[data-autofocus]') ?? focusablesIn(box.current)[0] ?? box.current);

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
