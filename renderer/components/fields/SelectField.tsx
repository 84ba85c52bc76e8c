import { controlProps, FieldFrame, type FieldProps } from './FieldFrame';

/** One choice of a select: the value stored and the words shown. */
export interface Option<V extends string = string> {
  value: V;
  label: string;
}

/** A labelled select with its hint and error. */
export function SelectField<V extends string>({
  id,
  label,
  value,
  onValueChange,
  options,
  hint,
  error,
  inline,
}: FieldProps & {
  value: V;
  onValueChange: (v: V) => void;
  options: readonly Option<V>[];
  /** Sits beside its neighbours in a row of filters. */
  inline?: boolean;
}) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} inline={inline}>
      <select
        {...controlProps({ id, label, hint, error })}
        className="field__select"
        value={value}
        // The options are exactly the V values, so what the select reports is one of them.
        onChange={(e) => onValueChange(e.target.value as V)}
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

/** Options of a label map, in the map's order. */
export function optionsOf<V extends string>(labels: Record<V, string>): Option<V>[] {
  return (Object.keys(labels) as V[]).map((value) => ({ value, label: labels[value] }));
}
