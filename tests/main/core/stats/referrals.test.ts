/**
 * The referrals measure on hand-made cases with known answers: the period's edges are inclusive,
 * and the source, local authority and service breakdowns count what each referral says.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import '../../../../main/core/core';
import { computeStatistics } from '../../../../main/core/stats/stats.service';
import { registeredMeasures } from '../../../../main/core/stats/measure-registry';
import { monthsOf } from '../../../../main/core/cases/cases.stats';
import type { StatisticRow } from '../../../../preload/contract/stats-records';
import { makeVault, newCase, type TestVault } from '../cases/fixtures';

let t: TestVault;
beforeEach(async () => {
  t = await makeVault();
});
afterEach(() => t.cleanup());

const of = (rows: StatisticRow[], breakdown: string | null) =>
  Object.fromEntries(
    rows.filter((r) => r.measure === 'referrals_received' && r.breakdown === breakdown).map((r) => [r.group ?? 'total', r.value]),
  );

describe('referrals received', () => {
  it('is registered, exportable, with its breakdowns', () => {
    const m = registeredMeasures().find((x) => x.id === 'referrals_received');
    expect(m?.exportable).toBe(true);
    expect(m?.breakdowns?.map((b) => b.id)).toEqual(['source', 'local_authority', 'service', 'month']);
  });

  it('counts referrals made on the first and last day of the period, and none outside it', () => {
    newCase(t.vault, { referralDate: '2025-01-31' });
    newCase(t.vault, { referralDate: '2025-02-01' });
    newCase(t.vault, { referralDate: '2025-02-28' });
    newCase(t.vault, { referralDate: '2025-03-01' });
    const { rows } = computeStatistics(t.vault, { from: '2025-02-01', to: '2025-02-28' });
    expect(of(rows, null)).toEqual({ total: 2 });
  });

  it('breaks referrals down by source, local authority and service, with "Not recorded" for a blank', () => {
    newCase(t.vault, { referralSource: 'Police', servicesRequested: ['assessment', 'intervention'] }, { localAuthority: 'Leeds' });
    newCase(t.vault, { referralSource: ' Police ', servicesRequested: ['consultation'] }, { localAuthority: 'York' });
    newCase(t.vault, { referralSource: null, servicesRequested: [] }, { localAuthority: null });
    const { rows } = computeStatistics(t.vault, { from: '2025-01-01', to: '2025-12-31' });
    expect(of(rows, 'source')).toEqual({ Police: 2, 'Not recorded': 1 });
    expect(of(rows, 'local_authority')).toEqual({ Leeds: 1, York: 1, 'Not recorded': 1 });
    expect(of(rows, 'service')).toEqual({ Assessment: 1, 'Intervention (treatment)': 1, 'Professional consultation': 1 });
    const source = rows.find((r) => r.breakdown === 'source');
    expect(source).toMatchObject({ breakdownLabel: 'Referral source', partition: true, unit: 'count' });
    expect(rows.find((r) => r.breakdown === 'service')?.partition).toBe(false);
  });

  it('breaks referrals down by month, every month the period touches in order, 0 for a month without any', () => {
    newCase(t.vault, { referralDate: '2024-11-30' });
    newCase(t.vault, { referralDate: '2024-12-15' });
    newCase(t.vault, { referralDate: '2024-12-31' });
    newCase(t.vault, { referralDate: '2025-02-01' });
    newCase(t.vault, { referralDate: '2025-02-02' });
    const { rows } = computeStatistics(t.vault, { from: '2024-12-15', to: '2025-02-01' });
    const months = rows.filter((r) => r.measure === 'referrals_received' && r.breakdown === 'month');
    expect(months.map((r) => [r.group, r.value])).toEqual([
      ['2024-12', 2],
      ['2025-01', 0],
      ['2025-02', 1],
    ]);
    expect(months[0]).toMatchObject({ breakdownLabel: 'Month', partition: true });
    expect(monthsOf({ from: '2025-01-31', to: '2025-01-31' })).toEqual(['2025-01']);
    expect(monthsOf({ from: '2016-04-01', to: '2026-03-31' })).toHaveLength(120);
  });

  it('audits the computation with the period and the row count, and no value', () => {
    newCase(t.vault, { referralSource: 'Police' });
    const { rows } = computeStatistics(t.vault, { from: '2025-01-01', to: '2025-12-31' });
    const audit = t.vault.db
      .prepare("SELECT user_id, detail FROM audit_log WHERE action = 'statistics.compute'")
      .all() as { user_id: string; detail: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]?.user_id).toBe(t.vault.user.id);
    expect(JSON.parse(audit[0]?.detail ?? '{}')).toEqual({ from: '2025-01-01', to: '2025-12-31', rows: rows.length });
  });
});
