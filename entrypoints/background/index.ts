/**
 * The service worker: creates the engine services (lib/drafting/engine-services.ts) and
 * connects them to the browser. Wiring only: every decision lives in lib/.
 */
import { browser } from 'wxt/browser';
import { getDb } from '@/lib/memory/db';
import { createRouter } from '@/lib/messaging/router';
import { classifySender, siteOfSender } from '@/lib/messaging/senders';
import { EDITOR_PORT } from '@/lib/messaging/ports';
import { ENGINE_PORT } from '@/lib/messaging/engine-protocol';
import { insertWithVoice, queueWithVoice, recordSentDraft } from '@/lib/drafting/draft-records';
import { createEditorService } from '@/lib/drafting/editor-service';
import { createEditorSessions } from '@/lib/drafting/editor-sessions';
import { editorSessionsItem, insertInTab } from '@/lib/drafting/editor-tabs';
import { withNoteFor, withoutNoteFor } from '@/lib/drafting/disclosure-settings';
import { createEngineServices } from '@/lib/drafting/engine-services';
import { createDraftAll } from '@/lib/drafting/draft-all/service';
import { createDeskRegenerate } from '@/lib/drafting/desk-regenerate';
import { startDeskIntegration } from '@/lib/drafting/desk-integration';
import { addFactFromFlag, loadGuardContext } from '@/lib/drafting/guard-context';
import { embeddingModelItem } from '@/lib/llm/embedding-settings';
import { ENGINE_IDLE_PORT, serveEngineIdlePort } from '@/lib/llm/host/idle-port';
import { createOffscreenClient } from '@/lib/llm/host/offscreen-client';
import { createInBackgroundClient, hasOffscreenDocuments } from '@/lib/llm/host/in-background-host';
import { createPageEngineHost } from '@/lib/llm/host/page-engine-host';
import { wireToolbarToDesk, type ToolbarApis } from '@/lib/desk/toolbar-opens-desk';
import { createSiteStatus } from '@/lib/site-status/service';
import { dmSwitchesItem, siteSwitchesItem } from '@/lib/site-status/switches';
import { engineOrderItem, enginePreferenceItem, idleUnloadMinutesItem } from '@/lib/llm/settings';
import { openWelcomeOnInstall } from './welcome';

