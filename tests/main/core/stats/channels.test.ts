/**
 * The statistics channels through the real router: who may call them, how a bad period is
 * refused, what the anonymised export leaves out (dashboard-only measures, rare typed-in groups,
 * small numbers) and the audit row of each call, which holds no value.
 */
import { describe, expect, it } from 'vitest';
import { referralSchema } from '../../../../preload/contract/case-records';
import type { StatisticsExport, StatisticsResult } from '../../../../preload/contract/stats-records';
import { CSV_HEADER } from '../../../../main/core/stats/stats-csv';
import { coreForEachTest } from '../core-fixture';
import { referral } from '../cases/fixtures';

const f = coreForEachTest('ncats-stats-');
const YEAR = { from: '2025-01-01', to: '2025-12-31' };

async function refer(source: string, times: number) {
  for (let i = 0; i < times; i += 1) {
    await f.ok('case:create', referralSchema.parse(referral({ referralSource: source, referralDate: '2025-03-01' })));
  }
}

const auditDetails = (action: string) =>
  (
    f.vault().db.prepare('SELECT detail FROM audit_log WHERE action = ? ORDER BY seq').all(action) as { detail: string }[]
  ).map((r) => JSON.parse(r.detail) as Record<string, unknown>);

async function signInAs(role: 'clinician' | 'read-only') {
  const user = { username: 'sam', displayName: 'Sam Second', password: 'second user password', role };
  await f.ok('user:create', user);
  await f.ok('vault:unlock', { username: user.username, password: user.password });
}

describe('statistics:compute and statistics:export', () => {
  it('refuse a period that is back to front, not a date, or longer than ten years, saying why', async () => {
    const refused = async (input: unknown) => {
      const r = await f.core.router('statistics:compute', input);
      expect(r.ok).toBe(false);
      return r.ok ? '' : `${r.error.code}: ${r.error.message}`;
    };
    expect(await refused({ from: '2025-02-01', to: '2025-01-31' })).toMatch(/INVALID_INPUT.*must not be after its end/);
    expect(await refused({ from: '2025-02-30', to: '2025-03-31' })).toMatch(/INVALID_INPUT.*date does not exist/);
    expect(await refused({ from: '01/02/2025', to: '2025-03-31' })).toMatch(/INVALID_INPUT.*YYYY-MM-DD/);
    expect(await refused({ from: '2016-01-01', to: '2026-01-01' })).toMatch(/INVALID_INPUT.*at most 10 years/);
    // Ten years to the day, and one day alone, are accepted.
    await f.ok('statistics:compute', { from: '2016-01-01', to: '2025-12-31' });
    await f.ok('statistics:compute', { from: '2025-06-01', to: '2025-06-01' });
  });

  it('export only the measures that may leave the service, as CSV with ISO dates', async () => {
    await refer('Police', 7);
    const all = await f.ok<StatisticsResult>('statistics:compute', YEAR);
    expect(all.rows.some((r) => r.measure === 'open_caseload')).toBe(true);
    const out = await f.ok<StatisticsExport>('statistics:export', YEAR);
    expect(out.rows.some((r) => r.measure === 'open_caseload')).toBe(false);
    const lines = out.csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(CSV_HEADER);
    expect(lines).toHaveLength(out.rows.length + 1);
    expect(lines).toContain('referrals_received,,,2025-01-01,2025-12-31,7,count');
    expect(lines).toContain('referrals_received,source,Police,2025-01-01,2025-12-31,7,count');
    expect(lines.filter((l) => l.startsWith('intervention_dna_rate,'))).toEqual([
      'intervention_dna_rate,,,2025-01-01,2025-12-31,,rate',
    ]);
  });

  it('pool rare typed-in sources as "Other" before suppressing, so no rare source is published', async () => {
    await refer('Police', 6);
    await refer('Named Person Consulting', 2);
    await refer('Dr Rare Referrer', 1);
    const out = await f.ok<StatisticsExport>('statistics:export', YEAR);
    expect(out.csv).not.toContain('Named Person');
    expect(out.csv).not.toContain('Rare Referrer');
    const source = out.rows.filter((r) => r.measure === 'referrals_received' && r.breakdown === 'source');
    // The pooled 3 is <5, and Police (6) is withheld so that 9 - 6 cannot give it away.
    expect(source.map((r) => [r.group, r.value])).toEqual([
      ['Police', '[c]'],
      ['Other (each fewer than 5)', '<5'],
    ]);
    // The dashboard's own figures name them, unsuppressed.
    const all = await f.ok<StatisticsResult>('statistics:compute', YEAR);
    expect(all.rows.find((r) => r.group === 'Dr Rare Referrer')?.value).toBe(1);
  });

  it('audit who asked, the period and the row count, never a value', async () => {
    await refer('Police', 7);
    const computed = await f.ok<StatisticsResult>('statistics:compute', YEAR);
    const exported = await f.ok<StatisticsExport>('statistics:export', YEAR);
    expect(auditDetails('statistics.compute')).toEqual([{ ...YEAR, rows: computed.rows.length }]);
    expect(auditDetails('statistics.export')).toEqual([{ ...YEAR, rows: exported.rows.length, format: 'csv' }]);
    const who = f.vault().db.prepare("SELECT username FROM audit_log WHERE action = 'statistics.export'").get();
    expect(who).toEqual({ username: 'admin' });
  });

  it('let a clinician see the figures but not export them', async () => {
    await signInAs('clinician');
    await f.ok('statistics:compute', YEAR);
    const r = await f.core.router('statistics:export', YEAR);
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(auditDetails('statistics.export')).toEqual([]);
  });

  it('keep a read-only user out of both', async () => {
    await signInAs('read-only');
    expect(await f.core.router('statistics:compute', YEAR)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await f.core.router('statistics:export', YEAR)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
