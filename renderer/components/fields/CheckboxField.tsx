import { describedBy, FieldMessages, type FieldProps } from './FieldFrame';

/**
 * A checkbox with its label beside it and its hint (and error, e.g. "Confirm you have written
 * the key down", shown above the box) under it, both described to the checkbox.
 */
export function CheckboxField({
  id,
  label,
  checked,
  onCheckedChange,
  hint,
  error,
  announce,
}: FieldProps & {
  checked: boolean;
  onCheckedChange: (checked: boolean) => void;
  /** The error is an alert (it appears on submit without the focus moving to the box). */
  announce?: boolean;
}) {
  return (
    <div className={error ? 'field field--error' : 'field'}>
      {error && <FieldMessages id={id} error={error} announce={announce} />}
      <div className="checkbox">
        <input
          id={id}
          type="checkbox"
          checked={checked}
          onChange={(e) => onCheckedChange(e.target.checked)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, hint, error)}
        />
        <label htmlFor={id}>{label}</label>
      </div>
      {hint && (
        <p className="field__hint checkbox__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );
}
