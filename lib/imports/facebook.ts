/**
 * Facebook's "Download your information" (JSON), as the reference names it
 * (../shared/docs/exports-reference.md, "Facebook"): the creator's comments
 * (`comments_v2[].data[].comment {comment, author, timestamp}`, the older `comments` wrapper,
 * group comments' `group_comments_v2`) and Messenger (`message_N.json` in inbox,
 * archived_threads, filtered_threads, message_requests and e2ee_cutover, and the end-to-end
 * encrypted chats' flat `<Name>_<N>.json`), in every folder layout from `messages/` (2018–2023)
 * through `your_activity_across_facebook/` (2024) to `your_facebook_activity/` (2025 →).
 *
 * Messenger threads are Instagram's shape, read by the Meta helpers in instagram.ts. Facebook
 * exports have no ids, only display names: the creator is the author of their own comments
 * (`comment.author`), else the profile's name; with neither, the creator is asked.
 */
import {
  SKIP,
  asRecord,
  classifyMetaFiles,
  countSkip,
  fitLimits,
  htmlOnlyError,
  pairByCreator,
  readMetaJson,
  readThreads,
  sortReplies,
  str,
  wrongShape,
  type MetaFile,
} from './instagram';
import { ImportFormatError, type ImportFile, type ImportOptions, type ImportResult, type ImportedReply, type Importer } from './types';

export const label = 'Facebook download';

const NAME = 'Facebook';

/** The comments of one file, under whichever wrapper its era used. */
function commentEntries(json: unknown): unknown[] | undefined {
  const root = asRecord(json);
  if (!root) return undefined;
  for (const key of ['comments_v2', 'group_comments_v2', 'comments']) {
    if (Array.isArray(root[key])) return root[key];
  }
  return undefined;
}

async function readComments(
  files: readonly MetaFile[],
  skipped: Record<string, number>,
  signal?: AbortSignal,
): Promise<{ replies: ImportedReply[]; authors: Map<string, number> }> {
  const seen = new Set<string>();
  const replies: ImportedReply[] = [];
  const authors = new Map<string, number>();
  for (const { file } of files) {
    signal?.throwIfAborted();
    const entries = commentEntries(await readMetaJson(file, NAME));
    if (!entries) throw wrongShape(file.path, 'has no "comments_v2" list where Facebook keeps your comments', NAME);
    entries.forEach((raw, i) => {
      const entry = asRecord(raw);
      if (!entry) throw wrongShape(file.path, `has an item that isn't a comment (item ${i + 1})`, NAME);
      const data = Array.isArray(entry.data) ? entry.data : [];
      const comment = data.map((d) => asRecord(asRecord(d)?.comment)).find((c) => c);
      const text = str(comment?.comment);
      // A comment with only a sticker, GIF or photo has an empty text (or no data at all).
      if (!text?.trim()) return countSkip(skipped, SKIP.mediaComments);
      const author = str(comment?.author);
      if (author) authors.set(author, (authors.get(author) ?? 0) + 1);
      const seconds = typeof comment?.timestamp === 'number' ? comment.timestamp : typeof entry.timestamp === 'number' ? entry.timestamp : undefined;
      // No comment ids exist: split or repeated files are deduped by time and text.
      const key = `${seconds ?? ''}\u0000${text}`;
      if (seen.has(key)) return;
      seen.add(key);
      replies.push({ reply: text, platform: 'facebook', kind: 'comment', ...(seconds !== undefined ? { date: seconds * 1000 } : {}) });
    });
  }
  return { replies, authors };
}

/** profile_information.json's `profile_v2.name.full_name` (older `profile`); not in the reference (unconfirmed). */
async function readProfileName(files: readonly MetaFile[]): Promise<string | undefined> {
  for (const { file } of files) {
    const root = asRecord(await readMetaJson(file, NAME));
    const profile = asRecord(root?.profile_v2) ?? asRecord(root?.profile);
    const name = str(asRecord(profile?.name)?.full_name);
    if (name?.trim()) return name;
  }
  return undefined;
}

async function parseFacebook(files: readonly ImportFile[], options: ImportOptions = {}): Promise<ImportResult> {
  const all = await classifyMetaFiles(files);
  const mine = all.filter((f) => f.product === 'facebook');
  const skipped: Record<string, number> = {};
  const warnings: string[] = [];

  if (all.some((f) => f.product === 'instagram')) {
    warnings.push('The Instagram files dropped with this Facebook download were not read: import the Instagram download on its own.');
  }
  const threadFiles = mine.filter((f) => f.kind === 'thread' || f.kind === 'e2ee-thread');
  const commentFiles = mine.filter((f) => f.kind === 'ig-legacy-comments-or-fb' || f.kind === 'fb-group-comments');
  const html = mine.filter((f) => f.kind === 'html-thread' || f.kind === 'html-comments');

  if (!threadFiles.length && !commentFiles.length) {
    if (html[0]) throw htmlOnlyError(html[0].file.path, NAME);
    const first = mine[0]?.file.path ?? files[0]?.path ?? 'These files';
    throw new ImportFormatError(
      first,
      mine.length
        ? `${first}: this Facebook download has no comments or messages (comments_and_reactions/comments.json, messages/inbox): request a new one with “Comments and reactions” and “Messages” ticked, in JSON format.`
        : `${first} isn't part of a Facebook download: drop the zip Facebook sent, or its your_facebook_activity folder.`,
    );
  }
  if (html.length) warnings.push(`${html[0]!.file.path} and other HTML pages were not read: only the download's JSON files are.`);

  const comments = await readComments(commentFiles, skipped, options.signal);
  const threads = await readThreads(threadFiles, skipped, NAME, options.signal);

  const authors = [...comments.authors.entries()].sort((a, b) => b[1] - a[1]).map(([name]) => name);
  const profileName = await readProfileName(mine.filter((f) => f.kind === 'fb-profile'));
  const names = [...authors, ...(profileName ? [profileName] : [])];
  const where = authors.length ? (commentFiles[0]?.file.path ?? 'your comments') : 'profile_information.json';
  const dms = pairByCreator(threads, names, options, 'facebook', where, warnings);

  const result: ImportResult = {
    format: 'facebook',
    replies: sortReplies(fitLimits([...comments.replies, ...dms.replies], skipped)),
    skipped,
    warnings,
  };
  if (dms.needsCreator) result.needsCreator = dms.needsCreator;
  return result;
}

export const facebookImporter: Importer = {
  id: 'facebook',
  label,
  async detect(files) {
    return (await classifyMetaFiles(files)).some((f) => f.product === 'facebook' && f.confirmed);
  },
  parse: parseFacebook,
};
