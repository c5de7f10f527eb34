import { serveEngineIdlePort } from './idle-port';

const identity = { extensionId: 'ext', getURL: (path: string) => `chrome-extension://ext/${path}` };
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the engine host’s idle port', () => {
  it('closes the offscreen document when the offscreen document itself says it went idle', async () => {
    const client = { closeWhenIdle: vi.fn(async () => true) };
    const port = { sender: { id: 'ext', url: 'chrome-extension://ext/offscreen.html' }, disconnect: vi.fn() };
    serveEngineIdlePort(port, client, identity);
    await flush();
    expect(client.closeWhenIdle).toHaveBeenCalledOnce();
    expect(port.disconnect).not.toHaveBeenCalled();
  });

  it('ignores any other page that opens the idle port, so no page can shut the model down', async () => {
    const client = { closeWhenIdle: vi.fn(async () => true) };
    const port = { sender: { id: 'ext', url: 'chrome-extension://ext/options.html' }, disconnect: vi.fn() };
    serveEngineIdlePort(port, client, identity);
    await flush();
    expect(client.closeWhenIdle).not.toHaveBeenCalled();
    expect(port.disconnect).toHaveBeenCalledOnce();
  });

  it('hangs up without closing when a request is still running in the document', async () => {
    const client = { closeWhenIdle: vi.fn(async () => false) };
    const port = { sender: { id: 'ext', url: 'chrome-extension://ext/offscreen.html' }, disconnect: vi.fn() };
    serveEngineIdlePort(port, client, identity);
    await flush();
    expect(port.disconnect).toHaveBeenCalledOnce();
  });
});
