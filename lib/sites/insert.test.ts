/**
 * Each fake editor below enforces the rule of one real editor family: its own state (and its
 * submit button) changes only through the input path that family accepts. A script that merely
 * writes the DOM gets nothing, as on the real sites.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  accepted,
  editableOf,
  insertText,
  insertWithBeforeInput,
  insertWithNativeSetter,
  insertWithPaste,
  isDisabled,
} from './insert';

const FAST = { settleMs: 30 };

interface FakeEditor<T extends HTMLElement = HTMLElement> {
  editor: T;
  submit: HTMLButtonElement;
  /** What the editor's own state holds: what the site would post. */
  state(): string;
}

function submitButton(): HTMLButtonElement {
  const submit = document.createElement('button');
  submit.textContent = 'Reply';
  submit.disabled = true;
  return submit;
}

/** React's controlled textarea: React only sees a change made through the prototype setter. */
function reactTextarea(): FakeEditor<HTMLTextAreaElement> {
  const editor = document.createElement('textarea');
  const submit = submitButton();
  const proto = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!;
  let tracked = '';
  let state = '';
  // React's value tracker: writes through the element record the value, so input events
  // that follow see "no change" and never reach onChange.
  Object.defineProperty(editor, 'value', {
    configurable: true,
    get: () => proto.get!.call(editor),
    set: (v: string) => {
      tracked = v;
      proto.set!.call(editor, v);
    },
  });
  editor.addEventListener('input', () => {
    const now = proto.get!.call(editor) as string;
    if (now === tracked) return;
    tracked = now;
    state = now;
    submit.disabled = state.trim() === '';
  });
  document.body.append(editor, submit);
  return { editor, submit, state: () => state };
}

/** Draft.js / ProseMirror: state changes only on a paste carrying text/plain. */
function pasteOnlyEditor(): FakeEditor {
  const editor = document.createElement('div');
  editor.setAttribute('contenteditable', 'true');
  const submit = submitButton();
  let state = '';
  editor.addEventListener('paste', (event) => {
    event.preventDefault();
    state = event.clipboardData?.getData('text/plain') ?? '';
    editor.textContent = state;
    submit.disabled = state.trim() === '';
  });
  document.body.append(editor, submit);
  return { editor, submit, state: () => state };
}

/** Lexical: state changes only on beforeinput it handles itself; paste is ignored. */
function beforeInputEditor(): FakeEditor {
  const editor = document.createElement('div');
  editor.setAttribute('contenteditable', 'true');
  // Some sites disable with ARIA only (a div role=button, or a button kept focusable).
  const submit = submitButton();
  submit.disabled = false;
  submit.setAttribute('aria-disabled', 'true');
  let state = '';
  editor.addEventListener('beforeinput', (event) => {
    if (event.inputType !== 'insertText' && event.inputType !== 'insertReplacementText') return;
    event.preventDefault();
    state = event.data ?? event.dataTransfer?.getData('text/plain') ?? '';
    editor.textContent = state;
    submit.setAttribute('aria-disabled', String(state.trim() === ''));
  });
  document.body.append(editor, submit);
  return { editor, submit, state: () => state };
}

/** An editor that accepts only trusted typing: every synthetic path changes nothing. */
function trustedOnlyEditor(initial = ''): FakeEditor {
  const editor = document.createElement('div');
  editor.setAttribute('contenteditable', 'true');
  editor.textContent = initial;
  const submit = submitButton();
  editor.addEventListener('paste', (event) => event.preventDefault());
  editor.addEventListener('beforeinput', (event) => event.preventDefault());
  document.body.append(editor, submit);
  return { editor, submit, state: () => initial };
}

/**
 * A paste handler that shows the text but never updates the editor's state (so the site
 * keeps Reply disabled): the DOM says yes, the site says no.
 */
function showsButRejectsEditor(): FakeEditor {
  const editor = document.createElement('div');
  editor.setAttribute('contenteditable', 'true');
  const submit = submitButton();
  editor.addEventListener('paste', (event) => {
    event.preventDefault();
    editor.textContent = event.clipboardData?.getData('text/plain') ?? '';
  });
  document.body.append(editor, submit);
  return { editor, submit, state: () => '' };
}

