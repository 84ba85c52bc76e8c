/**
 * The measures of the modules that exist, on hand-made cases with known answers: consultations by
 * outcome, intervention sessions and the DNA rate, 12-week compliance and the median days to the
 * report (odd, even and no reports), and the open caseload per clinician at the period's end.
 * Every period's edges are inclusive.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import '../../../../main/core/core';
import { openAssessment } from '../../../../main/core/assessments/assessments.service';
import { createConsultation } from '../../../../main/core/consultations/consultations.service';
import { createPlan } from '../../../../main/core/interventions/interventions.service';
import { createSession } from '../../../../main/core/interventions/sessions.service';
import { computeStatistics } from '../../../../main/core/stats/stats.service';
import type { Attendance } from '../../../../preload/contract/intervention-records';
import type { StatisticRow, StatisticsPeriod } from '../../../../preload/contract/stats-records';
import { completePaperwork, completeThrough, moveTo, readyForSignOff } from '../assessments/fixtures';
import { makeVault, newCase, type TestVault } from '../cases/fixtures';
import { consultation, networkCase } from '../consultations/fixtures';
import { interventionCase, plan, session } from '../interventions/fixtures';
import { CLINICIAN } from '../temp-vault';

let t: TestVault;
beforeEach(async () => {
  t = await makeVault('2025-06-15T10:00:00Z');
});
afterEach(() => t.cleanup());

/** A measure's figures for the period: `total` and each group, by name. */
function figures(measure: string, period: StatisticsPeriod, breakdown: string | null = null) {
  const rows: StatisticRow[] = computeStatistics(t.vault, period).rows;
  return Object.fromEntries(
    rows.filter((r) => r.measure === measure && r.breakdown === breakdown).map((r) => [r.group ?? 'total', r.value]),
  );
}
const base = (measure: string, period: StatisticsPeriod) =>
  computeStatistics(t.vault, period).rows.find((r) => r.measure === measure)?.base;

describe('consultations held, by outcome', () => {
  it('counts meetings on both edges of the period, by suitability, with 0 for an outcome not given', async () => {
    const n = await networkCase(t.vault);
    createConsultation(t.vault, n.caseId, consultation(n, { meetingDate: '2025-03-31' }));
    createConsultation(t.vault, n.caseId, consultation(n, { meetingDate: '2025-04-01', suitability: 'assessment_now', suitabilityReason: null }));
    createConsultation(t.vault, n.caseId, consultation(n, { meetingDate: '2025-04-30', suitability: 'later' }));
    createConsultation(t.vault, n.caseId, consultation(n, { meetingDate: '2025-05-01' }));
    const april = { from: '2025-04-01', to: '2025-04-30' };
    expect(figures('consultations_held', april)).toEqual({ total: 2 });
    expect(figures('consultations_held', april, 'outcome')).toEqual({
      'Suitable for assessment now': 1,
      'Suitable for intervention now': 0,
      'Suitable later': 1,
      'Not suitable': 0,
    });
  });
});

describe('intervention sessions and the DNA rate', () => {
  it('counts the offered sessions by attendance and leaves the service’s cancellations out of the DNA rate', () => {
    const n = interventionCase(t.vault);
    const p = createPlan(t.vault, n.caseId, plan(t.vault, n, { startDate: '2025-01-01' }));
    const add = (sessionDate: string, attendance: Attendance) =>
      createSession(
        t.vault,
        p.id,
        session({
          sessionDate,
          attendance,
          ...(attendance === 'attended' || attendance === 'planned' ? {} : { attendanceReason: 'Reason given.' }),
        }),
      );
    add('2025-05-01', 'attended');
    add('2025-05-08', 'attended');
    add('2025-05-31', 'attended');
    add('2025-05-15', 'cancelled_by_family');
    add('2025-05-16', 'cancelled_by_service');
    add('2025-05-17', 'cancelled_by_service');
    add('2025-05-20', 'did_not_attend');
    add('2025-05-22', 'did_not_attend');
    add('2025-04-30', 'did_not_attend'); // the day before the period
    add('2025-06-01', 'attended'); // the day after
    const may = { from: '2025-05-01', to: '2025-05-31' };
    expect(figures('intervention_sessions', may)).toEqual({ total: 8 });
    expect(figures('intervention_sessions', may, 'attendance')).toEqual({
      Attended: 3,
      'Cancelled by the family': 1,
      'Cancelled by the service': 2,
      'Did not attend': 2,
    });
    // 2 DNAs of the 6 sessions the family could have come to.
    expect(figures('intervention_dna_rate', may).total).toBeCloseTo(1 / 3, 10);
    expect(base('intervention_dna_rate', may)).toBe(6);
    expect(figures('intervention_dna_rate', { from: '2024-01-01', to: '2024-12-31' })).toEqual({ total: null });
  });
});

