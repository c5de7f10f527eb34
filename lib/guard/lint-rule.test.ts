/**
 * The lint rule from issue 13 (eslint.config.js): product code never writes HTML from a string.
 * Lints a probe as if it were a product file, so a change to the config that loses a sink fails here.
 */
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: process.cwd() });

async function problems(code: string, file = 'lib/guard/probe.tsx'): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: file });
  // An ignored file comes back with one warning and no rule: nothing is linted there.
  return (result?.messages ?? []).filter((m) => m.ruleId).map((m) => `${m.line}:${m.ruleId}`);
}

describe('the no-HTML-sink lint rule on product code', () => {
  it('reports innerHTML, outerHTML, insertAdjacentHTML, document.write and dangerouslySetInnerHTML', async () => {
    const found = await problems(
      [
        'export function bad(el: HTMLElement, s: string) {',
        '  el.innerHTML = s;',
        "  el['outerHTML'] = s;",
        "  el.insertAdjacentHTML('beforeend', s);",
        '  document.write(s);',
        '  return <div dangerouslySetInnerHTML={{ __html: s }} />;',
        '}',
      ].join('\n'),
    );
    for (const line of [2, 3, 4, 5, 6]) expect(found.some((p) => p.startsWith(`${line}:`))).toBe(true);
  });

  it('accepts text rendered as text', async () => {
    expect(await problems('export function ok(el: HTMLElement, s: string) { el.textContent = s; return <p>{s}</p>; }')).toEqual([]);
  });

  it('leaves e2e fixtures alone', async () => {
    expect(await problems('document.body.innerHTML = "<p>fixture</p>";', 'e2e/sites/probe.ts')).toEqual([]);
  });
});
