import { PRIVACY_SECTIONS } from '@/lib/core/privacy';
import { PrivacyPage } from './PrivacyPage';
import { mount, type Mounted } from './test-render';

let view: Mounted;
beforeEach(() => {
  view = mount();
});
afterEach(() => view.unmount());

describe('the privacy page', () => {
  it('shows every section of the statement under its own heading, the download host named', () => {
    view.render(<PrivacyPage />);
    expect(view.container.querySelector('h1')?.textContent).toBe('Understudy privacy');
    for (const section of PRIVACY_SECTIONS) {
      const heading = [...view.container.querySelectorAll('h2')].find((h) => h.textContent === section.heading);
      expect(heading, section.heading).toBeDefined();
      const region = view.container.querySelector(`section[aria-labelledby="${heading!.id}"]`);
      expect(region?.textContent).toContain(section.paragraphs[0]);
    }
    expect(view.container.textContent).toContain('huggingface.co');
  });
});
