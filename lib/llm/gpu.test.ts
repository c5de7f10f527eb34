import { classifyAdapter, describeCapability, detectGpu, isSoftwareAdapter, type GpuAdapterLike, type NavigatorGpuLike } from './gpu';

const GiB = 1024 ** 3;

function adapter(overrides: Partial<GpuAdapterLike> = {}, features: string[] = ['shader-f16']): GpuAdapterLike {
  return {
    features: new Set(features),
    limits: {
      maxBufferSize: 4 * GiB,
      maxStorageBufferBindingSize: 2 * GiB,
      maxComputeWorkgroupStorageSize: 32768,
      maxStorageBuffersPerShaderStage: 10,
    },
    info: { vendor: 'nvidia', architecture: 'ampere', description: 'NVIDIA GeForce RTX 3060' },
    ...overrides,
  };
}

function nav(result: GpuAdapterLike | null | Error, deviceMemory?: number): NavigatorGpuLike {
  return {
    deviceMemory,
    gpu: {
      requestAdapter: async () => {
        if (result instanceof Error) throw result;
        return result;
      },
    },
  };
}

describe('isSoftwareAdapter', () => {
  it.each([
    ['SwiftShader', { vendor: 'google', architecture: 'swiftshader', description: 'SwiftShader Device (Subzero)' }],
    ['llvmpipe', { description: 'llvmpipe (LLVM 15.0.7, 256 bits)' }],
    ['Microsoft Basic Render Driver', { description: 'Microsoft Basic Render Driver' }],
    ['a fallback adapter in adapter info', { vendor: 'x', isFallbackAdapter: true }],
  ])('recognises %s as software', (_name, info) => {
    expect(isSoftwareAdapter({}, info)).toBe(true);
  });

  it('recognises the legacy adapter.isFallbackAdapter flag', () => {
    expect(isSoftwareAdapter({ isFallbackAdapter: true }, { description: 'Some GPU' })).toBe(true);
  });

  it('does not flag real GPUs', () => {
    expect(isSoftwareAdapter({}, { vendor: 'intel', architecture: 'gen-12lp', description: 'Intel(R) Iris(R) Xe Graphics' })).toBe(false);
    expect(isSoftwareAdapter({}, { vendor: 'apple', architecture: 'metal-3' })).toBe(false);
  });
});

describe('detectGpu', () => {
  it('reports a capable GPU with its name, shader-f16 and buffer limits', async () => {
    const cap = await detectGpu(nav(adapter(), 8));
    expect(cap).toMatchObject({
      available: true,
      adapterName: 'NVIDIA GeForce RTX 3060',
      vendor: 'nvidia',
      isSoftware: false,
      shaderF16: true,
      maxBufferSize: 4 * GiB,
      maxStorageBufferBindingSize: 2 * GiB,
      deviceMemoryGB: 8,
    });
  });

  it('falls back to requestAdapterInfo on browsers without adapter.info', async () => {
    const legacy = adapter({ info: undefined, requestAdapterInfo: async () => ({ vendor: 'amd', architecture: 'rdna-2' }) });
    const cap = await detectGpu(nav(legacy));
    expect(cap.adapterName).toBe('amd rdna-2');
  });

  it('says WebGPU is missing when navigator.gpu is absent', async () => {
    const cap = await detectGpu({});
    expect(cap.available).toBe(false);
    expect(cap.reason).toMatch(/WebGPU is not available/);
  });

  it('says there is no adapter when the browser returns none', async () => {
    const cap = await detectGpu(nav(null));
    expect(cap.available).toBe(false);
    expect(cap.reason).toMatch(/No GPU adapter/);
  });

  it('turns a failing requestAdapter into an unavailable capability instead of throwing', async () => {
    const cap = await detectGpu(nav(new Error('GPU process crashed')));
    expect(cap.available).toBe(false);
    expect(cap.reason).toContain('GPU process crashed');
  });

  it('reports no shader-f16 when the adapter lacks the feature', async () => {
    expect((await detectGpu(nav(adapter({}, [])))).shaderF16).toBe(false);
  });

  it('marks a GPU unusable when its limits are below what the model runtime needs', () => {
    const small = adapter({ limits: { maxBufferSize: 128 * 1024 * 1024, maxStorageBufferBindingSize: 128 * 1024 * 1024 } });
    const cap = classifyAdapter(small, small.info);
    expect(cap.available).toBe(false);
    expect(cap.reason).toMatch(/maxBufferSize/);
  });
});

describe('describeCapability', () => {
  it('tells the creator a software GPU is too slow and past replies will be used instead', () => {
    const soft = adapter({ info: { vendor: 'google', architecture: 'swiftshader', description: 'SwiftShader Device (Subzero)' } });
    expect(describeCapability(classifyAdapter(soft, soft.info))).toBe(
      'Software-only GPU (SwiftShader): drafting with a model would be very slow; Understudy will use your past replies instead.',
    );
  });

  it('explains a missing GPU with its reason', () => {
    expect(describeCapability(classifyAdapter(null))).toMatch(/^No GPU adapter.*Understudy will use your past replies instead\.$/);
  });

  it('names a capable GPU and whether the 16-bit builds will run', () => {
    const good = adapter();
    expect(describeCapability(classifyAdapter(good, good.info))).toBe(
      'GPU ready (NVIDIA GeForce RTX 3060): it supports 16-bit shaders, so the faster model builds will run.',
    );
    const noF16 = adapter({}, []);
    expect(describeCapability(classifyAdapter(noF16, noF16.info))).toMatch(/32-bit model builds/);
  });
});
