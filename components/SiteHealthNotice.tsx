/**
 * The side panel's notice for a tab whose page Understudy can't read (the site changed its
 * markup, or its reply box, or a conversation's message box, can't be found or filled): which
 * site and page kind, what it means,
 * and a diagnostic to copy for a bug report. It follows the active tab of the panel's window.
 *
 * Everything shown comes from the background's validated report (lib/site-status): the site from
 * the tab's origin, a page kind from the adapters' vocabulary, problems from a fixed list, and
 * numbers. Nothing a page wrote can appear here.
 */
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { siteName } from '@/lib/core/sites';
import { healthRecordsItem } from '@/lib/site-status/health-records';
import { diagnosticText, pageKindLabel, problemText, reportArea, type HealthReport } from '@/lib/sites/health';
import { useStorageItem } from './useStorageItem';

export const CANT_READ_TITLE = "Understudy can't read this page";

/**
 * The active tab of the window this panel belongs to. When the panel is itself open as a tab,
 * its own activation is ignored: it keeps showing the page the creator came from.
 */
export function useActiveTabId(): number | undefined {
  const [tabId, setTabId] = useState<number | undefined>(undefined);
  useEffect(() => {
    let live = true;
    let windowId: number | undefined;
    let ownTabId: number | undefined;
    const onActivated = (info: { tabId: number; windowId: number }) => {
      if (live && info.windowId === windowId && info.tabId !== ownTabId) setTabId(info.tabId);
    };
    browser.tabs.onActivated.addListener(onActivated);
    void (async () => {
      const [current, own] = await Promise.all([
        browser.windows.getCurrent().catch(() => undefined),
        browser.tabs.getCurrent().catch(() => undefined),
      ]);
      windowId = current?.id;
      ownTabId = own?.id;
      const [active] = await browser.tabs.query(windowId === undefined ? { active: true, currentWindow: true } : { active: true, windowId });
      if (live && active?.id !== undefined && active.id !== ownTabId) setTabId((previous) => previous ?? active.id);
    })().catch(() => {});
    return () => {
      live = false;
      browser.tabs.onActivated.removeListener(onActivated);
    };
  }, []);
  return tabId;
}

export function SiteHealthNotice() {
  const tabId = useActiveTabId();
  const [records] = useStorageItem(healthRecordsItem);
  const report = tabId === undefined ? undefined : records?.[String(tabId)];
  return report ? <Notice report={report} /> : null;
}

function Notice({ report }: { report: HealthReport }) {
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const site = siteName(report.site);
  const diagnostic = diagnosticText(report, site);
  // A conversation's box is its message box; a comment's, its reply box.
  const area = reportArea(report);
  const box = area === 'conversation' ? 'message box' : 'reply box';
  useEffect(() => setCopied('idle'), [diagnostic]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(diagnostic);
      setCopied('copied');
    } catch {
      setCopied('failed');
    }
  }

  return (
    <section className="banner warning stack site-health" aria-labelledby="site-health-title" style={{ margin: '12px 12px 0' }}>
      <h2 id="site-health-title">{CANT_READ_TITLE}</h2>
      <p>
        <strong>{site}</strong> · {pageKindLabel(report.pageKind)}
      </p>
      <p>
        {problemText(report.problem, area)} {site} may have changed how this page is built: Draft
        reply may be missing or unable to fill the {box} here until Understudy is updated.
      </p>
      <p className="muted">
        The diagnostic, for a bug report, holds only Understudy's own checks (what it looked for,
        how many it found), never what the page says.
      </p>
      <div className="row">
        <button type="button" onClick={() => void copy()}>
          Copy diagnostic
        </button>
        <span role="status" className="muted">
          {copied === 'copied' ? 'Diagnostic copied.' : copied === 'failed' ? "Couldn't copy: select the text below instead." : ''}
        </span>
      </div>
      <details>
        <summary>What the diagnostic holds</summary>
        {/* Focusable: it scrolls, and a keyboard user must be able to read all of it. */}
        <pre className="diagnostic" data-testid="site-diagnostic" tabIndex={0} aria-label="Diagnostic">
          {diagnostic}
        </pre>
      </details>
    </section>
  );
}
