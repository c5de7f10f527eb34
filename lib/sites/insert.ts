/**
 * Putting a draft into a site's own reply box so that the site's editor state (not just the
 * DOM) holds it, which is what enables the site's submit button. Each editor family accepts a
 * different input path (docs/sites-reference.md), so strategies are tried in order and each is
 * verified; the first that the editor really accepted wins. Nothing here ever submits.
 *
 * Firefox: synthetic events built in a content script's isolated world reach page listeners
 * without readable `clipboardData`; run this from a main-world script there.
 */
import { collapseWhitespace, readText } from './page-text';
import type { EditorKind } from './types';

export type InsertMethod = 'native-setter' | 'exec-command' | 'paste' | 'beforeinput' | 'editor-api';

export type InsertOutcome = { ok: true; method: InsertMethod } | { ok: false; reason: string };

export interface InsertOptions {
  /** Names the box in failure messages, e.g. "YouTube's reply box". */
  boxLabel?: string;
  /** How long to wait for the editor (and submit button) to react to one attempt. */
  settleMs?: number;
  /** The editor family, which orders the strategies; guessed from the markup when absent. */
  kind?: EditorKind;
  /** What the site put in the box itself (an @mention): kept in front of the draft. */
  prefix?: string;
}

/** The event a main-world script answers by calling the page's own editor API (Quill). */
export const EDITOR_API_EVENT = 'understudy:editor-api';

type TextControl = HTMLTextAreaElement | HTMLInputElement;

const DEFAULT_SETTLE_MS = 250;
const POLL_MS = 16;

function isTextControl(el: Element): el is TextControl {
  return el.localName === 'textarea' || el.localName === 'input';
}

function isContentEditable(el: HTMLElement): boolean {
  if (el.isContentEditable) return true;
  const attr = el.getAttribute('contenteditable');
  return attr === '' || attr === 'true' || attr === 'plaintext-only';
}

/** The element that takes text: the target itself, or the editor inside a wrapper. */
export function editableOf(target: HTMLElement): HTMLElement | null {
  if (isTextControl(target) || isContentEditable(target)) return target;
  return target.querySelector<HTMLElement>(
    'textarea, input:not([type]), input[type="text"], input[type="search"], [contenteditable="true"], [contenteditable=""], [contenteditable="plaintext-only"]',
  );
}

/** What the editor shows, as text. */
export function editorValue(el: HTMLElement): string {
  return isTextControl(el) ? el.value : readText(el);
}

/** A submit button the site still holds back (HTML disabled or ARIA disabled). */
export function isDisabled(button: HTMLElement): boolean {
  return (
    button.hasAttribute('disabled') ||
    (button as HTMLButtonElement).disabled === true ||
    button.getAttribute('aria-disabled') === 'true'
  );
}

/** Did the editor take exactly this text, and did the site react by enabling submit? */
export function accepted(el: HTMLElement, text: string, submit?: HTMLElement | null): boolean {
  if (collapseWhitespace(editorValue(el)) !== collapseWhitespace(text)) return false;
  return !submit || !isDisabled(submit);
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Poll until `check` passes or `ms` elapse; frameworks re-render a tick or a frame later. */
async function settle(check: () => boolean, ms: number): Promise<boolean> {
  await Promise.resolve();
  if (check()) return true;
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    if (check()) return true;
  }
  return check();
}

/** Focus the editor and select everything in it, so the next insertion replaces it. */
export function selectAll(el: HTMLElement): void {
  el.focus();
  if (isTextControl(el)) {
    el.select();
    return;
  }
  const doc = el.ownerDocument;
  const selection = doc.defaultView?.getSelection();
  if (!selection) return;
  const range = doc.createRange();
  range.selectNodeContents(el);
  selection.removeAllRanges();
  selection.addRange(range);
}

function execCommand(doc: Document, command: string, value?: string): boolean {
  // Deprecated and absent in some environments, yet still the one path every browser treats
  // like typing (it fires trusted beforeinput/input).
  if (typeof doc.execCommand !== 'function') return false;
  try {
    return doc.execCommand(command, false, value);
  } catch {
    return false;
  }
}

