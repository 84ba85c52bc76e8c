/**
 * "Export anonymised statistics (CSV)" for administrators: a link to the export's download route
 * for the period on screen, saved as a report is (Electron asks where; the browser downloads it).
 * The sentence beside it says what leaves the service and how small numbers are withheld.
 */
import type { StatisticsPeriod } from '../../../preload/contract';
import { SMALL_NUMBER, WITHHELD } from '../../../preload/contract';
import { statisticsExportUrl } from './export-link';
import styles from './Dashboard.module.css';

export function ExportStatistics(props: { period: StatisticsPeriod }) {
  return (
    <section aria-labelledby="dashboard-export-heading" className={styles.export}>
      <h2 id="dashboard-export-heading" className={styles.breakdownHeading}>
        Anonymised statistics for commissioners
      </h2>
      <p id="dashboard-export-hint">
        One line per figure for this period: counts and rates only, with no names, references or clinicians. A number
        from 1 to 4 is shown as “{SMALL_NUMBER}”, and a figure that would let it be worked out is withheld as “
        {WITHHELD}”; referral sources and local authorities with fewer than 5 referrals are put together as “Other”.
        Each export is recorded in the audit trail.
      </p>
      <a
        className="button button--secondary"
        href={statisticsExportUrl(props.period)}
        download
        aria-describedby="dashboard-export-hint"
      >
        Export anonymised statistics (CSV)
      </a>
    </section>
  );
}
