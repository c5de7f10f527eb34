/**
 * How the model writes (temperature, reply length) and how long it stays loaded. Each value is
 * saved as soon as it is valid; an invalid one is explained next to its field and not saved.
 */
import { useEffect, useId, useState } from 'react';
import {
  DEFAULT_GENERATION,
  DEFAULT_IDLE_UNLOAD_MINUTES,
  generationSettingsItem,
  generationSettingsSchema,
  idleUnloadMinutesItem,
  idleUnloadMinutesSchema,
  type GenerationSettingsValue,
} from '@/lib/llm/settings';
import { useStorageItem } from './useStorageItem';

interface NumberFieldProps {
  label: string;
  hint: string;
  value: number | undefined;
  min: number;
  max: number;
  step: number;
  /** Returns an error message, or undefined when saved. */
  onValid: (value: number) => string | undefined;
}

function NumberField({ label, hint, value, min, max, step, onValid }: NumberFieldProps) {
  const id = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();

  // Follow the stored value (first load, or a change from another page) unless mid-edit with an error.
  useEffect(() => {
    if (value === undefined || error) return;
    // Keep what the creator typed ("0.50") when it already means the stored value.
    setText((typed) => (typed.trim() !== '' && Number(typed) === value ? typed : String(value)));
  }, [value, error]);

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        min={min}
        max={max}
        step={step}
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        onChange={(event) => {
          setText(event.target.value);
          const number = event.target.value.trim() === '' ? Number.NaN : Number(event.target.value);
          setError(onValid(number));
        }}
      />
      <span className="muted" id={`${id}-hint`}>{hint}</span>
      {error && <span className="field-error" id={`${id}-error`}>{error}</span>}
    </div>
  );
}

export function ModelGeneration() {
  const id = useId();
  const [generation, setGeneration] = useStorageItem(generationSettingsItem);
  const [idle, setIdle] = useStorageItem(idleUnloadMinutesItem);
  const current: GenerationSettingsValue = generation ?? DEFAULT_GENERATION;

  const saveGeneration = (patch: Partial<GenerationSettingsValue>, message: string) => {
    const parsed = generationSettingsSchema.safeParse({ ...current, ...patch });
    if (!parsed.success) return message;
    void setGeneration(parsed.data);
    return undefined;
  };

  return (
    <div className="stack" role="group" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>How the model writes</h3>
      <div className="fields">
        <NumberField
          label="Temperature"
          hint="0 is steady and predictable, 2 is loose and surprising."
          value={generation?.temperature}
          min={0}
          max={2}
          step={0.1}
          onValid={(temperature) => saveGeneration({ temperature }, 'Use a number from 0 to 2.')}
        />
        <NumberField
          label="Max tokens"
          hint="The longest a draft can be (a token is about ¾ of a word)."
          value={generation?.maxTokens}
          min={16}
          max={1024}
          step={1}
          onValid={(maxTokens) => saveGeneration({ maxTokens }, 'Use a whole number from 16 to 1024.')}
        />
        <NumberField
          label="Unload after idle (minutes)"
          hint={`Frees GPU memory when you have not drafted for this long (default ${DEFAULT_IDLE_UNLOAD_MINUTES}).`}
          value={idle}
          min={1}
          max={240}
          step={1}
          onValid={(minutes) => {
            const parsed = idleUnloadMinutesSchema.safeParse(minutes);
            if (!parsed.success) return 'Use a whole number of minutes from 1 to 240.';
            void setIdle(parsed.data);
            return undefined;
          }}
        />
      </div>
    </div>
  );
}
