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
}
