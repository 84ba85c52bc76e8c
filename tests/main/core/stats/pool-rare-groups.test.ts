/**
 * Rare typed-in groups pooled as "Other": the pooled row closes its own breakdown, also when
 * every group of it was rare (it once went to the very start of the export, before the total).
 */
import { describe, expect, it } from 'vitest';
import type { StatisticRow } from '../../../../preload/contract/stats-records';
import { poolRareGroups } from '../../../../main/core/stats/stats.service';

function row(breakdown: string | null, group: string | null, value: number): StatisticRow {
  return {
    measure: 'referrals_received',
    breakdown,
    group,
    label: 'Referrals received',
    unit: 'count',
    breakdownLabel: breakdown,
    partition: true,
    value,
  };
}

const groupsOf = (rows: StatisticRow[]) => rows.map((r) => `${r.breakdown ?? 'total'}:${r.group ?? ''}=${r.value}`);

describe('poolRareGroups', () => {
  it('puts the pooled group after the breakdown’s last published group', () => {
    const rows = [row(null, null, 20), row('source', 'School', 12), row('source', 'GP', 3), row('source', 'Police', 5)];
    const out = groupsOf(poolRareGroups(rows, new Set(['source'])));
    expect(out).toEqual(['total:=20', 'source:School=12', 'source:Police=5', 'source:Other (each fewer than 5)=3']);
  });

  it('keeps it after the total and before the next breakdown when every group is rare', () => {
    const rows = [
      row(null, null, 7),
      row('authority', 'Leeds', 3),
      row('authority', 'York', 4),
      row('service', 'Assessment', 7),
    ];
    const out = groupsOf(poolRareGroups(rows, new Set(['authority'])));
    expect(out).toEqual(['total:=7', 'authority:Other (each fewer than 5)=7', 'service:Assessment=7']);
  });
});
