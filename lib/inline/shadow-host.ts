/**
 * A host element with an open shadow root holding our styles. Key events are stopped at the
 * shadow root: sites bind global shortcuts (YouTube's "k" pauses, "f" goes full screen) and
 * see our textarea only as its host, so typing a draft would otherwise drive the player.
 */
const KEY_EVENTS = ['keydown', 'keyup', 'keypress'] as const;

export function createShadowHost(tag: string, css: string): { host: HTMLElement; root: ShadowRoot } {
  const host = document.createElement(tag);
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = css;
  root.append(style);
  for (const type of KEY_EVENTS) root.addEventListener(type, (event) => event.stopPropagation());
  return { host, root };
}

/** Creates an element with text content (never HTML) and optional attributes. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  if (text !== undefined) element.textContent = text;
  return element;
}
