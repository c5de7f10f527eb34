/**
 * The import worker: parses the creator's export off the Options page's thread, so a 100,000-tweet
 * archive never freezes the page (issue 12). One worker per import; Cancel terminates it, which
 * is safe because it only reads (the page writes after the creator confirms). Spawned by
 * components/ImportProfile.tsx through import-runner.ts.
 */
import { getDb } from '../memory/db';
import type { ReplyInput } from './add-source';
import { detectLanguages, handlePrepare } from './import-worker';
import type { FromImportWorker, ToImportWorker } from './import-worker-protocol';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ToImportWorker>) => void) | null;
  postMessage(message: FromImportWorker): void;
};

/** Detected as soon as the preview is sent, while the creator reads it. */
let languages: Promise<string[]> | undefined;

scope.onmessage = (event) => {
  if (event.data?.type === 'prepare') {
    const prepared: Promise<ReplyInput[]> = handlePrepare(getDb(), event.data, (message) => scope.postMessage(message));
    languages = prepared.then(detectLanguages);
  } else if (event.data?.type === 'languages' && languages) {
    void languages.then((list) => scope.postMessage({ type: 'languages', languages: list }));
  }
};
