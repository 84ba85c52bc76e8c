import { useState } from 'react';
import type { SessionView } from '../../../preload/contract';
import { FormError } from '../../components/FormError';
import { TextAreaField } from '../../components/fields';
import { errorMessage } from '../../lib/api';
import { formatDate } from '../../lib/dates';
import { ConfirmDialog } from '../cases/case-page/ConfirmDialog';
import { removeSession } from './consultations-actions';

/**
 * Ask before removing a session, and why (kept in the audit trail). A refusal (someone else's
 * change) is shown in the dialog, which stays open.
 */
export function RemoveSessionDialog(props: {
  session: SessionView | null;
  onRemoved: (text: string) => void;
  onCancel: () => void;
}) {
  const { session, onRemoved, onCancel } = props;
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const when = session ? formatDate(session.sessionDate) : '';

  /** Start clean next time the dialog opens. */
  function reset() {
    setReason('');
    setReasonError(null);
    setFailure(null);
  }

  async function confirm() {
    if (!session || busy) return;
    if (!reason.trim()) {
      setReasonError('Say why this session is being removed, for example that it was cancelled.');
      document.getElementById('remove-session-reason')?.focus();
      return;
    }
    setBusy(true);
    try {
      await removeSession(session, reason.trim());
      reset();
      onRemoved(`Session of ${when} removed.`);
    } catch (err) {
      setFailure(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <ConfirmDialog
      open={session !== null}
      title={`Remove the session of ${when}?`}
      confirmLabel={busy ? 'Removing…' : 'Remove session'}
      warning
      onConfirm={() => void confirm()}
      onCancel={() => {
        reset();
        onCancel();
      }}
    >
      <p>
        Remove a session only if it was entered in error or did not take place. Its notes and the cases discussed go
        with it, and the cases it discussed no longer show it in their chronology. The removal and your reason are
        recorded in the audit trail.
      </p>
      <FormError id="remove-session-error">{failure}</FormError>
      <TextAreaField
        id="remove-session-reason"
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
