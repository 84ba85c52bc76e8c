/**
 * A plan's session log, newest first, a page at a time ("Show older sessions"), with the ways
 * to add to it while the plan is active: record a held session, book one, or start a note from
 * the last session (the core fills its structure). A closed plan's log is read-only and fetched
 * only when asked for.
 */
import { useRef, useState } from 'react';
import { startFromLastSession, type PlanView } from '../../../preload/contract/interventions';
import { errorMessage } from '../../lib/api';
import { useFocusLater } from '../cases/case-page/useFocusLater';
import { todayIso } from '../cases/case-page/uk-date';
import { showOlderSessions, showSessions, startFromLast } from './interventions-actions';
import { useInterventionsStore } from './interventions-store';
import { SessionForm, type SessionFormMode } from './SessionForm';
import { SessionRecord } from './SessionRecord';
import styles from './Interventions.module.css';

export function SessionLog(props: {
  plan: PlanView;
  canWrite: boolean;
  onMessage: (message: string) => void;
  /** 4 for the active plan's log (beside its outcomes), 5 inside a closed plan's section. */
  level: 4 | 5;
}) {
  const { plan, canWrite, onMessage, level } = props;
  const Heading = level === 4 ? 'h4' : 'h5';
  const log = useInterventionsStore((s) => s.logs[plan.id]);
  const [form, setForm] = useState<SessionFormMode | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const recordButton = useRef<HTMLButtonElement>(null);
  const focusLater = useFocusLater();
  const active = plan.closure === null;
  const writable = canWrite && active;
  const headingId = `sessions-${plan.id}-heading`;

  async function run(task: () => Promise<void>) {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await task();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  /** An empty note: today, the plan's goals, the service's usual defaults (or booked as planned). */
  function blank(booking: boolean) {
    const start = startFromLastSession(
      null,
      todayIso(),
      plan.goals.map((g) => g.id),
    );
    setForm({ kind: 'new', start: booking ? { ...start, attendance: 'planned' } : start, fromLast: false });
  }

  /** The next page; the focus goes to the first session it brings, as the button may go. */
  async function showOlder() {
    const first = log?.items.length ?? 0;
    await showOlderSessions(plan.id);
    const arrived = useInterventionsStore.getState().logs[plan.id]?.items[first];
    if (arrived) focusLater(() => document.getElementById(`session-${arrived.id}-heading`));
  }

  function closeForm(message: string | null) {
    setForm(null);
    if (message) onMessage(message);
    else focusLater(() => recordButton.current);
  }

  if (!log) {
    return (
      <section aria-labelledby={headingId} className={styles.section}>
        <Heading id={headingId}>Session log</Heading>
        {error && <p className="result result--problem">{error}</p>}
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => void run(() => showSessions(plan.id))}
        >
          {busy ? 'Fetching…' : 'Show the sessions of this plan'}
        </button>
      </section>
    );
  }
  const shown = log.items.length;
  return (
    <section aria-labelledby={headingId} className={styles.section}>
      <Heading id={headingId}>Session log</Heading>
      {error && (
        <p role="alert" className="result result--problem">
          {error}
        </p>
      )}
      {writable && form === null && (
        <div className="button-row">
          <button ref={recordButton} type="button" className="button" onClick={() => blank(false)}>
            Record a session
          </button>
          <button
            type="button"
            className="button button--secondary"
            aria-disabled={busy || undefined}
            onClick={() =>
              void run(async () => {
                const start = await startFromLast(plan.id);
                setForm({ kind: 'new', start, fromLast: true });
              })
            }
          >
            Start from the last session
          </button>
          <button type="button" className="button button--secondary" onClick={() => blank(true)}>
            Book a session
          </button>
        </div>
      )}
      {form && (
        <SessionForm
          key={form.kind === 'edit' ? form.session.id : 'new'}
          plan={plan}
          mode={form}
          onDone={closeForm}
          level={level === 4 ? 5 : 6}
        />
      )}
      {shown === 0 ? (
        <p className="muted">No sessions recorded yet.</p>
      ) : (
        <>
          <p className={styles.count} id={`${headingId}-count`}>
            {shown === log.total
              ? `${log.total} ${log.total === 1 ? 'session' : 'sessions'}, newest first.`
              : `The latest ${shown} of ${log.total} sessions, newest first.`}
          </p>
          <ol className={styles.sessions} aria-labelledby={headingId} aria-describedby={`${headingId}-count`}>
            {log.items.map((s) => (
              <SessionRecord
                key={s.id}
                s={s}
                plan={plan}
                canWrite={writable}
                onEdit={() => setForm({ kind: 'edit', session: s })}
                onMessage={onMessage}
                level={level === 4 ? 5 : 6}
              />
            ))}
          </ol>
          {shown < log.total && (
            <button
              type="button"
              className="button button--secondary"
              aria-disabled={busy || undefined}
              onClick={() => void run(showOlder)}
            >
              {busy ? 'Fetching…' : 'Show older sessions'}
            </button>
          )}
        </>
      )}
    </section>
  );
}
