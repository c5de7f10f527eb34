import { chromeVersionProblems, iconProblems, remoteUrlProblems, sourceMapProblems, unjustifiedPermissions } from './package-rules';

const README = ['# X', '### Permissions', 'We ask for `storage` and host access to `https://x.com/*`.', '### Next', '`sidePanel` here is too late'].join('\n');

describe('the store package check', () => {
  it('names a permission the README does not justify in its Permissions section', () => {
    const problems = unjustifiedPermissions({ permissions: ['storage', 'sidePanel'], host_permissions: ['https://x.com/*'] }, README);
    expect(problems).toEqual(["Permission sidePanel is not justified in the README's Permissions section."]);
  });

  it('asks for the four store icon sizes, present in the package', () => {
    const problems = iconProblems({ icons: { '16': 'icon/16.png', '32': 'icon/32.png', '48': 'icon/48.png', '128': 'icon/128.png' } }, new Set(['icon/16.png', 'icon/32.png', 'icon/48.png']));
    expect(problems).toEqual(['The 128px icon icon/128.png is not in the package.']);
  });

  it('holds the minimum Chrome version to the newest feature used, neither below nor above', () => {
    expect(chromeVersionProblems({ minimum_chrome_version: '110', permissions: ['sidePanel'] })[0]).toMatch(/below 116, needed for side panel/);
    expect(chromeVersionProblems({ minimum_chrome_version: '130', permissions: ['sidePanel'] })[0]).toMatch(/above what the features used need \(116\)/);
    expect(chromeVersionProblems({ minimum_chrome_version: '116', permissions: ['sidePanel', 'offscreen'] })).toEqual([]);
  });

  it('refuses source maps and scripts that load code from the network, and names an unknown remote host', () => {
    expect(sourceMapProblems(new Map([['a.js.map', '{}'], ['b.js', 'x()\n//# sourceMappingURL=b.js.map']]))).toHaveLength(2);
    const problems = remoteUrlProblems(
      new Map([
        ['a.js', 'await import("https://cdn.example.com/x.js")'],
        ['b.js', 'fetch("https://tracker.example.net/p")'],
        ['c.js', 'const weights = "https://huggingface.co/mlc-ai/x"'],
        ['samples/exports/tweets.js', 'window.YTD = "https://anything.example"'],
      ]),
    );
    expect(problems.some((p) => p.startsWith('a.js loads code from the network'))).toBe(true);
    expect(problems.some((p) => p.includes('b.js names tracker.example.net'))).toBe(true);
    expect(problems.some((p) => p.startsWith('c.js') || p.startsWith('samples/'))).toBe(false);
  });
});
