/** A small message in the page corner for events that outlive the editor (a vanished comment). */
import { createShadowHost, el } from './shadow-host';
import { toastCss } from './styles';

const TOAST_MS = 12_000;

export function showToast(message: string): void {
  const { host, root } = createShadowHost('understudy-toast', toastCss);
  const box = el('div', { role: 'alert' }, message);
  const dismiss = el('button', { type: 'button' }, 'Dismiss');
  dismiss.addEventListener('click', () => host.remove());
  box.append(el('br'), dismiss);
  root.append(box);
  document.body.append(host);
  window.setTimeout(() => host.remove(), TOAST_MS);
}
