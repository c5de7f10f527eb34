/**
 * Writes drafts straight into the extension's database from one of its pages, in one
 * transaction, as if the product had saved them: for tests and benchmarks that need many drafts
 * without drafting each. A raw write wakes no Dexie live query; callers reload the page after.
 */
import type { Page } from 'playwright-core';
import type { DraftRow } from '../../lib/memory/db';

export async function seedDrafts(page: Page, rows: Omit<DraftRow, 'id'>[], options: { replace?: boolean } = {}): Promise<void> {
  await page.evaluate(
    async ({ rows: all, replace }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('understudy');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction('drafts', 'readwrite');
        if (replace) tx.objectStore('drafts').clear();
        for (const row of all) tx.objectStore('drafts').add(row);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { rows, replace: options.replace === true },
  );
}
