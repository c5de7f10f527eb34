/**
 * Reply boxes that behave like the editors the real sites use, for the fixture pages. Each one
 * keeps its own model of the text (what the site would post) apart from the DOM, and enforces
 * its editor's real rule (docs/sites-reference.md, "Inserting text"): a write the real editor
 * would not notice leaves the model, and the submit button, untouched. A fixture that accepted
 * any write would prove nothing about insertion.
 *
 * Every composer returns { editor, state(), clear(), onChange(fn) }: `editor` is the element the
 * extension should find, `state()` the model's text (what the site would submit).
 *
 * Kinds:
 * - reactTextarea: React's controlled <textarea>: the model follows `input` events only when
 *   the value changed behind React's back (the prototype's setter or real editing); a plain
 *   `el.value = …` is recorded by React's tracker and ignored, as React does.
 * - draftjs: Draft.js: the model changes only on `paste` (text/plain) and `beforeinput`
 *   insertText; DOM writes are undone on the next render; insertText carrying a newline keeps
 *   only what precedes the first blank line (Draft's known loss after "\n\n"); other input
 *   types are refused. `trustedOnly` (TikTok): untrusted events are ignored altogether.
 * - lexical: Lexical: the model changes on `beforeinput` (insertText flattens newlines into the
 *   paragraph, insertParagraph splits, insertReplacementText / insertFromPaste read their
 *   DataTransfer) and `paste`; DOM writes are undone.
 * - prosemirror: ProseMirror/TipTap: reads the DOM back after every mutation (its DOM
 *   observer), one paragraph per <p>; a paste is parsed into paragraphs. Permissive, as it is.
 * - quill: Quill as the issue describes it: its model changes only through its API
 *   (`container.__quill.insertText / setText`, reachable from the page's main world); DOM
 *   writes are undone.
 * - plain: a plain contenteditable that reads its text on `input`.
 */
import { h } from './kit.js';

const collapse = (s) => s.replace(/\s+/g, ' ').trim();

/** Everything inside the editor is selected (the extension selects all before replacing). */
function selectionCoversAll(editor) {
  const sel = editor.ownerDocument.getSelection();
  if (!sel || sel.rangeCount === 0) return false;
  const range = sel.getRangeAt(0);
  if (!editor.contains(range.commonAncestorContainer) && range.commonAncestorContainer !== editor) return false;
  return collapse(sel.toString()) === collapse(editor.textContent ?? '') || !editor.textContent;
}

function paragraphsDom(doc, editor, lines) {
  const nodes = lines.map((line) => h(doc, 'p', {}, [line ? line : h(doc, 'br')]));
  editor.replaceChildren(...(nodes.length ? nodes : [h(doc, 'p', {}, [h(doc, 'br')])]));
}

function placeCaretAtEnd(editor) {
  const doc = editor.ownerDocument;
  if (doc.activeElement !== editor) return;
  const sel = doc.getSelection();
  const range = doc.createRange();
  range.selectNodeContents(editor);
  range.collapse(false);
  sel?.removeAllRanges();
  sel?.addRange(range);
}

/** A model-first contenteditable: the DOM is rendered from `lines`; foreign DOM writes are undone. */
function modelEditor(doc, attrs, { render = paragraphsDom } = {}) {
  const editor = h(doc, 'div', { contenteditable: 'true', role: 'textbox', ...attrs });
  let lines = [];
  const listeners = [];
  let rendering = false;
  const observer = new MutationObserver(() => {
    if (rendering) return;
    // Someone wrote to the DOM behind the editor's back: the model wins, as in the real editor.
    rerender();
  });
  function rerender() {
    rendering = true;
    render(doc, editor, lines);
    observer.takeRecords();
    rendering = false;
  }
  function set(next) {
    lines = next;
    rerender();
    placeCaretAtEnd(editor);
    for (const fn of listeners) fn(state());
  }
  const state = () => lines.join('\n');
  observer.observe(editor, { childList: true, subtree: true, characterData: true });
  rerender();
  return {
    editor,
    state,
    set,
    lines: () => lines,
    clear: () => set([]),
    onChange: (fn) => listeners.push(fn),
  };
}

