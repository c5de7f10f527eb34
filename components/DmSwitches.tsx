/**
 * Options → Sites → Direct messages: a switch per site whose DMs Understudy can read, named
 * "Direct messages on <Site>" (a stable surface). DMs are private, so every one starts off; the
 * first time the creator turns one on, a dialog says what is read and what is kept, and the
 * switch turns on only after "Turn on" (dmExplainedItem remembers it was read, so it is shown
 * once). A site whose comments are switched off is left alone entirely: its DM switch is
 * disabled, with the reason beside it.
 */
import { useId, useState } from 'react';
import { DM_SITES, siteName, type DmSiteId } from '@/lib/core/sites';
import { dmExplainedItem, dmSwitchesItem, isDmOn, isSiteOn, withDm, type SiteSwitches } from '@/lib/site-status/switches';
import { Dialog } from './Dialog';
import { useStorageItem } from './useStorageItem';

export function dmSwitchName(site: DmSiteId): string {
  return `Direct messages on ${siteName(site)}`;
}

export function DmSwitches({ siteSwitches }: { siteSwitches: SiteSwitches | undefined }) {
  const [dms, setDms] = useStorageItem(dmSwitchesItem);
  const [explained, setExplained] = useStorageItem(dmExplainedItem);
  // The site waiting for the creator to read the explanation, if any.
  const [asking, setAsking] = useState<DmSiteId | null>(null);
  const id = useId();
  const loading = dms === undefined || explained === undefined || siteSwitches === undefined;

  function toggle(site: DmSiteId, on: boolean) {
    if (on && !explained) {
      setAsking(site);
      return;
    }
    void setDms(withDm(dms ?? {}, site, on));
  }

  async function confirm() {
    const site = asking;
    setAsking(null);
    if (!site) return;
    await setExplained(true);
    await setDms(withDm(dms ?? {}, site, true));
  }

  return (
    <div className="stack dm-switches" role="group" aria-labelledby={`${id}-title`} aria-describedby={`${id}-intro`}>
      <h3 id={`${id}-title`}>Direct messages</h3>
      <p id={`${id}-intro`} className="muted">
        Draft reply in your private conversations too. Off until you turn a site on: Understudy reads a
        conversation only when you press Draft reply in it, and never sends a message.
      </p>
      <ul className="site-switches dm-site-switches" aria-label="Direct messages">
        {DM_SITES.map((site) => {
          const commentsOn = isSiteOn(siteSwitches, site);
          const on = commentsOn && isDmOn(dms, site);
          const reasonId = `${id}-${site}-reason`;
          return (
            <li key={site}>
              <label className="switch">
                <input
                  type="checkbox"
                  role="switch"
                  checked={on}
                  aria-checked={on}
                  disabled={loading || !commentsOn}
                  aria-describedby={commentsOn ? undefined : reasonId}
                  onChange={(event) => toggle(site, event.currentTarget.checked)}
                />
                <span>{dmSwitchName(site)}</span>
              </label>
              {!commentsOn && (
                <div id={reasonId} className="muted dm-off-reason">
                  {siteName(site)} is switched off above, so nothing there is read.
                </div>
              )}
            </li>
          );
        })}
      </ul>
      {asking && (
        <Dialog
          title={`Turn on direct messages on ${siteName(asking)}?`}
          onCancel={() => setAsking(null)}
          actions={
            <>
              <button type="button" className="primary" data-autofocus onClick={() => void confirm()}>
                Turn on
              </button>
              <button type="button" onClick={() => setAsking(null)}>
                Cancel
              </button>
            </>
          }
        >
          <DmExplanation />
        </Dialog>
      )}
    </div>
  );
}

/** What DM drafting reads and keeps, in plain words. Shown once, before the first site is turned on. */
function DmExplanation() {
  return (
    <>
      <p>
        <strong>What is read:</strong> only when you press <b>Draft reply</b> in a conversation, its latest
        messages (who wrote each, and their name), so the draft can answer them. Nothing is read before you
        ask, and no other conversation is read.
      </p>
      <p>
        <strong>What is kept:</strong> the draft, the messages it answered (to show you why it was written),
        and who it was for (their name, and a link back to the conversation). The rest of the conversation is not kept. You can forget a person, with what
        was kept of your conversations, from the side panel.
      </p>
      <p>
        <strong>Nothing leaves this computer</strong>, and nothing is ever sent for you: you read the draft,
        edit it, and press send yourself.
      </p>
    </>
  );
}
