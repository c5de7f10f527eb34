import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { ROOT, type Session } from '../harness/launch';

export class OptionsPage {
  page!: Page;
  constructor(private readonly session: Session) {}

  async open(): Promise<this> {
    this.page = await this.session.context.newPage();
    await this.page.goto(this.session.extensionUrl('options.html'));
    return this;
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

  async deleteEverything() {
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
