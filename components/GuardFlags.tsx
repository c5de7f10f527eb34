/**
 * The claim guard's flags on a draft, as the creator sees them in the inline editor and in the
 * side panel: "Check before sending", the draft read-only with each flagged span marked, and per
 * flag its plain label, its reason and what the creator can do (accept it for this draft, or
 * put the fact on their sheet); and the second, explicit confirmation before Insert or Copy of
 * a flagged draft (role="alertdialog", naming each flag).
 *
 * Re-guarding is local and synchronous (useGuard: lib/guard's guardDraft over the text, memoized),
 * within a frame per keystroke; the sheet's index is reused while the fact sheet is the same
 * array (useStableGuard keeps it one across messages that bring the same sheet).
 */
import { useFocusTrap } from './useFocusTrap';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { GUARD_FLAG_LABELS, type GuardFlag } from '@/lib/core/guard';
import { guardDraft, type GuardContext } from '@/lib/guard/guard';

/** A flag the creator accepted once keeps being accepted while its words stay in the draft. */
export function flagKey(flag: Pick<GuardFlag, 'kind' | 'text'>): string {
  return `${flag.kind}\u0000${flag.text.trim().toLowerCase()}`;
}

/**
 * The same context object while nothing in it changed, and the same facts array while the sheet
 * says the same: contexts arrive as copies (over the port, or from a live query), and the guard
 * caches its index on the facts array.
 */
export function useStableGuard(guard: GuardContext | undefined): GuardContext | undefined {
  const last = useRef<{ json: string; guard: GuardContext } | undefined>(undefined);
  const lastFacts = useRef<readonly string[] | undefined>(undefined);
  return useMemo(() => {
    if (!guard) return undefined;
    const json = JSON.stringify(guard);
    if (last.current?.json === json) return last.current.guard;
    const previous = lastFacts.current;
    const sameFacts = previous !== undefined && previous.length === guard.facts.length && previous.every((f, i) => f === guard.facts[i]);
    const stable = sameFacts ? { ...guard, facts: previous } : guard;
    lastFacts.current = stable.facts;
    last.current = { json, guard: stable };
    return stable;
  }, [guard]);
}

/**
 * The flags on `text` the creator has not accepted: guarded here, on every change. Without a
 * context (memory couldn't be read), the engine's own flags while the text is still the engine's.
 * `checked` is false when neither is available: the draft was not checked.
 */
export function useGuard(
  text: string,
  guard: GuardContext | undefined,
  accepted: ReadonlySet<string>,
  fallback?: { text: string; flags?: GuardFlag[] },
): { flags: GuardFlag[]; checked: boolean } {
  const stable = useStableGuard(guard);
  const all = useMemo(() => {
    if (stable) return guardDraft(text, stable);
    if (fallback?.flags && fallback.text === text) return fallback.flags;
    return undefined;
  }, [text, stable, fallback?.text, fallback?.flags]);
  return useMemo(
    () => ({ flags: (all ?? []).filter((f) => !accepted.has(flagKey(f))), checked: all !== undefined }),
    [all, accepted],
  );
}

/** "1 thing to check", "3 things to check". */
export function thingsToCheck(count: number): string {
  return `${count} ${count === 1 ? 'thing' : 'things'} to check`;
}

/** Personal claims and numbers are facts the creator may simply have left off their sheet. */
export function canAddToSheet(flag: GuardFlag): boolean {
  return flag.kind === 'personal' || flag.kind === 'number';
}

/** The sentence of `text` the flag sits in: what "Add to fact sheet" starts from. */
export function sentenceOf(text: string, flag: Pick<GuardFlag, 'start' | 'end'>): string {
  const before = text.slice(0, flag.start);
  const start = Math.max(before.lastIndexOf('. '), before.lastIndexOf('! '), before.lastIndexOf('? '), before.lastIndexOf('\n'));
  const rest = text.slice(flag.end);
  const endMatch = /[.!?](\s|$)|\n/.exec(rest);
  const end = endMatch ? flag.end + endMatch.index + 1 : text.length;
  return text.slice(start < 0 ? 0 : start + 1, end).trim();
}

