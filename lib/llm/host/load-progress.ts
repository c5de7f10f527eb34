/**
 * Turns WebLLM's InitProgressReport into something a creator can read, with the numbers a
 * download bar needs. WebLLM reports three phases, each with its own 0→1 progress:
 *   "Fetching param cache[3/45]: 345MB fetched. 39% completed, 21 secs elapsed. …" (download)
 *   "Loading model from cache[3/45]: 345MB loaded. 39% completed, 2 secs elapsed." (from disk)
 *   "Loading GPU shader modules[12/80]: 15% completed, 3 secs elapsed." (compiling)
 * then "Finish loading on WebGPU - <gpu>". Byte counts and time left are derived from the text.
 */
import type { InitProgressReport } from '@mlc-ai/web-llm';

export type LoadPhase = 'download' | 'cache' | 'shaders' | 'ready' | 'other';

export interface LoadProgress {
  phase: LoadPhase;
  /** 0–1 within the phase. */
  progress: number;
  /** For the creator. */
  message: string;
  loadedMB?: number;
  totalMB?: number;
  timeLeftSeconds?: number;
  elapsedSeconds: number;
}

function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.round(seconds))} s`;
  const minutes = Math.round(seconds / 60);
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

export function describeProgress(report: InitProgressReport, modelLabel = 'the model'): LoadProgress {
  const text = report.text ?? '';
  const progress = Number.isFinite(report.progress) ? Math.min(1, Math.max(0, report.progress)) : 0;
  const elapsedSeconds = Number.isFinite(report.timeElapsed) ? report.timeElapsed : 0;
  const percent = Math.floor(progress * 100);
  const mbMatch = /(\d+)MB (fetched|loaded)/.exec(text);
  const loadedMB = mbMatch ? Number(mbMatch[1]) : undefined;
  // Early in a download the ratio is too noisy to extrapolate from.
  const totalMB = loadedMB !== undefined && progress >= 0.01 ? Math.round(loadedMB / progress) : undefined;

  if (/^Fetching param cache/i.test(text)) {
    const timeLeftSeconds = progress >= 0.02 && elapsedSeconds > 0 ? (elapsedSeconds * (1 - progress)) / progress : undefined;
    const amount = loadedMB !== undefined && totalMB !== undefined ? `${loadedMB} of ${totalMB} MB (${percent}%)` : `${percent}%`;
    const left = timeLeftSeconds !== undefined && progress < 1 ? `, about ${formatDuration(timeLeftSeconds)} left` : '';
    return {
      phase: 'download',
      progress,
      message: `Downloading ${modelLabel}: ${amount}${left}`,
      loadedMB,
      totalMB,
      timeLeftSeconds,
      elapsedSeconds,
    };
  }
  if (/^Loading model from cache/i.test(text)) {
    return { phase: 'cache', progress, message: `Loading ${modelLabel}: ${percent}%`, loadedMB, totalMB, elapsedSeconds };
  }
  if (/^Loading GPU shader/i.test(text)) {
    return { phase: 'shaders', progress, message: `Preparing the GPU: ${percent}%`, elapsedSeconds };
  }
  if (/^Finish loading/i.test(text)) {
    return { phase: 'ready', progress: 1, message: `${modelLabel.charAt(0).toUpperCase()}${modelLabel.slice(1)} is ready`, elapsedSeconds };
  }
  if (/^Start to fetch/i.test(text)) {
    return { phase: 'other', progress, message: `Starting to load ${modelLabel}…`, elapsedSeconds };
  }
  return { phase: 'other', progress, message: text || `Loading ${modelLabel}…`, elapsedSeconds };
}
