import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PRIVACY_SECTIONS, PRIVACY_SUMMARY } from './privacy';

const markdown = readFileSync(join(process.cwd(), 'PRIVACY.md'), 'utf8');

describe('the privacy statement', () => {
  it('says the same in PRIVACY.md as on the extension’s privacy page, section by section', () => {
    expect(markdown).toContain(PRIVACY_SUMMARY);
    for (const section of PRIVACY_SECTIONS) {
      expect(markdown).toContain(`## ${section.heading}\n`);
      for (const paragraph of section.paragraphs) expect(markdown).toContain(paragraph);
      for (const item of section.items ?? []) expect(markdown).toContain(`- ${item}`);
    }
  });

  it('names the only host anything is downloaded from and how to delete everything', () => {
    const text = PRIVACY_SECTIONS.flatMap((s) => s.paragraphs).join(' ');
    expect(text).toContain('huggingface.co');
    expect(text).toContain('Delete everything');
  });
});
