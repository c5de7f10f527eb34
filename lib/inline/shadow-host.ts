/**
 * A host element with an open shadow root holding our styles. Key events are stopped at the
 * shadow root: sites bind global shortcuts (YouTube's "k" pauses, "f" goes full screen) and
 * see our textarea only as its host, so typing a draft would otherwise drive the player.
 */
const KEY_EVENTS = ['keydown', 'keyup', 'keypress'] as const;

/** One parsed stylesheet per CSS text, adopted by every shadow root that uses it. */
const sheets = new Map<string, CSSStyleSheet>();

function sheetFor(css: string): CSSStyleSheet | null {
  let sheet = sheets.get(css);
  if (!sheet) {
    try {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
    } catch {
      return null; // No constructable stylesheets here: fall back to a <style> per root.
    }
    sheets.set(css, sheet);
  }
  return sheet;
}

const stopPropagation = (event: Event) => event.stopPropagation();

export function createShadowHost(
  tag: string,
  css: string,
  options: { stopKeys?: boolean } = {},
): { host: HTMLElement; root: ShadowRoot } {
  const host = document.createElement(tag);
  const root = host.attachShadow({ mode: 'open' });
  // Thousands of buttons share one parsed sheet instead of parsing a <style> each.
  const sheet = sheetFor(css);
  if (sheet) {
    root.adoptedStyleSheets = [sheet];
  } else {
    const style = document.createElement('style');
    style.textContent = css;
    root.append(style);
  }
  // Only UI with text fields needs it; thousands of plain buttons skip the listeners.
  if (options.stopKeys !== false) {
    for (const type of KEY_EVENTS) root.addEventListener(type, stopPropagation);
  }
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
