/**
 * The service dashboard: the figures of every registered measure for a chosen period (the last
 * 12 months unless another is chosen), one section per measure with charts and the same figures
 * as tables, and, for administrators, the anonymised export of the same period as a CSV file.
 * The figures are the service's own (unsuppressed); the export applies the small-number rule.
 */
import { useEffect, useState } from 'react';
import type { StatisticsPeriod, StatisticsResult } from '../../../preload/contract';
import { errorMessage, call } from '../../lib/api';
import { formatDate } from '../../lib/dates';
import { useSessionStore } from '../../stores/session';
import { todayIso } from '../cases/case-page/uk-date';
import { dashboardSections } from './dashboard-figures';
import { ExportStatistics } from './ExportStatistics';
import { MeasureSection } from './MeasureSection';
import { PeriodChooser } from './PeriodChooser';
import { DEFAULT_PERIOD_CHOICE, periodFor, type PeriodChoice } from './periods';
import styles from './Dashboard.module.css';

export function periodWords(period: StatisticsPeriod): string {
  return `${formatDate(period.from)} to ${formatDate(period.to)}`;
}

export function DashboardArea() {
  const isAdmin = useSessionStore((s) => s.user?.role === 'administrator');
  const [choice, setChoice] = useState<PeriodChoice>(DEFAULT_PERIOD_CHOICE);
  const [period, setPeriod] = useState<StatisticsPeriod>(() => periodFor(DEFAULT_PERIOD_CHOICE, todayIso()));
  // What came back, and for which period: a later choice wins over an answer still on its way.
  const [answer, setAnswer] = useState<{ period: StatisticsPeriod; result?: StatisticsResult; error?: string } | null>(
    null,
  );

  useEffect(() => {
    let current = true;
    call('statistics:compute', period)
      .then((result) => current && setAnswer({ period, result }))
      .catch((err: unknown) => current && setAnswer({ period, error: errorMessage(err) }));
    return () => {
      current = false;
    };
  }, [period]);

  const mine = answer?.period === period ? answer : null;
  const shown = mine?.result ?? null;
  const error = mine?.error ?? null;
  return (
    <div className={styles.area}>
      <p className="lead">
        The service’s figures for a period: referrals, caseloads, the 12-week target, consultations, interventions, Safe
        Home and training. Each chart’s figures are in the table under it.
      </p>
      <PeriodChooser
        choice={choice}
        period={period}
        onChange={(c, p) => {
          setChoice(c);
          setPeriod(p);
        }}
      />
      <p className={styles.periodNow} role="status" data-testid="dashboard-period">
        {error
          ? ''
          : shown
            ? `Figures for ${periodWords(period)}.`
            : `Working out the figures for ${periodWords(period)}…`}
      </p>
      {error && <p className="form-error">{error}</p>}
      {isAdmin && <ExportStatistics period={period} />}
      {shown && dashboardSections(shown.rows).map((s) => <MeasureSection key={s.measure} section={s} />)}
    </div>
  );
}
