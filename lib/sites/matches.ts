import { SITE_IDS, SITE_ORIGINS } from '../core/sites';

/**
 * The pages Understudy's content script runs on. Host permissions are exactly these: the
 * extension never reaches any other origin. Derived from the one list of site origins.
 */
export const SITE_MATCHES: string[] = SITE_IDS.flatMap((site) => SITE_ORIGINS[site].map((origin) => `${origin}/*`));
