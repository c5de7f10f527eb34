/**
 * The page the background opens once, when Understudy is installed (entrypoints/welcome): turn
 * on your platforms, bring your voice in (how to request each platform's data download, and
 * where to drop the file when it arrives), or try the sample creator first.
 */
import { useState } from 'react';
import { browser } from 'wxt/browser';
import { plural } from '@/lib/imports/import-flow';
import { getDb } from '@/lib/memory/db';
import { importSample, SAMPLE_FILE_NAME } from '@/lib/profile/sample';
import './options.css';

/** How each platform whose data download Understudy reads hands it out. */
const DOWNLOADS: { name: string; steps: string }[] = [
  { name: 'YouTube', steps: 'Google Takeout (takeout.google.com): select only "YouTube and YouTube Music", include comments, and export once.' },
  { name: 'Instagram', steps: 'Accounts Center → Your information and permissions → Download your information; choose JSON.' },
  { name: 'X', steps: 'Settings and privacy → Your account → Download an archive of your data.' },
  { name: 'TikTok', steps: 'Settings and privacy → Account → Download your data; choose JSON.' },
  { name: 'Facebook', steps: 'Accounts Center → Your information and permissions → Download your information; choose JSON.' },
  { name: 'LinkedIn', steps: 'Settings → Data privacy → Get a copy of your data.' },
  { name: 'Reddit', steps: 'Settings → Privacy → Request your data (reddit.com/settings/data-request).' },
];

export function WelcomePage() {
  const options = (section: string) => browser.runtime.getURL(`/options.html#${section}`);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string }>();
  const [busy, setBusy] = useState(false);

  async function trySample() {
    setBusy(true);
    setOutcome(undefined);
    try {
      const response = await fetch(browser.runtime.getURL(`/samples/${SAMPLE_FILE_NAME}`));
      const summary = await importSample(getDb(), await response.text());
      setOutcome({
        ok: true,
        text: `Imported the sample creator: ${plural(summary.examples, 'reply', 'replies')} and ${plural(summary.facts, 'fact', 'facts')}. Forget it any time in Options → Profile & memory.`,
      });
    } catch (error) {
      setOutcome({ ok: false, text: `The sample was not imported: ${(error as Error).message}` });
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="options-page stack welcome-page">
      <header className="options-header">
        <h1>Welcome to Understudy</h1>
        <p className="muted">Drafts replies in your voice, on this machine. Nothing is ever posted for you.</p>
      </header>

      <section className="card stack" aria-labelledby="welcome-sites">
        <h2 id="welcome-sites">1. Turn on your platforms</h2>
        <p>
          Choose where the Draft reply button appears: <a href={options('sites')}>Options → Sites</a>.
        </p>
      </section>

      <section className="card stack" aria-labelledby="welcome-voice">
        <h2 id="welcome-voice">2. Bring your voice in</h2>
        <p>
          Request your data download from each platform you reply on. It can take from minutes to a few days; when
          the file arrives, drop it on <a href={options('profile')}>Options → Profile &amp; memory</a> as it came (zip or
          folder). Your name, facts and boundaries go in the profile there.
        </p>
        <ul className="welcome-cards">
          {DOWNLOADS.map((d) => (
            <li key={d.name} className="card stack" aria-label={d.name}>
              <h3>{d.name}</h3>
              <p>{d.steps}</p>
              <a href={options('profile')}>Import it in Options</a>
            </li>
          ))}
        </ul>
      </section>

      <section className="card stack" aria-labelledby="welcome-sample">
        <h2 id="welcome-sample">Or try the sample creator</h2>
        <p>Maya, a baker: her replies, facts and boundaries. Marked as the sample, and easy to forget later.</p>
        <div className="row">
          <button type="button" className="primary" disabled={busy} onClick={() => void trySample()}>
            Try the sample creator
          </button>
        </div>
        {outcome && <p role={outcome.ok ? 'status' : 'alert'} className={outcome.ok ? 'banner success' : 'banner error'}>{outcome.text}</p>}
      </section>
    </main>
  );
}
