/**
 * What every site's conversation (DM) fixture shares: the conversations the sample creator (a
 * sourdough baker) has on every platform, a chat composer's send-on-Enter rule, and the hooks the
 * conversation conformance suite reads on `window.__fixture` (shape: ChatFixtureApi in
 * e2e/sites/fixture-api.ts).
 *
 * A site's DM fixture renders these with its own markup (bubbles, sender marks, a virtualized
 * list where the site has one) and its editor's real rule (composers.js), then calls
 * installChatApi. Text is always set as text: the hostile corpus is in here on purpose.
 */
import { HOSTILE } from './kit.js';

/** The creator, as chat pages show their own messages. */
export const ME = { name: 'You', handle: 'crumbandcrust' };

/**
 * The one-to-one conversation: a fan's photo, then the question the sample profile's past
 * replies answer (the memory engine drafts for it). The latest incoming run is the photo and the
 * question; an earlier message (the voice note's follow-up) can be answered instead.
 */
export const DM_ONE_TO_ONE = {
  id: 'maria-1001',
  title: 'Maria',
  group: false,
  messages: [
    { id: 'm1', from: 'them', sender: 'Maria', handle: 'maria.bakes', text: 'Hi! I watched your banneton video last night', at: '2026-11-20T09:00:00.000Z' },
    { id: 'm2', from: 'me', sender: 'You', text: 'Hi Maria, thanks for watching!', at: '2026-11-20T09:05:00.000Z' },
    { id: 'm3', from: 'them', sender: 'Maria', handle: 'maria.bakes', media: 'voice', text: '', at: '2026-11-21T10:00:00.000Z' },
    { id: 'm4', from: 'them', sender: 'Maria', handle: 'maria.bakes', text: 'Does this method work with rye?', at: '2026-11-21T10:01:00.000Z' },
    { id: 'm5', from: 'me', sender: 'You', text: 'It does, rye ferments faster though.', at: '2026-11-21T11:00:00.000Z' },
    { id: 'm6', from: 'them', sender: 'Maria', handle: 'maria.bakes', media: 'photo', text: '', at: '2026-11-26T18:00:00.000Z' },
    { id: 'm7', from: 'them', sender: 'Maria', handle: 'maria.bakes', text: 'Is the rice flour on the banneton necessary?', at: '2026-11-26T18:01:00.000Z' },
  ],
};
/** The message a draft answers by default in DM_ONE_TO_ONE, and an earlier one to pick instead. */
export const DM_LATEST = 'Is the rice flour on the banneton necessary?';
export const DM_EARLIER = 'Does this method work with rye?';

/**
 * A group chat with two other people: the one who wrote last is answered by default; the other's
 * question is one pick away.
 */
export const DM_GROUP = {
  id: 'club-2002',
  title: 'Sourdough club',
  group: true,
  messages: [
    { id: 'g1', from: 'them', sender: 'Grain Nerd', handle: 'grainnerd', text: 'Does this method work with rye?', at: '2026-11-25T08:00:00.000Z' },
    { id: 'g2', from: 'them', sender: 'Danny K', handle: 'danny_k', text: 'How do you store the loaf after cutting?', at: '2026-11-25T08:02:00.000Z' },
  ],
};
export const GROUP_LATEST_SENDER = 'Danny K';
export const GROUP_OTHER_SENDER = 'Grain Nerd';

/** The hostile corpus as a conversation: markup, a script tag, RTL, zero-width, a wall of text. */
export const DM_HOSTILE = {
  id: 'hostile-3003',
  title: HOSTILE.imgAuthor,
  group: false,
  messages: [
    { id: 'h1', from: 'them', sender: HOSTILE.imgAuthor, handle: 'img_author', text: HOSTILE.imgText },
    { id: 'h2', from: 'them', sender: HOSTILE.imgAuthor, handle: 'img_author', text: HOSTILE.rtlText },
    { id: 'h3', from: 'them', sender: HOSTILE.imgAuthor, handle: 'img_author', text: HOSTILE.zeroWidthText },
    { id: 'h4', from: 'them', sender: HOSTILE.imgAuthor, handle: 'img_author', text: HOSTILE.scriptText },
  ],
};

/** Every conversation a fixture's inbox lists, in order. */
export const CONVERSATIONS = [DM_ONE_TO_ONE, DM_GROUP, DM_HOSTILE];

/** The words a site would show for a media message, read back by the adapter as placeholders. */
export const MEDIA_LABELS = { photo: 'Photo', voice: 'Voice message', video: 'Video', sticker: 'Sticker' };

/** Deterministic filler messages for long conversations (5,000+), alternating senders. */
export function fillerMessage(i, other = DM_ONE_TO_ONE.messages[0]) {
  const mine = i % 3 === 2;
  return mine
    ? { id: `f${i}`, from: 'me', sender: 'You', text: `Reply ${i}: happy baking!`, at: new Date(Date.UTC(2025, 0, 1, 0, i)).toISOString() }
    : { id: `f${i}`, from: 'them', sender: other.sender, handle: other.handle, text: `Message ${i}: a question about the crumb`, at: new Date(Date.UTC(2025, 0, 1, 0, i)).toISOString() };
}

/**
 * A chat composer's rule on the real sites: Enter sends (Shift+Enter breaks the line). Any key
 * event that reaches the composer and isn't the creator's own is counted: Understudy must never
 * dispatch one (it could send). `send()` is the site sending the message.
 */
export function guardEnterToSend(editor, send) {
  let synthetic = 0;
  editor.addEventListener(
    'keydown',
    (event) => {
      if (!event.isTrusted) synthetic += 1;
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        send();
      }
    },
    true,
  );
  return { syntheticKeyEvents: () => synthetic };
}

/**
 * The hooks on window.__fixture for a conversation page (ChatFixtureApi). `api` supplies the
 * site-specific parts: page(), composerState(), keyEvents(), receive(), recycle(), fill().
 * Returns recordSend for the site's own send paths (Enter, the Send button).
 */
export function installChatApi(view, api) {
  const sent = [];
  view.__fixture = {
    ...(view.__fixture ?? {}),
    sent: () => [...sent],
    ...api,
  };
  return {
    recordSend(entry) {
      sent.push(entry);
    },
  };
}
