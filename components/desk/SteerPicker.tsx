/**
 * The review desk's steer for Regenerate: the same list as the inline editor (lib/core/steers.ts),
 * a steer the draft's engine can't honour disabled with its reason said as text, and the
 * creator's own instruction under "Custom…".
 */
import { useId } from 'react';
import { CUSTOM_STEER_LABEL, customSteerSchema, isSteerId, MAX_CUSTOM_STEER_CHARS, STEERS, type SteerChoice } from '@/lib/core/steers';

export const CUSTOM_STEER = 'custom';

export interface SteerPickerProps {
  value: string;
  custom: string;
  /** The draft came from the memory engine: steers that need a model can't be honoured. */
  memoryDraft: boolean;
  disabled?: boolean;
  /** Say why a steer is disabled as visible text (the selected card), else only to screen readers. */
  showWhy?: boolean;
  onChange(value: string): void;
  onCustomChange(value: string): void;
  onSubmitCustom(): void;
}

/** The steer chosen, undefined for "as usual", or an error to show for a custom one. */
export function chosenSteer(value: string, custom: string): SteerChoice | undefined | { error: string } {
  if (value === CUSTOM_STEER) {
    const parsed = customSteerSchema.safeParse(custom);
    return parsed.success ? { custom: parsed.data } : { error: parsed.error.issues[0]?.message ?? 'Write what you would like changed.' };
  }
  return isSteerId(value) ? { id: value } : undefined;
}

export function SteerPicker(props: SteerPickerProps) {
  const id = useId();
  const unavailable = props.memoryDraft ? STEERS.filter((s) => s.needsModel) : [];
  return (
    <>
      <select aria-label="Steer the next draft" aria-describedby={unavailable.length ? `${id}-why` : undefined} value={props.value} disabled={props.disabled} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">As usual</option>
        {STEERS.map((s) => (
          <option key={s.id} value={s.id} disabled={props.memoryDraft && s.needsModel !== undefined}>
            {props.memoryDraft && s.needsModel ? `${s.label} (needs an AI model)` : s.label}
          </option>
        ))}
        <option value={CUSTOM_STEER}>{CUSTOM_STEER_LABEL}</option>
      </select>
      {unavailable.length > 0 && (
        <span id={`${id}-why`} className={props.showWhy ? 'muted desk-steer-why' : 'visually-hidden'}>
          {unavailable.map((s) => s.needsModel).join(' ')}
        </span>
      )}
      {props.value === CUSTOM_STEER && (
        <label className="custom-steer desk-custom-steer">
          Your instruction for the next draft
          <input
            type="text"
            value={props.custom}
            maxLength={MAX_CUSTOM_STEER_CHARS}
            placeholder="e.g. mention Friday's livestream"
            onChange={(e) => props.onCustomChange(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') props.onSubmitCustom();
            }}
          />
        </label>
      )}
    </>
  );
}