describe('12-week compliance and the median days to the report', () => {
  /** A case whose paperwork was complete on `paperwork` (due 84 days later), its report sent on `sent`. */
  function assessed(paperwork: string, sent: string | null) {
    const c = newCase(t.vault, { referralDate: '2024-12-01', leadWorkerId: t.vault.user.id });
    moveTo(t.vault, c.id, ['accepted']);
    completePaperwork(t.vault, c.id, paperwork);
    const a = openAssessment(t.vault, c.id);
    if (sent) completeThrough(t.vault, readyForSignOff(t.vault, a), 'report_sent', sent);
    return c;
  }

  beforeEach(() => {
    assessed('2025-01-02', '2025-03-20'); // due 27/03: on time, 77 days
    assessed('2025-01-10', '2025-05-01'); // due 04/04: late, 111 days
    assessed('2025-01-15', null); // due 09/04: overdue by today (15/06)
    assessed('2025-03-01', '2025-05-24'); // due 24/05, sent that day: on time, 84 days
    assessed('2025-04-01', null); // due 24/06: not yet due
    assessed('2024-10-01', '2024-12-20'); // due 24/12/2024: before the period
    const closed = assessed('2025-02-01', null); // due 26/04, closed unassessed
    moveTo(t.vault, closed.id, ['closed']);
  });

  it('counts the assessments due in the period by outcome, the due date itself counting as on time', () => {
    const period = { from: '2025-03-27', to: '2025-06-24' };
    expect(figures('assessments_due', period)).toEqual({ total: 6 });
    expect(figures('assessments_due', period, 'outcome')).toEqual({
      'Report sent by the due date': 2,
      'Report sent after the due date': 1,
      'Report not sent, overdue': 1,
      'Report not sent, not yet due': 1,
      'Case closed before the report was sent': 1,
    });
    // On time over the due ones whose outcome is known: 2 of 4.
    expect(figures('twelve_week_compliance', period)).toEqual({ total: 0.5 });
    expect(base('twelve_week_compliance', period)).toBe(4);
    // A day later the first case's due date (27/03) is out of the period.
    expect(figures('twelve_week_compliance', { from: '2025-03-28', to: '2025-06-24' }).total).toBeCloseTo(1 / 3, 10);
  });

  it('takes the median over the reports sent in the period: odd, even and none', () => {
    expect(figures('days_paperwork_to_report', { from: '2025-03-20', to: '2025-05-24' })).toEqual({ total: 84 });
    expect(base('days_paperwork_to_report', { from: '2025-03-20', to: '2025-05-24' })).toBe(3);
    expect(figures('days_paperwork_to_report', { from: '2025-03-20', to: '2025-05-23' })).toEqual({ total: 94 });
    expect(figures('days_paperwork_to_report', { from: '2025-07-01', to: '2025-07-31' })).toEqual({ total: null });
    expect(base('days_paperwork_to_report', { from: '2025-07-01', to: '2025-07-31' })).toBe(0);
  });
});

describe('open caseload per clinician', () => {
  it('counts the cases open on the period’s last day for their lead worker, with "Not allocated" for none', async () => {
    const clinician = await t.vault.addUser(CLINICIAN);
    newCase(t.vault, { referralDate: '2025-01-10', leadWorkerId: t.vault.user.id });
    newCase(t.vault, { referralDate: '2025-02-10', leadWorkerId: clinician.id });
    newCase(t.vault, { referralDate: '2025-03-10' });
    const closed = newCase(t.vault, { referralDate: '2025-01-20', leadWorkerId: t.vault.user.id });
    moveTo(t.vault, closed.id, ['accepted', 'closed']); // closed on 15/06, the vault's today
    newCase(t.vault, { referralDate: '2025-06-20', leadWorkerId: clinician.id }); // referred after both periods

    const june = { from: '2025-06-01', to: '2025-06-15' };
    expect(figures('open_caseload', june)).toEqual({ total: 3 });
    expect(figures('open_caseload', june, 'clinician')).toEqual({ 'Ada Admin': 1, 'Cal Clinician': 1, 'Not allocated': 1 });
    // At the end of May the closed case was still open.
    const may = { from: '2025-05-01', to: '2025-05-31' };
    expect(figures('open_caseload', may)).toEqual({ total: 4 });
    expect(figures('open_caseload', may, 'clinician')).toEqual({ 'Ada Admin': 2, 'Cal Clinician': 1, 'Not allocated': 1 });
  });
});
