/**
 * Options' sections, in the order the nav lists them. Each has a stable hash, so a link such as
 * `options.html#model` (from a draft's "no WebGPU" notice, or the README) opens that section.
 */
export const OPTIONS_SECTIONS = [
  { id: 'profile', label: 'Profile & memory', intro: 'Import your replies, see what memory holds and where it came from, and export it.' },
  { id: 'sites', label: 'Sites', intro: 'Where Understudy offers Draft reply, and which direct messages it may read.' },
  { id: 'model', label: 'Model', intro: 'What writes your drafts: an AI model on your GPU, the browser’s own model, or your past replies.' },
  { id: 'privacy', label: 'Privacy', intro: 'Everything stays on this computer. Say when a reply was drafted with AI, keep a log of it, or delete everything.' },
] as const;

export type OptionsSectionId = (typeof OPTIONS_SECTIONS)[number]['id'];

export const DEFAULT_SECTION: OptionsSectionId = 'profile';

/** The section a URL hash names ("#model", "model"); the first section for anything else. */
export function sectionFromHash(hash: string): OptionsSectionId {
  const id = hash.replace(/^#/, '').toLowerCase();
  return OPTIONS_SECTIONS.find((section) => section.id === id)?.id ?? DEFAULT_SECTION;
}
