/**
 * The service view: the programme's figures (runs in progress, completion rate, where carers
 * drop out) as small tables, then every run, paged, each opening its overview. No family's data
 * is shown here.
 */
import { useRef, useState } from 'react';
import { DELIVERY_LABELS } from '../../../preload/contract/safe-home';
import { Pager } from '../../components/Pager';
import { errorMessage } from '../../lib/api';
import { formatDate } from '../../lib/dates';
import { useFocusLater } from '../cases/case-page/useFocusLater';
import { carersWords, percentWords, RUN_STATUS_LABELS } from './labels';
import { loadServiceView, openRun, RUNS_PAGE_SIZE } from './safe-home-actions';
import { useSafeHomeStore } from './safe-home-store';
import { RunForm } from './RunForm';
import styles from './SafeHome.module.css';

function Figures() {
  const summary = useSafeHomeStore((s) => s.summary);
  if (!summary) return null;
  return (
    <section aria-labelledby="safe-home-figures-heading" className="section">
      <h3 id="safe-home-figures-heading">The programme in figures</h3>
      <div className={styles.figures}>
        <table className="table" data-testid="safe-home-figures">
          <caption className={styles.caption}>Runs and carers</caption>
          <tbody>
            <tr>
              <th scope="row">Runs in progress</th>
              <td>{summary.runsInProgress}</td>
            </tr>
            <tr>
              <th scope="row">Runs finished</th>
              <td>{summary.runsFinished}</td>
            </tr>
            <tr>
              <th scope="row">Carers enrolled</th>
              <td>{summary.carersEnrolled}</td>
            </tr>
            <tr>
              <th scope="row">Carers who completed</th>
              <td>{summary.carersCompleted}</td>
            </tr>
            <tr>
              <th scope="row">Carers who withdrew</th>
              <td>{summary.carersWithdrawn}</td>
            </tr>
            <tr>
              <th scope="row">Completion rate (finished enrolments)</th>
              <td>{percentWords(summary.completionRate)}</td>
            </tr>
          </tbody>
        </table>
        <table className="table" data-testid="safe-home-drop-out">
          <caption className={styles.caption}>Where carers drop out: the last session attended</caption>
          <thead>
            <tr>
              <th scope="col">Session</th>
              <th scope="col">Carers who went no further</th>
            </tr>
          </thead>
          <tbody>
            {summary.dropOutBySession.length === 0 ? (
              <tr>
                <td colSpan={2}>No carer has withdrawn or left without completing.</td>
              </tr>
            ) : (
              summary.dropOutBySession.map((d) => (
                <tr key={d.seq}>
                  <td>{d.seq === 0 ? 'None attended' : `Session ${d.seq}`}</td>
                  <td>{carersWords(d.carers)}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function RunsTable() {
  const runs = useSafeHomeStore((s) => s.runs);
  const [error, setError] = useState<string | null>(null);
  if (!runs) return null;
  return (
    <section aria-labelledby="safe-home-runs-heading" className="section">
      <h3 id="safe-home-runs-heading">Runs</h3>
      {error && (
        <p role="alert" className="result result--problem">
          {error}
        </p>
      )}
      {runs.total === 0 ? (
        <p className="empty-state">No runs yet. Start one with “New run”.</p>
      ) : (
        <>
          <div className={styles.tableWrap} role="region" aria-label="Runs table" tabIndex={0}>
            <table className="table" data-testid="safe-home-runs">
              <caption className="visually-hidden">Runs in progress first, then planned, then finished</caption>
              <thead>
                <tr>
                  <th scope="col">Run</th>
                  <th scope="col">Delivery</th>
                  <th scope="col">Status</th>
                  <th scope="col">Start</th>
                  <th scope="col">Sessions held</th>
                  <th scope="col">Next session</th>
                  <th scope="col">Carers</th>
                </tr>
              </thead>
              <tbody>
                {runs.items.map((r) => (
                  <tr key={r.id}>
                    <td>
                      <a
                        href={`#safe-home-run-${r.id}`}
                        onClick={(e) => {
                          e.preventDefault();
                          openRun(r.id).catch((err: unknown) => setError(errorMessage(err)));
                        }}
                      >
                        {r.title}
                      </a>
                    </td>
                    <td>{DELIVERY_LABELS[r.delivery]}</td>
                    <td>{RUN_STATUS_LABELS[r.status]}</td>
                    <td>{formatDate(r.startDate)}</td>
                    <td>
                      {r.sessionsHeld} of {r.plannedSessions}
                    </td>
                    <td>{r.nextSessionDate ? formatDate(r.nextSessionDate) : 'None planned'}</td>
                    <td>
                      {carersWords(r.carersEnrolled)}: {r.carersCompleted} completed, {r.carersWithdrawn} withdrew
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager
            label="Run pages"
            offset={runs.offset}
            limit={RUNS_PAGE_SIZE}
            total={runs.total}
            onOffset={(o) => void loadServiceView(o)}
          />
        </>
      )}
    </section>
  );
}

export function ServiceView({ canWrite }: { canWrite: boolean }) {
  const loaded = useSafeHomeStore((s) => s.runs !== null && s.summary !== null);
  const [creating, setCreating] = useState(false);
  const newButton = useRef<HTMLButtonElement>(null);
  const focusLater = useFocusLater();
  if (!loaded) return <p role="status">Loading the runs…</p>;
  return (
    <>
      {canWrite && !creating && (
        <button ref={newButton} type="button" className={`button ${styles.start}`} onClick={() => setCreating(true)}>
          New run
        </button>
      )}
      {creating && (
        <RunForm
          editing={null}
          onDone={() => {
            setCreating(false);
            focusLater(() => newButton.current);
          }}
        />
      )}
      <Figures />
      <RunsTable />
    </>
  );
}
