/**
 * The extension pages' content security policy, as the manifest will carry it: what the side
 * panel, options and the model's offscreen document may load and connect to.
 */
import config, { EXTENSION_PAGES_CSP } from './wxt.config';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words): words is [string, ...string[]] => words[0] !== undefined && words[0] !== '')
      .map(([name, ...values]) => [name, values]),
  );
}

const policy = directives(EXTENSION_PAGES_CSP);

describe("the extension pages' content security policy", () => {
  it('is the policy the manifest carries', () => {
    expect(config.manifest).toMatchObject({ content_security_policy: { extension_pages: EXTENSION_PAGES_CSP } });
  });

  it('lets pages connect only to the extension itself and to https hosts (model downloads, a creator’s own host)', () => {
    expect(policy.get('connect-src')).toEqual(["'self'", 'https:']);
  });

  it('allows no plain http and no websockets anywhere in the policy', () => {
    const sources = [...policy.values()].flat();
    expect(sources.filter((source) => /^(http|ws|wss):/.test(source))).toEqual([]);
    expect(sources).not.toContain('*');
  });

  it('runs only the extension’s own scripts, with WebAssembly compilation for the model library', () => {
    expect(policy.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(policy.get('object-src')).toEqual(["'self'"]);
  });
});
