/**
 * Large platform exports made on the fly for the import worker's e2e spec and `npm run bench`
 * (issue 12's budgets), so no huge file is committed: an X archive zip of N tweets (most of them
 * replies) and M direct messages in 1:1 conversations with the creator, and an Instagram
 * download of M messages in T threads. Text varies per item so deduplication keeps them all.
 */
import { strToU8, zipSync } from 'fflate';

/** Light compression: quick to make, and closer to the size of a real export's text than level 6. */
const FAST = { level: 1 } as const;
const CREATOR_ID = '1298765432109876543';
const WORDS = ['starter', 'crumb', 'proof', 'oven', 'flour', 'rye', 'loaf', 'scoring', 'hydration', 'crust', 'levain', 'banneton'];

function phrase(i: number, length: number): string {
  const out: string[] = [];
  for (let k = 0; k < length; k += 1) out.push(WORDS[(i * 7 + k * 3) % WORDS.length]!);
  return out.join(' ');
}

/** X's `Sat Aug 12 16:10:37 +0000 2023`. */
function xDate(ms: number): string {
  const d = new Date(ms);
  const [wd, day, mon, year, time] = d.toUTCString().replace(',', '').split(' ') as [string, string, string, string, string];
  return `${wd} ${mon} ${day} ${time} +0000 ${year}`;
}

export function xArchiveZip(tweets: number, dms: number): Uint8Array {
  const start = Date.UTC(2019, 0, 1);
  const step = Math.floor((Date.UTC(2026, 0, 1) - start) / Math.max(1, tweets));
  const tweetItems: unknown[] = [];
  for (let i = 0; i < tweets; i += 1) {
    const reply = i % 10 !== 0;
    const retweet = i % 50 === 1;
    tweetItems.push({
      tweet: {
        id_str: String(1_600_000_000_000_000_000n + BigInt(i)),
        created_at: xDate(start + i * step),
        full_text: retweet ? `RT @bakery: ${phrase(i, 6)}` : `${reply ? `@fan${i % 997} ` : ''}Tweet ${i}: the ${phrase(i, 8)} matters most https://t.co/x${i}`,
        entities: { urls: [{ url: `https://t.co/x${i}`, expanded_url: `https://example.com/bake/${i}` }] },
        ...(reply ? { in_reply_to_status_id_str: String(1_500_000_000_000_000_000n + BigInt(i)), in_reply_to_user_id_str: String(5000 + (i % 997)), in_reply_to_screen_name: `fan${i % 997}` } : {}),
      },
    });
  }
  const perConversation = 40;
  const conversations: unknown[] = [];
  for (let c = 0; c * perConversation < dms; c += 1) {
    const other = String(7_000_000 + c);
    const messages: unknown[] = [];
    for (let k = 0; k < perConversation && c * perConversation + k < dms; k += 1) {
      const n = c * perConversation + k;
      const mine = k % 2 === 1;
      messages.push({
        messageCreate: {
          id: String(1_800_000_000_000_000_000n + BigInt(n)),
          senderId: mine ? CREATOR_ID : other,
          recipientId: mine ? other : CREATOR_ID,
          text: mine ? `Reply ${n}: try the ${phrase(n, 7)} first` : `Question ${n}: how do you handle ${phrase(n, 5)}?`,
          createdAt: new Date(start + n * 60_000).toISOString(),
          mediaUrls: [],
          urls: [],
          reactions: [],
        },
      });
    }
    conversations.push({ dmConversation: { conversationId: `${other}-${CREATOR_ID}`, messages } });
  }
  const account = [{ account: { username: 'crumbandco', accountId: CREATOR_ID, accountDisplayName: 'Maya Okafor', createdAt: '2018-08-27T09:14:02.000Z' } }];
  return zipSync({
    'data/account.js': strToU8(`window.YTD.account.part0 = ${JSON.stringify(account)}`),
    'data/tweets.js': strToU8(`window.YTD.tweets.part0 = ${JSON.stringify(tweetItems)}`),
    'data/direct-messages.js': strToU8(`window.YTD.direct_messages.part0 = ${JSON.stringify(conversations)}`),
  }, FAST);
}

/** An Instagram "Download your information" (JSON) zip: `messages` messages in `threads` 1:1 threads. */
export function instagramZip(messages: number, threads: number): Uint8Array {
  const me = 'Maya Okafor';
  const files: Record<string, Uint8Array> = {
    'personal_information/personal_information/personal_information.json': strToU8(
      JSON.stringify({ profile_user: [{ string_map_data: { Username: { value: 'crumbandco' }, Name: { value: me } } }] }),
    ),
  };
  const per = Math.ceil(messages / threads);
  const start = Date.UTC(2022, 0, 1);
  for (let t = 0; t < threads; t += 1) {
    const other = `Fan ${t}`;
    const list: unknown[] = [];
    for (let k = 0; k < per && t * per + k < messages; k += 1) {
      const n = t * per + k;
      const mine = k % 2 === 1;
      list.push({ sender_name: mine ? me : other, timestamp_ms: start + n * 60_000, content: mine ? `Reply ${n}: the ${phrase(n, 7)} is key` : `Message ${n}: what about ${phrase(n, 5)}?` });
    }
    // Meta writes messages newest first.
    list.reverse();
    files[`your_instagram_activity/messages/inbox/fan${t}_${17841400000000000 + t}/message_1.json`] = strToU8(
      JSON.stringify({ participants: [{ name: other }, { name: me }], messages: list, title: other, thread_path: `inbox/fan${t}` }),
    );
  }
  return zipSync(files, FAST);
}
