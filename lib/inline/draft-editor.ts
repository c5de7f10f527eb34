/**
 * The inline draft editor a creator opens from a comment's "Draft reply" button. Plain DOM in a
 * shadow root (React would triple the content script's size for one small form). The draft
 * streams into the "Draft" textbox; the creator edits it and chooses Insert (fills the site's
 * reply box, never presses send), Queue (side panel), Regenerate or Copy.
 */

import { isSteerId } from '../core/steers';
import type { CommentContext, DraftResult } from '../core/draft';
import type { SiteAdapter } from '../sites/types';
import { insertText } from '../sites/insert';
import { request } from '../messaging/client';
import type { DraftChannel } from './draft-channel';
import { createShadowHost, el } from './shadow-host';
import { watchForSent, type SentWatch } from './sent-watcher';
import { editorCss } from './styles';
import { engineLabel, metricsLabel, STEER_OPTIONS, siteName } from './labels';

export interface EditorDeps {
  adapter: SiteAdapter;
  channel: DraftChannel;
  /** Called when the creator closes the editor (or it is torn down). */
  onClose(): void;
  /** Shows a message outside the editor, e.g. after the comment vanished. */
  toast(message: string): void;
}

export interface DraftEditor {
  host: HTMLElement;
  close(): void;
}

const REMOVAL_CHECK_MS = 500;

