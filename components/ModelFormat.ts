/** Numbers on the Model settings, in words a creator reads at a glance. */
import type { GpuCapability } from '@/lib/core/models';
import { isInThisBuild, type CatalogModel, type SpeedClass } from '@/lib/llm/catalog';
import { PACKAGED_MODEL_LIBS } from '@/lib/llm/build-flags';

const KB = 1024;
const MB = KB * 1024;
const GB = MB * 1024;

function trim(value: number, digits: number): string {
  return value.toFixed(digits).replace(/\.0+$/, '');
}

/** Bytes as KB, MB or GB (binary units, as the browser counts storage). */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return 'unknown';
  if (bytes >= GB) return `${trim(bytes / GB, 1)} GB`;
  if (bytes >= MB) return `${trim(bytes / MB, bytes >= 10 * MB ? 0 : 1)} MB`;
  if (bytes >= KB) return `${Math.round(bytes / KB)} KB`;
  return `${Math.round(bytes)} bytes`;
}

/** Megabytes (as the catalog and WebLLM give them) as MB or GB. */
export function formatMB(megabytes: number): string {
  return formatBytes(megabytes * MB);
}

/** "about 3 min left", or '' when there is no estimate yet. */
export function formatTimeLeft(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return '';
  if (seconds < 60) return `about ${Math.max(1, Math.round(seconds))} s left`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `about ${minutes} min left`;
  return `about ${Math.floor(minutes / 60)} h ${minutes % 60} min left`;
}

/** 0–1 as a whole percent, never rounded up to 100 before the end. */
export function formatPercent(progress: number): string {
  const clamped = Math.min(1, Math.max(0, Number.isFinite(progress) ? progress : 0));
  return `${Math.floor(clamped * 100)}%`;
}

const SPEED: Record<SpeedClass, string> = {
  fast: 'Fast',
  balanced: 'Balanced',
  quality: 'Best quality, slower',
};

export function speedLabel(speed: SpeedClass): string {
  return SPEED[speed];
}

/** The models worth showing on this GPU: the build it can run, plus any chosen or downloaded. */
export function modelsToShow(
  catalog: readonly CatalogModel[],
  capability: GpuCapability,
  selectedId: string | null,
  cached: Record<string, boolean>,
): CatalogModel[] {
  const f16 = capability.available && capability.shaderF16;
  return catalog.filter((m) => m.needsShaderF16 === f16 || m.id === selectedId || cached[m.id] === true);
}

/** Why this GPU cannot run a model build, or undefined when it can. */
/**
 * A catalogue model this build can't offer: its library (compiled code) isn't in the package, and
 * Understudy never downloads code (lib/llm/build-flags.ts).
 */
export function notInThisBuild(model: { libFile: string }, packaged: ReadonlySet<string> = PACKAGED_MODEL_LIBS): string | undefined {
  if (isInThisBuild(model, packaged)) return undefined;
  return 'Not included in this version of Understudy: its model library (code) isn’t in the package, and Understudy never downloads code. Builds from source can add it (README → Install).';
}

export function cannotRun(model: CatalogModel, capability: GpuCapability): string | undefined {
  if (model.needsShaderF16 && !capability.shaderF16) {
    return 'Needs 16-bit GPU shaders (shader-f16), which this GPU does not offer: pick the 32-bit build.';
  }
  return undefined;
}
