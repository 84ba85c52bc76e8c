import { SelectField } from '../../components/fields';

const RATING_OPTIONS = [
  { value: '', label: 'Not rated' },
  ...Array.from({ length: 11 }, (_, i) => ({ value: String(i), label: String(i) })),
];

/** A carer's rating 0-10 (or not rated), chosen from a list so it is always a whole number in range. */
export function RatingSelect({
  id,
  label,
  value,
  onChange,
  hint,
}: {
  id: string;
  label: string;
  value: number | null;
  onChange: (v: number | null) => void;
  hint?: string;
}) {
  return (
    <SelectField
      id={id}
      label={label}
      hint={hint}
      value={value === null ? '' : String(value)}
      onValueChange={(v) => onChange(v === '' ? null : Number(v))}
      options={RATING_OPTIONS}
    />
  );
}
