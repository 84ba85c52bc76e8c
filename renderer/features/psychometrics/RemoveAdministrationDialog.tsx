import { useState } from 'react';
import type { AdministrationView } from '../../../preload/contract';
import { FormError } from '../../components/FormError';
import { TextAreaField } from '../../components/fields';
import { errorMessage } from '../../lib/api';
import { ConfirmDialog } from '../cases/case-page/ConfirmDialog';
import { administrationTitle } from './AdministrationCard';
import { removeAdministration } from './psychometrics-store';

/**
 * Ask before removing an administration entered in error, and why: the reason is kept in the
 * audit trail with what the record was. A refusal (the assessment report signed off, someone
 * else's change) is shown in the dialog, which stays open.
 */
export function RemoveAdministrationDialog(props: {
  a: AdministrationView | null;
  onRemoved: (text: string) => void;
  onCancel: () => void;
}) {
  const { a, onRemoved, onCancel } = props;
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  /** Start clean next time the dialog opens. */
  function reset() {
    setReason('');
    setReasonError(null);
    setFailure(null);
  }

  async function confirm() {
    if (!a || busy) return;
    if (!reason.trim()) {
      setReasonError('Say why this questionnaire is being removed, for example that it was entered on the wrong case.');
      document.getElementById('remove-psychometric-reason')?.focus();
      return;
    }
    setBusy(true);
    try {
      await removeAdministration(a, reason.trim());
      reset();
      onRemoved(`Removed ${administrationTitle(a)}.`);
    } catch (err) {
      setFailure(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <ConfirmDialog
      open={a !== null}
      title={a ? `Remove ${administrationTitle(a)}?` : 'Remove the questionnaire?'}
      confirmLabel={busy ? 'Removing…' : 'Remove questionnaire'}
      warning
      onConfirm={() => void confirm()}
      onCancel={() => {
        reset();
        onCancel();
      }}
    >
      <p>
        Remove a questionnaire only if it was entered in error, for example on the wrong case. It will no longer be
        listed, in the chronology or in the assessment report. The removal and your reason are recorded in the audit
        trail. To change a score or a date, correct it instead.
      </p>
      <FormError id="remove-psychometric-error">{failure}</FormError>
      <TextAreaField
        id="remove-psychometric-reason"
        label="Why is it being removed?"
        value={reason}
        onValueChange={(v) => {
          setReason(v);
          setReasonError(null);
        }}
        error={reasonError}
        rows={2}
      />
    </ConfirmDialog>
  );
}
