/**
 * Options, in sections a creator can scan (options-sections.ts): Profile & memory (importing
 * replies and a profile, what memory holds and where it came from), Sites, Model, and Privacy
 * (the AI-assisted note and log, deleting everything). One section shows at a time; the URL hash
 * names it, so `options.html#model` opens Model and Back returns to the section before.
 *
 * Every section stays mounted while hidden: an import preview or a download's progress is still
 * there after a look at another section.
 */
import { useEffect, useRef, useState, type MouseEvent, type ReactNode } from 'react';
import { browser } from 'wxt/browser';
import { PRIVACY_SUMMARY } from '@/lib/core/privacy';
import { DeleteEverything } from './DeleteEverything';
import { DisclosureSettings } from './DisclosureSettings';
import { ImportProfile } from './ImportProfile';
import { ImportSources } from './ImportSources';
import { MemorySummary } from './MemorySummary';
import { ModelSettings } from './ModelSettings';
import { ProfileEditor } from './ProfileEditor';
import { OPTIONS_SECTIONS, sectionFromHash, type OptionsSectionId } from './options-sections';
import { SiteSwitches } from './SiteSwitches';
import './options.css';

/** The section the hash names, following Back/Forward and links; `moved` says the creator changed it. */
function useHashSection() {
  const [section, setSection] = useState<OptionsSectionId>(() => sectionFromHash(window.location.hash));
  const moved = useRef(false);
  useEffect(() => {
    const follow = () => {
      moved.current = true;
      setSection(sectionFromHash(window.location.hash));
    };
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  const choose = (id: OptionsSectionId) => {
    moved.current = true;
    setSection(id);
  };
  return { section, choose, moved };
}

export function OptionsPage() {
  // Counts Delete everything: the import and export parts start afresh after each, so no
  // "Imported …" or "Exported …" message is left describing memory that is gone.
  const [wipes, setWipes] = useState(0);
  const { section, choose, moved } = useHashSection();
  const panels = useRef<Partial<Record<OptionsSectionId, HTMLDivElement | null>>>({});

  // A section opened by the creator takes focus, so a keyboard or screen-reader user lands in
  // it; the page as first opened keeps focus where the browser put it.
  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    panels.current[section]?.focus();
  }, [section, moved]);

  const onNav = (id: OptionsSectionId) => (event: MouseEvent<HTMLAnchorElement>) => {
    // Plain clicks only: a middle or modified click opens the section in a new tab as usual.
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    choose(id);
  };

  const body: Record<OptionsSectionId, ReactNode> = {
    profile: (
      <>
        <ImportProfile key={`import-${wipes}`} />
        <MemorySummary key={`memory-${wipes}`} />
        <ProfileEditor key={`profile-${wipes}`} />
        <ImportSources />
      </>
    ),
    sites: <SiteSwitches />,
    model: <ModelSettings />,
    privacy: (
      <>
        <section className="card stack" aria-labelledby="privacy-summary-title">
          <h2 id="privacy-summary-title">Your data</h2>
          <p>{PRIVACY_SUMMARY}</p>
          <p>
            <a href={browser.runtime.getURL('/privacy.html')} target="_blank" rel="noreferrer">
              Privacy in full
            </a>
            : what is stored, for how long, what leaves your computer (model downloads only) and how to delete it.
          </p>
        </section>
        <DisclosureSettings />
        <DeleteEverything onDeleted={() => setWipes((n) => n + 1)} />
      </>
    ),
  };

  return (
    <div className="options-page">
      <header className="options-header">
        <h1>Understudy</h1>
        <p className="muted">
          Drafts replies in your voice, on this machine. Nothing you import leaves your browser,
          and nothing is ever posted for you.
        </p>
      </header>
      <div className="options-layout">
        <nav className="options-nav" aria-label="Options sections">
          <ul>
            {OPTIONS_SECTIONS.map((s) => (
              <li key={s.id}>
                <a href={`#${s.id}`} aria-current={section === s.id ? 'page' : undefined} onClick={onNav(s.id)}>
                  {s.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main className="options-main">
          {OPTIONS_SECTIONS.map((s) => (
            <div
              key={s.id}
              ref={(el) => {
                panels.current[s.id] = el;
              }}
              id={`options-${s.id}`}
              className="options-section stack"
              data-section={s.id}
              hidden={section !== s.id}
              tabIndex={-1}
            >
              <p className="section-intro">{s.intro}</p>
              {body[s.id]}
            </div>
          ))}
        </main>
      </div>
    </div>
  );
}
