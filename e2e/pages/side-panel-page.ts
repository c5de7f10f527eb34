import type { Locator, Page } from 'playwright-core';
import type { Session } from '../harness/launch';

export class SidePanelPage {
  page!: Page;
  constructor(private readonly session: Session) {}

  async open(): Promise<this> {
    this.page = await this.session.context.newPage();
    await this.page.setViewportSize({ width: 420, height: 900 });
    await this.page.goto(this.session.extensionUrl('sidepanel.html'));
    return this;
  }

  get cards(): Locator {
    return this.page.getByRole('article');
  }
  card(author: string): Locator {
    return this.page.getByRole('article', { name: `Draft reply to ${author}` });
  }
  draftBox(author: string): Locator {
    return this.card(author).getByRole('textbox');
  }
  /** The quoted comment a card answers. */
  quote(author: string): Locator {
    return this.card(author).locator('.quote');
  }
  get emptyQueue(): Locator {
    return this.page.getByText('No queued drafts.');
  }
  /** The banner shown while memory holds no example replies. */
  get emptyMemoryBanner(): Locator {
    return this.page.getByRole('note').filter({ hasText: 'memory is empty' });
  }
}