export function openDraftEditor(
  commentElement: HTMLElement,
  comment: CommentContext,
  deps: EditorDeps,
): DraftEditor {
  const { host, root } = createShadowHost('understudy-editor', editorCss);
  const section = el('section', { 'aria-label': `Understudy draft reply to ${comment.author}` });
  const header = el('header');
  const engine = el('span', { class: 'engine' }, 'Drafting…');
  const metrics = el('span', { class: 'metrics', hidden: '' });
  const voice = el('p', { class: 'voice', hidden: '' });
  const close = el('button', { class: 'close', type: 'button', 'aria-label': 'Close draft' }, '×');
  header.append(el('strong', {}, 'Understudy'), engine, metrics, el('span', { class: 'spacer' }), close);
  const notice = el('p', { class: 'notice', hidden: '' });
  const status = el('div', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const progress = el('progress', { max: '1', hidden: '' });
  const textarea = el('textarea', { 'aria-label': 'Draft', rows: '4', spellcheck: 'true' });
  const insert = el('button', { type: 'button', class: 'primary' }, 'Insert');
  const queue = el('button', { type: 'button' }, 'Queue');
  const regenerate = el('button', { type: 'button' }, 'Regenerate');
  const steer = el('select', { 'aria-label': 'Steer the next draft' });
  for (const option of STEER_OPTIONS) steer.append(el('option', { value: option.value }, option.label));
  const copy = el('button', { type: 'button' }, 'Copy');
  const stop = el('button', { type: 'button', hidden: '' }, 'Stop');
  const markSent = el('button', { type: 'button', hidden: '' }, 'Mark as sent');
  const actions = el('div', { class: 'actions' });
  actions.append(insert, queue, regenerate, steer, copy, stop, markSent);
  const alert = el('p', { class: 'error', role: 'alert', hidden: '' });
  const hint = el(
    'p',
    { class: 'hint' },
    `Insert fills ${siteName(comment.site)}'s reply box. You review it and press send yourself.`,
  );
  section.append(header, notice, status, progress, textarea, voice, actions, alert, hint);
  root.append(section);

  let result: DraftResult | undefined;
  let edited = false;
  let variant = 0;
  let current: { cancel(): void } | undefined;
  let closed = false;
  let sentWatch: SentWatch | undefined;
  let sent = false;

  function setStatus(message: string) {
    status.textContent = message;
  }
  function showError(message: string) {
    alert.textContent = message;
    alert.hidden = false;
  }
  function clearError() {
    alert.hidden = true;
    alert.textContent = '';
  }
  function setBusy(busy: boolean) {
    stop.hidden = !busy;
    regenerate.disabled = busy;
    insert.disabled = busy;
    queue.disabled = busy;
  }

  function showVoice(done: DraftResult) {
    voice.hidden = !done.voice;
    if (!done.voice) return;
    const traits = done.voice.traits.length ? ` · ${done.voice.traits.join(' · ')}` : '';
    voice.textContent = `Voice match ${done.voice.score}${traits}`;
  }

  function showMetrics(done: DraftResult) {
    metrics.textContent = metricsLabel(done);
    metrics.hidden = !done.metrics;
    // Machine-readable too, for `npm run bench:model`.
    if (done.metrics) metrics.dataset.metrics = JSON.stringify(done.metrics);
    else delete metrics.dataset.metrics;
  }

  function generate() {
    current?.cancel();
    clearError();
    edited = false;
    result = undefined;
    voice.hidden = true;
    textarea.value = '';
    engine.textContent = 'Drafting…';
    notice.hidden = true;
    setStatus('Drafting a reply…');
    setBusy(true);
    const chosenSteer = isSteerId(steer.value) ? { id: steer.value } : undefined;
    current = deps.channel.start(
      comment,
      { steer: chosenSteer, variant },
      {
        onStatus(message, value) {
          setStatus(message);
          progress.hidden = value === undefined;
          if (value !== undefined) progress.value = value;
        },
        onToken(text) {
          if (!edited) textarea.value += text;
        },
        onDone(done) {
          result = done;
          current = undefined;
          if (!edited) textarea.value = done.text;
          engine.textContent = engineLabel(done);
          showMetrics(done);
          showVoice(done);
          notice.textContent = done.notice ?? '';
          notice.hidden = !done.notice;
          progress.hidden = true;
          setBusy(false);
          setStatus('Draft ready. Edit it, then Insert or Queue.');
        },
        onError(message) {
          current = undefined;
          progress.hidden = true;
          setBusy(false);
          engine.textContent = 'No draft';
          setStatus('');
          showError(message);
        },
      },
    );
  }

  function provenance() {
    const text = textarea.value.trim();
    return {
      comment,
      text,
      engineText: result?.text ?? '',
      engine: result?.engine ?? 'memory',
      model: result?.model,
      exampleIds: result?.exampleIds ?? [],
      ...(result?.factIds ? { factIds: result.factIds } : {}),
      ...(result?.metrics ? { metrics: result.metrics } : {}),
    } as const;
  }

  async function doInsert() {
    clearError();
    const text = textarea.value.trim();
    if (!text) return showError('The draft is empty. Write something or click Regenerate.');
    if (!commentElement.isConnected) return showError('This comment is no longer on the page.');
    insert.disabled = true;
    setStatus(`Opening ${siteName(comment.site)}'s reply box…`);
    try {
      const composer = await deps.adapter.openComposer(commentElement);
      if (!composer) {
        showError(`Couldn't find ${siteName(comment.site)}'s reply box for this comment. Use Copy and paste it.`);
        return;
      }
      const outcome = await insertText(composer, text, deps.adapter.submitButtonFor(composer), {
        boxLabel: `${siteName(comment.site)}'s reply box`,
      });
      if (!outcome.ok) {
        showError(outcome.reason);
        return;
      }
      setStatus(`Inserted. Review it in ${siteName(comment.site)}'s reply box and press send yourself.`);
      request('draft.inserted', provenance()).catch((error: Error) => showError(error.message));
      markSent.hidden = false;
      sentWatch?.stop();
      sentWatch = watchForSent({
        adapter: deps.adapter,
        commentElement,
        composer,
        onSent: (finalText) => void reportSent(finalText, 'seen'),
      });
    } finally {
      insert.disabled = false;
    }
  }

  /** Once per draft: the creator sent it, so its final text becomes a reply to learn from. */
  async function reportSent(finalText: string, via: 'confirmed' | 'seen') {
    if (sent || !finalText.trim()) return;
    sent = true;
    sentWatch?.stop();
    markSent.hidden = true;
    try {
      await request('draft.sent', { ...provenance(), text: finalText.trim(), via });
      setStatus(
        via === 'seen'
          ? 'Sent. Understudy will learn from the reply you posted.'
          : 'Marked as sent. Understudy will learn from this reply.',
      );
    } catch (error) {
      sent = false;
      showError((error as Error).message);
    }
  }

  async function doQueue() {
    clearError();
    if (!textarea.value.trim()) return showError('The draft is empty: there is nothing to queue.');
    try {
      await request('draft.queue', provenance());
      setStatus('Queued. Review it any time in the Understudy side panel.');
    } catch (error) {
      showError((error as Error).message);
    }
  }

  async function doCopy() {
    clearError();
    try {
      await navigator.clipboard.writeText(textarea.value);
    } catch {
      // Clipboard API refused (no focus or permission): fall back to copying the selection.
      textarea.select();
      if (!document.execCommand('copy')) return showError('Copy was blocked by the page. Select the text and copy it.');
    }
    setStatus('Copied to the clipboard.');
  }

  function teardown() {
    if (closed) return;
    closed = true;
    // An open reply box stays watched: the creator may close this editor, then press send.
    current?.cancel();
    window.clearInterval(removalTimer);
    host.remove();
    deps.onClose();
  }

  // A comment can vanish while its draft is open (deleted, list re-rendered). Keep the draft:
  // queue it so the creator finds it in the side panel, and say so.
  const removalTimer = window.setInterval(() => {
    if (commentElement.isConnected) return;
    const text = textarea.value.trim();
    if (text) {
      request('draft.queue', provenance())
        .then(() => deps.toast(`The comment by ${comment.author} was removed from the page. Your draft was saved to the queue in the side panel.`))
        .catch(() => deps.toast(`The comment by ${comment.author} was removed from the page, and your draft could not be saved. Its text: ${text}`));
    } else {
      deps.toast(`The comment by ${comment.author} was removed from the page.`);
    }
    teardown();
  }, REMOVAL_CHECK_MS);

  textarea.addEventListener('input', () => {
    edited = true;
  });
  insert.addEventListener('click', () => void doInsert());
  queue.addEventListener('click', () => void doQueue());
  copy.addEventListener('click', () => void doCopy());
  regenerate.addEventListener('click', () => {
    variant += 1;
    generate();
  });
  stop.addEventListener('click', () => {
    current?.cancel();
    current = undefined;
    setBusy(false);
    progress.hidden = true;
    setStatus('Stopped. Keep what was written, edit it, or Regenerate.');
  });
  close.addEventListener('click', teardown);
  markSent.addEventListener('click', () => void reportSent(textarea.value, 'confirmed'));

  generate();
  return { host, close: teardown };
}
