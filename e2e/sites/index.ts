/** Every site's fixtures, served by the harness and checked by the conformance suite: one line each. */
import type { SiteFixtures } from './site-fixture';
import { instagramFixtures } from './instagram/site';
import { tiktokFixtures } from './tiktok/site';
import { redditFixtures } from './reddit/site';
import { blueskyFixtures } from './bluesky/site';
import { linkedinFixtures } from './linkedin/site';
import { xFixtures } from './x/site';
import { threadsFixtures } from './threads/site';
import { youtubeFixtures } from './youtube/site';
import { facebookFixtures } from './facebook/site';

export const SITE_FIXTURES: SiteFixtures[] = [youtubeFixtures, linkedinFixtures, tiktokFixtures, instagramFixtures, redditFixtures, blueskyFixtures, xFixtures, facebookFixtures, threadsFixtures];
