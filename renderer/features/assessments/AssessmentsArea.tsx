import { useEffect, useState } from 'react';
import {
  ASSESSMENT_LIST_STATUSES,
  STAGE_LABELS,
  type AssessmentListStatus,
  type AssessmentSummary,
} from '../../../preload/contract';
import { Pager, totalWords } from '../../components/Pager';
import { call } from '../../lib/api';
import { formatDate } from '../../lib/dates';
import { usePagedCall } from '../../lib/usePagedCall';
import { goToArea } from '../../stores/shell';
import type { AreaProps } from '../shell/area-registry';
import { SelectField } from '../cases/case-page/fields';
import { openCaseOnTab } from '../cases/case-page/case-actions';
import { LIST_STATUS_LABELS, daysLeft } from './labels';
import styles from './AssessmentsArea.module.css';

/** Assessments per page. */
const PAGE_SIZE = 25;

const STATE_CLASS: Record<AssessmentSummary['status'], string | undefined> = {
  overdue: styles.overdue,
  due_soon: styles.dueSoon,
  on_track: undefined,
  awaiting_paperwork: undefined,
};

/** Open the case on its Assessment tab, in the Cases area. */
function openAssessmentCase(caseId: string) {
  openCaseOnTab(caseId, 'assessment');
  goToArea('cases');
}

/**
 * Every open assessment with its 12-week status: due date, days left or over, the stage
 * reached. Filtered by status and lead worker; paged.
 */
export default function AssessmentsArea({ user }: AreaProps) {
  const [status, setStatus] = useState<AssessmentListStatus>('all');
  const [clinician, setClinician] = useState('');
  const [workers, setWorkers] = useState<{ id: string; displayName: string }[]>([]);
  useEffect(() => {
    call('user:directory', {}).then(
      (d) => setWorkers(d.filter((u) => u.role !== 'read-only')),
      () => setWorkers([]),
    );
  }, []);
  const { page, error, load } = usePagedCall(`${status}/${clinician}`, (offset) =>
    call('assessment:list', { status, clinicianId: clinician || null, offset, limit: PAGE_SIZE }),
  );

  return (
    <div>
      <div className={styles.filters} role="group" aria-label="Filter the assessments">
        <SelectField
          id="assessments-status"
          label="12-week status"
          value={status}
          onValueChange={setStatus}
          options={ASSESSMENT_LIST_STATUSES.map((s) => ({ value: s, label: LIST_STATUS_LABELS[s] }))}
        />
        <SelectField
          id="assessments-clinician"
          label="Lead worker"
          value={clinician}
          onValueChange={setClinician}
          options={[
            { value: '', label: 'Everyone' },
            ...workers.map((w) => ({
              value: w.id,
              label: w.id === user.id ? `${w.displayName} (you)` : w.displayName,
            })),
          ]}
        />
      </div>
      {error && (
        <p role="alert" className="result result--problem">
          {error}
        </p>
      )}
      <p role="status" className={styles.count}>
        {page
          ? `${totalWords(page.total, page.moreThan, { sentenceStart: true })} open ${page.total === 1 && !page.moreThan ? 'assessment' : 'assessments'}`
          : 'Loading assessments…'}
      </p>
      {page && page.items.length > 0 && (
        <div className={styles.scroll} role="region" aria-label="Open assessments" tabIndex={0}>
          <table className="table">
            <caption className="visually-hidden">Open assessments, soonest due first</caption>
            <thead>
              <tr>
                <th scope="col">Case</th>
                <th scope="col">Lead worker</th>
                <th scope="col">Due</th>
                <th scope="col">12 weeks</th>
                <th scope="col">Stage reached</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((a) => (
                <tr key={a.assessmentId}>
                  <th scope="row">
                    <a
                      href={`#case-${a.reference}-assessment`}
                      onClick={(e) => {
                        e.preventDefault();
                        openAssessmentCase(a.caseId);
                      }}
                    >
                      {a.reference}
                    </a>
                    <span className={styles.person}>{a.youngPersonName}</span>
                  </th>
                  <td>{a.leadWorkerName ?? <span className="muted">None</span>}</td>
                  <td>{a.dueDate ? formatDate(a.dueDate) : <span className="muted">Not yet</span>}</td>
                  <td>
                    <span className={STATE_CLASS[a.status]}>{daysLeft(a.daysRemaining)}</span>
                  </td>
                  <td>{a.stageReached ? STAGE_LABELS[a.stageReached] : <span className="muted">Not started</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {page && page.items.length === 0 && <p className="muted">No open assessments match.</p>}
      {page && (
        <Pager
          label="Assessment pages"
          offset={page.offset}
          limit={page.limit}
          total={page.total}
          moreThan={page.moreThan}
          onOffset={(o) => void load(o)}
        />
      )}
    </div>
  );
}
