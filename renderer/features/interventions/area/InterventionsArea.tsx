/**
 * The Interventions area: every active intervention plan, soonest next session first, with its
 * case (a link to the case's Interventions tab), type, clinicians, start, next session and DNA
 * rate. The first page is shown; "Show more" adds the next under it.
 */
import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../../lib/api';
import { formatDate } from '../../../lib/dates';
import { goToArea } from '../../../stores/shell';
import { openCaseOnTab } from '../../cases/case-page/case-actions';
import { dnaWords, nextSessionWords, planTypeWords, shownWords } from './area-words';
import { loadInterventionsArea, showMoreInterventions, useInterventionsAreaStore } from './interventions-area-store';
import styles from './InterventionsArea.module.css';

/** Open the case on its Interventions tab, in the Cases area. */
function showInterventions(caseId: string): void {
  openCaseOnTab(caseId, 'interventions');
  goToArea('cases');
}

const caseLinkId = (planId: string) => `intervention-case-link-${planId}`;

function PlansTable() {
  const plans = useInterventionsAreaStore((s) => s.plans) ?? [];
  const total = useInterventionsAreaStore((s) => s.total);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // After "Show more", the first new row's link takes the focus: the button may have gone.
  const focusPlan = useRef<string | null>(null);
  useEffect(() => {
    if (focusPlan.current) document.getElementById(caseLinkId(focusPlan.current))?.focus();
    focusPlan.current = null;
  }, [plans.length]);

  const more = () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    const before = plans.length;
    showMoreInterventions()
      .then(() => {
        focusPlan.current = useInterventionsAreaStore.getState().plans?.[before]?.planId ?? null;
      })
      .catch((err: unknown) => setError(errorMessage(err)))
      .finally(() => setBusy(false));
  };

  if (total === 0) {
    return <p className="empty-state">No active intervention plans yet. Start one from a case’s Interventions tab.</p>;
  }
  return (
    <>
      <div className={styles.tableWrap} role="region" aria-label="Active intervention plans table" tabIndex={0}>
        <table className="table" data-testid="interventions-table">
          <caption className="visually-hidden">Active intervention plans, soonest next session first</caption>
          <thead>
            <tr>
              <th scope="col">Case</th>
              <th scope="col">Young person</th>
              <th scope="col">Type</th>
              <th scope="col">Clinicians</th>
              <th scope="col">Started</th>
              <th scope="col">Next session</th>
              <th scope="col">DNA rate</th>
            </tr>
          </thead>
          <tbody>
            {plans.map((p) => (
              <tr key={p.planId}>
                <td>
                  <a
                    id={caseLinkId(p.planId)}
                    href={`#case-${p.caseReference}`}
                    onClick={(e) => {
                      e.preventDefault();
                      showInterventions(p.caseId);
                    }}
                  >
                    {p.caseReference}
                    <span className="visually-hidden"> (open its Interventions tab)</span>
                  </a>
                </td>
                <td>{p.youngPersonName}</td>
                <td>{planTypeWords(p)}</td>
                <td>{p.clinicianNames.join(', ')}</td>
                <td>{formatDate(p.startDate)}</td>
                <td>{nextSessionWords(p.nextSessionDate)}</td>
                <td>{dnaWords(p)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className={styles.more}>
        <p role="status" className="muted">
          {shownWords(plans.length, total)}
        </p>
        {plans.length < total && (
          <button type="button" className="button button--secondary" aria-disabled={busy} onClick={more}>
            {busy ? 'Loading more plans…' : 'Show more'}
          </button>
        )}
        {error && <p className="form-error">{error}</p>}
      </div>
    </>
  );
}

export function InterventionsArea() {
  const [error, setError] = useState<string | null>(null);
  const loaded = useInterventionsAreaStore((s) => s.plans !== null);
  useEffect(() => {
    loadInterventionsArea().catch((err: unknown) => setError(errorMessage(err)));
  }, []);
  return (
    <div className={styles.area}>
      <p className="lead">
        Active intervention plans with their next session and DNA rate. Open a case to see its goals, sessions and
        outcomes.
      </p>
      {error && <p className="form-error">{error}</p>}
      {!loaded && !error && <p role="status">Loading intervention plans…</p>}
      {loaded && <PlansTable />}
    </div>
  );
}
