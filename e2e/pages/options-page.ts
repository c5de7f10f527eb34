import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { OPTIONS_SECTIONS, type OptionsSectionId } from '../../components/options-sections';
import { ROOT, type Session } from '../harness/launch';

export class OptionsPage {
  page!: Page;
  constructor(private readonly session: Session) {}

  /**
   * Opens Options on a section (Profile & memory when none is named: import, memory counts and
   * sources are there), by its address, as a link such as options.html#model would.
   */
  async open(section?: OptionsSectionId): Promise<this> {
    this.page = await this.session.context.newPage();
    await this.page.goto(this.session.extensionUrl(section ? `options.html#${section}` : 'options.html'));
    return this;
  }

  /** The nav of Options' sections. */
  get sectionNav(): Locator {
    return this.page.getByRole('navigation', { name: 'Options sections' });
  }
  sectionLink(section: OptionsSectionId): Locator {
    const label = OPTIONS_SECTIONS.find((s) => s.id === section)!.label;
    return this.sectionNav.getByRole('link', { name: label, exact: true });
  }
  /** Shows a section by clicking its link in the nav, as a creator would. */
  async showSection(section: OptionsSectionId) {
    const link = this.sectionLink(section);
    if ((await link.getAttribute('aria-current')) !== 'page') await link.click();
    await this.page.locator(`[data-section="${section}"]`).waitFor({ state: 'visible' });
  }

  get importInput(): Locator {
    return this.page.getByLabel('Import style profile');
  }
  get success(): Locator {
    return this.page.getByRole('status').filter({ hasText: 'Imported' });
  }
  get error(): Locator {
    return this.page.getByRole('alert');
  }
  get exampleCount(): Locator {
    return this.page.getByTestId('example-count');
  }
  get factCount(): Locator {
    return this.page.getByTestId('fact-count');
  }

  /** The preview shown before an import writes anything. */
  get importPreview(): Locator {
    return this.page.getByRole('region', { name: 'Import preview', exact: true });
  }
  get confirmImportButton(): Locator {
    return this.importPreview.getByRole('button', { name: 'Import', exact: true });
  }
  get cancelImportButton(): Locator {
    return this.importPreview.getByRole('button', { name: 'Cancel', exact: true });
  }
  /** Every source listed in Options → Sources. */
  get sources(): Locator {
    return this.page.getByTestId('source');
  }

  /** Imports a file from the repo (path relative to its root), pressing Import in the preview. */
  async importFile(relativePath: string) {
    await this.importInput.setInputFiles(path.join(ROOT, relativePath));
    await this.confirmImport(path.basename(relativePath));
  }

  /** Imports a file made on the fly (name + contents), pressing Import in the preview. */
  async importBuffer(name: string, contents: string | Buffer, mimeType = 'application/json') {
    await this.importInput.setInputFiles({ name, mimeType, buffer: Buffer.from(contents) });
    await this.confirmImport(name);
  }

  /** Chooses files (several make one export) and leaves their preview open. */
  async chooseImportFiles(files: { name: string; buffer: Buffer; mimeType?: string }[]) {
    await this.importInput.setInputFiles(files.map((f) => ({ mimeType: 'application/octet-stream', ...f })));
  }

  /** Presses Import once the preview is up; a file refused with an alert has no preview to confirm. */
  async confirmImport(fileName: string) {
    await this.importPreview.or(this.error.filter({ hasText: fileName })).first().waitFor();
    if (await this.importPreview.isVisible()) await this.confirmImportButton.click();
  }

  /** Delete everything, in Privacy (which stays shown, with its outcome; the counts are in Profile & memory). */
  async deleteEverything() {
    await this.showSection('privacy');
    await this.page.getByRole('button', { name: 'Delete everything…' }).click();
    await this.page.getByRole('button', { name: 'Yes, delete everything' }).click();
  }

  // --- Options → Model ---

  get modelSection(): Locator {
    return this.page.getByRole('region', { name: 'Model', exact: true });
  }
  get gpuSummary(): Locator {
    return this.modelSection.getByTestId('gpu-summary');
  }
  /** The model list folded into one line, as it is with no usable GPU. */
  get modelsFolded(): Locator {
    return this.modelSection.getByTestId('models-collapsed');
  }
  /** Unfolds the model list where it is folded (no usable GPU); does nothing where it is not. */
  async showAllModels() {
    await this.modelsFolded.or(this.modelSection.getByText('Recommended for this device', { exact: true })).first().waitFor();
    const show = this.modelsFolded.getByRole('button', { name: 'Show the models anyway' });
    if (await show.isVisible()) await show.click();
  }
  /** A model's row in the list, by its display name, e.g. "Qwen2.5 0.5B (32-bit shaders)". */
  modelRow(name: string): Locator {
    return this.modelSection.getByRole('group', { name, exact: true });
  }
  engineChoice(label: 'Use an AI model when possible' | 'Always use my past replies (no model)'): Locator {
    return this.modelSection.getByRole('radio', { name: label });
  }
  modelField(label: string): Locator {
    return this.modelSection.getByLabel(label, { exact: true });
  }

  // --- Options → Sites ---

  get sitesSection(): Locator {
    return this.page.getByRole('region', { name: 'Sites', exact: true });
  }
  /** A site's on/off switch, by its name ("YouTube", "X", …). */
  siteSwitch(name: string): Locator {
    return this.sitesSection.getByRole('switch', { name, exact: true });
  }
  /** A site's direct-messages switch, by the site's name: "Direct messages on X". */
  dmSwitch(site: string): Locator {
    return this.sitesSection.getByRole('switch', { name: `Direct messages on ${site}`, exact: true });
  }
  /** The one-time explanation shown before the first site's DMs are turned on. */
  get dmExplanation(): Locator {
    return this.page.getByRole('dialog', { name: /^Turn on direct messages on / });
  }
}
