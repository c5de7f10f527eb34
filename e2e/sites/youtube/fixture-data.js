/**
 * Deterministic data for the YouTube watch-page fixture: one baking channel, a few videos and a
 * list of comment threads. Plain ES module with no DOM access, shared by the fixture page
 * (served at https://www.youtube.com/__fixture/youtube/fixture-data.js) and the unit tests.
 *
 * Text segments: a comment's `text` is a string, or an array of strings and
 * `{ link, href }` objects (YouTube renders timestamps and @mentions as links inside the text).
 */

import { QA_COMMENTS, QA_VIDEO, qaSeed } from './qa-threads.js';

export { QA_COMMENTS, QA_VIDEO };

export const CHANNEL = {
  name: 'Crumb & Crust Kitchen',
  handle: '@CrumbAndCrustKitchen',
};

/** The video the page opens on when the URL has no `v` parameter. */
export const DEFAULT_VIDEO_ID = 'k3BfqS0urD0';

export const VIDEOS = {
  k3BfqS0urD0: 'My 72-Hour Sourdough Method (Open Crumb, No Stand Mixer)',
  Q7pLm2cRt9w: 'Reviving a Neglected Sourdough Starter in 3 Days',
  Zx81DsCrkRs: 'Sourdough Discard Crackers That Actually Snap',
  u4eNbGt0aVe: 'Shaping a Batard: 5 Mistakes I Made for Years',
};

/**
 * Title for a video id. The page a test opens always shows the sourdough video, whatever its
 * `v` (so any URL works); after SPA navigation an unknown id gets another video's title.
 */
export function videoTitle(videoId, { navigated = false } = {}) {
  if (videoId === QA_VIDEO.id) return QA_VIDEO.title;
  const known = VIDEOS[videoId];
  if (known) return known;
  if (!navigated) return VIDEOS[DEFAULT_VIDEO_ID];
  const others = Object.entries(VIDEOS).filter(([id]) => id !== DEFAULT_VIDEO_ID);
  return others[hash32(videoId) % others.length][1];
}

/**
 * Where in THREADS a page's comments start: 0 on the page a test opens; after navigation,
 * another point in the list (per video id), so the new page's comments differ.
 */
export function threadOffset(videoId, { navigated = false } = {}) {
  if (!navigated || videoId === DEFAULT_VIDEO_ID) return 0;
  return 1 + (hash32(videoId) % (THREADS.length - 1));
}

/** Hostile strings, exported so tests can compare what the adapter reads against them. */
export const HOSTILE = {
  imgAuthor: '<img src=x onerror=alert(1)>',
  imgText: 'Love this recipe <img src=x onerror="window.__pwned=1"> my loaf came out perfect',
  scriptText: 'Tried it twice </script><script>window.__pwned=1</script> still flat, what am I missing?',
  rtlText: 'Download the printable recipe here: recipe\u202Efdp.exe and let me know',
  zeroWidthText: 'Per\u200Bfect cr\u200Dumb, best tu\u200Btorial on the\u200D internet',
};

/** A 20,000-character comment: the kind of wall of text a page can push at the extension. */
export const HUGE_TEXT = (() => {
  const para =
    'Okay so I have been baking sourdough for eleven years and I want to walk through every ' +
    'single variable I have tested because I think people underestimate how much the flour ' +
    'protein and the water temperature interact with the bulk ferment timing. ';
  let out = '';
  while (out.length < 20_000) out += para;
  return out.slice(0, 20_000);
})();

const LONG_TEXT =
  'This is the first video that finally made it click for me. I have been baking for about two ' +
  'years and my crumb was always tight at the bottom with big tunnels at the top.\n\n' +
  'What changed: I did the coil folds every 45 minutes like you said instead of stretch and ' +
  'folds, I let the bulk go until the dough was domed and jiggly (about 60% rise in my ' +
  'straight-sided container, not doubled), and I actually preheated the Dutch oven for a full ' +
  'hour.\n\n' +
  'Two questions: 1) if my kitchen is 19°C should I extend the cold retard past 48 hours or ' +
  'just let the bulk go longer? 2) your flour is 12.7% protein — would a 11.5% all-purpose ' +
  'still hold up to 78% hydration or should I drop to 72%?\n\n' +
  'Thank you for explaining the why and not just the what.';

