/** Labelled select and text area, built like components/TextField (hint and error described). */
import { describedBy, FieldFrame } from '../../components/FieldFrame';

interface Common {
  id: string;
  label: string;
  hint?: string;
  error?: string | null;
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
    <FieldFrame {...common}>
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
    </FieldFrame>
  );
}

export function TextAreaField({
  value,
  onValueChange,
  rows = 3,
  ...common
}: Common & { value: string; onValueChange: (v: string) => void; rows?: number }) {
  return (
    <FieldFrame {...common}>
      <textarea
        id={common.id}
        className="field__input field__textarea"
        rows={rows}
        value={value}
        onChange={(e) => onValueChange(e.target.value)}
        aria-invalid={common.error ? true : undefined}
        aria-describedby={describedBy(common.id, common.hint, common.error)}
      />
    </FieldFrame>
  );
}