export default defineBackground(() => {
  const db = getDb();
  // The engine host: an offscreen document (Chrome), or this page itself where there are none (Firefox).
  const client = hasOffscreenDocuments(browser)
    ? createOffscreenClient()
    : createInBackgroundClient({
        startHost: (onIdleUnload) =>
          createPageEngineHost({
            spawn: () => new Worker(new URL('../../lib/llm/host/webllm.worker.ts', import.meta.url), { type: 'module' }),
            onIdleUnload,
          }),
      });
  const log = (message: string, error?: unknown) => console.warn(`[Understudy] ${message}`, error ?? '');
  const { drafts, models, embeddings, kickEmbeddings, embeddingChoiceChanged } = createEngineServices({ db, client, log });
  // Draft all from the side panel; a job the worker's stop interrupted is picked up here.
  const draftAll = createDraftAll({ db, drafter: drafts, log });

  // The isolated editor: sessions opened from pages, served to the editor frames.
  const sessions = createEditorSessions({
    get: () => editorSessionsItem.getValue(),
    set: (list) => editorSessionsItem.setValue(list),
  });
  const editor = createEditorService({
    sessions,
    drafter: drafts,
    queue: (report) => queueWithVoice(db, report),
    inserted: (report) => insertWithVoice(db, report),
    sent: (report, via) => recordSentDraft(db, { ...report, via }),
    // The creator's AI-assisted note, where they asked for one, goes in with the draft.
    insertInPage: async (session, text) => insertInTab(session, await withNoteFor(session.comment.site, text)),
    guardContext: (comment, result) => loadGuardContext(db, comment, result),
    addFact: (text) => addFactFromFlag(db, text),
  });
  browser.tabs.onRemoved.addListener((tabId) => void editor.closeTab(tabId));
  // The browser starts again (it closed or crashed with editors open), or the extension was
  // updated under open editors (their frames died with it; an unpacked extension loaded from the
  // command line is installed anew at each start): their drafts go to the queue.
  const recoverOpenDrafts = () => void editor.recover().catch((e: unknown) => log('Could not recover open drafts', e));
  browser.runtime.onStartup.addListener(recoverOpenDrafts);
  browser.runtime.onInstalled.addListener(recoverOpenDrafts);
  browser.runtime.onInstalled.addListener(openWelcomeOnInstall);

  // Per-site on/off, and tabs whose page Understudy can't read (toolbar badge, side panel).
  const manifest = browser.runtime.getManifest();
  const siteStatus = createSiteStatus({
    version: manifest.version,
    defaultTitle: manifest.action?.default_title ?? 'Understudy',
  });
  browser.tabs.onRemoved.addListener((tabId) => void siteStatus.tabClosed(tabId));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void siteStatus.tabNavigated(tabId);
  });
  siteSwitchesItem.watch((switches) => void siteStatus.switchesChanged(switches ?? {}));
  dmSwitchesItem.watch(() => void siteStatus.switchesChanged());

  const identity = {
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
  };
  const deskRegenerate = createDeskRegenerate({ db, drafter: drafts });
  // Open & insert, the waiting-drafts badge, the keyboard command and the context menu.
  const desk = startDeskIntegration({ db, sessions, log });
  const route = createRouter(
    {
      'editor.open': ({ comment }, sender) => editor.open(comment, sender.tab!.id!, sender.frameId ?? 0),
      // The note is not the creator's writing: it is compared and learned without it.
      'editor.posted': async ({ sessionId, text }, sender) =>
        editor.posted(sessionId, sender.tab!.id!, await withoutNoteFor(siteOfSender(sender), text)),
      'editor.gone': ({ sessionId }, sender) => editor.gone(sessionId, sender.tab!.id!),
      'editor.edited': ({ sessionId, comment }, sender) => editor.edited(sessionId, sender.tab!.id!, comment),
      'site.health': (report, sender) => siteStatus.report(report, sender),
      'site.enabled': (_payload, sender) => siteStatus.enabled(sender),
      'model.status': () => models.status(),
      'model.download': async ({ selection }) => {
        await models.download(selection);
        return { started: true };
      },
      'model.cancel': async () => {
        await models.cancel();
        return { cancelled: true };
      },
      'model.delete': async ({ selection }) => {
        await models.remove(selection);
        return { deleted: true };
      },
      'embeddings.start': async () => {
        await embeddings.kick({ force: true });
        return { started: embeddings.running !== undefined };
      },
      'desk.draftAll': (payload) => draftAll.handle(payload),
      'desk.regenerate': ({ draftId, steer }) => deskRegenerate(draftId, steer),
      'desk.insert': ({ draftId, confirmedFlags }) => desk.insert(draftId, confirmedFlags),
    },
    identity,
  );
  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));

  browser.runtime.onConnect.addListener((port) => {
    // The engine port runs between this worker and the offscreen document; it isn't ours to judge.
    if (port.name === ENGINE_PORT) return;
    // The offscreen document unloaded its models after the idle period: close it.
    if (port.name === ENGINE_IDLE_PORT) {
      serveEngineIdlePort(port, client, { extensionId: identity.extensionId, getURL: (path) => browser.runtime.getURL(path as '/') });
      return;
    }
    // Otherwise only the isolated editor frame, in a site's tab, may hold a port to us.
    const sender = port.sender ?? {};
    const kind = classifySender(sender, identity.extensionId, identity.extensionOrigin);
    const tabId = sender.tab?.id;
    if (port.name !== EDITOR_PORT || kind !== 'editor' || tabId === undefined) {
      port.disconnect();
      return;
    }
    editor.serve(port, tabId);
  });

  // A running engine host follows a changed setting; a new one reads it when it connects.
  idleUnloadMinutesItem.watch((minutes) => void client.configure({ idleUnloadMinutes: minutes }).catch(() => {}));

  // A model download the browser interrupted continues where it stopped.
  // Every start of this worker, not only the browser's: the worker may have stopped mid-download.
  void models.resumeInterrupted().catch(() => {});

  // Replies still without a vector (a job the worker's stop cut short, a new import) get one.
  // Cheap when there is nothing to do: no engine host is started for that.
  kickEmbeddings();
  embeddingModelItem.watch(() => void embeddingChoiceChanged());
  enginePreferenceItem.watch(() => void embeddingChoiceChanged());
  engineOrderItem.watch(() => void embeddingChoiceChanged());

  // The toolbar button opens the side panel (Chrome) or the sidebar (Firefox).
  const chromeSidePanel = (globalThis as { chrome?: Pick<ToolbarApis, 'sidePanel'> }).chrome?.sidePanel;
  wireToolbarToDesk({ ...(browser as ToolbarApis), sidePanel: chromeSidePanel });
});
