/** Options: the creator's profile import, what memory holds, and deleting it all. */
import { DeleteEverything } from './DeleteEverything';
import { ImportProfile } from './ImportProfile';
import { MemorySummary } from './MemorySummary';
import { ModelSettings } from './ModelSettings';

export function OptionsPage() {
  return (
    <main className="page stack">
      <header>
        <h1>Understudy</h1>
        <p className="muted">
          Drafts replies in your voice, on this machine. Nothing you import leaves your browser,
          and nothing is ever posted for you.
        </p>
      </header>
      <ImportProfile />
      <MemorySummary />
      <ModelSettings />
      <DeleteEverything />
    </main>
  );
}
