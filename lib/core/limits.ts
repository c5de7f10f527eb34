import type { SiteId } from './sites';

/**
 * Every size limit in one place. The profile file's schema, the message and engine wire
 * schemas, the prompt builder and the UI all read these, so a profile that imports is a
 * profile every engine accepts, and no layer silently rejects what another let through.
 */

/** A comment (and a past reply's incoming text) as the page shows it. */
export const MAX_COMMENT_CHARS = 40_000;
/** A draft or an edited reply. */
export const MAX_DRAFT_CHARS = 20_000;
/** One past reply in the profile file. */
export const MAX_REPLY_CHARS = 5000;
/** A creator's display name, a handle, a greeting or sign-off. */
export const MAX_NAME_CHARS = 200;
export const MAX_VOICE_CHARS = 4000;
/** One fact, boundary, value, objective, link label or offer. */
export const MAX_ITEM_CHARS = 2000;
/** Values, objectives, boundaries, links and offers: each list. */
export const MAX_LIST_ITEMS = 500;
/** Facts on the fact sheet. */
export const MAX_FACTS = 5000;
/** Past replies one profile may hold. */
export const MAX_EXAMPLES = 200_000;
/** A URL anywhere (links, offers, permalinks, pages). */
export const MAX_URL_CHARS = 4096;
/** Past replies a draft may cite as its examples. */
export const MAX_DRAFT_EXAMPLES = 64;
/** The creator's own instruction for one draft ("mention the livestream"). */
export const MAX_CUSTOM_STEER_CHARS = 300;
/** A request id on a port. */
export const MAX_REQUEST_ID_CHARS = 64;
/**
 * A reply seen posted after an Insert is learned from only while at most this share of it
 * differs from what was inserted: past that, the text in the site's box is not the draft the
 * creator sent (a page script may have filled it), so nothing is learned.
 */
export const MAX_POSTED_CHANGE_TO_LEARN = 0.5;
/** Editor sessions kept at once (open editors across tabs); the oldest goes first. */
export const MAX_EDITOR_SESSIONS = 64;
/** Where a profile came from: a file name (255 bytes at most on every common file system). */
export const MAX_FILE_NAME_CHARS = 1024;
/** The text of the comment a reply answers, sent with the reply as its context. */
export const MAX_PARENT_CONTEXT_CHARS = 2_000;
/** A post's caption or a video's title, sent with its comments as their context. */
export const MAX_THREAD_TITLE_CHARS = 2_048;
/** A comment author's name or handle as a page shows it. */
export const MAX_AUTHOR_CHARS = 512;
/** A notice or an error message shown to the creator. */
export const MAX_MESSAGE_CHARS = 2000;
/**
 * Direct messages (issue 11): how many of a conversation's latest messages a draft reads (the
 * content script reads only these, and only when the creator asks for a draft), how long one
 * chat message may be, and how many of them one draft may answer.
 */
export const MAX_CONVERSATION_MESSAGES = 30;
export const MAX_CHAT_MESSAGE_CHARS = 10_000;
export const MAX_ANSWERED_MESSAGES = 10;
/** The creator's own "AI-assisted" note appended to inserted replies (issue 13). */
export const MAX_DISCLOSURE_CHARS = 80;
/** A model id. */
export const MAX_MODEL_ID_CHARS = 200;
/** Earlier exchanges with one commenter that may reach a prompt. */
export const MAX_CONTACT_HISTORY = 20;

/**
 * The longest reply each site's comment box takes, in characters, when the page shows no
 * counter to read it from: YouTube 10,000; Instagram 2,200; X 280 (longer for paid accounts,
 * whose box shows its own counter); TikTok 150; Facebook 8,000; LinkedIn 1,250; Reddit 10,000;
 * Threads 500; Bluesky 300.
 */
export const SITE_REPLY_LIMITS: Record<SiteId, number> = {
  youtube: 10_000,
  instagram: 2_200,
  x: 280,
  tiktok: 150,
  facebook: 8_000,
  linkedin: 1_250,
  reddit: 10_000,
  threads: 500,
  bluesky: 300,
};

/**
 * The longest direct message each site's chat composer takes, where it has DMs Understudy reads
 * (issue 11): Instagram 1,000; X 10,000; LinkedIn 8,000; Messenger 20,000; TikTok 6,000 (as the
 * sites document or enforce them; a counter on the page wins).
 */
export const SITE_DM_LIMITS: Partial<Record<SiteId, number>> = {
  instagram: 1_000,
  x: 10_000,
  linkedin: 8_000,
  facebook: 20_000,
  tiktok: 6_000,
};

/**
 * Draft all reads at most this many comments from one page (a page asked for more answers with
 * the first ones): 2,000 drafts is hours of a creator's review already.
 */
export const MAX_PAGE_COMMENTS = 2_000;
