/** One carer's row of a session's register: state, reason, when apologies were sent, their own note. */
import { REGISTER_STATE_LABELS, REGISTER_STATES, type RegisterState } from '../../../preload/contract/safe-home';
import { DateField, FieldGroup, SelectField, TextAreaField, TextField } from '../../components/fields';
import { rowFieldId, type RegisterErrors, type RegisterRow } from './register-draft';
import styles from './RegisterForm.module.css';

const STATE_OPTIONS: { value: RegisterState | ''; label: string }[] = [
  { value: '', label: 'Choose…' },
  ...REGISTER_STATES.map((s) => ({ value: s, label: REGISTER_STATE_LABELS[s] })),
];

const REASON_LABEL: Record<RegisterState, string> = {
  attended: 'Note on attendance (optional)',
  apologies: 'Reason given for the apologies (optional)',
  did_not_attend: 'Reason, if known (optional)',
  withdrawn: 'Why the carer withdrew',
};

export function RegisterRowFields({
  row,
  errors,
  onChange,
}: {
  row: RegisterRow;
  errors: RegisterErrors;
  onChange: (patch: Partial<RegisterRow>) => void;
}) {
  const id = (f: Parameters<typeof rowFieldId>[1]) => rowFieldId(row.enrolmentId, f);
  return (
    <FieldGroup
      id={`register-row-${row.enrolmentId}`}
      legend={`${row.carerName} (${row.caseReference})`}
      look="section"
    >
      <div className={styles.row}>
        <SelectField
          id={id('state')}
          label="Attendance"
          value={row.state}
          onValueChange={(state) => onChange({ state })}
          options={STATE_OPTIONS}
          error={errors[id('state')]}
        />
        {row.state && (
          <TextField
            id={id('reason')}
            label={REASON_LABEL[row.state]}
            value={row.reason}
            onValueChange={(reason) => onChange({ reason })}
            error={errors[id('reason')]}
          />
        )}
      </div>
      {row.state === 'apologies' && (
        <div className={styles.row}>
          <DateField
            id={id('cancelledDate')}
            label="Date the apologies were sent"
            value={row.cancelledDate}
            onValueChange={(cancelledDate) => onChange({ cancelledDate })}
            error={errors[id('cancelledDate')]}
          />
          <TextField
            id={id('cancelledTime')}
            label="Time the apologies were sent"
            hint="HH:mm, for example 18:30."
            autoComplete="off"
            value={row.cancelledTime}
            onValueChange={(cancelledTime) => onChange({ cancelledTime })}
            error={errors[id('cancelledTime')]}
          />
        </div>
      )}
      <TextAreaField
        id={id('carerNote')}
        label={`Note about ${row.carerName} (optional)`}
        hint="Placed on this carer’s case only."
        value={row.carerNote}
        onValueChange={(carerNote) => onChange({ carerNote })}
        rows={2}
      />
    </FieldGroup>
  );
}
