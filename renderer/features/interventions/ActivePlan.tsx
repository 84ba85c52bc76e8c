/**
 * The case's active intervention plan: what it is, with the ways to change it, review it or
 * close it; then its outcomes (the charts, from `outcomes/`), its session log and its progress
 * report. One form is open at a time, in place of the buttons that open them.
 */
import { useRef, useState } from 'react';
import { PLAN_TYPE_LABELS, type PlanView } from '../../../preload/contract/interventions';
import { formatDate } from '../../lib/dates';
import { useFocusLater } from '../cases/case-page/useFocusLater';
import { ClosureForm } from './ClosureForm';
import { InterventionReportPart } from './InterventionReportPart';
import { useInterventionsStore } from './interventions-store';
import { OutcomesPanel } from './outcomes/OutcomesPanel';
import { PlanDetails } from './PlanDetails';
import { PlanForm } from './PlanForm';
import { ReviewForm } from './ReviewForm';
import { SessionLog } from './SessionLog';
import styles from './Interventions.module.css';

type PlanPanel = 'none' | 'edit' | 'review' | 'close';

const NO_SESSIONS: never[] = [];

export function ActivePlan(props: { plan: PlanView; canWrite: boolean; onMessage: (message: string) => void }) {
  const { plan, canWrite, onMessage } = props;
  const sessions = useInterventionsStore((s) => s.logs[plan.id]?.items) ?? NO_SESSIONS;
  const [panel, setPanel] = useState<PlanPanel>('none');
  const changeButton = useRef<HTMLButtonElement>(null);
  const focusLater = useFocusLater();
  const headingId = `plan-${plan.id}-heading`;

  function done(message: string | null) {
    setPanel('none');
    if (message) onMessage(message);
    else focusLater(() => changeButton.current);
  }

  return (
    <>
      <section aria-labelledby={headingId} className={styles.plan} data-testid="active-plan">
        <h4 id={headingId} className={styles.planTitle}>
          Intervention plan: {PLAN_TYPE_LABELS[plan.planType].toLowerCase()}, started {formatDate(plan.startDate)}{' '}
          <span className="tag">Active</span>
        </h4>
        {panel === 'edit' ? (
          <PlanForm editing={plan} onDone={done} />
        ) : (
          <>
            <PlanDetails p={plan} />
            {canWrite && panel === 'none' && (
              <div className="button-row">
                <button
                  ref={changeButton}
                  type="button"
                  className="button button--secondary"
                  onClick={() => setPanel('edit')}
                >
                  Change the plan
                </button>
                <button type="button" className="button button--secondary" onClick={() => setPanel('review')}>
                  Record a review
                </button>
                <button type="button" className="button button--secondary" onClick={() => setPanel('close')}>
                  Close the plan
                </button>
              </div>
            )}
            {panel === 'review' && <ReviewForm plan={plan} onDone={done} />}
            {panel === 'close' && <ClosureForm plan={plan} onDone={done} />}
          </>
        )}
      </section>
      <OutcomesPanel plan={plan} sessions={sessions} caseId={plan.caseId} />
      <SessionLog plan={plan} canWrite={canWrite} onMessage={onMessage} level={4} />
      <InterventionReportPart plan={plan} level={4} />
    </>
  );
}