/**
 * The comment threads, in page order. `variant` picks the markup: 'vm' is the current
 * ytd-comment-view-model, 'legacy' the older ytd-comment-renderer still served to some users.
 */
export const THREADS = [
  {
    author: CHANNEL.handle,
    text: 'Full written recipe with grams and a printable timeline is in the description. Drop your crumb shots in the replies — I read every one! 🍞',
    time: '3 days ago',
    likes: '1.2K',
    pinned: true,
    variant: 'vm',
    replies: [
      { author: '@maria.bakes', text: 'The timeline PDF is so helpful, thank you!!', time: '3 days ago' },
      { author: '@ovenspringtheory', text: 'Printed it and stuck it on the fridge 😂', time: '2 days ago' },
    ],
  },
  {
    author: '@maria.bakes',
    text: 'My first loaf with real ear!! Never thought I would get there without a stand mixer.',
    time: '2 days ago',
    likes: '341',
    variant: 'vm',
    replies: [{ author: CHANNEL.handle, text: 'That ear!! So proud of you, Maria.', time: '2 days ago' }],
  },
  {
    author: '@danny_k',
    text: ['At ', { link: '4:12', href: '/watch?v={VID}&t=252s' }, ' you say 75°F water — is that for the autolyse too or just the levain?'],
    time: '2 days ago',
    likes: '88',
    variant: 'legacy',
  },
  {
    author: '@ovenspringtheory',
    text: 'The jiggle test explanation is the best I have seen. Bookmarking this forever.',
    time: '2 days ago',
    likes: '57',
    variant: 'vm',
  },
  {
    author: '@LiamBakesBread',
    text: 'Can I do the 72 hours with a 100% whole wheat dough or will it overproof?',
    time: '1 day ago',
    likes: '45',
    variant: 'vm',
    replies: [
      { author: '@grainnerd', text: 'Whole wheat ferments a lot faster, I would cut the cold retard to 36h.', time: '1 day ago' },
      { author: '@LiamBakesBread', text: [{ link: '@grainnerd', href: '/@grainnerd' }, ' thanks, will try that this weekend'], time: '1 day ago' },
    ],
  },
  {
    author: '@priya.cooks',
    text: '🍞🔥🔥🔥 that oven spring!!! 😍😍😍 👏👏👏 🥖✨',
    time: '1 day ago',
    likes: '33',
    variant: 'legacy',
  },
  {
    author: '@tomas.r',
    text: LONG_TEXT,
    time: '1 day ago',
    likes: '210',
    variant: 'vm',
    replies: [{ author: '@maria.bakes', text: 'Same question about the 19°C kitchen!', time: '20 hours ago' }],
  },
  {
    author: HOSTILE.imgAuthor,
    text: 'Does this method work with rye? My starter is a rye starter.',
    time: '1 day ago',
    likes: '4',
    variant: 'vm',
  },
  {
    author: '@hannah_loaves',
    text: 'Tried it and my dough was soup at hour 60. Kitchen is pretty warm (27°C). Any tips?',
    time: '1 day ago',
    likes: '19',
    variant: 'legacy',
    replies: [
      { author: '@ovenspringtheory', text: 'At 27°C I would shorten bulk a lot and use colder water.', time: '22 hours ago' },
      { author: '@hannah_loaves', text: 'Good call, thank you', time: '21 hours ago' },
      { author: '@danny_k', text: 'Ice water in the mix saved me in summer', time: '18 hours ago' },
    ],
  },
  {
    author: '@the.crumb.shot',
    text: HOSTILE.imgText,
    time: '23 hours ago',
    likes: '2',
    variant: 'vm',
  },
  {
    author: '@grainnerd',
    text: 'Small correction: the protein % on the bag is per 100 g of flour, not dry weight of the dough. Great video otherwise.',
    time: '23 hours ago',
    likes: '76',
    variant: 'vm',
  },
  {
    author: '@sam_in_the_kitchen',
    text: 'What brand is that Dutch oven? It looks lighter than a Lodge.',
    time: '22 hours ago',
    likes: '12',
    variant: 'legacy',
  },
  {
    author: '@nightshift.baker',
    text: HOSTILE.scriptText,
    time: '22 hours ago',
    likes: '1',
    variant: 'vm',
  },
  {
    author: '@julie.m',
    text: 'Made this for my dad’s birthday and he asked for the recipe. Highest honour in my family.',
    time: '21 hours ago',
    likes: '64',
    variant: 'vm',
  },
  {
    author: '@kofi.bakes',
    text: 'Is the rice flour on the banneton necessary? I only have semolina.',
    time: '21 hours ago',
    likes: '9',
    variant: 'legacy',
    replies: [{ author: '@priya.cooks', text: 'Semolina works fine, it just browns a bit more', time: '20 hours ago' }],
  },
  {
    author: '@printable.recipes.now',
    text: HOSTILE.rtlText,
    time: '20 hours ago',
    likes: '0',
    variant: 'vm',
  },
  {
    author: '@ellie_bread',
    text: 'The way you explained windowpane vs. just feeling the dough… finally makes sense.',
    time: '20 hours ago',
    likes: '22',
    variant: 'vm',
  },
  {
    author: '@marco.p',
    text: 'Scoring tip for anyone reading: hold the lame at like 30 degrees and commit to the cut. Hesitation = jagged ear.',
    time: '19 hours ago',
    likes: '130',
    variant: 'legacy',
  },
  {
    author: '@zw.joiner',
    text: HOSTILE.zeroWidthText,
    time: '19 hours ago',
    likes: '3',
    variant: 'vm',
  },
  {
    author: '@amelia.rose',
    text: 'How do you store the loaf after cutting? Mine goes stale in a day.',
    time: '18 hours ago',
    likes: '15',
    variant: 'vm',
    replies: [
      { author: '@grainnerd', text: 'Cut side down on a wooden board, no bag for the first day', time: '17 hours ago' },
    ],
  },
  {
    author: '@bread.by.ben',
    text: 'Would love a video on high-hydration focaccia with this same starter!',
    time: '18 hours ago',
    likes: '48',
    variant: 'legacy',
  },
  {
    author: '@novice.norah',
    text: 'Total beginner here. Is a kitchen scale really necessary or can I use cups?',
    time: '17 hours ago',
    likes: '11',
    variant: 'vm',
    replies: [
      { author: '@marco.p', text: 'Get a scale, honestly the best $15 you will spend', time: '16 hours ago' },
      { author: '@julie.m', text: '+1 for the scale', time: '16 hours ago' },
    ],
  },
  {
    author: '@wall.of.text',
    text: HUGE_TEXT,
    time: '16 hours ago',
    likes: '0',
    variant: 'vm',
  },
  {
    author: '@chef_ade',
    text: 'Your kitchen lighting is so cozy. Also the bread. Mostly the bread.',
    time: '16 hours ago',
    likes: '27',
    variant: 'legacy',
  },
  {
    author: '@lena.sauer',
    text: 'Grüße aus Berlin! Ich backe seit Jahren Roggenbrot, aber dein Weizen-Sauerteig ist eine neue Welt.',
    time: '15 hours ago',
    likes: '18',
    variant: 'vm',
  },
  {
    author: '@pat.the.baker',
    text: 'Why do you bake with the lid on for exactly 20 minutes? Mine needs 25 to get the ear to set.',
    time: '15 hours ago',
    likes: '6',
    variant: 'vm',
  },
  {
    author: '@yuki.pan',
    text: 'パン作り大好きです！Subtitles were great, thank you for adding Japanese 🙏',
    time: '14 hours ago',
    likes: '40',
    variant: 'legacy',
  },
  {
    author: '@rachel.eats',
    text: 'Is there a printable version of the schedule? I keep scrubbing back through the video.',
    time: '14 hours ago',
    likes: '13',
    variant: 'vm',
  },
  {
    author: '@deleted.body',
    // A thread whose text failed to render (or was removed): nothing a draft could answer.
    text: '',
    time: '13 hours ago',
    likes: '0',
    variant: 'legacy',
  },
  {
    author: '@omar.flour',
    text: 'The crackle sound at the end!! ASMR bread.',
    time: '13 hours ago',
    likes: '52',
    variant: 'vm',
  },
  {
    author: '@sourdough.steve',
    text: 'I have been doing a 48h cold retard and honestly could not taste a difference at 72h. Curious if anyone did a blind test.',
    time: '12 hours ago',
    likes: '29',
    variant: 'vm',
    replies: [
      { author: '@grainnerd', text: 'I did! 72h was noticeably more sour but the crust was paler.', time: '11 hours ago' },
    ],
  },
  {
    author: '@mama.dough',
    text: 'Made two loaves, gave one to my neighbour, now she wants lessons 😅',
    time: '12 hours ago',
    likes: '21',
    variant: 'legacy',
  },
  {
    author: '@finn.h',
    text: 'Do you ever use a baking steel instead of the Dutch oven?',
    time: '11 hours ago',
    likes: '5',
    variant: 'vm',
  },
  {
    author: '@clara.v',
    text: ['Loved the part at ', { link: '11:47', href: '/watch?v={VID}&t=707s' }, ' where the loaf sings. Pure joy.'],
    time: '11 hours ago',
    likes: '14',
    variant: 'vm',
  },
  {
    author: '@gf.baker',
    text: 'Any chance of a gluten-free version? My partner is coeliac 🥲',
    time: '10 hours ago',
    likes: '37',
    variant: 'legacy',
  },
  {
    author: '@ivan.k',
    text: 'Fed my starter at 1:5:5 like you do and it peaked in 9 hours instead of 6. Is that normal in winter?',
    time: '10 hours ago',
    likes: '8',
    variant: 'vm',
  },
  {
    author: '@brooke.bakes',
    text: 'Watching this at 2am instead of sleeping. Worth it.',
    time: '9 hours ago',
    likes: '44',
    variant: 'vm',
  },
  {
    author: '@noah_crust',
    text: 'What’s the internal temp you pull the loaf at?',
    time: '9 hours ago',
    likes: '7',
    variant: 'legacy',
    replies: [{ author: '@sam_in_the_kitchen', text: 'Around 96–98°C I think?', time: '8 hours ago' }],
  },
  {
    author: '@aisha.m',
    text: 'Could you do a video on keeping a starter alive while travelling? I always kill mine.',
    time: '8 hours ago',
    likes: '16',
    variant: 'vm',
  },
  {
    author: '@gregor.bakt',
    text: 'The crumb shot at the end made me gasp out loud.',
    time: '8 hours ago',
    likes: '31',
    variant: 'vm',
  },
  {
    author: '@leo.loaf',
    text: 'Bought the same banneton after watching this. No regrets.',
    time: '7 hours ago',
    likes: '3',
    variant: 'legacy',
  },
  {
    author: '@sofia.panadera',
    text: '¡Qué buena receta! La hice con harina de fuerza y quedó increíble.',
    time: '7 hours ago',
    likes: '12',
    variant: 'vm',
  },
  {
    author: '@ben.t',
    text: 'Is a 72h schedule ok if I only have a mini fridge that runs warm (~7°C)?',
    time: '6 hours ago',
    likes: '4',
    variant: 'vm',
  },
  {
    author: '@dough.diaries',
    text: 'Respect for showing the failed loaf too. More creators should do that.',
    time: '6 hours ago',
    likes: '98',
    variant: 'legacy',
    replies: [
      { author: CHANNEL.handle, text: 'Flat loaves are half of my camera roll, honestly.', time: '5 hours ago' },
      { author: '@dough.diaries', text: 'Haha that makes me feel better', time: '5 hours ago' },
    ],
  },
  {
    author: '@meghan.w',
    text: 'How much levain would you use if you wanted to finish in 24 hours instead?',
    time: '5 hours ago',
    likes: '6',
    variant: 'vm',
  },
  {
    author: '@theo.makes',
    text: 'The music in this one is so calm. What track is it?',
    time: '5 hours ago',
    likes: '2',
    variant: 'vm',
  },
  {
    author: '@karin.bakes',
    text: 'My loaf spread sideways in the oven. Underproofed or weak shaping?',
    time: '4 hours ago',
    likes: '9',
    variant: 'legacy',
  },
  {
    author: '@hugo.bread',
    text: 'Followed to the gram. 10/10. Family destroyed it in 20 minutes.',
    time: '4 hours ago',
    likes: '25',
    variant: 'vm',
  },
  {
    author: '@lucy.starter',
    text: 'Named my starter after you. Hope that’s ok 😂',
    time: '3 hours ago',
    likes: '61',
    variant: 'vm',
  },
  {
    author: '@mike.r',
    text: 'Do you sell the lame you use? Couldn’t find a link.',
    time: '3 hours ago',
    likes: '1',
    variant: 'legacy',
  },
  {
    author: '@zara.k',
    text: 'Saving this for the weekend 💛',
    time: '2 hours ago',
    likes: '0',
    variant: 'vm',
  },
  {
    author: '@pete.bakes',
    text: 'Can I use this dough for pizza after the 72h ferment?',
    time: '2 hours ago',
    likes: '3',
    variant: 'vm',
  },
  {
    author: '@olga.b',
    text: 'Which oven setting — fan or conventional?',
    time: '1 hour ago',
    likes: '0',
    variant: 'legacy',
  },
  {
    author: '@anna.crumb',
    text: 'This channel is my happy place.',
    time: '54 minutes ago',
    likes: '5',
    variant: 'vm',
  },
  {
    author: '@raj.bakes',
    text: 'Tried with 50% spelt and it was amazing, very nutty.\nThe dough was stickier though, so I did one extra fold.',
    time: '31 minutes ago',
    likes: '2',
    variant: 'vm',
  },
  {
    author: '@first.timer',
    text: 'Just subscribed!',
    time: '12 minutes ago',
    likes: '0',
    variant: 'legacy',
  },
];

