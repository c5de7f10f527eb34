import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { whileSiteOn } from './site-switch';

beforeEach(() => fakeBrowser.reset());

function setup(answer: Promise<{ enabled: boolean; dms?: boolean }>) {
  const started: AbortSignal[] = [];
  const withDms: boolean[] = [];
  const outer = new AbortController();
  const toggle = whileSiteOn({
    start: (signal, { dms }) => {
      started.push(signal);
      withDms.push(dms);
      return { n: started.length };
    },
    ask: () => answer.then((a) => ({ dms: false, ...a })),
    signal: outer.signal,
  });
  return { started, withDms, toggle, outer };
}
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const tell = (enabled: boolean, dms = false) => fakeBrowser.runtime.onMessage.trigger({ type: 'site.switch', enabled, dms }, {}, () => {});

describe('per-site switch (content script)', () => {
  it('starts the page when the background says the site is on', async () => {
    const { started, toggle } = setup(Promise.resolve({ enabled: true }));
    await flush();
    expect(started).toHaveLength(1);
    expect(toggle.current()).toEqual({ n: 1 });
  });

  it('leaves the page alone when the site is off, or when the background does not answer', async () => {
    const off = setup(Promise.resolve({ enabled: false }));
    const broken = setup(Promise.reject(new Error('Extension context invalidated.')));
    await flush();
    expect(off.started).toHaveLength(0);
    expect(broken.started).toHaveLength(0);
  });

  it('tears the page down when the creator switches the site off, and starts it again when switched on', async () => {
    const { started, toggle } = setup(Promise.resolve({ enabled: true }));
    await flush();
    await tell(false);
    expect(started[0]!.aborted).toBe(true);
    expect(toggle.current()).toBeNull();
    await tell(true);
    expect(started).toHaveLength(2);
    expect(started[1]!.aborted).toBe(false);
  });

  it('a switch the background pushed wins over an older answer', async () => {
    let answer!: (value: { enabled: boolean }) => void;
    const { started } = setup(new Promise((resolve) => (answer = resolve)));
    await tell(false);
    answer({ enabled: true });
    await flush();
    expect(started).toHaveLength(0);
  });

  it('starts without direct messages unless the creator turned them on, and restarts the page when they do', async () => {
    const { started, withDms } = setup(Promise.resolve({ enabled: true }));
    await flush();
    expect(withDms).toEqual([false]);
    await tell(true, true);
    expect(started[0]!.aborted).toBe(true);
    expect(withDms).toEqual([false, true]);
    // The same state again changes nothing: open editors stay.
    await tell(true, true);
    expect(started).toHaveLength(2);
    await tell(false, true);
    expect(started[1]!.aborted).toBe(true);
  });

  it('stops everything with the content script', async () => {
    const { started, outer } = setup(Promise.resolve({ enabled: true }));
    await flush();
    outer.abort();
    expect(started[0]!.aborted).toBe(true);
    await tell(true);
    expect(started).toHaveLength(1);
  });
});
