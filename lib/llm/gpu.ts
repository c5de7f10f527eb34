/**
 * What this machine's GPU can do for WebLLM. Detection talks to `navigator.gpu`; everything that
 * decides (software or not, usable or not, what to tell the creator) is pure and tested with
 * fake adapters.
 *
 * The WebGPU types are declared structurally here: the project does not ship @webgpu/types, and
 * only a handful of fields matter.
 */
import type { GpuCapability } from '../core/models';

export interface GpuAdapterInfoLike {
  vendor?: string;
  architecture?: string;
  device?: string;
  description?: string;
  /** Newer browsers report fallback (software) adapters here. */
  isFallbackAdapter?: boolean;
}

export interface GpuAdapterLike {
  features: { has(feature: string): boolean };
  limits: {
    maxBufferSize?: number;
    maxStorageBufferBindingSize?: number;
    maxComputeWorkgroupStorageSize?: number;
    maxStorageBuffersPerShaderStage?: number;
  };
  info?: GpuAdapterInfoLike;
  /** Deprecated in favour of `info.isFallbackAdapter`, still reported by older Chromes. */
  isFallbackAdapter?: boolean;
  /** Replaced by `adapter.info` (Chrome 127+). */
  requestAdapterInfo?: () => Promise<GpuAdapterInfoLike>;
}

export interface NavigatorGpuLike {
  gpu?: {
    requestAdapter(options?: { powerPreference?: 'high-performance' | 'low-power' }): Promise<GpuAdapterLike | null>;
  };
  /** GB of RAM, rounded and capped (Chrome only). */
  deviceMemory?: number;
}

export type { GpuCapability };

const SOFTWARE_NAMES = /swiftshader|llvmpipe|lavapipe|softpipe|microsoft basic render|basic render driver|\bwarp\b/i;

/** True when the adapter is a software rasterizer rather than a real GPU. */
export function isSoftwareAdapter(adapter: Pick<GpuAdapterLike, 'isFallbackAdapter'>, info: GpuAdapterInfoLike): boolean {
  if (adapter.isFallbackAdapter === true || info.isFallbackAdapter === true) return true;
  const text = [info.vendor, info.architecture, info.device, info.description].filter(Boolean).join(' ');
  return SOFTWARE_NAMES.test(text);
}

/** The same minimums WebLLM checks before it creates a device (web-llm detectGPUDevice). */
const MIN_LIMITS = {
  maxBufferSize: 256 * 1024 * 1024,
  maxStorageBufferBindingSize: 128 * 1024 * 1024,
  maxComputeWorkgroupStorageSize: 32 * 1024,
  maxStorageBuffersPerShaderStage: 10,
} as const;

function limitShortfall(limits: GpuAdapterLike['limits']): string | undefined {
  for (const [name, min] of Object.entries(MIN_LIMITS) as [keyof typeof MIN_LIMITS, number][]) {
    const value = limits[name];
    if (value !== undefined && value < min) return name;
  }
  return undefined;
}

function adapterName(info: GpuAdapterInfoLike): string | undefined {
  if (info.description) return info.description;
  const parts = [info.vendor, info.architecture || info.device].filter((p) => p && p.length > 0);
  return parts.length > 0 ? parts.join(' ') : undefined;
}

/** Pure: turns an adapter (or its absence) into a capability. */
export function classifyAdapter(
  adapter: GpuAdapterLike | null,
  info: GpuAdapterInfoLike = {},
  deviceMemoryGB?: number,
): GpuCapability {
  if (!adapter) {
    return {
      available: false,
      reason: 'No GPU adapter: the browser found no graphics card it can use for WebGPU.',
      isSoftware: false,
      shaderF16: false,
      deviceMemoryGB,
    };
  }
  const isSoftware = isSoftwareAdapter(adapter, info);
  const shortfall = limitShortfall(adapter.limits);
  const cap: GpuCapability = {
    available: !shortfall,
    adapterName: adapterName(info),
    vendor: info.vendor || undefined,
    architecture: info.architecture || undefined,
    description: info.description || undefined,
    isSoftware,
    shaderF16: adapter.features.has('shader-f16'),
    maxBufferSize: adapter.limits.maxBufferSize,
    maxStorageBufferBindingSize: adapter.limits.maxStorageBufferBindingSize,
    deviceMemoryGB,
  };
  if (shortfall) cap.reason = `The GPU's ${shortfall} limit is below what the model runtime needs.`;
  return cap;
}

/** Asks the browser for its GPU. Never throws: failures become `available: false` with a reason. */
export async function detectGpu(nav: NavigatorGpuLike = navigator as unknown as NavigatorGpuLike): Promise<GpuCapability> {
  const deviceMemoryGB = typeof nav.deviceMemory === 'number' ? nav.deviceMemory : undefined;
  if (!nav.gpu) {
    return {
      available: false,
      reason: 'WebGPU is not available in this browser.',
      isSoftware: false,
      shaderF16: false,
      deviceMemoryGB,
    };
  }
  let adapter: GpuAdapterLike | null;
  try {
    adapter = await nav.gpu.requestAdapter({ powerPreference: 'high-performance' });
  } catch (error) {
    return {
      available: false,
      reason: `The browser could not open the GPU (${error instanceof Error ? error.message : String(error)}).`,
      isSoftware: false,
      shaderF16: false,
      deviceMemoryGB,
    };
  }
  let info: GpuAdapterInfoLike = adapter?.info ?? {};
  if (adapter && !adapter.info && adapter.requestAdapterInfo) {
    try {
      info = await adapter.requestAdapterInfo();
    } catch {
      info = {};
    }
  }
  return classifyAdapter(adapter, info, deviceMemoryGB);
}

/** One sentence for the creator about what their GPU means for drafting. */
export function describeCapability(cap: GpuCapability): string {
  const fallback = 'Understudy will use your past replies instead.';
  if (!cap.available) {
    return `${cap.reason ?? 'No usable GPU.'} Drafting with a model is not possible here; ${fallback}`;
  }
  const name = cap.adapterName ?? 'unknown GPU';
  if (cap.isSoftware) {
    const kind = /swiftshader/i.test(name) ? 'SwiftShader' : name;
    return `Software-only GPU (${kind}): drafting with a model would be very slow; ${fallback}`;
  }
  const f16 = cap.shaderF16
    ? 'it supports 16-bit shaders, so the faster model builds will run'
    : 'it has no 16-bit shader support, so Understudy will use the 32-bit model builds';
  return `GPU ready (${name}): ${f16}.`;
}
