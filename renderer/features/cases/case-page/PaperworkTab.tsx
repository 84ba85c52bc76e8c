import { useRef, useState, type FormEvent } from 'react';
import type { PaperworkItemView } from '../../../../preload/contract';
import { ApiError, errorMessage } from '../../../lib/api';
import { formatDate } from '../../../lib/dates';
import { useCasePageStore } from '../../../stores/case-page';
import { useSessionStore } from '../../../stores/session';
import { ClockSummary } from './CaseHeader';
import { ConfirmDialog } from './ConfirmDialog';
import styles from './PaperworkTab.module.css';
import { setPaperworkReceived } from './case-actions';
import { checkUkDate, parseUkDate, todayUk } from './uk-date';
import { useFocusLater } from './useFocusLater';

/**
 * One row's "date received" form: Enter in the date field records it. A date before the
 * referral is the core's to judge: it answers CONFIRMATION_REQUIRED with the warning, shown here
 * in a dialog; "Save anyway" sends the date again with the acknowledgement.
 */
function ReceiveForm({ item, onSaved }: { item: PaperworkItemView; onSaved: (message: string) => void }) {
  const [date, setDate] = useState(todayUk());
  const [error, setError] = useState<string | null>(null);
  const [warning, setWarning] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const focusLater = useFocusLater();
  const id = `paperwork-${item.typeId}`;

  async function save(acknowledgeBeforeReferral: boolean) {
    const received = parseUkDate(date);
    setBusy(true);
    try {
      const detail = await setPaperworkReceived(item.typeId, received, acknowledgeBeforeReferral);
      const due = detail.clock.assessmentDueDate;
      onSaved(
        detail.clock.status !== 'none' && detail.clock.paperworkCompleteDate && due
          ? `${item.name} recorded. All required paperwork is in (complete on ${formatDate(detail.clock.paperworkCompleteDate)}): the assessment is due by ${formatDate(due)}.`
          : `${item.name} recorded as received on ${formatDate(received)}${acknowledgeBeforeReferral ? ', before the referral date' : ''}.`,
      );
    } catch (err) {
      if (err instanceof ApiError && err.code === 'CONFIRMATION_REQUIRED') setWarning(err.message);
      else setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const problem = checkUkDate(date, 'date received', true);
    setError(problem);
    if (!problem) void save(false);
  }

  return (
    <form noValidate onSubmit={submit} className={styles.rowForm} aria-label={`Record ${item.name} as received`}>
      <label htmlFor={id} className="visually-hidden">
        Date {item.name} was received (dd/mm/yyyy)
      </label>
      <input
        id={id}
        ref={inputRef}
        className="field__input field__input--date"
        value={date}
        onChange={(e) => setDate(e.target.value)}
        inputMode="numeric"
        autoComplete="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      <button type="submit" className="button button--small" aria-disabled={busy || undefined}>
        Record received<span className="visually-hidden">: {item.name}</span>
      </button>
      {error && (
        <p className={`${styles.rowFormError} field__error`} id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
      <ConfirmDialog
        open={warning !== null}
        title="Received before the referral?"
        confirmLabel="Save anyway"
        warning
        onConfirm={() => {
          setWarning(null);
          void save(true);
        }}
        onCancel={() => {
          setWarning(null);
          focusLater(() => inputRef.current);
        }}
      >
        <p>
          {item.name} received on {formatDate(parseUkDate(date))}.
        </p>
        <p className={styles.warning}>{warning}</p>
      </ConfirmDialog>
    </form>
  );
}

/** The paperwork checklist; the 12-week clock starts when every required item is in. */
export function PaperworkTab() {
  const detail = useCasePageStore((s) => s.detail);
  const canWrite = useSessionStore((s) => s.user?.role !== 'read-only');
  const [message, setMessage] = useState<string | null>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  const focusLater = useFocusLater();
  if (!detail) return null;

  /** After recording an item its form goes: move on to the next item still to come, or the result. */
  function saved(text: string) {
    setMessage(text);
    focusLater(() => tableRef.current?.querySelector<HTMLInputElement>('.row-form input') ?? messageRef.current);
  }
  const required = detail.paperwork.filter((p) => p.required);
  const missing = required.filter((p) => !p.receivedDate).length;

  async function clear(item: PaperworkItemView) {
    try {
      await setPaperworkReceived(item.typeId, null);
      setMessage(
        detail?.clock.status === 'none'
          ? `${item.name} marked as not received.`
          : `${item.name} marked as not received. The 12-week clock waits until it is received again.`,
      );
    } catch (err) {
      setMessage(errorMessage(err));
    }
  }

  return (
    <div className="tab-body">
      <h3>Paperwork</h3>
      <p>
        {/* A consultation-only case (or one with no assessment among its services) has no clock. */}
        {detail.clock.status === 'none'
          ? 'No assessment clock runs on this case (no assessment is requested or provided): the checklist is kept for the record.'
          : 'The assessment is due 12 weeks after every required item has been received.'}{' '}
        {missing > 0 ? (
          <strong>
            {missing} required {missing === 1 ? 'item is' : 'items are'} still to come.
          </strong>
        ) : (
          <strong>All required items have been received.</strong>
        )}
      </p>
      <div
        role="status"
        ref={messageRef}
        tabIndex={-1}
        className={message ? 'result result--ok' : 'visually-hidden'}
        data-testid="paperwork-message"
      >
        {message}
      </div>
      <ClockSummary clock={detail.clock} />
      <table className={`${styles.paperwork} table`} ref={tableRef}>
        <caption className="visually-hidden">Paperwork checklist</caption>
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col">Required</th>
            <th scope="col">Received</th>
            {canWrite && <th scope="col">Action</th>}
          </tr>
        </thead>
        <tbody>
          {detail.paperwork.map((item) => (
            <tr key={item.typeId}>
              <th scope="row">{item.name}</th>
              <td>{item.required ? 'Required' : 'Optional'}</td>
              <td>
                {item.receivedDate ? (
                  <>
                    <span className={styles.received}>Received {formatDate(item.receivedDate)}</span>
                    {/* Kept in view: an early date starts the clock before the referral. */}
                    {item.receivedDate < detail.referralDate && (
                      <span className={styles.early}> (before the referral)</span>
                    )}
                  </>
                ) : (
                  <span className="muted">Not received</span>
                )}
              </td>
              {canWrite && (
                <td>
                  {item.receivedDate ? (
                    <button type="button" className="link-button" onClick={() => void clear(item)}>
                      Mark as not received<span className="visually-hidden">: {item.name}</span>
                    </button>
                  ) : (
                    <ReceiveForm item={item} onSaved={saved} />
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
