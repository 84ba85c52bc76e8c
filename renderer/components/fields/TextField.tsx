import type { InputHTMLAttributes, Ref } from 'react';
import { controlProps, FieldFrame, type FieldProps } from './FieldFrame';

export interface TextFieldProps
  extends FieldProps, Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value' | 'id'> {
  value: string;
  onValueChange: (value: string) => void;
  inputRef?: Ref<HTMLInputElement>;
  /** Extra class for the input (e.g. monospace for a recovery key). */
  inputClassName?: string;
}

/** A labelled one-line text input with its hint and error. */
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
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <input
        {...rest}
        {...controlProps({ id, label, hint, error })}
        ref={inputRef}
        className={inputClassName ? `field__input ${inputClassName}` : 'field__input'}
        value={value}
        onChange={(e) => onValueChange(e.target.value)}
      />
    </FieldFrame>
  );
}
