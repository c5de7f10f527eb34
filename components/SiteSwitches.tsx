/**
 * Options → Sites: a switch per supported site. Off, Understudy leaves that site alone: no Draft
 * reply buttons, nothing read, nothing reported (open tabs follow at once). Every site starts on.
 * Host permissions don't change: switching a site off doesn't take away the browser's permission.
 * Under them, direct messages per site (DmSwitches): off until the creator turns them on.
 */
import { SITE_IDS, siteName, type SiteId } from '@/lib/core/sites';
import { isSiteOn, siteSwitchesItem, withSite } from '@/lib/site-status/switches';
import { DmSwitches } from './DmSwitches';
import { useStorageItem } from './useStorageItem';

export function SiteSwitches() {
  const [switches, setSwitches] = useStorageItem(siteSwitchesItem);

  function toggle(site: SiteId, on: boolean) {
    void setSwitches(withSite(switches ?? {}, site, on));
  }

  return (
    <section className="card stack" aria-labelledby="sites-title">
      <h2 id="sites-title">Sites</h2>
      <p className="muted">
        Where Understudy adds Draft reply. A site switched off is left alone: no buttons, and
        nothing on its pages is read.
      </p>
      <ul className="site-switches" aria-label="Sites Understudy works on">
        {SITE_IDS.map((site) => {
          const on = isSiteOn(switches, site);
          return (
            <li key={site}>
              <label className="switch">
                <input
                  type="checkbox"
                  role="switch"
                  checked={on}
                  aria-checked={on}
                  disabled={switches === undefined}
                  onChange={(event) => toggle(site, event.currentTarget.checked)}
                />
                <span>{siteName(site)}</span>
              </label>
            </li>
          );
        })}
      </ul>
      <DmSwitches siteSwitches={switches} />
    </section>
  );
}
