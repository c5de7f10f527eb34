/**
 * Open & insert from the review desk (issue 14): focus the tab with the comment (or open its
 * permalink), open its reply box and insert the draft. The background side is built separately
 * (a 'desk.insert' {draftId} request); until it is in protocol.ts, the desk hides the button and
 * the `i` key says so. WIRE HERE: set OPEN_AND_INSERT_READY and send the request below.
 */

/** Whether the background answers 'desk.insert' yet. */
export const OPEN_AND_INSERT_READY: boolean = false;

/** Asks the background to open the draft's page and insert it; returns what to tell the creator. */
export async function openAndInsert(_draftId: number): Promise<string> {
  return 'Open & insert is not available yet: Copy the draft and paste it into the reply box.';
}
