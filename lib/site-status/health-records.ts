/**
 * Which tabs show a page Understudy can't read: kept per tab in session storage (the extension's
 * own contexts only, gone when the browser closes), written by the background, read by the side
 * panel for its window's active tab.
 */
import { storage } from 'wxt/utils/storage';
import type { HealthReport } from '../sites/health';

/** Tab id (as a string key) → that tab's last unhealthy report. A healthy tab has no entry. */
export type HealthRecords = Record<string, HealthReport>;

export const healthRecordsItem = storage.defineItem<HealthRecords>('session:site.health', { fallback: {} });
