import { type KeyboardEvent, useState } from 'react';
import type { FieldValue } from './attribute-values';

interface FieldProps<T> {
  id: string;
  label: string;
  value: FieldValue<T>;
  mixedLabel: string;
  disabled?: boolean;
  /** Returns an error message, or null when the value was accepted. */
  onCommit: (text: string) => string | null;
  hint?: string;
}

const shown = <T,>(value: FieldValue<T>): string =>
  value.kind === 'same' && value.value !== undefined ? String(value.value) : '';

/** A text or number input that commits on Enter or blur and shows the validation message in place. */
export function InputField<T>({
  id,
  label,
  value,
  mixedLabel,
  disabled,
  onCommit,
  hint,
  numeric,
}: FieldProps<T> & { numeric?: boolean }) {
  const external = `${value.kind}:${shown(value)}`;
  const [draft, setDraft] = useState(shown(value));
  const [error, setError] = useState<string | null>(null);
  const [seen, setSeen] = useState(external);
  if (seen !== external) {
    // The value changed under the field (undo, another edit, a new selection): show it.
    setSeen(external);
    setDraft(shown(value));
    setError(null);
  }
  const commit = () => {
    if (draft === shown(value)) return setError(null);
    setError(onCommit(draft));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') commit();
    if (event.key === 'Escape') {
      setDraft(shown(value));
      setError(null);
    }
  };
  return (
    <div className="planner-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={id}
        type="text"
        inputMode={numeric ? 'decimal' : undefined}
        value={draft}
        placeholder={value.kind === 'mixed' ? mixedLabel : hint}
        disabled={disabled}
        aria-invalid={error !== null}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={onKeyDown}
      />
      {error && (
        <p className="planner-field__error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** A choice list; a mixed selection shows an empty "mixed" option until a value is picked. */
export function SelectField<T extends string>({
  id,
  label,
  value,
  mixedLabel,
  disabled,
  onCommit,
  options,
}: FieldProps<T> & { options: readonly { value: T; label: string }[] }) {
  const [error, setError] = useState<string | null>(null);
  const current = value.kind === 'same' ? (value.value ?? '') : '';
  return (
    <div className="planner-field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        name={id}
        value={current}
        disabled={disabled}
        onChange={(event) => setError(onCommit(event.target.value))}
      >
        {current === '' && <option value="">{value.kind === 'mixed' ? mixedLabel : '—'}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {error && (
        <p className="planner-field__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
