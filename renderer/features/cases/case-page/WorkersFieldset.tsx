import { CheckboxGroup } from '../../../components/fields';
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
    <CheckboxGroup
      id={id}
      legend={legend}
      hint={hint}
      choices={workers.map((w) => ({ value: w.id, label: w.displayName }))}
      value={value}
      onChange={onChange}
    />
  );
}
