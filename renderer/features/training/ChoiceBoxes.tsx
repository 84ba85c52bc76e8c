/**
 * Checkboxes under one legend with an error described to the group (the shared CheckboxGroup
 * has no error): trainers and audience sectors must have at least one ticked.
 */
import { FieldGroup, type Choice } from '../../components/fields';

export function ChoiceBoxes<V extends string>(props: {
  id: string;
  legend: string;
  hint?: string;
  error?: string | null;
  choices: readonly Choice<V>[];
  value: readonly V[];
  onChange: (chosen: V[]) => void;
}) {
  const { id, legend, hint, error, choices, value, onChange } = props;
  return (
    <FieldGroup id={id} legend={legend} hint={hint} error={error}>
      {choices.map((c) => (
        <div className="checkbox checkbox--compact" key={c.value}>
          <input
            id={`${id}-${c.value}`}
            type="checkbox"
            checked={value.includes(c.value)}
            aria-invalid={error ? true : undefined}
            onChange={(e) => onChange(e.target.checked ? [...value, c.value] : value.filter((v) => v !== c.value))}
          />
          <label htmlFor={`${id}-${c.value}`}>{c.label}</label>
        </div>
      ))}
    </FieldGroup>
  );
}
