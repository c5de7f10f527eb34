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
    // By name: a card also holds the private note's textbox once it is open.
    return this.card(author).getByRole('textbox', { name: `Draft reply to ${author}`, exact: true });
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

  // --- Tabs ---

  tab(name: 'Queue' | 'Voice'): Locator {
    return this.page.getByRole('tab', { name, exact: true });
  }
  tabPanel(name: 'Queue' | 'Voice'): Locator {
    return this.page.getByRole('tabpanel', { name, exact: true });
  }

  // --- On a draft card ---

  /** "Voice match 82" on a card, when the draft has a score. */
  voiceScore(author: string): Locator {
    return this.card(author).getByText(/^Voice match \d+$/);
  }
  whyButton(author: string): Locator {
    return this.card(author).getByRole('button', { name: 'Why this draft?' });
  }
  /** The past replies listed under "Why this draft?". */
  provenanceReplies(author: string): Locator {
    return this.card(author).getByRole('region', { name: 'Past replies it drew on' }).getByRole('listitem');
  }
  provenanceFacts(author: string): Locator {
    return this.card(author).getByRole('region', { name: 'Facts it drew on' });
  }
  addNoteButton(author: string): Locator {
    return this.card(author).getByRole('button', { name: `Add a private note about ${author}` });
  }
  noteBox(author: string): Locator {
    return this.card(author).getByRole('textbox', { name: `Private note about ${author}`, exact: true });
  }
  markSentButton(author: string): Locator {
    return this.card(author).getByRole('button', { name: 'Mark as sent' });
  }

  // --- The review desk (issue 14) ---

  get searchBox(): Locator {
    return this.page.getByRole('searchbox', { name: 'Search drafts' });
  }
  /** A filter by its name: 'Site', 'Status', 'Comments or DMs'. */
  filter(name: 'Site' | 'Status' | 'Comments or DMs'): Locator {
    return this.page.getByRole('combobox', { name, exact: true });
  }
  get contactFilter(): Locator {
    return this.page.getByRole('combobox', { name: 'Contact', exact: true });
  }
  get flaggedOnly(): Locator {
    return this.page.getByRole('checkbox', { name: 'Flagged only' });
  }
  get clearFilters(): Locator {
    return this.page.getByRole('button', { name: 'Clear filters' });
  }
  /** "12 on the desk", "3 of 12 shown". */
  get deskCount(): Locator {
    return this.page.locator('.queue-count .count');
  }
  /** The desk's status line: what the last action did, with Undo after a discard. */
  get deskStatus(): Locator {
    return this.page.locator('.desk-status-line');
  }
  get undoButton(): Locator {
    return this.deskStatus.getByRole('button', { name: 'Undo' });
  }
  get keysDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Keyboard keys' });
  }
  /** A site-and-thread heading on the desk, by its title. */
  threadHeading(title: string): Locator {
    return this.page.getByRole('heading', { name: title, exact: true });
  }
  /** The card the keys act on. */
  get selectedCard(): Locator {
    return this.page.locator('article[aria-current="true"]');
  }
  steer(author: string): Locator {
    return this.card(author).getByRole('combobox', { name: 'Steer the next draft' });
  }
  regenerateButton(author: string): Locator {
    return this.card(author).getByRole('button', { name: 'Regenerate' });
  }
  discardButton(author: string): Locator {
    return this.card(author).getByRole('button', { name: 'Discard' });
  }

  // --- Voice tab ---

  get voiceEmpty(): Locator {
    return this.page.getByTestId('voice-empty');
  }
  /** A number in the Voice tab by its label ("Sent unchanged", "Median edit", "Learned from"). */
  voiceStat(label: 'Sent unchanged' | 'Median edit' | 'Learned from'): Locator {
    return this.tabPanel('Voice').locator('.voice-stats > div').filter({ has: this.page.locator('dt', { hasText: label }) });
  }

  // --- Site health (the active tab's page can't be read) ---

  /** The notice "Understudy can't read this page" for the active tab. */
  get siteHealth(): Locator {
    return this.page.getByRole('region', { name: "Understudy can't read this page" });
  }
  get copyDiagnosticButton(): Locator {
    return this.siteHealth.getByRole('button', { name: 'Copy diagnostic' });
  }
  /** The diagnostic as the notice shows it (under "What the diagnostic holds"). */
  get diagnostic(): Locator {
    return this.siteHealth.getByTestId('site-diagnostic');
  }
}
