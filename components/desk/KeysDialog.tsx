/** "?" on the desk: the keys, in a dialog (focus inside, Escape closes). */
import { Dialog } from '../Dialog';

export const DESK_KEYS: readonly { key: string; does: string }[] = [
  { key: 'j / k', does: 'Next / previous draft' },
  { key: 'e', does: 'Edit the draft (Escape leaves the text box)' },
  { key: 'r', does: 'Regenerate, with the steer chosen on the card' },
  { key: 'i', does: 'Open & insert into the comment’s reply box' },
  { key: 'c', does: 'Copy the draft' },
  { key: 's', does: 'Mark as sent' },
  { key: 'x', does: 'Discard the draft' },
  { key: 'u', does: 'Undo the last discard' },
  { key: '/', does: 'Search' },
  { key: '?', does: 'This list' },
];

export function KeysDialog({ onClose }: { onClose: () => void }) {
  return (
    <Dialog
      title="Keyboard keys"
      onCancel={onClose}
      actions={
        <button type="button" data-autofocus onClick={onClose}>
          Close
        </button>
      }
    >
      <dl className="desk-keys">
        {DESK_KEYS.map(({ key, does }) => (
          <div key={key}>
            <dt><kbd>{key}</kbd></dt>
            <dd>{does}</dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
}