/** The draft as text, the flagged spans as <mark>: rendered as React text, never as HTML. */
export function MarkedDraft({ text, flags }: { text: string; flags: readonly GuardFlag[] }) {
  const parts = useMemo(() => {
    const cuts = new Set([0, text.length]);
    for (const f of flags) {
      cuts.add(Math.min(Math.max(f.start, 0), text.length));
      cuts.add(Math.min(Math.max(f.end, 0), text.length));
    }
    const points = [...cuts].sort((a, b) => a - b);
    const out: { text: string; labels: string[] }[] = [];
    for (let i = 0; i + 1 < points.length; i++) {
      const from = points[i]!;
      const to = points[i + 1]!;
      const over = flags.filter((f) => f.start <= from && f.end >= to && f.end > f.start);
      out.push({ text: text.slice(from, to), labels: [...new Set(over.map((f) => GUARD_FLAG_LABELS[f.kind]))] });
    }
    return out;
  }, [text, flags]);
  return (
    <p className="guard-draft">
      {parts.map((part, i) =>
        part.labels.length > 0 ? (
          <mark key={i} title={part.labels.join(' · ')}>
            {part.text}
          </mark>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </p>
  );
}

export interface GuardFlagsProps {
  text: string;
  flags: readonly GuardFlag[];
  /** "Accept once": this draft only. */
  onAccept(flag: GuardFlag): void;
  /** "Add to fact sheet": resolves once written; rejects with a message to show. */
  onAddFact?(fact: string): Promise<void>;
  /** Actions are off while the draft can't be changed (sent, or its comment gone). */
  disabled?: boolean;
}

/** "Check before sending": nothing is rendered for a draft without flags. */
export function GuardFlags({ text, flags, onAccept, onAddFact, disabled = false }: GuardFlagsProps) {
  const id = useId();
  if (flags.length === 0) return null;
  return (
    <section className="guard-flags" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Check before sending</h2>
      <MarkedDraft text={text} flags={flags} />
      <ul>
        {flags.map((flag) => (
          <FlagItem key={`${flag.kind}:${flag.start}:${flag.end}`} text={text} flag={flag} onAccept={onAccept} onAddFact={onAddFact} disabled={disabled} />
        ))}
      </ul>
    </section>
  );
}

function FlagItem({ text, flag, onAccept, onAddFact, disabled }: { text: string; flag: GuardFlag } & Omit<GuardFlagsProps, 'text' | 'flags'>) {
  const [adding, setAdding] = useState(false);
  const [fact, setFact] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const field = useRef<HTMLInputElement>(null);
  const label = GUARD_FLAG_LABELS[flag.kind];

  useEffect(() => {
    if (adding) field.current?.focus();
  }, [adding]);

  async function save() {
    if (!onAddFact) return;
    if (!fact.trim()) return setError('Write the fact first.');
    setBusy(true);
    setError('');
    try {
      await onAddFact(fact.trim());
      setAdding(false);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <li className={`guard-flag guard-${flag.kind}`}>
      <p>
        <strong>{label}</strong>: <mark>{flag.text}</mark>
      </p>
      <p className="guard-reason">{flag.reason}</p>
      <div className="guard-actions">
        <button type="button" disabled={disabled} onClick={() => onAccept(flag)} aria-label={`Accept once: ${flag.text}`}>
          Accept once
        </button>
        {onAddFact && canAddToSheet(flag) && !adding && (
          <button
            type="button"
            disabled={disabled}
            aria-label={`Add to fact sheet: ${flag.text}`}
            onClick={() => {
              setFact(sentenceOf(text, flag));
              setAdding(true);
            }}
          >
            Add to fact sheet
          </button>
        )}
      </div>
      {adding && (
        <form
          className="guard-add"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <label>
            New fact for your sheet (write it as true of you)
            <input
              ref={field}
              type="text"
              value={fact}
              maxLength={2000}
              onChange={(e) => setFact(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Escape') {
                  e.stopPropagation();
                  setAdding(false);
                }
              }}
            />
          </label>
          <div className="guard-actions">
            <button type="submit" disabled={busy}>
              Save fact
            </button>
            <button type="button" onClick={() => setAdding(false)}>
              Cancel
            </button>
          </div>
          {error && (
            <p className="guard-error" role="alert">
              {error}
            </p>
          )}
        </form>
      )}
    </li>
  );
}

export interface GuardConfirmProps {
  /** What the creator asked for: "Insert" or "Copy". */
  action: 'Insert' | 'Copy';
  flags: readonly GuardFlag[];
  /** The question, naming where the draft goes ("Insert it into YouTube's reply box anyway?"). */
  question: string;
  onConfirm(): void;
  onCancel(): void;
}

/**
 * The second confirmation: an alertdialog naming each flag, "Insert anyway" / "Copy anyway" and
 * "Cancel". Rendered in place (the editor is a frame sized to its content: a fixed overlay would
 * be cut to the frame). Focus starts on Cancel, the safe choice, stays inside while it is open,
 * and goes back to what opened it; Escape cancels.
 */
export function GuardConfirm({ action, flags, question, onConfirm, onCancel }: GuardConfirmProps) {
  const id = useId();
  const box = useRef<HTMLDivElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);

  const onKeyDown = useFocusTrap(box, onCancel, () => cancel.current);
  useEffect(() => {
    box.current?.scrollIntoView?.({ block: 'nearest' });
  }, []);

  return (
    <div
      ref={box}
      className="guard-confirm"
      role="alertdialog"
      aria-modal="false"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      onKeyDown={onKeyDown}
    >
      <h2 id={`${id}-title`}>{action} a draft with {thingsToCheck(flags.length)}?</h2>
      <div id={`${id}-body`}>
        <p>
          The draft says things your fact sheet doesn’t back. {question}
        </p>
        <ul>
          {flags.map((flag) => (
            <li key={`${flag.kind}:${flag.start}:${flag.end}`}>
              “{flag.text}”: {GUARD_FLAG_LABELS[flag.kind]}
            </li>
          ))}
        </ul>
      </div>
      <div className="guard-actions">
        <button type="button" className="danger" onClick={onConfirm}>
          {action} anyway
        </button>
        <button type="button" ref={cancel} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
