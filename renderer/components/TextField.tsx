import type { InputHTMLAttributes, Ref } from 'react';

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value' | 'id'> {
  id: string;
  label: string;
  value: string;
  onValueChange: (value: string) => void;
  /** Help shown under the label before anything goes wrong (e.g. the minimum length). */
  hint?: string;
  /** The field's error, shown and announced; the field is marked invalid while set. */
  error?: string | null;
  inputRef?: Ref<HTMLInputElement>;
  /** Extra class for the input (e.g. monospace for a recovery key). */
  inputClassName?: string;
}

/**
 * A labelled text input with its hint and error tied to it by aria-describedby, so a screen
 * reader reads them when the field gains focus, not only when the error first appears.
 */
export function TextField({
  id,
  label,
  value,
  onValueChange,
  hint,
  error,
  inputRef,
  inputClassName,
  ...rest
}: TextFieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={errorId}>
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      )}
      <input
        {...rest}
        id={id}
        ref={inputRef}
        className={inputClassName ? `field__input ${inputClassName}` : 'field__input'}
        value={value}
        onChange={(e) => onValueChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
    </div>
  );
}
