/**
 * The pages Understudy's content script runs on. Host permissions are exactly these: the
 * extension never reaches any other origin. Keep in step with the adapters in registry.ts.
 */
export const SITE_MATCHES = ['https://www.youtube.com/*'];
