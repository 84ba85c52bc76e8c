/**
 * A plan's attendance as a small table of figures: sessions offered, attended, cancelled by the
 * family and by the service, not attended, and the DNA rate with how it is worked out.
 */
import { dnaRateWords, type AttendanceSummary } from '../../../../preload/contract';
import styles from './Outcomes.module.css';

/** The DNA rate with its working, e.g. "25% (1 of 4 sessions the family could come to)". */
export function dnaRateWithWorking(a: AttendanceSummary): string {
  if (a.dnaRate === null) return dnaRateWords(null);
  const couldCome = a.offered - a.cancelledByService;
  return `${dnaRateWords(a.dnaRate)} (${a.didNotAttend} of ${couldCome} ${couldCome === 1 ? 'session' : 'sessions'} the young person or family could come to)`;
}

export function AttendanceFigures(props: { attendance: AttendanceSummary }) {
  const a = props.attendance;
  const rows: [string, string][] = [
    ['Sessions offered', String(a.offered)],
    ['Attended', String(a.attended)],
    ['Cancelled by the family', String(a.cancelledByFamily)],
    ['Cancelled by the service', String(a.cancelledByService)],
    ['Did not attend', String(a.didNotAttend)],
    ['DNA rate', dnaRateWithWorking(a)],
  ];
  return (
    <section aria-labelledby="outcomes-attendance-heading" className={styles.block}>
      <h5 id="outcomes-attendance-heading" className={styles.goalHeading}>
        Attendance
      </h5>
      <table className={`table ${styles.figures} ${styles.attendance}`} data-testid="attendance-figures">
        <caption className="visually-hidden">Attendance of the plan’s sessions (planned sessions not counted)</caption>
        <tbody>
          {rows.map(([label, value]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">
        Sessions still planned are not counted. The DNA rate leaves out sessions the service cancelled: they were never
        really offered.
      </p>
    </section>
  );
}
