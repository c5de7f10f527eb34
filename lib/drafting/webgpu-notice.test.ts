import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { GpuCapability } from '../core/models';
import { whyNotModel } from './engine-choice';
import { claimNoWebgpuNotice, isNoWebgpuNotice, noWebgpuNoticeShownItem } from './webgpu-notice';

beforeEach(() => fakeBrowser.reset());

const noGpu: GpuCapability = { available: false, isSoftware: false, shaderF16: false, reason: 'WebGPU is not available in this browser.' };

describe('the "no WebGPU" notice', () => {
  it('recognises the reason the engine chooser gives when the browser has no WebGPU, and no other', () => {
    expect(isNoWebgpuNotice(`${whyNotModel(noGpu, null, false)} So this draft comes from your past replies.`)).toBe(true);
    const software = whyNotModel({ ...noGpu, available: true, isSoftware: true }, null, false)!;
    expect(isNoWebgpuNotice(software)).toBe(false);
    expect(isNoWebgpuNotice('No AI model is chosen. Pick one in Options → Model.')).toBe(false);
  });

  it('is claimed once per browser session, and again after the session storage is cleared', async () => {
    expect(await claimNoWebgpuNotice()).toBe(true);
    expect(await claimNoWebgpuNotice()).toBe(false);
    expect(await noWebgpuNoticeShownItem.getValue()).toBe(true);
    await fakeBrowser.storage.session.clear();
    expect(await claimNoWebgpuNotice()).toBe(true);
  });
});
