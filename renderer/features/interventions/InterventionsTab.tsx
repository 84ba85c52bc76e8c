/**
 * The case page's Interventions tab: the active plan (or the way to start one) with its
 * outcomes, session log and progress report; then the closed plans, read-only, newest first,
 * each with its closing report and, when asked for, its sessions. What a save did is announced
 * in one status line that takes the focus, so a keyboard user hears it and carries on from there.
 */
import { useRef, useState } from 'react';
import { PLAN_TYPE_LABELS, type PlanView } from '../../../preload/contract/interventions';
import { formatDate } from '../../lib/dates';
import { useCasePageStore } from '../../stores/case-page';
import { useSessionStore } from '../../stores/session';
import { useFocusLater } from '../cases/case-page/useFocusLater';
import { ActivePlan } from './ActivePlan';
import { InterventionReportPart } from './InterventionReportPart';
import { useInterventionsStore } from './interventions-store';
import { PlanDetails } from './PlanDetails';
import { PlanForm } from './PlanForm';
import { SessionLog } from './SessionLog';
import styles from './Interventions.module.css';

function ClosedPlan({ plan }: { plan: PlanView }) {
  const headingId = `plan-${plan.id}-heading`;
  return (
    <section aria-labelledby={headingId} className={styles.plan} data-testid="closed-plan">
      <h4 id={headingId} className={styles.planTitle}>
        Closed plan: {PLAN_TYPE_LABELS[plan.planType].toLowerCase()}, {formatDate(plan.startDate)} to{' '}
        {formatDate(plan.closure?.closedOn)} <span className="tag tag--grey">Closed</span>
      </h4>
      <PlanDetails p={plan} />
      <SessionLog plan={plan} canWrite={false} onMessage={() => undefined} level={5} />
      <InterventionReportPart plan={plan} level={5} />
    </section>
  );
}

export function InterventionsTab() {
  const caseId = useCasePageStore((s) => s.caseId);
  const loadedFor = useInterventionsStore((s) => s.caseId);
  const plans = useInterventionsStore((s) => s.plans);
  const canWrite = useSessionStore((s) => s.user?.role !== 'read-only');
  const [starting, setStarting] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  const startButton = useRef<HTMLButtonElement>(null);
  const focusLater = useFocusLater();

  function announce(text: string) {
    setMessage(text);
    focusLater(() => messageRef.current);
  }

  if (!caseId || loadedFor !== caseId || plans === undefined) return <p role="status">Loading the interventions…</p>;
  const active = plans.find((p) => p.closure === null) ?? null;
  const closed = plans.filter((p) => p.closure !== null);
  return (
    <div className="tab-body">
      <h3>Interventions</h3>
      <div role="status" ref={messageRef} tabIndex={-1} className={message ? 'result result--ok' : 'visually-hidden'}>
        {message}
      </div>
      {active ? (
        <ActivePlan key={active.id} plan={active} canWrite={canWrite} onMessage={announce} />
      ) : starting ? (
        <PlanForm
          editing={null}
          onDone={(m) => {
            setStarting(false);
            if (m) announce(m);
            else focusLater(() => startButton.current);
          }}
        />
      ) : (
        <>
          <p>
            {closed.length === 0
              ? 'No intervention has been started for this case.'
              : 'No intervention plan is active. The closed plans are below.'}
          </p>
          {canWrite && (
            <button
              ref={startButton}
              type="button"
              className="button"
              onClick={() => {
                setMessage(null);
                setStarting(true);
              }}
            >
              Start an intervention plan
            </button>
          )}
        </>
      )}
      {closed.map((p) => (
        <ClosedPlan key={p.id} plan={p} />
      ))}
    </div>
  );
}
