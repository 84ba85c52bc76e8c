/**
 * Close a run (its carers not completed by then become "did not complete") or reopen a
 * finished one, saying why. The core refuses to close while a planned session up to the closing
 * date has no register, and says which.
 */
import { useState } from 'react';
import type { RunView } from '../../../preload/contract/safe-home';
import { DateField, TextAreaField } from '../../components/fields';
import { errorMessage } from '../../lib/api';
import { ConfirmDialog } from '../cases/case-page/ConfirmDialog';
import { checkUkDate, parseUkDate, todayUk } from '../cases/case-page/uk-date';
import { closeRun, reopenRun } from './safe-home-actions';

export function RunStatusActions({ run, onMessage }: { run: RunView; onMessage: (m: string) => void }) {
  const [dialog, setDialog] = useState<'close' | 'reopen' | null>(null);
  const [closedOn, setClosedOn] = useState(todayUk());
  const [dateError, setDateError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);

  async function confirmReopen() {
    const problem = reason.trim() ? null : 'Say why the run is reopened.';
    setReasonError(problem);
    if (problem) {
      document.getElementById('run-reopen-reason')?.focus();
      return;
    }
    try {
      await reopenRun(run, reason.trim());
      setDialog(null);
      setReason('');
      onMessage('The run is open again.');
    } catch (err) {
      setFailure(errorMessage(err));
    }
  }

  async function confirmClose() {
    const problem = checkUkDate(closedOn, 'date the run closed', true);
    setDateError(problem);
    if (problem) return;
    try {
      await closeRun(run, parseUkDate(closedOn) ?? '');
      setDialog(null);
      onMessage('The run is finished. Carers who had not completed are recorded as not completing.');
    } catch (err) {
      setFailure(errorMessage(err));
    }
  }

  return (
    <>
      {run.status === 'finished' ? (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            setFailure(null);
            setDialog('reopen');
          }}
        >
          Reopen the run
        </button>
      ) : (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            setFailure(null);
            setDialog('close');
          }}
        >
          Close the run
        </button>
      )}
      <ConfirmDialog
        open={dialog === 'close'}
        title={`Close “${run.title}”?`}
        confirmLabel="Close the run"
        onConfirm={() => void confirmClose()}
        onCancel={() => setDialog(null)}
      >
        <p>
          Carers who have not completed by the rule are then recorded as not completing. You can reopen the run later,
          saying why.
        </p>
        <DateField
          id="run-closed-on"
          label="Date the run closed"
          value={closedOn}
          onValueChange={setClosedOn}
          error={dateError}
        />
        {failure && (
          <p role="alert" className="result result--problem">
            {failure}
          </p>
        )}
      </ConfirmDialog>
      <ConfirmDialog
        open={dialog === 'reopen'}
        title={`Reopen “${run.title}”?`}
        confirmLabel="Reopen the run"
        onConfirm={() => void confirmReopen()}
        onCancel={() => setDialog(null)}
      >
        <TextAreaField
          id="run-reopen-reason"
          label="Why is the run reopened?"
          hint="For example a register to correct or a late catch-up. Kept in the audit trail."
          value={reason}
          onValueChange={setReason}
          error={reasonError}
          rows={2}
        />
        {failure && (
          <p role="alert" className="result result--problem">
            {failure}
          </p>
        )}
      </ConfirmDialog>
    </>
  );
}
