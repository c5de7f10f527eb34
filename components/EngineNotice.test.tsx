/** The engine notice above a draft; the "no WebGPU" one once per browser session (fake extension storage). */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { EngineNotice } from './EngineNotice';
import { mount, until, type Mounted } from './test-render';

const NO_WEBGPU =
  "No WebGPU here (WebGPU is not available in this browser), so the AI model can't run. Options → Model explains what your browser needs. So this draft comes from your past replies.";

let view: Mounted;
beforeEach(() => {
  fakeBrowser.reset();
  view = mount();
});
afterEach(() => view.unmount());

const notice = () => view.container.querySelector('[data-testid="no-webgpu-notice"]');

describe('the notice above a draft', () => {
  it('shows the "no WebGPU" notice on the first draft of the session, linking to Options → Model, and not on the next drafts', async () => {
    view.render(<EngineNotice notice={NO_WEBGPU} />);
    await until(() => expect(notice()).not.toBeNull());
    expect(notice()!.textContent).toContain('No WebGPU here');
    const link = notice()!.querySelector('a')!;
    expect(link.textContent).toBe('Open Options → Model');
    expect(link.getAttribute('href')).toMatch(/\/options\.html#model$/);

    // A regenerated draft in the same editor keeps it.
    view.render(<EngineNotice notice={`${NO_WEBGPU} `} />);
    expect(notice()).not.toBeNull();

    // The next draft's editor, same session: the header names the engine, the paragraph is not repeated.
    view.unmount();
    view = mount();
    view.render(<EngineNotice notice={NO_WEBGPU} />);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(view.container.textContent).toBe('');
  });

  it('shows it again in a new browser session', async () => {
    view.render(<EngineNotice notice={NO_WEBGPU} />);
    await until(() => expect(notice()).not.toBeNull());
    view.unmount();
    await fakeBrowser.storage.session.clear();
    view = mount();
    view.render(<EngineNotice notice={NO_WEBGPU} />);
    await until(() => expect(notice()).not.toBeNull());
  });

  it('keeps saying on every draft that none of the creator’s past replies answers it, without the repeated reason', async () => {
    view.render(<EngineNotice notice={NO_WEBGPU} />);
    await until(() => expect(notice()).not.toBeNull());
    view.unmount();
    view = mount();
    view.render(<EngineNotice notice={`None of your past replies answers this. ${NO_WEBGPU}`} />);
    await until(() => expect(view.container.textContent).toBe('None of your past replies answers this.'));
    view.unmount();
    view = mount();
    const partly = `${NO_WEBGPU} Your closest past reply only partly answers this — check it before sending.`;
    view.render(<EngineNotice notice={partly} />);
    await until(() => expect(view.container.textContent).toBe('Your closest past reply only partly answers this — check it before sending.'));
  });

  it('shows every other reason on every draft', () => {
    const other = 'No AI model is chosen. Pick one in Options → Model. So this draft comes from your past replies.';
    view.render(<EngineNotice notice={other} />);
    expect(view.container.textContent).toBe(other);
    view.unmount();
    view = mount();
    view.render(<EngineNotice notice={other} />);
    expect(view.container.textContent).toBe(other);
  });
});
