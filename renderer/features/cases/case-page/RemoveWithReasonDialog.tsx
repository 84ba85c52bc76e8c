import { useState, type ReactNode } from 'react';
import { FormError } from '../../../components/FormError';
import { TextAreaField } from '../../../components/fields';
import { errorMessage } from '../../../lib/api';
import { ConfirmDialog } from './ConfirmDialog';

/**
 * Ask before removing a record entered in error, and why: the core keeps the reason in the
 * audit trail with what the record was. An empty reason is refused in the dialog; a refusal from
 * the core (a sign-off, someone else's change) is shown in it, and the dialog stays open.
 */
export function RemoveWithReasonDialog(props: {
  open: boolean;
  /** Prefix of the reason field's and the error's element ids (`<idPrefix>-reason`). */
  idPrefix: string;
  title: string;
  confirmLabel: string;
  /** What removing does, in the dialog's words. */
  explanation: ReactNode;
  /** The message when no reason is given. */
  reasonMissing: string;
  /** Remove the record with the reason given; resolves to the message to announce. */
  remove: (reason: string) => Promise<string>;
  onRemoved: (message: string) => void;
  onCancel: () => void;
}) {
  const { open, idPrefix, title, confirmLabel, explanation, reasonMissing, remove, onRemoved, onCancel } = props;
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
    if (!open || busy) return;
    if (!reason.trim()) {
      setReasonError(reasonMissing);
      document.getElementById(`${idPrefix}-reason`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const message = await remove(reason.trim());
      reset();
      onRemoved(message);
    } catch (err) {
      setFailure(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <ConfirmDialog
      open={open}
      title={title}
      confirmLabel={busy ? 'Removing…' : confirmLabel}
      warning
      onConfirm={() => void confirm()}
      onCancel={() => {
        reset();
        onCancel();
      }}
    >
      <p>{explanation}</p>
      <FormError id={`${idPrefix}-error`}>{failure}</FormError>
      <TextAreaField
        id={`${idPrefix}-reason`}
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
