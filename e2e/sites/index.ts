/** Every site's fixtures, served by the harness and checked by the conformance suite: one line each. */
import type { SiteFixtures } from './site-fixture';
import { youtubeFixtures } from './youtube/site';

export const SITE_FIXTURES: SiteFixtures[] = [youtubeFixtures];
