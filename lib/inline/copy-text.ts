/**
 * Copy from the editor frame. The Clipboard API needs the frame's `clipboard-write` permission
 * (granted by the hosting iframe's `allow`), which a browser or the page's permissions policy may
 * still refuse; the selection fallback works wherever a user gesture is in progress.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    const copied = document.execCommand('copy');
    area.remove();
    return copied;
  }
}
