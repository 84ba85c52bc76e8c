import type { Ref } from 'react';
import { controlProps, FieldFrame, type FieldProps } from './FieldFrame';

/** A labelled text area with its hint and error. */
export function TextAreaField({
  id,
  label,
  value,
  onValueChange,
  hint,
  error,
  rows = 3,
  textAreaRef,
  onSubmitShortcut,
}: FieldProps & {
  value: string;
  onValueChange: (v: string) => void;
  rows?: number;
  textAreaRef?: Ref<HTMLTextAreaElement>;
  /** Ctrl+Enter (Cmd+Enter) submits the form, as Enter does in a one-line field. */
  onSubmitShortcut?: () => void;
}) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <textarea
        {...controlProps({ id, label, hint, error })}
        ref={textAreaRef}
        className="field__input field__textarea"
        rows={rows}
        value={value}
        onChange={(e) => onValueChange(e.target.value)}
        onKeyDown={(e) => {
          if (onSubmitShortcut && e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            onSubmitShortcut();
          }
        }}
      />
    </FieldFrame>
  );
}