function transferText(event) {
  return event.clipboardData?.getData('text/plain') ?? event.dataTransfer?.getData('text/plain') ?? null;
}

/** Replace everything when it is all selected (what the extension does), else append. */
function mergeText(model, editor, text) {
  return selectionCoversAll(editor) ? text : model.state() + text;
}

export function draftjs(doc, attrs = {}, { trustedOnly = false } = {}) {
  const model = modelEditor(doc, { class: 'public-DraftEditor-content', ...attrs }, {
    render(d, editor, lines) {
      const blocks = (lines.length ? lines : ['']).map((line, i) =>
        h(d, 'div', { 'data-block': 'true', 'data-offset-key': `b${i}-0-0` }, [
          h(d, 'span', { 'data-offset-key': `b${i}-0-0` }, [line ? h(d, 'span', { 'data-text': 'true' }, [line]) : h(d, 'br', { 'data-text': 'true' })]),
        ]),
      );
      editor.replaceChildren(h(d, 'div', { 'data-contents': 'true' }, blocks));
    },
  });
  const { editor } = model;
  editor.addEventListener('paste', (event) => {
    event.preventDefault();
    if (trustedOnly && !event.isTrusted) return;
    const text = transferText(event);
    if (text == null) return;
    model.set(mergeText(model, editor, text).replace(/\r\n?/g, '\n').split('\n'));
  });
  editor.addEventListener('beforeinput', (event) => {
    event.preventDefault();
    if (trustedOnly && !event.isTrusted) return;
    if (event.inputType !== 'insertText' || typeof event.data !== 'string') return;
    // Draft.js drops what follows a blank line when text arrives through insertText.
    const kept = event.data.split(/\n\s*\n/)[0];
    model.set(mergeText(model, editor, kept).split('\n'));
  });
  return model;
}

export function lexical(doc, attrs = {}) {
  const model = modelEditor(doc, { 'data-lexical-editor': 'true', ...attrs });
  const { editor } = model;
  const setText = (text) => model.set(text.replace(/\r\n?/g, '\n').split('\n'));
  editor.addEventListener('paste', (event) => {
    const text = transferText(event);
    if (text == null) return;
    event.preventDefault();
    setText(mergeText(model, editor, text));
  });
  editor.addEventListener('beforeinput', (event) => {
    event.preventDefault();
    const type = event.inputType;
    if (type === 'insertParagraph' || type === 'insertLineBreak') {
      model.set([...model.lines(), '']);
    } else if (type === 'insertText' && typeof event.data === 'string') {
      // One paragraph: Lexical's insertText flattens newlines.
      const flat = event.data.replace(/\s*\n+\s*/g, ' ');
      if (selectionCoversAll(editor)) model.set([flat]);
      else {
        const lines = model.lines().length ? [...model.lines()] : [''];
        lines[lines.length - 1] += flat;
        model.set(lines);
      }
    } else if (type === 'insertReplacementText' || type === 'insertFromPaste') {
      const text = transferText(event) ?? event.data;
      if (typeof text === 'string') setText(mergeText(model, editor, text));
    } else if (type.startsWith('delete') && selectionCoversAll(editor)) {
      model.set([]);
    }
  });
  return model;
}

export function prosemirror(doc, attrs = {}) {
  const editor = h(doc, 'div', { contenteditable: 'true', role: 'textbox', class: 'tiptap ProseMirror', ...attrs }, [h(doc, 'p', {}, [h(doc, 'br')])]);
  const listeners = [];
  let text = '';
  const read = () => {
    const paragraphs = [...editor.querySelectorAll('p')];
    const next = paragraphs.length ? paragraphs.map((p) => p.textContent ?? '').join('\n') : (editor.textContent ?? '');
    if (next !== text) {
      text = next;
      for (const fn of listeners) fn(text);
    }
  };
  new MutationObserver(read).observe(editor, { childList: true, subtree: true, characterData: true });
  editor.addEventListener('paste', (event) => {
    const pasted = transferText(event);
    if (pasted == null) return;
    event.preventDefault();
    const all = mergeText({ state: () => text }, editor, pasted);
    paragraphsDom(doc, editor, all.replace(/\r\n?/g, '\n').split('\n'));
    placeCaretAtEnd(editor);
  });
  return {
    editor,
    state: () => text.replace(/\n+$/, ''),
    clear: () => paragraphsDom(doc, editor, []),
    onChange: (fn) => listeners.push(fn),
  };
}

