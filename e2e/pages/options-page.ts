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

  /** Imports a file from the repo (path relative to its root). */
  async importFile(relativePath: string) {
    await this.importInput.setInputFiles(path.join(ROOT, relativePath));
  }

  /** Imports a file made on the fly (name + contents). */
  async importBuffer(name: string, contents: string | Buffer, mimeType = 'application/json') {
    await this.importInput.setInputFiles({ name, mimeType, buffer: Buffer.from(contents) });
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
}
