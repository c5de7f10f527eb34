import { describe, expect, it } from 'vitest';
import { queryOutsideLists } from './outside-lists';

function page(html: string): HTMLElement {
  const root = document.createElement('div');
  // Test markup only (product code never writes HTML).
  root.innerHTML = html;
  return root;
}

describe('finding a conversation’s parts without reading its messages', () => {
  const root = page(`
    <header><a class="t" href="/a">title</a></header>
    <div class="wrap"><ul class="list"><li><a class="t" href="/in-message">in a message</a></li></ul><form class="t">box</form></div>
    <ul class="list"><li><a class="t" href="/second-list">also a message</a></li></ul>
    <footer><a class="t" href="/b">after</a></footer>`);

  it('finds what a plain query finds, in page order, except inside the message lists', () => {
    const found = queryOutsideLists(root, '.t', '.list').map((el) => el.getAttribute('href') ?? el.localName);
    expect(found).toEqual(['/a', 'form', '/b']);
  });

  it('stops at the first when asked for one', () => {
    expect(queryOutsideLists(root, 'form, footer .t', '.list', true).map((el) => el.localName)).toEqual(['form']);
  });

  it('is a plain query where there is no list', () => {
    expect(queryOutsideLists(page('<p class="t"></p><p class="t"></p>'), '.t', '.list')).toHaveLength(2);
  });
});
