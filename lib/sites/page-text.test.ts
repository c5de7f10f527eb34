import { describe, expect, it } from 'vitest';
import { clampText, collapseWhitespace, normaliseText, readText } from './page-text';

function html(build: (root: HTMLElement) => void): HTMLElement {
  const root = document.createElement('div');
  build(root);
  return root;
}

describe('readText', () => {
  it('reads line breaks from <br> and from block elements', () => {
    const root = html((r) => {
      r.append('one', document.createElement('br'), 'two');
      const p = document.createElement('p');
      p.textContent = 'three';
      r.append(p, 'four');
    });
    expect(readText(root)).toBe('one\ntwo\nthree\nfour');
  });

  it('reads emoji drawn as images by their alt text', () => {
    const root = html((r) => {
      const img = document.createElement('img');
      img.alt = '🔥';
      r.append('so good ', img);
    });
    expect(readText(root)).toBe('so good 🔥');
  });

  it('ignores script and style contents', () => {
    const root = html((r) => {
      const script = document.createElement('script');
      script.textContent = 'evil()';
      const style = document.createElement('style');
      style.textContent = 'a{}';
      r.append('visible', script, style);
    });
    expect(readText(root)).toBe('visible');
  });
});

describe('normaliseText', () => {
  it('collapses runs of spaces, trims lines and the whole, and keeps single blank lines', () => {
    expect(normaliseText('  Hello \t  there \r\n\r\n\r\n\n  second   line  ')).toBe('Hello there\n\nsecond line');
  });

  it('leaves tidy text untouched, invisible and direction characters included', () => {
    const tricky = 'Per\u200Bfect cr\u200Dumb \u202Eexe.fdp';
    expect(normaliseText(tricky)).toBe(tricky);
  });

  it('turns non-breaking spaces into plain spaces', () => {
    expect(normaliseText('a\u00a0\u00a0b')).toBe('a b');
  });
});

describe('collapseWhitespace', () => {
  it('joins lines with single spaces', () => {
    expect(collapseWhitespace(' a\n\n b\tc ')).toBe('a b c');
  });
});

describe('clampText', () => {
  it('keeps short text as is and cuts long text to the limit with an ellipsis', () => {
    expect(clampText('short', 10)).toBe('short');
    expect(clampText('abcdefghijkl', 10)).toBe('abcdefghi…');
    expect(clampText('abcdefghijkl', 10)).toHaveLength(10);
  });

  it('never leaves half of an emoji behind', () => {
    const cut = clampText('ab🍞🍞🍞', 4);
    expect(cut).toBe('ab…');
  });
});
