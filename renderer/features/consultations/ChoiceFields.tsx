/**
 * Radio buttons and checkbox lists under a legend, for the consultation forms: the error is
 * tied to the group by aria-describedby and announced with it, as the text fields' are.
 */
import styles from './Consultations.module.css';

export function RadioGroup<V extends string>(props: {
  id: string;
  legend: string;
  value: V | null;
  onChange: (v: V) => void;
  options: readonly { value: V; label: string }[];
  error?: string | null;
  inline?: boolean;
}) {
  const { id, legend, value, onChange, options, error, inline = false } = props;
  return (
    <fieldset
      className={error ? 'fieldset field--error' : 'fieldset'}
      id={id}
      aria-describedby={error ? `${id}-error` : undefined}
      tabIndex={-1}
    >
      <legend className="field__label">{legend}</legend>
      {error && (
        <p className="field__error" id={`${id}-error`}>
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      )}
      <div className={inline ? styles.inlineChoices : undefined}>
        {options.map((o) => (
          <div className="checkbox checkbox--compact" key={o.value}>
            <input
              id={`${id}-${o.value}`}
              type="radio"
              name={id}
              checked={value === o.value}
              onChange={() => onChange(o.value)}
              aria-invalid={error ? true : undefined}
            />
            <label htmlFor={`${id}-${o.value}`}>{o.label}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

export function CheckboxList(props: {
  id: string;
  legend: string;
  hint: string;
  empty: string;
  value: readonly string[];
  onChange: (v: string[]) => void;
  options: readonly { value: string; label: string }[];
}) {
  const { id, legend, hint, empty, value, onChange, options } = props;
  return (
    <fieldset className="fieldset" aria-describedby={`${id}-hint`}>
      <legend className="field__label">{legend}</legend>
      <p className="field__hint" id={`${id}-hint`}>
        {options.length === 0 ? empty : hint}
      </p>
      {options.map((o) => (
        <div className="checkbox checkbox--compact" key={o.value}>
          <input
            id={`${id}-${o.value}`}
            type="checkbox"
            checked={value.includes(o.value)}
            onChange={(e) => onChange(e.target.checked ? [...value, o.value] : value.filter((v) => v !== o.value))}
          />
          <label htmlFor={`${id}-${o.value}`}>{o.label}</label>
        </div>
      ))}
    </fieldset>
  );
}
