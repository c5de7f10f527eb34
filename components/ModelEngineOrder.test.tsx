import type { EngineId } from '@/lib/core/draft';
import type { BuiltinState } from '@/lib/llm/builtin-engine';
import { act } from 'react';
import { ModelEngineOrder } from './ModelEngineOrder';
import { mount, type Mounted } from './test-render';

let view: Mounted;
beforeEach(() => {
  view = mount();
});
afterEach(() => view.unmount());

function render(order: EngineId[], builtinState: BuiltinState | undefined = 'available') {
  const changes: EngineId[][] = [];
  const draw = (current: EngineId[]) =>
    view.render(
      <ModelEngineOrder
        order={current}
        builtinState={builtinState}
        onChange={(next) => {
          changes.push(next);
          draw(next);
        }}
      />,
    );
  draw(order);
  return changes;
}

const button = (name: string) => view.container.querySelector<HTMLButtonElement>(`button[aria-label="${name}"]`);
const shownOrder = () => [...view.container.querySelectorAll('ol > li')].map((li) => li.getAttribute('aria-label'));
const radio = (value: string) => view.container.querySelector<HTMLInputElement>(`input[type="radio"][value="${value}"]`);

describe('the engine order in Options → Model', () => {
  it('lists the engines in the order they are tried', () => {
    render(['webllm', 'builtin', 'memory']);
    expect(shownOrder()).toEqual(['AI model (WebLLM)', "Browser's built-in model", 'Your past replies']);
  });

  it('moves the browser’s model ahead of the AI model with its Up button, and says so to screen readers', () => {
    const changes = render(['webllm', 'builtin', 'memory']);
    act(() => button("Move Browser's built-in model up")?.click());
    expect(changes).toEqual([['builtin', 'webllm', 'memory']]);
    expect(shownOrder()).toEqual(["Browser's built-in model", 'AI model (WebLLM)', 'Your past replies']);
    expect(view.container.querySelector('[aria-live="polite"]')?.textContent).toBe("Browser's built-in model is now 1 of 3.");
  });

  it('moves an engine down with its Down button', () => {
    const changes = render(['webllm', 'builtin', 'memory']);
    act(() => button('Move AI model (WebLLM) down')?.click());
    expect(changes).toEqual([['builtin', 'webllm', 'memory']]);
  });

  it('offers no Up for the first engine and no Down for the last', () => {
    render(['webllm', 'builtin', 'memory']);
    expect(button('Move AI model (WebLLM) up')?.disabled).toBe(true);
    expect(button('Move Your past replies down')?.disabled).toBe(true);
    expect(button('Move Your past replies up')?.disabled).toBe(false);
  });

  it.each([
    ['available', 'Available'],
    ['downloadable', 'Downloadable — Chrome downloads it on first use'],
    ['unavailable', 'Not available in this browser'],
    ['absent', 'Not available in this browser'],
  ] as const)('shows the browser’s model as %s: “%s”', (state, text) => {
    render(['webllm', 'builtin', 'memory'], state);
    expect(view.container.querySelector('[data-testid="builtin-state"]')?.textContent).toBe(text);
  });

  it('puts past replies first when the creator picks “Always use my past replies”, and last again for “Use an AI model when possible”', () => {
    const changes = render(['builtin', 'webllm', 'memory']);
    expect(radio('auto')?.checked).toBe(true);
    act(() => radio('memory')?.click());
    expect(changes.at(-1)).toEqual(['memory', 'builtin', 'webllm']);
    expect(radio('memory')?.checked).toBe(true);
    act(() => radio('auto')?.click());
    expect(changes.at(-1)).toEqual(['builtin', 'webllm', 'memory']);
  });

  it('marks engines after past replies as not used', () => {
    render(['builtin', 'memory', 'webllm']);
    const webllm = view.container.querySelector('li[aria-label="AI model (WebLLM)"]');
    expect(webllm?.textContent).toContain('Not used: your past replies come first.');
    expect(view.container.querySelector('li[aria-label="Browser\'s built-in model"]')?.textContent).not.toContain('Not used');
  });
});
