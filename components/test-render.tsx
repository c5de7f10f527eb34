/**
 * Rendering React components in unit tests (happy-dom, the real Dexie database on
 * fake-indexeddb): mount once per test, let live queries settle, find elements as a user would.
 * Test code only.
 */
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export interface Mounted {
  container: HTMLElement;
  render(node: ReactNode): void;
  unmount(): void;
}

export function mount(): Mounted {
  const container = document.createElement('div');
  document.body.append(container);
  const root: Root = createRoot(container);
  return {
    container,
    render: (node) => act(() => root.render(node)),
    unmount: () => {
      act(() => root.unmount());
      container.remove();
    },
  };
}

/** Lets live queries and timers settle until `check` passes (or fails with its last error). */
export async function until(check: () => void, timeoutMs = 2000): Promise<void> {
  const start = Date.now();
  for (;;) {
    try {
      check();
      return;
    } catch (error) {
      if (Date.now() - start > timeoutMs) throw error;
    }
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
  }
}

/** The first element matching `selector` whose trimmed text is exactly `text`. */
export function byText(within: ParentNode, selector: string, text: string): HTMLElement | undefined {
  return [...within.querySelectorAll<HTMLElement>(selector)].find((el) => el.textContent?.trim() === text);
}
