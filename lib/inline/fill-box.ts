/**
 * Puts the creator's draft into the site's own box (a reply box or a chat composer), after they
 * pressed Insert, and says plainly what happened. When the box refuses every way in (TikTok's
 * editor takes only trusted input), the draft goes to the clipboard and the caret into the box,
 * for the creator's own paste. Nothing here ever sends.
 */
import type { InsertOutcome } from '../messaging/editor-protocol';
import { insertText } from '../sites/insert';
import type { Composer } from '../sites/types';

/** The creator pressed Insert, so the text may reach the page now: the clipboard is theirs. */
async function copyInstead(box: HTMLElement, text: string, why: string): Promise<InsertOutcome> {
  box.focus();
  const copied = await navigator.clipboard.writeText(text).then(
    () => true,
    () => false,
  );
  return {
    ok: false,
    reason: copied
      ? `${why} The draft is copied and the caret is in the box: paste it (Ctrl+V or ⌘V), then send it yourself.`
      : `${why} Use Copy, then paste it into the box.`,
  };
}

export async function fillBox(options: {
  composer: Composer;
  text: string;
  /** The site's send control: found again after each try (some appear only once there is text). */
  submit: () => HTMLElement | null;
  /** "X's reply box", "X's message box". */
  boxLabel: string;
}): Promise<InsertOutcome> {
  const { composer, text, boxLabel } = options;
  const outcome = await insertText(composer.editor, text, options.submit, {
    boxLabel,
    kind: composer.kind,
    prefix: composer.prefix,
  });
  if (outcome.ok) return { ok: true };
  return copyInstead(composer.editor, text, `${boxLabel} didn't accept the text.`);
}
