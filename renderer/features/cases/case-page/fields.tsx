/**
 * Labelled form controls for the case page, built like components/TextField: the hint and the
 * error are tied to the control by aria-describedby, and the control is marked invalid while
 * its error shows.
 */
import { describedBy, FieldFrame } from '../../../components/FieldFrame';
import type { Ref } from 'react';

export function TextAreaField(props: {
  id: string;
  label: string;
  value: string;
  onValueChange: (v: string) => void;
  hint?: string;
  error?: string | null;
  rows?: number;
  textAreaRef?: Ref<HTMLTextAreaElement>;
  /** Ctrl+Enter (Cmd+Enter) submits the form, as Enter does in a one-line field. */
  onSubmitShortcut?: () => void;
}) {
  const { id, label, value, onValueChange, hint, error, rows = 4, textAreaRef, onSubmitShortcut } = props;
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <textarea
        id={id}
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
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
    </FieldFrame>
  );
}

export function SelectField<V extends string>(props: {
  id: string;
  label: string;
  value: V;
  onValueChange: (v: V) => void;
  options: readonly { value: V; label: string }[];
  hint?: string;
  error?: string | null;
}) {
  const { id, label, value, onValueChange, options, hint, error } = props;
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <select
        id={id}
        className="field__select"
        value={value}
        onChange={(e) => onValueChange(e.target.value as V)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

export function CheckboxField(props: {
  id: string;
  label: string;
  checked: boolean;
  onCheckedChange: (v: boolean) => void;
  hint?: string;
}) {
  const { id, label, checked, onCheckedChange, hint } = props;
  return (
    <div className="field">
      <div className="checkbox">
        <input
          id={id}
          type="checkbox"
          checked={checked}
          onChange={(e) => onCheckedChange(e.target.checked)}
          aria-describedby={hint ? `${id}-hint` : undefined}
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

/** Options of a label map, in the map's order. */
export function optionsOf<V extends string>(labels: Record<V, string>): { value: V; label: string }[] {
  return (Object.keys(labels) as V[]).map((value) => ({ value, label: labels[value] }));
}
