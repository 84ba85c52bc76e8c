/** A reason and one button, for every retention change that must say why (kept in the audit). */
import { useState, type FormEvent } from 'react';
import { TextAreaField } from '../../components/fields';
import { errorMessage } from '../../lib/api';
import styles from './Retention.module.css';

const REASON_HINT = 'Kept in the audit trail after disposal: no names or clinical details.';

/** A reason and one button: placing or lifting a hold, proposing a disposal. */
export function ReasonForm({
  id,
  label,
  button,
  warning,
  onSubmit,
}: {
  id: string;
  label: string;
  button: string;
  warning?: boolean;
  onSubmit: (reason: string) => Promise<void>;
}) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!reason.trim()) return setError('Give a reason.');
    try {
      setError(null);
      await onSubmit(reason.trim());
      setReason('');
    } catch (err) {
      setError(errorMessage(err));
    }
  }
  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-label={button}>
      <TextAreaField
        id={id}
        label={label}
        hint={REASON_HINT}
        value={reason}
        onValueChange={setReason}
        rows={2}
        error={error}
      />
      <button type="submit" className={warning ? 'button button--warning' : 'button'}>
        {button}
      </button>
    </form>
  );
}
