/**
 * The import worker: parses the creator's export off the Options page's thread, so a 100,000-tweet
 * archive never freezes the page (issue 12). One worker per import; Cancel terminates it, which
 * is safe because it only reads (the page writes after the creator confirms). Spawned by
 * components/ImportProfile.tsx through import-runner.ts.
 */
import { getDb } from '../memory/db';
import { handlePrepare } from './import-worker';
import type { FromImportWorker, PrepareRequest } from './import-worker-protocol';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<PrepareRequest>) => void) | null;
  postMessage(message: FromImportWorker): void;
};

scope.onmessage = (event) => {
  if (event.data?.type !== 'prepare') return;
  void handlePrepare(getDb(), event.data, (message) => scope.postMessage(message));
};
