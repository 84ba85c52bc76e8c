import { SERVICES, type Service } from '../../../../preload/contract';
import { SERVICE_LABELS } from './labels';

/** Checkboxes for a set of services, grouped under a legend. */
export function ServicesFieldset(props: {
  id: string;
  legend: string;
  value: Service[];
  onChange: (v: Service[]) => void;
}) {
  const { id, legend, value, onChange } = props;
  return (
    <fieldset className="fieldset">
      <legend className="field__label">{legend}</legend>
      {SERVICES.map((s) => (
        <div className="checkbox checkbox--compact" key={s}>
          <input
            id={`${id}-${s}`}
            type="checkbox"
            checked={value.includes(s)}
            onChange={(e) => onChange(e.target.checked ? [...value, s] : value.filter((v) => v !== s))}
          />
          <label htmlFor={`${id}-${s}`}>{SERVICE_LABELS[s]}</label>
        </div>
      ))}
    </fieldset>
  );
}
