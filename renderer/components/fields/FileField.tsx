import type { ReactNode, Ref } from 'react';
import { controlProps, FieldFrame, type FieldProps } from './FieldFrame';

/**
 * A labelled file chooser with its hint and error. The file itself is handed on as chosen
 * (`onFile`); what was chosen can be said under the control (`after`).
 */
export function FileField({
  id,
  label,
  hint,
  error,
  accept,
  disabled,
  inputRef,
  onFile,
  after,
}: FieldProps & {
  accept?: string;
  disabled?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  onFile: (file: File | null) => void;
  after?: ReactNode;
}) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} after={after}>
      <input
        {...controlProps({ id, label, hint, error })}
        ref={inputRef}
        type="file"
        className="field__file"
        accept={accept}
        disabled={disabled}
        onChange={(e) => onFile(e.target.files?.[0] ?? null)}
      />
    </FieldFrame>
  );
}
