/**
 * Statistics channels: the service's figures for a period, for the dashboard, and the anonymised
 * export for commissioners. Records and the period's rules: `stats-records.ts`; the small-number
 * rule: `stats-suppression.ts`.
 *
 * Both are audited with who asked, the period and how many rows came back (never the values).
 */
import { channel } from './define';
import {
  statisticsPeriodSchema,
  type StatisticsExport,
  type StatisticsResult,
} from './stats-records';

export * from './stats-records';
export * from './stats-suppression';

export const statisticsChannels = {
  /**
   * Every measure's figures for the period (both dates inclusive, at most ten years), unsuppressed
   * and with the dashboard-only measures (caseload per clinician) included: for the service's
   * own dashboard, so administrators and clinicians only.
   */
  'statistics:compute': channel<StatisticsResult>()(statisticsPeriodSchema, {
    kind: 'session',
    roles: ['administrator', 'clinician'],
  }),
  /**
   * The anonymised export for the period: only the measures that may leave the service, free-text
   * groups of fewer than 5 pooled as "Other", small numbers suppressed with their complements,
   * and the same rows as CSV. Administrators only.
   */
  'statistics:export': channel<StatisticsExport>()(statisticsPeriodSchema, { kind: 'session', roles: ['administrator'] }),
};
