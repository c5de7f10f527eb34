/** The creator's own model: an id and the addresses of its weights and compiled library. */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { customModelSchema, type CustomModelEntry } from '@/lib/llm/catalog';
import { saveCustomModel } from '@/lib/llm/settings';

type Field = keyof CustomModelEntry;
const EMPTY: Record<Field, string> = { id: '', modelUrl: '', modelLibUrl: '' };

const FIELDS: { name: Field; label: string; type: 'text' | 'url'; hint: string }[] = [
  { name: 'id', label: 'Model id', type: 'text', hint: 'A name for it, e.g. my-model-q4f32_1-MLC' },
  {
    name: 'modelUrl',
    label: 'Model URL',
    type: 'url',
    hint: 'The folder with mlc-chat-config.json and the weights (a Hugging Face repo address works)',
  },
  { name: 'modelLibUrl', label: 'Model library URL', type: 'url', hint: 'The compiled WebGPU library, a .wasm file' },
];

/** Field → first problem, from zod's issues. */
function fieldErrors(values: Record<Field, string>): Partial<Record<Field, string>> {
  const parsed = customModelSchema.safeParse(values);
  if (parsed.success) return {};
  const errors: Partial<Record<Field, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as Field | undefined;
    if (field && !errors[field]) errors[field] = issue.message;
  }
  return errors;
}

interface Props {
  saved: CustomModelEntry | null;
  /** Called after a save. */
  onSaved?: (entry: CustomModelEntry) => void;
}

export function ModelCustomForm({ saved, onSaved }: Props) {
  const id = useId();
  const [values, setValues] = useState<Record<Field, string>>(saved ?? EMPTY);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string }>();

  // The saved entry arrives after the first render (storage is async).
  useEffect(() => {
    if (saved) setValues(saved);
  }, [saved]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setOutcome(undefined);
    const found = fieldErrors(values);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    try {
      const entry = await saveCustomModel(values);
      onSaved?.(entry);
      setOutcome({ ok: true, text: `Saved ${entry.id}. Choose it in the list above and download it.` });
    } catch (error) {
      setOutcome({ ok: false, text: `Not saved: ${(error as Error).message}` });
    }
  }

  return (
    <form className="stack" noValidate onSubmit={(event) => void submit(event)} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Your own model</h3>
      <p className="muted">
        For weights you host yourself, compiled for WebLLM (MLC format). Addresses must be https://,
        even for a model served on this computer.
      </p>
      {FIELDS.map((field) => {
        const inputId = `${id}-${field.name}`;
        const error = errors[field.name];
        return (
          <div className="field" key={field.name}>
            <label htmlFor={inputId}>{field.label}</label>
            <input
              id={inputId}
              type={field.type}
              value={values[field.name]}
              placeholder={field.hint}
              spellCheck={false}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${inputId}-error` : undefined}
              onChange={(event) => {
                const next = { ...values, [field.name]: event.target.value };
                setValues(next);
                // Clear a field's error as soon as it is fixed, not only on the next save.
                if (error && !fieldErrors(next)[field.name]) setErrors({ ...errors, [field.name]: undefined });
              }}
            />
            {error && (
              <span className="field-error" id={`${inputId}-error`}>
                {error}
              </span>
            )}
          </div>
        );
      })}
      <div className="row">
        <button type="submit">Save my model</button>
        {outcome && (
          <span className={outcome.ok ? 'muted' : 'field-error'} role="status">
            {outcome.text}
          </span>
        )}
      </div>
    </form>
  );
}
