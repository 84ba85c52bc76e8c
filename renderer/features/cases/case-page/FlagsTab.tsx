import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { FlagView } from '../../../../preload/contract';
import { FormError } from '../../../components/FormError';
import { DateField, TextAreaField } from '../../../components/fields';
import { errorMessage } from '../../../lib/api';
import { formatDate, formatDateTime } from '../../../lib/dates';
import { useFocusFirstInvalid } from '../../../lib/useFocusFirstInvalid';
import { useCasePageStore } from '../../../stores/case-page';
import { useSessionStore } from '../../../stores/session';
import { FLAG_STATE_LABELS } from './labels';
import { CaseBundleConflicts } from './CaseBundleConflicts';
import { clearFlag, raiseFlag } from './case-actions';
import { checkUkDate, parseUkDate } from './uk-date';
import { useFocusLater } from './useFocusLater';
import styles from './FlagsTab.module.css';

function RaiseFlagForm({ onRaised }: { onRaised: (text: string) => void }) {
  const [reason, setReason] = useState('');
  const [addressBy, setAddressBy] = useState('');
  const [errors, setErrors] = useState<{ reason: string | null; addressBy: string | null }>({
    reason: null,
    addressBy: null,
  });
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { formRef, markFailed } = useFocusFirstInvalid();

  async function submit(e?: FormEvent) {
    e?.preventDefault();
    if (busy) return;
    const found = {
      reason: reason.trim() ? null : 'Say why the case is flagged.',
      addressBy: checkUkDate(addressBy, 'address-by date', false),
    };
    setErrors(found);
    setFormError(null);
    if (found.reason || found.addressBy) {
      markFailed();
      return;
    }
    setBusy(true);
    try {
      await raiseFlag(reason.trim(), addressBy.trim() ? parseUkDate(addressBy) : null);
      setReason('');
      setAddressBy('');
      onRaised('Flag raised. It shows at the top of the case until it is cleared.');
    } catch (err) {
      setFormError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form ref={formRef} noValidate onSubmit={submit} className="case-form" aria-labelledby="raise-flag-heading">
      <h4 id="raise-flag-heading">Raise a flag</h4>
      <FormError id="raise-flag-error">{formError}</FormError>
      <TextAreaField
        id="flag-reason"
        label="Reason"
        hint="What needs attention, e.g. new disclosure: strategy meeting needed."
        value={reason}
        onValueChange={setReason}
        error={errors.reason}
        rows={2}
        onSubmitShortcut={submit}
      />
      <DateField
        id="flag-address-by"
        label="Address by (optional)"
        hint="dd/mm/yyyy: the date by which it must be dealt with."
        value={addressBy}
        onValueChange={setAddressBy}
        error={errors.addressBy}
        inputMode="numeric"
        inputClassName="field__input--date"
      />
      <button type="submit" className="button" aria-disabled={busy || undefined}>
        {busy ? 'Raising…' : 'Raise flag'}
      </button>
    </form>
  );
}

function ClearFlagForm({ flag, onDone }: { flag: FlagView; onDone: (text: string | null) => void }) {
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => ref.current?.focus(), []);

  async function submit(e?: FormEvent) {
    e?.preventDefault();
    if (busy) return;
    if (!note.trim()) {
      setError('Say how the flag was addressed.');
      ref.current?.focus();
      return;
    }
    setBusy(true);
    try {
      await clearFlag(flag.id, note.trim());
      onDone(`Flag cleared: ${flag.reason}`);
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  }

  return (
    <form noValidate onSubmit={submit} className="inline-form" aria-label={`Clear flag: ${flag.reason}`}>
      <TextAreaField
        id={`clear-${flag.id}`}
        label="How was it addressed?"
        value={note}
        onValueChange={setNote}
        error={error}
        rows={2}
        textAreaRef={ref}
        onSubmitShortcut={submit}
      />
      <div className="button-row">
        <button type="submit" className="button button--small" aria-disabled={busy || undefined}>
          Clear flag
        </button>
        <button type="button" className="button button--secondary button--small" onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** Flags: raise, clear with a note, and the history (cleared flags are kept). */
export function FlagsTab() {
  const flags = useCasePageStore((s) => s.flags) ?? [];
  const caseId = useCasePageStore((s) => s.caseId);
  const canWrite = useSessionStore((s) => s.user?.role !== 'read-only');
  const [clearing, setClearing] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  const focusLater = useFocusLater();
  const open = flags.filter((f) => f.state !== 'cleared');
  const cleared = flags.filter((f) => f.state === 'cleared');

  function announce(text: string | null) {
    setClearing(null);
    if (!text) return;
    setMessage(text);
    focusLater(() => messageRef.current);
  }

  return (
    <div className="tab-body">
      {caseId && <CaseBundleConflicts caseId={caseId} />}
      <h3>Flags</h3>
      <div role="status" ref={messageRef} tabIndex={-1} className={message ? 'result result--ok' : 'visually-hidden'}>
        {message}
      </div>
      <section aria-labelledby="open-flags-heading" className="case-section">
        <h4 id="open-flags-heading">Open flags</h4>
        {open.length === 0 && <p className="muted">No open flags.</p>}
        <ul className={styles.records}>
          {open.map((f) => (
            <li key={f.id} className={`${styles.record} ${styles[f.state] ?? ''}`} data-testid="open-flag">
              <p className={styles.title}>{f.reason}</p>
              <p className={styles.meta}>
                {FLAG_STATE_LABELS[f.state]}. Raised by {f.raisedByName} on {formatDateTime(f.raisedAt)}.{' '}
                {f.addressBy ? `Address by ${formatDate(f.addressBy)}.` : 'No address-by date.'}
              </p>
              {canWrite &&
                (clearing === f.id ? (
                  <ClearFlagForm flag={f} onDone={announce} />
                ) : (
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    onClick={() => setClearing(f.id)}
                  >
                    Clear<span className="visually-hidden"> flag: {f.reason}</span>
                  </button>
                ))}
            </li>
          ))}
        </ul>
      </section>
      {canWrite && <RaiseFlagForm onRaised={announce} />}
      <section aria-labelledby="flag-history-heading" className="case-section">
        <h4 id="flag-history-heading">History: cleared flags</h4>
        {cleared.length === 0 && <p className="muted">No flags have been cleared.</p>}
        <ul className={styles.records}>
          {cleared.map((f) => (
            <li key={f.id} className={styles.record} data-testid="cleared-flag">
              <p className={styles.title}>{f.reason}</p>
              <p className={styles.meta}>
                Raised by {f.raisedByName} on {formatDateTime(f.raisedAt)}. Cleared on {formatDateTime(f.clearedAt)}
                {f.clearingNote ? `: ${f.clearingNote}` : '.'}
              </p>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
