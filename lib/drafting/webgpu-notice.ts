/**
 * The "no WebGPU" notice on a draft is shown once per browser session: on a machine without
 * WebGPU every draft would otherwise repeat the same paragraph. Which engine wrote the draft
 * stays labelled on every draft (the editor's header); only the explanation is not repeated.
 *
 * Kept in `storage.session` (cleared when the browser closes; extension pages only, never a
 * site's page).
 */
import { storage } from 'wxt/utils/storage';

/** How whyNotModel (engine-choice.ts) starts its reason when the browser has no WebGPU. */
const NO_WEBGPU_REASON = 'No WebGPU here';

export const noWebgpuNoticeShownItem = storage.defineItem<boolean>('session:drafts.noWebgpuNoticeShown', { fallback: false });

/** Whether a draft's engine notice is (or includes) the "no WebGPU" reason. */
export function isNoWebgpuNotice(notice: string): boolean {
  return notice.includes(NO_WEBGPU_REASON);
}

/** True the first time in this browser session (and records it), false after. */
export async function claimNoWebgpuNotice(item: Pick<typeof noWebgpuNoticeShownItem, 'getValue' | 'setValue'> = noWebgpuNoticeShownItem): Promise<boolean> {
  if (await item.getValue()) return false;
  await item.setValue(true);
  return true;
}