/**
 * React-style controlled inputs: React tracks `value` on the instance, so set it through the
 * prototype's setter, then fire the events React listens to.
 */
export function insertWithNativeSetter(el: TextControl, text: string): boolean {
  let proto: object | null = Object.getPrototypeOf(el);
  let setter: ((v: string) => void) | undefined;
  while (proto && !setter) {
    setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
    proto = Object.getPrototypeOf(proto);
  }
  if (!setter) return false;
  el.focus();
  setter.call(el, text);
  el.dispatchEvent(new Event('input', { bubbles: true }));
  el.dispatchEvent(new Event('change', { bubbles: true }));
  return true;
}

/** Native editing commands, one line at a time (insertText alone drops paragraphs in some editors). */
export async function insertWithExecCommand(el: HTMLElement, text: string): Promise<boolean> {
  selectAll(el);
  await nextTask();
  const doc = el.ownerDocument;
  if (isTextControl(el)) return execCommand(doc, 'insertText', text);
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let ok = true;
  lines.forEach((line, i) => {
    if (!ok) return;
    if (i > 0) ok = execCommand(doc, 'insertParagraph') || execCommand(doc, 'insertLineBreak');
    // An empty selection-replacing insert still has to clear the old content.
    if (ok && (line || i === 0)) ok = execCommand(doc, line ? 'insertText' : 'delete', line || undefined);
  });
  return ok;
}

function plainTextTransfer(text: string): DataTransfer | null {
  if (typeof DataTransfer !== 'function') return null;
  const data = new DataTransfer();
  data.setData('text/plain', text);
  return data;
}

/** Draft.js, ProseMirror, CKEditor, Quill 2: a paste event carrying text/plain. */
export async function insertWithPaste(el: HTMLElement, text: string): Promise<boolean> {
  const data = plainTextTransfer(text);
  if (!data) return false;
  selectAll(el);
  await nextTask();
  let event: Event;
  try {
    event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true });
  } catch {
    event = new Event('paste', { bubbles: true, cancelable: true, composed: true });
  }
  if (!(event as ClipboardEvent).clipboardData) {
    // Engines whose constructor ignores clipboardData still let us attach it.
    Object.defineProperty(event, 'clipboardData', { value: data });
  }
  el.dispatchEvent(event);
  return true;
}

/** Lexical, Slate: beforeinput, first as a replacement with a DataTransfer, then as typing. */
export async function insertWithBeforeInput(el: HTMLElement, text: string): Promise<boolean> {
  selectAll(el);
  // Lexical reads the DOM selection on selectionchange, which fires asynchronously.
  await nextTask();
  const init = { bubbles: true, cancelable: true, composed: true };
  const replacement = new InputEvent('beforeinput', {
    ...init,
    inputType: 'insertReplacementText',
    data: text,
    dataTransfer: plainTextTransfer(text),
  });
  el.dispatchEvent(replacement);
  if (replacement.defaultPrevented || collapseWhitespace(editorValue(el)) === collapseWhitespace(text)) {
    return true;
  }
  el.dispatchEvent(new InputEvent('beforeinput', { ...init, inputType: 'insertText', data: text }));
  return true;
}

/**
 * Put back what the editor showed before an attempt the site did not accept: through the
 * editor's own delete path first (keeps its state in step), then by restoring the nodes.
 */
async function restore(el: HTMLElement, before: { value: string; nodes: Node[] }): Promise<void> {
  if (editorValue(el) === before.value) return;
  if (isTextControl(el)) {
    insertWithNativeSetter(el, before.value);
    return;
  }
  selectAll(el);
  execCommand(el.ownerDocument, 'delete');
  if (before.value && editorValue(el) !== before.value) {
    execCommand(el.ownerDocument, 'insertText', before.value);
  }
  if (editorValue(el) !== before.value) el.replaceChildren(...before.nodes.map((n) => n.cloneNode(true)));
}

type Strategy = { method: InsertMethod; run: (el: HTMLElement, text: string) => boolean | Promise<boolean> };

