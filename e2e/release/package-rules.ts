/**
 * What a store package must satisfy (issue 15), as pure checks over its manifest, its files and
 * the README. Each returns the problems found, in words a reviewer can act on; none means pass.
 * `packaging-check.ts` runs them on the built zip in `npm test`.
 */

/** Chrome versions that first shipped each API the extension uses unconditionally. */
export const CHROME_FEATURES: Record<string, { since: number; used: (manifest: Manifest) => boolean }> = {
  // chrome.sidePanel.setPanelBehavior (the toolbar button opens the panel).
  'side panel (setPanelBehavior)': { since: 116, used: (m) => m.permissions?.includes('sidePanel') ?? false },
  // chrome.offscreen.createDocument with the WORKERS reason (the model host).
  'offscreen documents': { since: 109, used: (m) => m.permissions?.includes('offscreen') ?? false },
  // WebGPU in extension pages and workers (the model).
  WebGPU: { since: 113, used: () => true },
  // storage.session (editor sessions, the once-per-session notices).
  'storage.session': { since: 102, used: (m) => m.permissions?.includes('storage') ?? false },
};

export interface Manifest {
  manifest_version?: number;
  minimum_chrome_version?: string;
  permissions?: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
  icons?: Record<string, string>;
  [key: string]: unknown;
}

/** The README section every permission must be justified in. */
export function permissionsSection(readme: string): string {
  const start = readme.search(/^### Permissions\s*$/m);
  if (start < 0) return '';
  const rest = readme.slice(readme.indexOf('\n', start) + 1);
  const end = rest.search(/^#{2,3} /m);
  return end < 0 ? rest : rest.slice(0, end);
}

export function unjustifiedPermissions(manifest: Manifest, readme: string): string[] {
  const section = permissionsSection(readme);
  if (!section) return ['The README has no "### Permissions" section.'];
  const all = [...(manifest.permissions ?? []), ...(manifest.optional_permissions ?? []), ...(manifest.host_permissions ?? [])];
  return all.filter((p) => !section.includes('`' + p + '`')).map((p) => `Permission ${p} is not justified in the README's Permissions section.`);
}

export function iconProblems(manifest: Manifest, files: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  for (const size of ['16', '32', '48', '128']) {
    const path = manifest.icons?.[size];
    if (!path) problems.push(`The manifest has no ${size}px icon.`);
    else if (!files.has(path)) problems.push(`The ${size}px icon ${path} is not in the package.`);
  }
  return problems;
}

export function chromeVersionProblems(manifest: Manifest): string[] {
  const declared = Number.parseInt(manifest.minimum_chrome_version ?? '', 10);
  if (!Number.isFinite(declared)) return ['The manifest has no minimum_chrome_version.'];
  const needed = Object.entries(CHROME_FEATURES).filter(([, f]) => f.used(manifest));
  const highest = Math.max(...needed.map(([, f]) => f.since));
  const problems = needed
    .filter(([, f]) => f.since > declared)
    .map(([name, f]) => `minimum_chrome_version ${declared} is below ${f.since}, needed for ${name}.`);
  // Declaring more than needed shuts out browsers that could run it.
  if (declared > highest) problems.push(`minimum_chrome_version ${declared} is above what the features used need (${highest}).`);
  return problems;
}

export function sourceMapProblems(files: ReadonlyMap<string, string>): string[] {
  const problems: string[] = [];
  for (const [path, text] of files) {
    if (path.endsWith('.map')) problems.push(`Source map ${path} is in the package.`);
    else if (/\/[/*][#@] sourceMappingURL=/.test(text)) problems.push(`${path} points to a source map.`);
  }
  return problems;
}

/**
 * Remote hosts a script may name, each with why it is data and not code. Anything else is a
 * problem: a new host must be looked at and added here with its reason.
 */
export const ALLOWED_REMOTE_HOSTS: Record<string, string> = {
  'huggingface.co': "the model weights (data) the creator chooses to download",
  'raw.githubusercontent.com': "WebLLM's own prebuilt model list names its library host; Understudy never hands that list to the engine (buildAppConfig points every library into the package)",
  'www.youtube.com': 'a supported site: its pages are matched and linked to, never loaded as code',
  'studio.youtube.com': 'a supported site',
  'www.instagram.com': 'a supported site',
  'x.com': 'a supported site',
  'mobile.twitter.com': "X's old address, recognised in links",
  'twitter.com': "X's old address, recognised in links",
  't.co': "X's link shortener, expanded or flagged in drafts",
  'pbs.twimg.com': "X's media host, recognised in links",
  'ton.x.com': "X's DM media host, recognised in links",
  'www.tiktok.com': 'a supported site',
  'www.facebook.com': 'a supported site',
  'www.messenger.com': 'a supported site (Facebook DMs)',
  'www.linkedin.com': 'a supported site',
  'www.reddit.com': 'a supported site',
  'old.reddit.com': 'a supported site',
  'www.threads.com': 'a supported site',
  'www.threads.net': 'a supported site',
  'bsky.app': 'a supported site',
  'bit.ly': 'a link shortener the claim guard recognises',
  'tinyurl.com': 'a link shortener the claim guard recognises',
  'www.w3.org': 'XML namespaces (SVG, XHTML) in React',
  'json-schema.org': 'a schema id string in zod',
  'react.dev': "React's error messages",
  'wxt.dev': "WXT's error messages",
  'github.com': "WXT's error messages (a link to one of its issues)",
  'webgpureport.org': "WebLLM's error message about WebGPU support",
  'www.apache.org': 'a licence notice',
  'example.invalid': 'a placeholder page address that never resolves',
};

const REMOTE_URL = /\bhttps?:\/\/([a-z0-9.-]+)/gi;

/** Loading code from the network, in any form a script or page could use. */
const REMOTE_CODE = [
  /\bimport\s*\(\s*["'`]https?:/,
  /\bimportScripts\s*\(\s*["'`]https?:/,
  /\bnew\s+(?:Shared)?Worker\s*\(\s*["'`]https?:/,
  /<script[^>]+src\s*=\s*["']?https?:/i,
  /<link[^>]+href\s*=\s*["']?https?:[^>]+\.(?:js|css)/i,
  /["'`]https?:\/\/[^"'`\s]+\.(?:wasm|js|mjs)["'`]/,
];

export function remoteUrlProblems(files: ReadonlyMap<string, string>): string[] {
  const problems = new Set<string>();
  for (const [path, text] of files) {
    // samples/ holds sample platform exports (an X archive's tweets.js is JavaScript by name):
    // the importer reads them as text, never runs them.
    if (!/\.(?:js|mjs|html)$/.test(path) || path.startsWith('samples/')) continue;
    for (const pattern of REMOTE_CODE) {
      const match = pattern.exec(text);
      if (match) problems.add(`${path} loads code from the network: ${match[0].slice(0, 80)}`);
    }
    for (const match of text.matchAll(REMOTE_URL)) {
      const host = match[1]!.toLowerCase().replace(/\.$/, '');
      if (!Object.hasOwn(ALLOWED_REMOTE_HOSTS, host)) problems.add(`${path} names ${host}, which is not on the allowed list (e2e/release/package-rules.ts).`);
    }
  }
  return [...problems];
}

/** The model libraries in the package: the build must ship every file it was told it had. */
export function modelLibProblems(files: ReadonlySet<string>, expected: readonly string[]): string[] {
  return expected.filter((file) => !files.has(`model-libs/${file}`)).map((file) => `Model library ${file} is not in the package.`);
}
