/**
 * What every site fixture shares: element building (text only, never innerHTML: the data is
 * hostile on purpose), an in-app router like the sites' own (links intercepted, pushState, Back
 * through popstate, no page loads), the hostile corpus, the comments the sample creator's
 * memory can answer, and the test hooks on `window.__fixture` that the conformance suite reads.
 */

/** Create an element with attributes and children (strings become text nodes). */
export function h(doc, tag, attrs = {}, children = []) {
  const el = doc.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value == null) continue;
    el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child == null) continue;
    el.append(typeof child === 'string' ? doc.createTextNode(child) : child);
  }
  return el;
}

/** A 20,000-character comment: the wall of text a page can push at the extension. */
export const HUGE_TEXT = (() => {
  const para =
    'Okay so I have been baking sourdough for eleven years and I want to walk through every ' +
    'single variable I have tested because I think people underestimate how much the flour ' +
    'protein and the water temperature interact with the bulk ferment timing. ';
  let out = '';
  while (out.length < 20_000) out += para;
  return out.slice(0, 20_000);
})();

/**
 * The hostile corpus every site's fixture carries: markup in names and text, a closing script
 * tag, an RTL override, zero-width characters, a 20,000-character wall, emoji only. Shown as
 * text, nothing runs (`window.__pwned` stays unset).
 */
export const HOSTILE = {
  imgAuthor: '<img src=x onerror="window.__pwned=1">',
  imgText: 'Love this recipe <img src=x onerror="window.__pwned=1"> my loaf came out perfect',
  scriptText: 'Tried it twice </script><script>window.__pwned=1</script> still flat, what am I missing?',
  rtlText: 'Download the printable recipe here: recipe\u202Efdp.exe and let me know',
  zeroWidthText: 'Per\u200Bfect cr\u200Dumb, best tu\u200Btorial on the\u200D internet',
  emojiOnly: '🍞🔥🔥🔥 😍😍 👏👏👏',
  hugeText: HUGE_TEXT,
};

/** The hostile corpus as comments (author, text), for a fixture's list. */
export function hostileComments() {
  return [
    { author: HOSTILE.imgAuthor, handle: 'img_author', text: HOSTILE.imgText },
    { author: 'Script Kid', handle: 'script_kid', text: HOSTILE.scriptText },
    { author: 'Rtl Person', handle: 'rtl_person', text: HOSTILE.rtlText },
    { author: 'Zero Width', handle: 'zero_width', text: HOSTILE.zeroWidthText },
    { author: 'Emoji Fan', handle: 'emoji_fan', text: HOSTILE.emojiOnly },
    { author: 'Wall Of Text', handle: 'wall_of_text', text: HOSTILE.hugeText },
  ];
}

/**
 * Comments the sample creator (a sourdough baker, public/samples/sample-profile.json) gets on
 * every platform. The first ones are answered by their past replies, so the memory engine
 * drafts for them (lib/drafting/eval/e2e-comments.test.ts keeps that true).
 */
export const BAKER_COMMENTS = [
  { author: 'Liam Bakes', handle: 'liambakesbread', text: 'Can I do the 72 hours with a 100% whole wheat dough or will it overproof?' },
  { author: 'Maria', handle: 'maria.bakes', text: 'Is the rice flour on the banneton necessary?' },
  { author: 'Grain Nerd', handle: 'grainnerd', text: 'Does this method work with rye?' },
  { author: 'Oven Spring Theory', handle: 'ovenspringtheory', text: 'The jiggle test explanation is the best I have seen. Bookmarking this forever.' },
  { author: 'Danny K', handle: 'danny_k', text: 'How do you store the loaf after cutting?' },
  { author: 'Priya', handle: 'priya.cooks', text: 'My first loaf with real ear!! Never thought I would get there without a stand mixer.' },
];

/** Deterministic filler comments for long lists (2,000+), each unique. */
export function fillerComment(i) {
  const topics = ['crumb', 'crust', 'starter', 'oven', 'flour', 'folds', 'proof', 'scoring'];
  const topic = topics[i % topics.length];
  return { author: `Viewer ${i}`, handle: `viewer_${i}`, text: `Comment ${i}: loved the part about the ${topic}, thanks for sharing.` };
}

/**
 * An in-app router as the sites have: same-origin link clicks are intercepted, the URL changes
 * with pushState, `render(url)` draws the page, Back/Forward go through popstate. No page load
 * ever happens after the first.
 */
export function installRouter(doc, render, { onNavigate } = {}) {
  const view = doc.defaultView;
  async function go(href, { replace = false } = {}) {
    const url = new URL(href, view.location.href);
    if (replace) view.history.replaceState({}, '', url);
    else view.history.pushState({}, '', url);
    await render(url);
    onNavigate?.(url);
  }
  doc.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey) return;
    const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
    if (!link) return;
    const url = new URL(link.getAttribute('href'), view.location.href);
    if (url.origin !== view.location.origin || link.target === '_blank') return;
    event.preventDefault();
    void go(url.href);
  });
  view.addEventListener('popstate', () => {
    void render(new URL(view.location.href)).then(() => onNavigate?.(new URL(view.location.href)));
  });
  return { go, start: () => render(new URL(view.location.href)) };
}

/** Wait a moment, as a site's data request does before comments render. */
export const later = (ms = 80) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The hooks the conformance suite and benchmarks use, on window.__fixture. Each fixture passes
 * its own implementations; the shape is e2e/sites/fixture-api.ts.
 */
export function installFixtureApi(view, api) {
  const posted = [];
  view.__fixture = {
    posted: () => [...posted],
    ...api,
  };
  return {
    /** Record a reply the creator posted through the site's own submit control. */
    recordPost(entry) {
      posted.push(entry);
    },
  };
}
