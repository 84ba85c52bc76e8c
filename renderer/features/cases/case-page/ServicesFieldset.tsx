import { SERVICES, type Service } from '../../../../preload/contract';
import { CheckboxGroup } from '../../../components/fields';
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
    <CheckboxGroup
      id={id}
      legend={legend}
      choices={SERVICES.map((s) => ({ value: s, label: SERVICE_LABELS[s] }))}
      value={value}
      onChange={onChange}
    />
  );
}
