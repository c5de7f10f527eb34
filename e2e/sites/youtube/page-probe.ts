/**
 * The site code under test, bundled into one script for the fixture spec to inject into the
 * page (window.UnderstudyProbe), so it runs against the fixture in real Chromium.
 */
export { youtube } from '../../../lib/sites/youtube';
export { insertText } from '../../../lib/sites/insert';
export { observeComments, scanComments } from '../../../lib/sites/observe';
