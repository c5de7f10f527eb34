/** Options: importing replies and a profile, what memory holds and where it came from, and deleting it all. */
import { useState } from 'react';
import { DeleteEverything } from './DeleteEverything';
import { ImportProfile } from './ImportProfile';
import { ImportSources } from './ImportSources';
import { MemorySummary } from './MemorySummary';
import { ModelSettings } from './ModelSettings';
import { DisclosureSettings } from './DisclosureSettings';
import { SiteSwitches } from './SiteSwitches';

export function OptionsPage() {
  // Counts Delete everything: the import and export parts start afresh after each, so no
  // "Imported …" or "Exported …" message is left describing memory that is gone.
  const [wipes, setWipes] = useState(0);
  return (
    <main className="page stack">
      <header>
        <h1>Understudy</h1>
        <p className="muted">
          Drafts replies in your voice, on this machine. Nothing you import leaves your browser,
          and nothing is ever posted for you.
        </p>
      </header>
      <ImportProfile key={`import-${wipes}`} />
      <MemorySummary key={`memory-${wipes}`} />
      <ImportSources />
      <ModelSettings />
      <SiteSwitches />
      <DisclosureSettings />
      <DeleteEverything onDeleted={() => setWipes((n) => n + 1)} />
    </main>
  );
}
