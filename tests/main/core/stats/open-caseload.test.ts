/**
 * The open caseload per clinician, counted in SQLite from the index of open cases (migration 150):
 * the allocated clinicians beside the lead worker, each case once per person, and the period's
 * last day as the day the status is read on (a change late that day counts, one the next morning
 * does not). Hand-made cases with known answers, as in measures.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import '../../../../main/core/core';
import { getCase, updateCaseFields } from '../../../../main/core/cases/cases.service';
import { computeStatistics } from '../../../../main/core/stats/stats.service';
import type { StatisticsPeriod } from '../../../../preload/contract/stats-records';
import { moveTo } from '../assessments/fixtures';
import { makeVault, newCase, type TestVault } from '../cases/fixtures';
import { CLINICIAN } from '../temp-vault';

let t: TestVault;
beforeEach(async () => {
  t = await makeVault('2025-06-15T10:00:00Z');
});
afterEach(() => t.cleanup());

/** The open caseload's total and each clinician's figure for the period. */
function caseload(period: StatisticsPeriod): Record<string, number | null> {
  const rows = computeStatistics(t.vault, period).rows.filter((r) => r.measure === 'open_caseload');
  return Object.fromEntries(rows.map((r) => [r.group ?? 'total', r.value]));
}

/** A case referred on `referralDate` with that lead worker and those allocated clinicians. */
function allocated(referralDate: string, lead: string | null, clinicians: string[]) {
  const c = newCase(t.vault, { referralDate, leadWorkerId: lead });
  if (clinicians.length > 0) {
    updateCaseFields(t.vault, c.id, getCase(t.vault, c.id).version, { allocatedClinicianIds: clinicians });
  }
  return c;
}

describe('open caseload per clinician, with allocated clinicians', () => {
  it('counts a case once for each person on it, and "Not allocated" only for a case with nobody', async () => {
    const ada = t.vault.user.id;
    const cal = (await t.vault.addUser(CLINICIAN)).id;
    const dee = (
      await t.vault.addUser({ username: 'dee', displayName: 'Dee Doctor', password: 'another password 1', role: 'clinician' })
    ).id;
    allocated('2025-01-10', ada, [ada, cal]); // the lead also allocated: once for Ada
    allocated('2025-02-10', null, [cal]); // no lead worker but allocated: not "Not allocated"
    allocated('2025-03-10', null, []); // nobody at all
    allocated('2025-04-10', cal, [dee]);
    const closed = allocated('2025-01-20', dee, [ada]);
    moveTo(t.vault, closed.id, ['accepted', 'closed']);
    allocated('2025-06-15', null, [dee]); // referred on the period's last day: open on it
    allocated('2025-06-16', ada, []); // referred the day after

    const june = { from: '2025-06-01', to: '2025-06-15' };
    expect(caseload(june)).toEqual({
      total: 5,
      'Cal Clinician': 3,
      'Ada Admin': 1,
      'Dee Doctor': 2,
      'Not allocated': 1,
    });
    // The groups overlap (a case counts for each person on it), so they add up to more than the total.
    const rows = computeStatistics(t.vault, june).rows.filter((r) => r.measure === 'open_caseload');
    expect(rows.map((r) => r.group)).toEqual([null, 'Cal Clinician', 'Dee Doctor', 'Ada Admin', 'Not allocated']);
  });

  it('reads each case’s status on the period’s last day: a change late that day counts, the next morning’s does not', () => {
    t.setNow('2025-05-01T09:00:00Z');
    const lateOnTheDay = newCase(t.vault, { referralDate: '2025-01-10' });
    const nextMorning = newCase(t.vault, { referralDate: '2025-01-11' });
    const neverChanged = newCase(t.vault, { referralDate: '2025-01-12' });
    const closedLongAgo = newCase(t.vault, { referralDate: '2025-01-13' });
    moveTo(t.vault, closedLongAgo.id, ['declined']);
    t.setNow('2025-05-31T21:30:00Z'); // 22:30 in England, still 31/05
    moveTo(t.vault, lateOnTheDay.id, ['accepted', 'closed']);
    t.setNow('2025-06-01T07:00:00Z');
    moveTo(t.vault, nextMorning.id, ['accepted', 'closed']);
    t.setNow('2025-06-15T10:00:00Z');

    // On 31/05: the first was closed by then; the second still open, its close the next morning.
    expect(caseload({ from: '2025-05-01', to: '2025-05-31' })).toEqual({ total: 2, 'Not allocated': 2 });
    // On 30/05 both were still open; on 01/06 both are closed.
    expect(caseload({ from: '2025-05-01', to: '2025-05-30' })).toEqual({ total: 3, 'Not allocated': 3 });
    expect(caseload({ from: '2025-06-01', to: '2025-06-01' })).toEqual({ total: 1, 'Not allocated': 1 });
    // Before the later referrals: only the first case had been referred.
    expect(caseload({ from: '2025-01-01', to: '2025-01-10' })).toEqual({ total: 1, 'Not allocated': 1 });
    expect(neverChanged.status).toBe('referred');
  });
});
