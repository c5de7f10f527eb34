/** Where Draft all's job is kept: extension storage, read by the side panel and the background. */
import { storage } from 'wxt/utils/storage';
import type { DraftAllJob } from '../../core/draft-all';

export const draftAllJobItem = storage.defineItem<DraftAllJob | null>('local:desk.draftAll', { fallback: null });