export function quill(doc, attrs = {}) {
  const model = modelEditor(doc, { class: 'ql-editor', ...attrs });
  const container = h(doc, 'div', { class: 'ql-container' }, [model.editor]);
  // Quill keeps its instance on the container; only the page's own scripts can reach it.
  container.__quill = {
    getText: () => `${model.state()}\n`,
    setText: (text) => model.set(String(text).replace(/\n$/, '').split('\n')),
    insertText: (index, text) => {
      const current = model.state();
      const at = Math.max(0, Math.min(Number(index) || 0, current.length));
      model.set((current.slice(0, at) + String(text) + current.slice(at)).split('\n'));
    },
    deleteText: () => model.set([]),
    focus: () => model.editor.focus(),
  };
  model.editor.addEventListener('beforeinput', (event) => event.preventDefault());
  model.editor.addEventListener('paste', (event) => event.preventDefault());
  return { ...model, container };
}

export function plain(doc, attrs = {}) {
  const editor = h(doc, 'div', { contenteditable: 'true', role: 'textbox', ...attrs });
  const listeners = [];
  let text = '';
  editor.addEventListener('input', () => {
    text = editor.innerText ?? editor.textContent ?? '';
    for (const fn of listeners) fn(text);
  });
  return {
    editor,
    state: () => text.replace(/\n+$/, ''),
    clear: () => {
      editor.replaceChildren();
      text = '';
      for (const fn of listeners) fn(text);
    },
    onChange: (fn) => listeners.push(fn),
  };
}

export function reactTextarea(doc, attrs = {}) {
  const editor = h(doc, 'textarea', attrs);
  const listeners = [];
  let text = '';
  // React's value tracker: an instance-level `value` property that records what was set
  // through it, so the next input event sees no change and React ignores it.
  const proto = Object.getPrototypeOf(editor);
  const native = Object.getOwnPropertyDescriptor(proto, 'value');
  let tracked = '';
  Object.defineProperty(editor, 'value', {
    configurable: true,
    get() {
      return native.get.call(this);
    },
    set(v) {
      tracked = String(v);
      native.set.call(this, v);
    },
  });
  editor.addEventListener('input', () => {
    const now = native.get.call(editor);
    if (now === tracked) return;
    tracked = now;
    text = now;
    for (const fn of listeners) fn(text);
  });
  const clear = () => {
    editor.value = '';
    text = '';
    for (const fn of listeners) fn(text);
  };
  return { editor, state: () => text, clear, onChange: (fn) => listeners.push(fn) };
}

/**
 * The site's submit control for a composer: disabled (or aria-disabled) until the model holds
 * text; a click posts the model's text through `onSubmit` and clears the box. `aria` uses
 * aria-disabled (X, Instagram's div buttons) instead of the disabled attribute.
 */
export function submitButton(doc, composer, { label = 'Reply', attrs = {}, tag = 'button', aria = false, onSubmit }) {
  const button = h(doc, tag, { ...(tag === 'button' ? { type: 'button' } : { role: 'button', tabindex: '0' }), ...attrs }, [label]);
  const sync = (text) => {
    const empty = !collapse(text);
    if (aria || tag !== 'button') button.setAttribute('aria-disabled', String(empty));
    else button.disabled = empty;
  };
  composer.onChange(sync);
  sync(composer.state());
  button.addEventListener('click', () => {
    const text = composer.state();
    if (!collapse(text)) return;
    onSubmit(text);
    composer.clear();
  });
  return button;
}
