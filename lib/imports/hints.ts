/**
 * What to do when no importer recognises the files, in plain words: the usual ways a creator
 * ends up with the wrong download (exports-reference.md's pitfalls). Each hint is recognised
 * from the files' names (and a first look at their text); the first that fits is given.
 */
import { baseName } from './files';
import type { ImportFile } from './types';

interface Hint {
  fits(paths: readonly string[], files: readonly ImportFile[]): boolean | Promise<boolean>;
  text: string;
}

const has = (paths: readonly string[], test: RegExp) => paths.some((p) => test.test(p));
const htmlOnly = (paths: readonly string[]) => has(paths, /\.html?$/i) && !has(paths, /\.json$/i);

/** Other services' downloads, by a file only they have. */
const OTHER_SERVICES: [RegExp, string][] = [
  [/(^|\/)(repo\.car|com\.atproto\.sync\.getRepo)$/i, 'a Bluesky repository export'],
  [/(^|\/)messages\/index\.json$|(^|\/)account\/user\.json$/i, 'a Discord data package'],
  [/(^|\/)result\.json$/i, 'a Telegram export'],
  [/(^|\/)_chat\.txt$|WhatsApp Chat/i, 'a WhatsApp chat export'],
  [/(^|\/)chat_history\.json$|(^|\/)snap_history\.json$/i, 'a Snapchat download'],
  [/(^|\/)StreamingHistory.*\.json$|(^|\/)Spotify/i, 'a Spotify download'],
  [/(^|\/)threads\/threads_and_replies\.json$/i, 'a Threads export'],
];

const HINTS: Hint[] = [
  {
    fits: (paths) => htmlOnly(paths) && has(paths, /your_instagram_activity|(^|\/)start_here\.html$|instagram/i),
    text: 'This looks like the HTML version of your Instagram download: Understudy reads the JSON one. Request your information again from Instagram (Accounts Center → Your information and permissions → Download your information) and choose Format: JSON.',
  },
  {
    fits: (paths) => htmlOnly(paths) && has(paths, /your_facebook_activity|your_activity_across_facebook|messages\/inbox\/.*\.html$/i),
    text: 'This looks like the HTML version of your Facebook download: Understudy reads the JSON one. Request your information again (Accounts Center → Download your information) and choose Format: JSON.',
  },
  {
    fits: (paths) => has(paths, /(^|\/)Takeout\//) && !has(paths, /\.csv$/i) && !has(paths, /my-comments/i),
    text: 'This Google Takeout holds no YouTube comments. Request a new one at takeout.google.com with "YouTube and YouTube Music" selected and, under "All YouTube data included", "comments" ticked.',
  },
  {
    fits: (paths) => has(paths, /(^|\/)Takeout\//) && has(paths, /YouTube/i) && !has(paths, /comment|comentario|kommentar|reactie|коммент|коментар/i),
    text: 'This Google Takeout has YouTube data but no comments. Request a new one at takeout.google.com with "comments" ticked under "All YouTube data included".',
  },
  {
    fits: (paths) => has(paths, /direct-message(s)?(-group)?-headers\.js$/) && !has(paths, /(tweets?|direct-messages?)(-part\d+)?\.js$/),
    text: 'These are the headers of your X messages, without their text. Choose the whole archive zip (or its data/ folder) instead.',
  },
];

/** A sentence on what to do, or undefined when nothing about the files says what went wrong. */
export async function refusalHint(files: readonly ImportFile[]): Promise<string | undefined> {
  const paths = files.map((f) => f.path);
  for (const [test, service] of OTHER_SERVICES) {
    if (has(paths, test)) {
      return `This looks like ${service}, which Understudy doesn't read. Choose the download from the platform where you reply to your audience (X, Instagram, Facebook, YouTube, TikTok, Reddit or LinkedIn), or a CSV of your replies.`;
    }
  }
  for (const hint of HINTS) if (await hint.fits(paths, files)) return hint.text;
  if (paths.length > 0 && paths.every((p) => /\.(jpe?g|png|gif|webp|mp4|mov|heic)$/i.test(baseName(p)))) {
    return 'It holds only photos and videos. Choose the export itself (the zip the platform sent, or its folder), not its media.';
  }
  return undefined;
}
