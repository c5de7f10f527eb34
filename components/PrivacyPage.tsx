/** The privacy page (privacy.html): the statement from lib/core/privacy.ts, as text. */
import { PRIVACY_SECTIONS, PRIVACY_SUMMARY } from '@/lib/core/privacy';

export function PrivacyPage() {
  return (
    <main className="privacy-page stack">
      <h1>Understudy privacy</h1>
      <p className="lead">{PRIVACY_SUMMARY}</p>
      {PRIVACY_SECTIONS.map((section) => (
        <section key={section.heading} aria-labelledby={headingId(section.heading)} className="stack">
          <h2 id={headingId(section.heading)}>{section.heading}</h2>
          {section.paragraphs.map((text) => (
            <p key={text}>{text}</p>
          ))}
          {section.items && (
            <ul>
              {section.items.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </main>
  );
}

const headingId = (heading: string) => `privacy-${heading.toLowerCase().replace(/[^a-z]+/g, '-')}`;
