import { useState } from 'react';
import type { AssessmentView } from '../../../preload/contract';
import { errorMessage } from '../../lib/api';
import { formatDate } from '../../lib/dates';
import { useCasePageStore } from '../../stores/case-page';
import { useSessionStore } from '../../stores/session';
import { SummaryList } from '../cases/case-page/SummaryList';
import { clockDetail, clockText } from '../cases/case-page/labels';
import { openAssessment } from './assessment-actions';
import { useAssessmentStore } from './assessment-store';
import { BehavioursSection } from './BehavioursSection';
import { RecommendationsSection } from './RecommendationsSection';
import { AssessmentFieldsForm } from './RisksNeedsForm';
import { SignedContent } from './SignedContent';
import { StagesSection } from './StagesSection';
import { AssessmentReport } from './AssessmentReport';
import { stageLabel } from './labels';
import styles from './AssessmentTab.module.css';

function lastDone(a: AssessmentView): string {
  const done = a.stages.filter((s) => s.actualDate);
  const last = done[done.length - 1];
  return last ? `${stageLabel(last)} (${formatDate(last.actualDate)})` : 'None yet';
}

/** Where the assessment stands: the 12-week clock, the stage reached and what sign-off needs. */
function Overview({ assessment }: { assessment: AssessmentView }) {
  const clock = useCasePageStore((s) => s.detail?.clock);
  const next = assessment.stages.filter((s) => s.isNext);
  return (
    <section aria-labelledby="assessment-overview-heading" className={styles.section}>
      <h4 id="assessment-overview-heading">Overview</h4>
      <SummaryList
        label="Assessment overview"
        rows={[
          ['12-week clock', clock ? `${clockText(clock)}. ${clockDetail(clock)}` : ''],
          [
            'Paperwork complete',
            assessment.paperworkCompleteDate
              ? formatDate(assessment.paperworkCompleteDate)
              : 'Not yet: the 12 weeks start when it is',
          ],
          ['Due', assessment.dueDate ? formatDate(assessment.dueDate) : ''],
          ['Last stage done', lastDone(assessment)],
          [
            'Next',
            assessment.state === 'complete'
              ? `Nothing: the report was sent on ${formatDate(assessment.reportSentDate)} and the assessment is complete`
              : next.map(stageLabel).join('; '),
          ],
          [
            'Opened',
            `${formatDate(assessment.openedAt)}${assessment.openedByName ? ` by ${assessment.openedByName}` : ''}`,
          ],
        ]}
      />
      {assessment.state === 'open' && (
        <div className={styles.signOff}>
          <h5>Before the report can be signed off</h5>
          {assessment.signOffBlockers.length === 0 ? (
            <p>Everything the report needs is recorded.</p>
          ) : (
            <ul>
              {assessment.signOffBlockers.map((b) => (
                <li key={b}>{b}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}

/** The case's assessment: its pathway, the behaviour, risks and needs, formulation and recommendations. */
export function AssessmentTab() {
  const assessment = useAssessmentStore((s) => s.assessment);
  const canWrite = useSessionStore((s) => s.user?.role !== 'read-only');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function start() {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await openAssessment();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  if (assessment === undefined) return <p>Loading the assessment…</p>;
  if (assessment === null) {
    return (
      <div className="tab-body">
        <h3>Assessment</h3>
        <p>No assessment has been started for this case.</p>
        {error && (
          <p role="alert" className="result result--problem">
            {error}
          </p>
        )}
        {canWrite && (
          <button type="button" className="button" onClick={() => void start()} aria-disabled={busy || undefined}>
            {busy ? 'Starting…' : 'Start the assessment'}
          </button>
        )}
      </div>
    );
  }
  return (
    <div className="tab-body">
      <h3>Assessment{assessment.state === 'complete' ? ' (complete)' : ''}</h3>
      <Overview assessment={assessment} />
      <StagesSection assessment={assessment} canWrite={canWrite} />
      <BehavioursSection assessment={assessment} canWrite={canWrite && !assessment.signoff.locked} />
      {assessment.signoff.locked || assessment.state !== 'open' ? (
        <SignedContent assessment={assessment} canWrite={canWrite} />
      ) : (
        <>
          <AssessmentFieldsForm key={`risks-${assessment.id}`} assessment={assessment} part="risks" />
          <AssessmentFieldsForm key={`formulation-${assessment.id}`} assessment={assessment} part="formulation" />
        </>
      )}
      <RecommendationsSection assessment={assessment} canWrite={canWrite && !assessment.signoff.locked} />
      <AssessmentReport assessment={assessment} canWrite={canWrite} />
    </div>
  );
}