/**
 * Browser editing commands, as a test double: insert at the selection and fire `input`, the
 * way the browser does for execCommand. happy-dom has no execCommand of its own.
 */
function installExecCommand(): void {
  const fake = (command: string, _ui?: boolean, value?: string): boolean => {
    const selection = window.getSelection();
    const range = selection?.rangeCount ? selection.getRangeAt(0) : null;
    const host = (range?.commonAncestorContainer as Element | undefined) ?? null;
    const editable = host && (host.nodeType === 1 ? (host as Element) : host.parentElement)?.closest('[contenteditable]');
    if (!range || !editable) return false;
    range.deleteContents();
    if (command === 'insertText' && value) range.insertNode(document.createTextNode(value));
    else if (command === 'insertParagraph' || command === 'insertLineBreak') range.insertNode(document.createElement('br'));
    else if (command !== 'delete') return false;
    range.collapse(false);
    editable.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: command }));
    return true;
  };
  Object.defineProperty(document, 'execCommand', { configurable: true, value: fake });
}

/** YouTube's comment box: plain contenteditable whose state follows `input` events only. */
function inputDrivenEditor(): FakeEditor {
  const editor = document.createElement('div');
  editor.setAttribute('contenteditable', 'true');
  const submit = submitButton();
  let state = '';
  editor.addEventListener('input', () => {
    state = editor.textContent ?? '';
    submit.disabled = state.trim() === '';
  });
  document.body.append(editor, submit);
  return { editor, submit, state: () => state };
}

afterEach(() => {
  document.body.replaceChildren();
  delete (document as { execCommand?: unknown }).execCommand;
});

describe('insertText', () => {
  it("fills a React textarea through the native setter so the site's state and button follow", async () => {
    const { editor, submit, state } = reactTextarea();
    const outcome = await insertText(editor, 'Thanks so much!', submit, FAST);
    expect(outcome).toEqual({ ok: true, method: 'native-setter' });
    expect(state()).toBe('Thanks so much!');
    expect(submit.disabled).toBe(false);
  });

  it('a plain value write would not have reached the React state', () => {
    const { editor, submit, state } = reactTextarea();
    editor.value = 'typed by a script';
    editor.dispatchEvent(new Event('input', { bubbles: true }));
    expect(state()).toBe('');
    expect(submit.disabled).toBe(true);
  });

  it('fills a paste-only editor (Draft.js-like) with a synthetic paste', async () => {
    const { editor, submit, state } = pasteOnlyEditor();
    const outcome = await insertText(editor, 'Great question!\nShort answer: yes.', submit, FAST);
    expect(outcome).toEqual({ ok: true, method: 'paste' });
    expect(state()).toBe('Great question!\nShort answer: yes.');
    expect(submit.disabled).toBe(false);
  });

  it('fills a beforeinput-driven editor (Lexical-like) when paste is ignored', async () => {
    const { editor, submit, state } = beforeInputEditor();
    const outcome = await insertText(editor, 'See you Friday', submit, FAST);
    expect(outcome).toEqual({ ok: true, method: 'beforeinput' });
    expect(state()).toBe('See you Friday');
    expect(submit.getAttribute('aria-disabled')).toBe('false');
  });

  it("uses the browser's editing commands first where they exist, line by line", async () => {
    installExecCommand();
    const { editor, submit, state } = inputDrivenEditor();
    const outcome = await insertText(editor, 'Hi!\nThanks for watching', submit, FAST);
    expect(outcome).toEqual({ ok: true, method: 'exec-command' });
    expect(editor.querySelectorAll('br')).toHaveLength(1);
    expect(state()).toBe('Hi!Thanks for watching'); // textContent drops the <br>
    expect(submit.disabled).toBe(false);
  });

  it('replaces what the box held instead of appending to it', async () => {
    const { editor, submit, state } = pasteOnlyEditor();
    editor.textContent = 'old text';
    const outcome = await insertText(editor, 'new text', submit, FAST);
    expect(outcome.ok).toBe(true);
    expect(state()).toBe('new text');
    expect(editor.textContent).toBe('new text');
  });

  it('reports failure with a Copy hint and restores the box when no method is accepted', async () => {
    const { editor, submit } = trustedOnlyEditor('@maria ');
    const outcome = await insertText(editor, 'Thank you!', submit, { ...FAST, boxLabel: "YouTube's reply box" });
    expect(outcome).toEqual({
      ok: false,
      reason: "YouTube's reply box didn't accept the text — use Copy and paste it.",
    });
    expect(editor.textContent).toBe('@maria ');
    expect(submit.disabled).toBe(true);
  });

  it('does not count text that only shows in the box while the site keeps Reply disabled', async () => {
    const { editor, submit } = showsButRejectsEditor();
    const outcome = await insertText(editor, 'Looks inserted', submit, FAST);
    expect(outcome.ok).toBe(false);
    expect(editor.textContent).toBe('');
  });

  it('never clicks the submit button', async () => {
    const { editor, submit } = pasteOnlyEditor();
    const clicks = vi.fn();
    submit.addEventListener('click', clicks);
    await insertText(editor, 'Hello', submit, FAST);
    expect(clicks).not.toHaveBeenCalled();
  });

  it('finds the editor inside a wrapper element', async () => {
    const { editor, submit } = pasteOnlyEditor();
    const wrapper = document.createElement('div');
    editor.replaceWith(wrapper);
    wrapper.append(editor);
    expect(editableOf(wrapper)).toBe(editor);
    expect((await insertText(wrapper, 'Hi', submit, FAST)).ok).toBe(true);
  });

  it('refuses an empty draft and a box that left the page', async () => {
    const { editor, submit } = pasteOnlyEditor();
    expect(await insertText(editor, '   ', submit, FAST)).toMatchObject({ ok: false });
    editor.remove();
    const gone = await insertText(editor, 'Hi', submit, FAST);
    expect(gone).toMatchObject({ ok: false });
    expect(gone.ok === false && gone.reason).toContain('Copy');
  });

  it('succeeds without a submit button when the text is in the box', async () => {
    const { editor } = pasteOnlyEditor();
    expect(await insertText(editor, 'Hi there', null, FAST)).toEqual({ ok: true, method: 'paste' });
  });
});

