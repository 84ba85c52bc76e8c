/**
 * One run's overview: its details and status, the register grid (carers x sessions), the
 * carers with their progress, the session plan, and the themes delivered so far. The run names
 * carers of several families: it is the service's own view, never shown on a case.
 */
import { useRef, useState } from 'react';
import { DELIVERY_LABELS, type RunView } from '../../../preload/contract/safe-home';
import { formatDate } from '../../lib/dates';
import { useSessionStore } from '../../stores/session';
import { useFocusLater } from '../cases/case-page/useFocusLater';
import { CarersSection } from './CarersSection';
import { RUN_STATUS_LABELS } from './labels';
import { PlanSection } from './PlanSection';
import { RegisterSection } from './RegisterSection';
import { RunForm } from './RunForm';
import { RunStatusActions } from './RunStatusActions';
import { openRun } from './safe-home-actions';
import styles from './SafeHome.module.css';

function ThemesDelivered({ run }: { run: RunView }) {
  return (
    <section aria-labelledby="themes-delivered-heading" className="section">
      <h3 id="themes-delivered-heading">Themes delivered</h3>
      {run.themesDelivered.length === 0 ? (
        <p className="muted">No session has been held yet.</p>
      ) : (
        <ul className={styles.plainList}>
          {run.themesDelivered.map((t) => (
            <li key={t.theme.id}>
              {t.theme.label}: {t.sessions === 1 ? 'in 1 session' : `in ${t.sessions} sessions`}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function RunOverview({ run }: { run: RunView }) {
  const canWrite = useSessionStore((s) => s.user?.role !== 'read-only');
  const [editing, setEditing] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  const focusLater = useFocusLater();
  const open = run.status !== 'finished';
  const writable = canWrite && open;

  function announce(text: string | null) {
    if (!text) return;
    setMessage(text);
    focusLater(() => messageRef.current);
  }

  return (
    <article aria-labelledby="run-heading" className={styles.overview}>
      <button type="button" className="link-button" onClick={() => void openRun(null)}>
        Back to the runs
      </button>
      <h2 id="run-heading" tabIndex={-1} className="view-heading">
        {run.title}
      </h2>
      <div role="status" ref={messageRef} tabIndex={-1} className={message ? 'result result--ok' : 'visually-hidden'}>
        {message}
      </div>
      <dl className={styles.facts}>
        <div>
          <dt>Status</dt>
          <dd>
            {RUN_STATUS_LABELS[run.status]}
            {run.closedOn ? `, closed on ${formatDate(run.closedOn)}` : ''}
          </dd>
        </div>
        <div>
          <dt>Delivery</dt>
          <dd>{DELIVERY_LABELS[run.delivery]}</dd>
        </div>
        <div>
          <dt>Facilitators</dt>
          <dd>{run.facilitators.map((f) => f.name).join(', ')}</dd>
        </div>
        <div>
          <dt>Start date</dt>
          <dd>{formatDate(run.startDate)}</dd>
        </div>
        <div>
          <dt>Sessions</dt>
          <dd>{run.plannedSessions} planned</dd>
        </div>
        <div>
          <dt>Venue</dt>
          <dd>{run.venue}</dd>
        </div>
      </dl>
      {!open && <p className="notice">This run is finished. Reopen it to take a register or change anything.</p>}
      {canWrite && (
        <div className="button-row">
          {writable && !editing && (
            <button type="button" className="button button--secondary" onClick={() => setEditing(true)}>
              Change the details
            </button>
          )}
          <RunStatusActions run={run} onMessage={announce} />
        </div>
      )}
      {editing && (
        <RunForm
          editing={run}
          onDone={(saved) => {
            setEditing(false);
            announce(saved);
          }}
        />
      )}
      <RegisterSection run={run} canWrite={writable} onMessage={announce} />
      <CarersSection run={run} canWrite={writable} onMessage={announce} />
      <PlanSection run={run} canWrite={writable} onMessage={announce} />
      <ThemesDelivered run={run} />
    </article>
  );
}
