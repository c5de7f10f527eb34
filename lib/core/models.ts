/**
 * Model choices and GPU capability as they cross context boundaries (options ↔ background ↔
 * engine host). The catalogue and the creator-facing validation live in lib/llm.
 */
import { z } from 'zod';

/**
 * https only, even for a model the creator serves on their own machine: the extension pages'
 * content security policy allows no plain http (connect-src 'self' https:, see wxt.config.ts),
 * so an http address could be saved but never downloaded. A self-hosted model needs a
 * certificate (a local CA such as mkcert's works) or a host such as Hugging Face.
 */
const modelAddress = z.string().trim().max(2048).refine(
  (value) => {
    try {
      return new URL(value).protocol === 'https:';
    } catch {
      return false;
    }
  },
  { message: 'Use an https:// address (plain http is not allowed, even for a model on this computer).' },
);

/**
 * The creator's own model, checked the same way in every context (lib/llm/catalog adds that its
 * id must not shadow a built-in model).
 */
export const customModelWireSchema = z.object({
  id: z
    .string()
    .trim()
    .min(1, 'Give the model an id.')
    .max(120)
    .regex(/^[\w.-]+$/, 'Use letters, digits, dots, dashes and underscores only.'),
  /** Folder with the MLC weights and mlc-chat-config.json (a Hugging Face repo URL works). */
  modelUrl: modelAddress,
  /** The compiled WebGPU model library (.wasm). */
  modelLibUrl: modelAddress.refine((value) => /\.wasm(?:[?#].*)?$/i.test(value), {
    message: 'The model library address should point to a .wasm file.',
  }),
});

/** A model choice as it crosses a context boundary. */
export const modelSelectionSchema = z.object({
  modelId: z.string().min(1).max(200),
  custom: customModelWireSchema.optional(),
});
export type ModelSelection = z.infer<typeof modelSelectionSchema>;

export interface GpuCapability {
  available: boolean;
  /** Why the GPU cannot be used, when it cannot. */
  reason?: string;
  adapterName?: string;
  vendor?: string;
  architecture?: string;
  description?: string;
  /** A CPU-emulated GPU (SwiftShader, llvmpipe, Microsoft Basic Render Driver). */
  isSoftware: boolean;
  /** The `shader-f16` feature: q4f16 models need it. */
  shaderF16: boolean;
  maxBufferSize?: number;
  maxStorageBufferBindingSize?: number;
  deviceMemoryGB?: number;
}

export interface ModelStatus {
  capability: GpuCapability;
  recommendedId: string | null;
  /** The model drafting would use now, if any. */
  active: ModelSelection | null;
  /** Catalog model id (drafting and embedding models, and the custom id) → downloaded or not. */
  cached: Record<string, boolean>;
  storage: { usage?: number; quota?: number };
}