describe('insertion strategies', () => {
  it('insertWithNativeSetter fires input and change', () => {
    const input = document.createElement('input');
    const events: string[] = [];
    input.addEventListener('input', () => events.push('input'));
    input.addEventListener('change', () => events.push('change'));
    expect(insertWithNativeSetter(input, 'abc')).toBe(true);
    expect(input.value).toBe('abc');
    expect(events).toEqual(['input', 'change']);
  });

  it('insertWithPaste hands the editor the text as text/plain, and nothing else', async () => {
    const editor = document.createElement('div');
    editor.setAttribute('contenteditable', 'true');
    document.body.append(editor);
    let types: readonly string[] = [];
    let text = '';
    editor.addEventListener('paste', (event) => {
      types = event.clipboardData?.types ?? [];
      text = event.clipboardData?.getData('text/plain') ?? '';
    });
    await insertWithPaste(editor, '<b>not html</b>');
    expect(text).toBe('<b>not html</b>');
    expect(types).toEqual(['text/plain']);
    expect(editor.querySelector('b')).toBeNull();
  });

  it('insertWithBeforeInput sends the replacement first and typing only if that was not taken', async () => {
    const editor = document.createElement('div');
    editor.setAttribute('contenteditable', 'true');
    document.body.append(editor);
    const seen: string[] = [];
    editor.addEventListener('beforeinput', (event) => seen.push(event.inputType));
    await insertWithBeforeInput(editor, 'x');
    expect(seen).toEqual(['insertReplacementText', 'insertText']);
  });
});

describe('accepted / isDisabled', () => {
  it('treats aria-disabled="true" as disabled', () => {
    const button = document.createElement('div');
    button.setAttribute('role', 'button');
    button.setAttribute('aria-disabled', 'true');
    expect(isDisabled(button)).toBe(true);
    button.setAttribute('aria-disabled', 'false');
    expect(isDisabled(button)).toBe(false);
  });

  it('compares text ignoring how the editor marks up line breaks', () => {
    const editor = document.createElement('div');
    editor.setAttribute('contenteditable', 'true');
    const line = (t: string) => Object.assign(document.createElement('p'), { textContent: t });
    editor.append(line('Hi!'), line('Thanks'));
    expect(accepted(editor, 'Hi!\nThanks')).toBe(true);
    expect(accepted(editor, 'Hi! Thanks!')).toBe(false);
  });
});
