/** What this machine's GPU means for drafting, in plain words first and numbers after. */
import type { GpuCapability } from '@/lib/core/models';
import { describeCapability } from '@/lib/llm/gpu';
import { formatBytes } from './ModelFormat';

export function ModelGpu({ capability }: { capability: GpuCapability }) {
  const sentence = describeCapability(capability);
  if (!capability.available) {
    return (
      <div className="banner" data-testid="gpu-summary">
        <p>
          <strong>WebGPU is unavailable here, so drafts come from your past replies.</strong>
        </p>
        <p className="muted">
          {sentence} To draft with an AI model, use Chrome 113 or newer on a computer with a
          graphics card, with hardware acceleration turned on (Settings → System).
        </p>
      </div>
    );
  }
  return (
    <div className="stack" data-testid="gpu-summary">
      <div className={`banner${capability.isSoftware ? ' warning' : ''}`}>
        <p>
          <strong>{sentence}</strong>
        </p>
        {capability.isSoftware && (
          <p className="muted">
            A software GPU runs on the processor and takes minutes per reply, so Understudy does not
            recommend a model here and drafts from your past replies. You can still download a
            model below, but it will not be used for drafting on this GPU.
          </p>
        )}
      </div>
      <dl className="facts" aria-label="GPU details">
        <div>
          <dt>Adapter</dt>
          <dd>
            {capability.adapterName ?? 'Unnamed GPU'}
            {capability.isSoftware && <span className="badge warn">Software only</span>}
          </dd>
        </div>
        <div>
          <dt>16-bit shaders (shader-f16)</dt>
          <dd>{capability.shaderF16 ? 'Yes' : 'No'}</dd>
        </div>
        <div>
          <dt>Largest GPU buffer</dt>
          <dd>{capability.maxBufferSize !== undefined ? formatBytes(capability.maxBufferSize) : 'Unknown'}</dd>
        </div>
      </dl>
    </div>
  );
}
