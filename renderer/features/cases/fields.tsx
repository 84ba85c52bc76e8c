/** Labelled select and text area, built like components/TextField (hint and error described). */
import type { ReactNode } from 'react';

interface Common {
  id: string;
  label: string;
  hint?: string;
  error?: string | null;
}

function describedBy(id: string, hint?: string, error?: string | null): string | undefined {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

function Frame({ id, label, hint, error, children }: Common & { children: ReactNode }) {
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={`${id}-error`}>
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      )}
      {children}
    </div>
  );
}

export function SelectField({
  options,
  value,
  onValueChange,
  ...common
}: Common & {
  options: readonly { value: string; label: string }[];
  value: string;
  onValueChange: (v: string) => void;
}) {
  return (
    <Frame {...common}>
      <select
        id={common.id}
        className="field__select"
        value={value}
        onChange={(e) => onValueChange(e.target.value)}
        aria-invalid={common.error ? true : undefined}
        aria-describedby={describedBy(common.id, common.hint, common.error)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Frame>
  );
}

export function TextAreaField({
  value,
  onValueChange,
  rows = 3,
  ...common
}: Common & { value: string; onValueChange: (v: string) => void; rows?: number }) {
  return (
    <Frame {...common}>
      <textarea
        id={common.id}
        className="field__input field__textarea"
        rows={rows}
        value={value}
        onChange={(e) => onValueChange(e.target.value)}
        aria-invalid={common.error ? true : undefined}
        aria-describedby={describedBy(common.id, common.hint, common.error)}
      />
    </Frame>
  );
}
