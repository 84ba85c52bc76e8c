/**
 * The dashboard's pure parts: the period presets on awkward days (January, a leap day, either side
 * of the financial year's start), the sections made from `statistics:compute` rows (a rate beside
 * the count it is made from, months first), the words of a rate or median with its base, and the
 * empty sentence.
 */
import { describe, expect, it } from 'vitest';
import { dashboardSections, figureWords } from '../../../renderer/features/dashboard/dashboard-figures';
import { emptyWords } from '../../../renderer/features/dashboard/MeasureSection';
import { monthLong, monthShort, periodFor } from '../../../renderer/features/dashboard/periods';
import type { StatisticRow } from '../../../preload/contract';

describe('period presets', () => {
  it('works out this month, last month, the last 12 months and the financial year', () => {
    expect(periodFor('this_month', '2026-12-01')).toEqual({ from: '2026-12-01', to: '2026-12-01' });
    expect(periodFor('last_month', '2026-01-15')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(periodFor('last_month', '2028-03-31')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(periodFor('last_12_months', '2026-12-01')).toEqual({ from: '2025-12-02', to: '2026-12-01' });
    expect(periodFor('last_12_months', '2028-02-29')).toEqual({ from: '2027-03-01', to: '2028-02-29' });
    expect(periodFor('financial_year', '2026-03-31')).toEqual({ from: '2025-04-01', to: '2026-03-31' });
    expect(periodFor('financial_year', '2026-04-01')).toEqual({ from: '2026-04-01', to: '2026-04-01' });
  });

  it('writes a month short for a chart and whole for a table', () => {
    expect(monthShort('2026-03')).toBe('Mar 2026');
    expect(monthLong('2026-03')).toBe('March 2026');
  });
});

const row = (r: Partial<StatisticRow> & Pick<StatisticRow, 'measure' | 'value'>): StatisticRow => ({
  label: r.measure,
  unit: 'count',
  breakdown: null,
  breakdownLabel: null,
  partition: true,
  group: null,
  ...r,
});

describe('dashboard sections', () => {
  it('puts a rate beside the count it depends on and a median beside the measure before it, months first', () => {
    const sections = dashboardSections([
      row({ measure: 'referrals', value: 3 }),
      row({ measure: 'referrals', value: 3, breakdown: 'source', breakdownLabel: 'Source', group: 'Police' }),
      row({ measure: 'referrals', value: 2, breakdown: 'month', breakdownLabel: 'Month', group: '2026-01' }),
      row({ measure: 'referrals', value: 1, breakdown: 'month', breakdownLabel: 'Month', group: '2026-02' }),
      row({ measure: 'due', value: 4 }),
      row({ measure: 'other', value: 0 }),
      row({
        measure: 'compliance',
        unit: 'rate',
        value: 0.625,
        base: 48,
        baseLabel: 'assessments',
        dependsOn: [{ measure: 'due', breakdown: null, group: null }],
      }),
      row({ measure: 'median', unit: 'days', value: 36, base: 20, baseLabel: 'reports sent' }),
    ]);
    expect(sections.map((s) => s.measure)).toEqual(['referrals', 'due', 'other']);
    expect(sections[0]?.breakdowns.map((b) => [b.id, b.overTime])).toEqual([
      ['month', true],
      ['source', false],
    ]);
    expect(sections[1]?.keyFigures.map((k) => k.words)).toEqual(['63 % of 48 assessments']);
    expect(sections[2]?.keyFigures.map((k) => k.words)).toEqual(['36 days (median of 20 reports sent)']);
  });

  it('says when a rate has nothing to be worked out from', () => {
    expect(figureWords({ unit: 'rate', value: null, base: 0, baseLabel: 'carers whose run ended' })).toBe(
      'None in this period (no carers whose run ended)',
    );
    expect(figureWords({ unit: 'count', value: 1234 })).toBe('1,234');
  });

  it('words an empty section after its measure', () => {
    expect(emptyWords('Referrals received')).toBe('No referrals received in this period.');
    expect(emptyWords('Safe Home carers whose run ended')).toBe('No Safe Home carers whose run ended in this period.');
    expect(emptyWords('Open caseload at the end of the period')).toBe('No open caseload at the end of the period.');
  });
});
