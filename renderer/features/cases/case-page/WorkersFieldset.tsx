import type { Worker } from '../../../stores/case-page';

/** Checkboxes for choosing several colleagues (the case's allocated clinicians). */
export function WorkersFieldset(props: {
  id: string;
  legend: string;
  hint?: string;
  workers: Worker[];
  value: string[];
  onChange: (ids: string[]) => void;
}) {
  const { id, legend, hint, workers, value, onChange } = props;
  return (
    <fieldset className="fieldset" aria-describedby={hint ? `${id}-hint` : undefined}>
      <legend className="field__label">{legend}</legend>
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {workers.map((w) => (
        <div className="checkbox checkbox--compact" key={w.id}>
          <input
            id={`${id}-${w.id}`}
            type="checkbox"
            checked={value.includes(w.id)}
            onChange={(e) => onChange(e.target.checked ? [...value, w.id] : value.filter((v) => v !== w.id))}
          />
          <label htmlFor={`${id}-${w.id}`}>{w.displayName}</label>
        </div>
      ))}
    </fieldset>
  );
}