/** FNV-1a 32-bit, for deterministic ids and picks. */
export function hash32(input) {
  let h = 0x811c9dc5;
  for (let i = 0; i < input.length; i++) {
    h ^= input.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function idChars(seed, length) {
  let out = '';
  let h = hash32(seed);
  for (let i = 0; i < length; i++) {
    h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0;
    h = (h + 0x9e3779b9 + i) >>> 0;
    out += ID_CHARS[h % ID_CHARS.length];
  }
  return out;
}

/** YouTube-shaped comment id (top-level ids look like "Ugx…4AaABAg"). */
export function threadId(videoId, index) {
  return `Ugx${idChars(`${videoId}#${index}`, 19)}4AaABAg`;
}

/** Reply ids are the parent's id, a dot, and the reply's own id. */
export function replyId(parentId, replyIndex) {
  return `${parentId}.A${idChars(`${parentId}/${replyIndex}`, 21)}`;
}

/**
 * The thread shown at position `index` on a video's page, reading THREADS from `offset` (see
 * threadOffset). Past the end of the list the data cycles with fresh ids, so `?threads=2000`
 * gives 2,000 distinct threads. Only the first thread of a page can be pinned. Ids depend on
 * the video id and position only.
 */
export function threadAt(videoId, index, offset = 0) {
  // The Q&A video (Draft all) has its own 60 comments.
  const base = videoId === QA_VIDEO.id ? qaSeed(index) : THREADS[(index + offset) % THREADS.length];
  const id = threadId(videoId, index);
  return {
    id,
    author: base.author,
    text: base.text,
    time: base.time,
    likes: base.likes,
    variant: base.variant,
    pinned: Boolean(base.pinned) && index === 0,
    replies: (base.replies ?? []).map((r, i) => ({
      id: replyId(id, i),
      author: r.author,
      text: r.text,
      time: r.time,
    })),
  };
}

/** The plain text of a comment's segments, as a reader of the page sees it. */
export function plainText(text) {
  if (typeof text === 'string') return text;
  return text.map((s) => (typeof s === 'string' ? s : s.link)).join('');
}

/** The channel's Shorts, in feed order (the Shorts player preloads each one's neighbours). */
export const SHORTS = [
  { id: 'crumbShort1', title: 'The 10-second crumb check', comments: '1.2K', likes: '48K' },
  { id: 'ovenSpr1ng2', title: 'Oven spring in slow motion', comments: '864', likes: '31K' },
  { id: 'scoreW3at3r', title: 'One cut, one ear: scoring a batard', comments: '402', likes: '12K' },
];
