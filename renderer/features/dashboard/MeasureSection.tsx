/**
 * One measure's section of the dashboard: its total, the rates and medians that go with it (each
 * with what it is of), and for each breakdown a chart with the same figures as a table under it.
 * Nothing in the period: one sentence instead of empty charts.
 */
import { CellLabel } from '../interventions/outcomes/CellLabel';
import { groupName, type BreakdownFigures, type DashboardSection } from './dashboard-figures';
import { BarFigures, MonthFigures } from './FigureCharts';
import styles from './Dashboard.module.css';

/** "No referrals received in this period." (a figure at the period's end says so without "in"). */
export function emptyWords(label: string): string {
  const [first = '', second = ''] = label.split(' ');
  // "Safe Home ..." keeps its capitals; "Referrals received" reads on as "no referrals received".
  const subject = /^[A-Z][a-z]/.test(second) ? label : `${first.toLowerCase()}${label.slice(first.length)}`;
  return /\bperiod\b/.test(label) ? `No ${subject}.` : `No ${subject} in this period.`;
}

function BreakdownTable(props: { figures: BreakdownFigures; label: string }) {
  const { figures } = props;
  const total = figures.groups.reduce((sum, g) => sum + g.value, 0);
  return (
    <table className={`table ${styles.figures}`} data-testid={`dashboard-table-${figures.id}`}>
      <caption className={styles.caption}>
        {props.label} by {figures.label.toLowerCase()}
      </caption>
      <thead>
        <tr>
          <th scope="col">{figures.label}</th>
          <th scope="col" className={styles.number}>
            Number
          </th>
        </tr>
      </thead>
      <tbody>
        {figures.groups.map((g) => (
          <tr key={g.group}>
            <th scope="row">{groupName(figures.id, g.group)}</th>
            <td className={styles.number}>
              <CellLabel>Number: </CellLabel>
              {g.value.toLocaleString('en-GB')}
            </td>
          </tr>
        ))}
      </tbody>
      {figures.overTime && (
        <tfoot>
          <tr>
            <th scope="row">All months</th>
            <td className={styles.number}>
              <CellLabel>Number: </CellLabel>
              {total.toLocaleString('en-GB')}
            </td>
          </tr>
        </tfoot>
      )}
    </table>
  );
}

export function MeasureSection(props: { section: DashboardSection }) {
  const { section } = props;
  const headingId = `dashboard-${section.measure}`;
  const empty = section.total === 0;
  return (
    <section
      aria-labelledby={headingId}
      className={styles.section}
      data-testid={`dashboard-section-${section.measure}`}
    >
      <h2 id={headingId} className={styles.sectionHeading}>
        {section.label}
      </h2>
      {section.total !== null && (
        <p className={styles.total} data-testid="dashboard-total">
          {empty ? emptyWords(section.label) : `Total: ${section.total.toLocaleString('en-GB')}`}
        </p>
      )}
      {section.keyFigures.length > 0 && (
        <dl className={styles.keyFigures}>
          {section.keyFigures.map((k) => (
            <div key={k.measure} data-testid={`dashboard-figure-${k.measure}`}>
              <dt>{k.label}</dt>
              <dd>{k.words}</dd>
            </div>
          ))}
        </dl>
      )}
      {!empty &&
        section.breakdowns.map((b) => (
          <div key={b.id} className={styles.breakdown}>
            <h3 className={styles.breakdownHeading}>
              {b.overTime ? 'Over time, by month' : `By ${b.label.toLowerCase()}`}
            </h3>
            {b.overTime ? <MonthFigures figures={b} /> : <BarFigures figures={b} />}
            <BreakdownTable figures={b} label={section.label} />
          </div>
        ))}
    </section>
  );
}
