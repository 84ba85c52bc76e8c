/**
 * A plan as it stands, read-only: its type, start and clinicians, the other agencies' care, the
 * goals with their first and latest rating and the change (in words: a reliable change is said,
 * never only coloured), the attendance, the reviews and, once closed, the closure.
 */
import {
  CLOSURE_REASON_LABELS,
  GOAL_AREA_LABELS,
  PLAN_TYPE_LABELS,
  dnaRateWords,
  type PlanView,
} from '../../../preload/contract/interventions';
import { formatDate } from '../../lib/dates';
import { SummaryList } from '../cases/case-page/SummaryList';
import { goalName } from './session-words';
import styles from './Interventions.module.css';

function attendanceLine(p: PlanView): string {
  const a = p.attendance;
  if (a.offered === 0) return 'No sessions held yet';
  return `${a.offered} offered, ${a.attended} attended, ${a.cancelledByFamily} cancelled by the family, ${a.cancelledByService} cancelled by the service, ${a.didNotAttend} not attended`;
}

function Goals({ p }: { p: PlanView }) {
  return (
    <ol className={styles.goals} aria-label={`Goals of the plan started ${formatDate(p.startDate)}`}>
      {p.goals.map((g) => (
        <li key={g.id} className={styles.goal}>
          <p className={styles.goalTitle}>
            <strong>{goalName(g)}:</strong> {g.description}
          </p>
          <p className={styles.meta}>{GOAL_AREA_LABELS[g.area]}</p>
          <p>
            {g.change
              ? `First rating ${g.change.first}, latest ${g.change.latest} (out of 10). ${g.change.words}.`
              : 'Not rated yet.'}
          </p>
        </li>
      ))}
    </ol>
  );
}

export function PlanDetails({ p }: { p: PlanView }) {
  return (
    <>
      <SummaryList
        label={`Intervention plan started ${formatDate(p.startDate)}`}
        rows={[
          ['Type', PLAN_TYPE_LABELS[p.planType]],
          ['Started', formatDate(p.startDate)],
          ['Clinicians', p.clinicians.map((c) => c.name).join(', ')],
          [
            'Other agencies’ care alongside',
            p.networkCare.length === 0 ? (
              'None recorded'
            ) : (
              <ul className={styles.plainList}>
                {p.networkCare.map((c) => (
                  <li key={c.personId}>
                    {[c.name, c.agency].filter(Boolean).join(', ')}: <span className={styles.longText}>{c.care}</span>
                  </li>
                ))}
              </ul>
            ),
          ],
          ['Attendance', attendanceLine(p)],
          ['DNA rate', dnaRateWords(p.attendance.dnaRate)],
          ['Next session', p.closure ? 'None: the plan is closed' : formatDate(p.nextSessionDate) || 'None booked'],
        ]}
      />
      <h5 className={styles.subheading}>Goal Based Outcomes</h5>
      <Goals p={p} />
      <h5 className={styles.subheading}>Reviews</h5>
      {p.reviews.length === 0 ? (
        <p className="muted">No review has been held yet.</p>
      ) : (
        <ul className={styles.plainList} aria-label="Reviews, oldest first">
          {p.reviews.map((r) => (
            <li key={r.id} className={styles.review}>
              <p>
                <strong>Review on {formatDate(r.reviewDate)}</strong>{' '}
                <span className={styles.meta}>recorded by {r.createdByName}</span>
              </p>
              <SummaryList
                label={`Review on ${formatDate(r.reviewDate)}`}
                rows={[
                  ['Attended by', r.attendees],
                  [
                    'Progress',
                    <span key="p" className={styles.longText}>
                      {r.progress}
                    </span>,
                  ],
                  ['Changes to the plan', r.changes ? <span className={styles.longText}>{r.changes}</span> : ''],
                  [
                    'Recommendations',
                    r.recommendations ? <span className={styles.longText}>{r.recommendations}</span> : '',
                  ],
                ]}
              />
            </li>
          ))}
        </ul>
      )}
      {p.closure && (
        <>
          <h5 className={styles.subheading}>Closure</h5>
          <SummaryList
            label="Closure"
            rows={[
              ['Closed on', formatDate(p.closure.closedOn)],
              ['Reason', CLOSURE_REASON_LABELS[p.closure.reason]],
              [
                'Closing summary',
                <span key="s" className={styles.longText}>
                  {p.closure.summary}
                </span>,
              ],
              [
                'Recommendations',
                p.closure.recommendations ? <span className={styles.longText}>{p.closure.recommendations}</span> : '',
              ],
            ]}
          />
        </>
      )}
    </>
  );
}
