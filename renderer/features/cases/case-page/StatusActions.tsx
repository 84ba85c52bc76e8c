import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { CaseStatus } from '../../../../preload/contract';
import { FormError } from '../../../components/FormError';
import { errorMessage } from '../../../lib/api';
import { useFocusFirstInvalid } from '../../../lib/useFocusFirstInvalid';
import { TextAreaField } from '../../../components/fields';
import { setStatus } from './case-actions';
import { useFocusLater } from './useFocusLater';

interface Action {
  to: CaseStatus;
  label: string;
  /** What the reason is for, when the move needs one. */
  reason?: string;
  summary?: boolean;
}

/** The workflow as the core allows it (main/core/cases/rules.ts); the core checks again. */
const ACTIONS: Record<CaseStatus, Action[]> = {
  referred: [
    { to: 'accepted', label: 'Accept the referral' },
    { to: 'declined', label: 'Decline the referral', reason: 'Reason for declining' },
  ],
  accepted: [
    { to: 'active', label: 'Make the case active' },
    { to: 'closed', label: 'Close the case', reason: 'Reason for closing', summary: true },
  ],
  active: [{ to: 'closed', label: 'Close the case', reason: 'Reason for closing', summary: true }],
  declined: [{ to: 'referred', label: 'Reopen the referral', reason: 'Reason for reopening' }],
  closed: [{ to: 'referred', label: 'Reopen the case', reason: 'Reason for reopening' }],
};

/** Buttons for the next steps of the workflow; those that need a reason open a short form. */
export function StatusActions({ status }: { status: CaseStatus }) {
  const [pending, setPending] = useState<Action | null>(null);
  const [reason, setReason] = useState('');
  const [summary, setSummary] = useState('');
  const [errors, setErrors] = useState<{ reason: string | null; summary: string | null }>({
    reason: null,
    summary: null,
  });
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { formRef, markFailed } = useFocusFirstInvalid();
  const actionsRef = useRef<HTMLDivElement>(null);
  const focusLater = useFocusLater();
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (pending) reasonRef.current?.focus();
  }, [pending]);

  async function run(action: Action, reasonText: string | null, summaryText: string | null) {
    setBusy(true);
    setFormError(null);
    try {
      await setStatus(action.to, reasonText, summaryText);
      setPending(null);
      setDone(`Done: ${action.label.toLowerCase()}.`);
      // The buttons change with the status: keep focus in this section, on its first button.
      focusLater(() => actionsRef.current?.querySelector<HTMLButtonElement>('button'));
    } catch (err) {
      setFormError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  function start(action: Action) {
    setDone(null);
    setFormError(null);
    if (!action.reason) {
      void run(action, null, null);
      return;
    }
    setReason('');
    setSummary('');
    setErrors({ reason: null, summary: null });
    setPending(action);
  }

  function submit(e?: FormEvent) {
    e?.preventDefault();
    if (!pending || busy) return;
    const found = {
      reason: reason.trim() ? null : 'Give a reason.',
      summary: pending.summary && !summary.trim() ? 'Write a closing summary.' : null,
    };
    setErrors(found);
    if (found.reason || found.summary) {
      markFailed();
      return;
    }
    void run(pending, reason.trim(), pending.summary ? summary.trim() : null);
  }

  return (
    <div className="status-actions">
      <div className="button-row" ref={actionsRef}>
        {ACTIONS[status].map((a) => (
          <button
            key={a.to}
            type="button"
            className={a.to === 'declined' || a.to === 'closed' ? 'button button--secondary' : 'button'}
            onClick={() => start(a)}
            aria-disabled={busy || undefined}
            aria-expanded={a.reason ? pending?.to === a.to : undefined}
          >
            {a.label}
          </button>
        ))}
      </div>
      <div role="status" className={done ? 'result result--ok status-actions__done' : 'visually-hidden'}>
        {done}
      </div>
      {!pending && <FormError id="status-error">{formError}</FormError>}
      {pending && (
        <form ref={formRef} noValidate onSubmit={submit} className="inline-form" aria-label={pending.label}>
          <FormError id="status-error">{formError}</FormError>
          <TextAreaField
            id="status-reason"
            label={pending.reason ?? 'Reason'}
            value={reason}
            onValueChange={setReason}
            error={errors.reason}
            rows={3}
            textAreaRef={reasonRef}
            onSubmitShortcut={submit}
          />
          {pending.summary && (
            <TextAreaField
              id="status-summary"
              label="Closing summary"
              hint="What was done, the outcome, and any onward referral. It is kept with the case."
              value={summary}
              onValueChange={setSummary}
              error={errors.summary}
              rows={5}
              onSubmitShortcut={submit}
            />
          )}
          <div className="button-row">
            <button type="submit" className="button" aria-disabled={busy || undefined}>
              {busy ? 'Saving…' : pending.label}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setPending(null)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