/**
 * Quill keeps its model apart from the DOM, reachable only from the page's main world
 * (`container.__quill`): a main-world script (entrypoints/editor-api.content) listens for this
 * event on the editor and calls `setText`. The text reaches the page here, as it does with any
 * insertion, only once the creator pressed Insert.
 */
export async function insertWithEditorApi(el: HTMLElement, text: string): Promise<boolean> {
  el.focus();
  el.dispatchEvent(new CustomEvent(EDITOR_API_EVENT, { detail: text, bubbles: true, composed: true }));
  return true;
}

const STRATEGY: Record<InsertMethod, Strategy['run']> = {
  'native-setter': (e, t) => insertWithNativeSetter(e as TextControl, t),
  'exec-command': insertWithExecCommand,
  paste: insertWithPaste,
  beforeinput: insertWithBeforeInput,
  'editor-api': insertWithEditorApi,
};

/** The order each editor family is tried in (docs/sites-reference.md, "Inserting text"). */
const ORDER: Record<EditorKind, InsertMethod[]> = {
  textarea: ['native-setter', 'exec-command'],
  plain: ['exec-command', 'paste', 'beforeinput'],
  // execCommand loses what follows a blank line in Draft.js; paste is what it reads whole.
  draftjs: ['paste', 'exec-command', 'beforeinput'],
  lexical: ['paste', 'beforeinput', 'exec-command'],
  prosemirror: ['paste', 'exec-command', 'beforeinput'],
  quill: ['editor-api', 'paste', 'exec-command'],
};

/** The editor family, from the marks each one leaves in the DOM. */
export function detectEditorKind(el: HTMLElement): EditorKind {
  if (isTextControl(el)) return 'textarea';
  if (el.closest('[data-lexical-editor="true"]')) return 'lexical';
  if (el.closest('.DraftEditor-root, .public-DraftEditor-content')) return 'draftjs';
  if (el.closest('.ProseMirror')) return 'prosemirror';
  if (el.closest('.ql-editor')) return 'quill';
  return 'plain';
}

function strategiesFor(el: HTMLElement, kind: EditorKind | undefined): Strategy[] {
  // A textarea takes only the setter and execCommand, whatever the adapter said.
  const family = isTextControl(el) ? 'textarea' : (kind && kind !== 'textarea' ? kind : detectEditorKind(el));
  return ORDER[family].map((method) => ({ method, run: STRATEGY[method] }));
}

/**
 * Fill the site's reply box with `text`. Succeeds only when the box shows the text and, if
 * `submit` is given (or found by the function given), the site enabled it; otherwise the box is put back as it was and the
 * reason says what to do instead. The creator presses send.
 */
export async function insertText(
  target: HTMLElement,
  text: string,
  submit?: HTMLElement | null | (() => HTMLElement | null),
  options: InsertOptions = {},
): Promise<InsertOutcome> {
  const box = options.boxLabel ?? 'The reply box';
  if (!text.trim()) return { ok: false, reason: 'The draft is empty: there is nothing to insert.' };
  const el = target.isConnected ? editableOf(target) : null;
  if (!el) return { ok: false, reason: `${box} is no longer on the page — use Copy and paste it.` };

  const settleMs = options.settleMs ?? DEFAULT_SETTLE_MS;
  const before = { value: editorValue(el), nodes: isTextControl(el) ? [] : [...el.childNodes].map((n) => n.cloneNode(true)) };
  // The site's own prefill (an @mention) stays in front, unless the draft already starts so.
  const prefix = options.prefix && !text.startsWith(options.prefix.trim()) ? options.prefix : '';
  const full = prefix + text;
  for (const { method, run } of strategiesFor(el, options.kind)) {
    let attempted = false;
    try {
      attempted = await run(el, full);
    } catch {
      attempted = false;
    }
    // A chat's send control may appear only once there is text (X): look for it each time.
    const button = () => (typeof submit === 'function' ? submit() : submit);
    if (attempted && (await settle(() => accepted(el, full, button()), settleMs))) return { ok: true, method };
    await restore(el, before);
  }
  return { ok: false, reason: `${box} didn't accept the text — use Copy and paste it.` };
}
