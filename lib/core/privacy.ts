/**
 * The privacy statement, once: the extension's privacy page (entrypoints/privacy) renders it, and
 * PRIVACY.md carries the same text (privacy.test.ts holds them together). Plain sentences a
 * creator can check against what the extension does; each names where to look or what to press.
 */
export interface PrivacySection {
  heading: string;
  paragraphs: readonly string[];
  items?: readonly string[];
}

export const PRIVACY_SUMMARY =
  'Understudy keeps everything it knows about you and your audience in this browser, on this computer. It sends none of it anywhere, and it never posts anything: you press send on the site yourself.';

export const PRIVACY_SECTIONS: readonly PrivacySection[] = [
  {
    heading: 'What is stored',
    paragraphs: ['In the browser’s IndexedDB database "understudy", in your browser profile:'],
    items: [
      'your style profile, fact sheet, links, offers and boundaries, as you imported or edited them;',
      'your past replies (from the files you imported and the replies you sent after a draft), and the comments or messages they answered;',
      'people you have replied to (a name, a handle, your private notes, your past exchanges);',
      'drafts: the comment or the messages a draft answers, the draft, what you changed, and whether you inserted or sent it;',
      'the files you imported, by name and date, with the consent you gave for each;',
      'numeric vectors of your replies, when you turned on Better matching.',
    ],
  },
  {
    heading: 'Settings and temporary state',
    paragraphs: [
      'In the extension’s own storage: which sites and direct messages you switched on, your model and engine choices, your AI-assisted note, and the progress of a Draft all job. A draft still open in an editor when the browser closes (or crashes) is kept there and goes to your queue when the browser starts again. Which pages Understudy could not read is kept only until the browser closes.',
      'Models you download are kept in the browser’s cache for extensions.',
    ],
  },
  {
    heading: 'How long',
    paragraphs: [
      'Until you delete it. Nothing expires on its own, so that your memory keeps your voice. A discarded draft stays in the database until you delete everything.',
    ],
  },
  {
    heading: 'What leaves your computer',
    paragraphs: [
      'Only model downloads, and only when you start one in Options → Model: the model weights (data) come from huggingface.co, or from the address you gave for your own model. The request carries nothing of yours. The model libraries (code) are inside the extension.',
      'Nothing else: no analytics, no crash reports, no account, no server of ours. Understudy reads the pages of the supported sites you open, and puts a draft into a site’s reply box only when you press Insert; the site receives your reply when you press send.',
    ],
  },
  {
    heading: 'What the sites’ pages can see',
    paragraphs: [
      'Nothing of your memory. A draft is written in an extension frame the page cannot read, and reaches the page only when you press Insert or Copy.',
    ],
  },
  {
    heading: 'How to delete everything',
    paragraphs: [
      'Options → Privacy → Delete everything removes your whole memory at once: profile, facts, replies, people, drafts and the record of imported files. A downloaded model is deleted with its Delete button in Options → Model. To forget one imported file, use Forget on it in Options → Profile & memory; to forget one person, use Forget on their conversation in the side panel. Removing the extension deletes everything, settings and models included.',
    ],
  },
];
