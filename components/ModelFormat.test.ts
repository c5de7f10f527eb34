import type { GpuCapability } from '@/lib/core/models';
import { MODEL_CATALOG } from '@/lib/llm/catalog';
import { cannotRun, formatBytes, formatMB, formatPercent, formatTimeLeft, modelsToShow } from './ModelFormat';

const gpu = (shaderF16: boolean): GpuCapability => ({ available: true, isSoftware: false, shaderF16 });
const noGpu: GpuCapability = { available: false, isSoftware: false, shaderF16: false, reason: 'No adapter.' };

describe('formatting sizes, time and progress', () => {
  it('shows storage in the largest unit that reads naturally', () => {
    expect(formatBytes(512)).toBe('512 bytes');
    expect(formatBytes(267 * 1024)).toBe('267 KB');
    expect(formatBytes(1.5 * 1024 ** 2)).toBe('1.5 MB');
    expect(formatBytes(880 * 1024 ** 2)).toBe('880 MB');
    expect(formatBytes(1024 ** 3)).toBe('1 GB');
    expect(formatBytes(84_738_632_377)).toBe('78.9 GB');
    expect(formatBytes(Number.NaN)).toBe('unknown');
  });

  it('shows catalog megabytes as MB or GB', () => {
    expect(formatMB(280)).toBe('280 MB');
    expect(formatMB(1888.97)).toBe('1.8 GB');
  });

  it('says how long is left in seconds, minutes or hours, and nothing without an estimate', () => {
    expect(formatTimeLeft(undefined)).toBe('');
    expect(formatTimeLeft(0.3)).toBe('about 1 s left');
    expect(formatTimeLeft(42)).toBe('about 42 s left');
    expect(formatTimeLeft(150)).toBe('about 3 min left');
    expect(formatTimeLeft(2 * 3600 + 5 * 60)).toBe('about 2 h 5 min left');
  });

  it('never shows 100% before the download has finished', () => {
    expect(formatPercent(0.999)).toBe('99%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(-1)).toBe('0%');
  });
});

describe('which models the list offers', () => {
  it('offers the 16-bit builds on a GPU with shader-f16 and the 32-bit builds otherwise', () => {
    expect(modelsToShow(MODEL_CATALOG, gpu(true), null, {}).every((m) => m.quantization === 'q4f16_1')).toBe(true);
    expect(modelsToShow(MODEL_CATALOG, gpu(false), null, {}).every((m) => m.quantization === 'q4f32_1')).toBe(true);
    expect(modelsToShow(MODEL_CATALOG, noGpu, null, {}).every((m) => m.quantization === 'q4f32_1')).toBe(true);
  });

  it('keeps a chosen or downloaded build of the other kind in the list so it can be changed or deleted', () => {
    const shown = modelsToShow(MODEL_CATALOG, gpu(false), 'Qwen2.5-1.5B-Instruct-q4f16_1-MLC', {
      'Llama-3.2-1B-Instruct-q4f16_1-MLC': true,
    }).map((m) => m.id);
    expect(shown).toContain('Qwen2.5-1.5B-Instruct-q4f16_1-MLC');
    expect(shown).toContain('Llama-3.2-1B-Instruct-q4f16_1-MLC');
    expect(shown).not.toContain('Phi-3.5-mini-instruct-q4f16_1-MLC');
  });

  it('explains that a 16-bit build cannot run on a GPU without shader-f16', () => {
    const f16 = MODEL_CATALOG.find((m) => m.quantization === 'q4f16_1')!;
    expect(cannotRun(f16, gpu(false))).toMatch(/32-bit build/);
    expect(cannotRun(f16, gpu(true))).toBeUndefined();
  });
});

describe('a model whose library this build lacks', () => {
  it('is named as not included, with the reason, and a packaged one is not', async () => {
    const { notInThisBuild } = await import('./ModelFormat');
    const model = { libFile: 'Qwen2-0.5B-Instruct-q4f16_1_cs1k-webgpu.wasm' };
    expect(notInThisBuild(model, new Set())).toMatch(/Not included in this version of Understudy: .*never downloads code/);
    expect(notInThisBuild(model, new Set([model.libFile]))).toBeUndefined();
  });
});
