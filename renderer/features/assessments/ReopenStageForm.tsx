import { useState, type FormEvent } from 'react';
import type { StageView } from '../../../preload/contract';
import { FormError } from '../../components/FormError';
import { errorMessage } from '../../lib/api';
import { formatDate } from '../../lib/dates';
import { useFocusOnMount } from '../../lib/useFocusOnMount';
import { TextAreaField } from '../cases/case-page/fields';
import { reopenStage } from './assessment-actions';
import { stageLabel } from './labels';

/**
 * Undo a stage marked done, with the reason (kept in the access log). Undoing "report sent"
 * says first that the assessment reopens and its 12-week clock runs again.
 */
export function ReopenStageForm({ stage, onClose }: { stage: StageView; onClose: (message: string | null) => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const field = useFocusOnMount<HTMLTextAreaElement>();
  const name = stageLabel(stage);
  const sent = stage.stage === 'report_sent';

  async function submit(e?: FormEvent) {
    e?.preventDefault();
    if (busy) return;
    if (!reason.trim()) {
      setError('Say why the stage is being undone.');
      field.current?.focus();
      return;
    }
    setError(null);
    setFormError(null);
    setBusy(true);
    try {
      await reopenStage(stage.id, stage.version, reason.trim());
      onClose(
        sent
          ? 'Report sent undone: the assessment is open again and its 12-week clock is running.'
          : `${name}: no longer marked done.`,
      );
    } catch (err) {
      setFormError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form noValidate onSubmit={submit} className="case-form" aria-labelledby="stage-reopen-heading">
      <h4 id="stage-reopen-heading">Undo: {name}</h4>
      <p>
        It was marked done on {formatDate(stage.actualDate)}.{' '}
        {sent
          ? 'Undoing it reopens the assessment and clears the case’s completed date, so the 12-week clock runs again until the report is marked sent.'
          : 'Mark it done again on the right day once it has happened.'}
      </p>
      <FormError id="stage-reopen-error">{formError}</FormError>
      <TextAreaField
        id="stage-reopen-reason"
        label="Why is it being undone?"
        hint="Kept in the case’s access log."
        value={reason}
        onValueChange={setReason}
        error={error}
        rows={2}
        textAreaRef={field}
        onSubmitShortcut={() => void submit()}
      />
      <div className="button-row">
        <button type="submit" className="button button--warning" aria-disabled={busy || undefined}>
          {busy ? 'Undoing…' : 'Undo the stage'}
        </button>
        <button type="button" className="button button--secondary" onClick={() => onClose(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
