/**
 * The caseload and the case's state: "my open cases" (lead worker or allocated clinician), the
 * clock order (what is due next), and the overdue filter, which means overdue and nothing else.
 * One real vault; cases are made and moved through the services a clinician's actions call.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseloadQuerySchema, type CaseloadQuery } from '../../../../preload/contract/cases';
import type { CaseDetail, CaseStatus, ReferralInput } from '../../../../preload/contract/case-records';
import { listCaseload } from '../../../../main/core/cases/caseload.service';
import { walksClockParts } from '../../../../main/core/cases/caseload.clock-order';
import { caseloadSql, readCaseloadPage } from '../../../../main/core/cases/caseload.repo';
import { setCaseStatus } from '../../../../main/core/cases/case-status.service';
import { getCase, updateCaseFields } from '../../../../main/core/cases/cases.service';
import { listPaperworkTypes } from '../../../../main/core/cases/paperwork.repo';
import { setPaperworkReceived } from '../../../../main/core/cases/paperwork.service';
import { makeVault, newCase, type TestVault } from './fixtures';

const TODAY = '2025-06-15';
let t: TestVault;
let colleague: string;
const made: Record<string, CaseDetail> = {};

/** Receive every required paperwork item on `date`: the clock is then due 84 days later. */
function completePaperwork(caseId: string, date: string): void {
  for (const type of listPaperworkTypes(t.vault.db).filter((p) => p.required)) {
    // These tests are about the clock: dates are chosen for it, some before the fixture's referral.
    setPaperworkReceived(t.vault, {
      caseId,
      typeId: type.id,
      receivedDate: date,
      notes: null,
      acknowledgeBeforeReferral: true,
    });
  }
}

function moveTo(c: CaseDetail, path: CaseStatus[]): void {
  for (const status of path) {
    const { version } = getCase(t.vault, c.id);
    setCaseStatus(t.vault, {
      caseId: c.id,
      expectedVersion: version,
      status,
      reason: status === 'declined' || status === 'closed' ? 'Test reason' : null,
      closingSummary: status === 'closed' ? 'Closing summary.' : null,
    });
  }
}

function make(
  name: string,
  opts: { path?: CaseStatus[]; paperwork?: string; completed?: string; referral?: Partial<ReferralInput> } = {},
): void {
  const c = newCase(t.vault, opts.referral ?? {}, { givenName: name, familyName: 'Test', dateOfBirth: '2011-01-01' });
  if (opts.paperwork) completePaperwork(c.id, opts.paperwork);
  if (opts.completed) {
    updateCaseFields(t.vault, c.id, getCase(t.vault, c.id).version, { assessmentCompletedDate: opts.completed });
  }
  moveTo(c, opts.path ?? []);
  made[name] = getCase(t.vault, c.id);
}

beforeAll(async () => {
  t = await makeVault(`${TODAY}T10:00:00Z`);
  colleague = (
    await t.vault.addUser({
      username: 'klee',
      displayName: 'Kim Lee',
      password: 'correct horse battery',
      role: 'clinician',
    })
  ).id;
  const me = t.vault.user.id;
  // Running clocks (due 24/05, 12/06, 24/07), one awaiting paperwork, then the ones out of the way.
  make('Overdue', { path: ['accepted', 'active'], paperwork: '2025-03-01', referral: { leadWorkerId: me } });
  make('Late', { path: ['accepted'], paperwork: '2025-03-20', referral: { leadWorkerId: colleague } });
  make('Running', { paperwork: '2025-05-01', referral: { leadWorkerId: colleague } });
  make('Awaiting', { referral: { leadWorkerId: colleague } });
  make('AwaitingToo', { referral: { referralDate: '2025-06-02' } });
  make('Closed', { path: ['accepted', 'closed'], paperwork: '2025-03-02', referral: { leadWorkerId: me } });
  make('Declined', { path: ['declined'], paperwork: '2025-03-03' });
  make('Consultation', {
    paperwork: '2025-03-04',
    referral: { consultationOnly: true, servicesRequested: ['consultation'] },
  });
  make('Completed', { path: ['accepted', 'active'], paperwork: '2025-03-05', completed: '2025-05-20' });
  make('SafeHomeOnly', { paperwork: '2025-03-06', referral: { servicesRequested: ['safe_home'] } });
  // Allocated (not lead) on the running case.
  const running = getCase(t.vault, made.Running?.id ?? '');
  updateCaseFields(t.vault, running.id, running.version, { allocatedClinicianIds: [me] });
}, 120_000);
afterAll(() => t?.cleanup());

const list = (over: Partial<CaseloadQuery>) => listCaseload(t.vault, caseloadQuerySchema.parse(over));
const names = (over: Partial<CaseloadQuery>) => list(over).items.map((c) => c.displayName.replace(/ Test$/, ''));

const CLOCK_ORDER = [
  'Overdue',
  'Late',
  'Running',
  'Awaiting',
  'AwaitingToo',
  'Closed',
  'Declined',
  'Consultation',
  'Completed',
  'SafeHomeOnly',
];

describe('the clock on the caseload follows the case', () => {
  it('shows each case’s state, the same as its case page', () => {
    const rows = list({ limit: 50 }).items;
    const byName = Object.fromEntries(rows.map((r) => [r.displayName.replace(/ Test$/, ''), r]));
    expect(byName.Overdue?.clock).toMatchObject({ status: 'overdue', daysRemaining: -22 });
    expect(byName.Running?.clock).toMatchObject({ status: 'on_track', daysRemaining: 39, week: 7 });
    expect(byName.Awaiting?.clockStatus).toBe('not_started');
    expect(byName.Closed?.clockStatus).toBe('not_assessed');
    expect(byName.Declined?.clockStatus).toBe('none');
    expect(byName.Consultation?.clockStatus).toBe('none');
    expect(byName.SafeHomeOnly?.clockStatus).toBe('none');
    expect(byName.Completed?.clock).toMatchObject({ status: 'complete', completedInDays: 76, completedOnTime: true });
    for (const row of rows) {
      const { clock } = getCase(t.vault, row.id);
      expect(row.clock, row.displayName).toEqual({
        status: clock.status,
        daysRemaining: clock.daysRemaining,
        week: clock.week,
        completedInDays: clock.completedInDays,
        completedOnTime: clock.completedOnTime,
      });
    }
  });

  it('overdue means overdue: not closed, declined, completed, consultation-only or no-assessment cases', () => {
    expect(names({ overdue: true, sort: 'due_date', direction: 'asc' })).toEqual(['Overdue', 'Late']);
  });
});

describe('the clock order: what is due next', () => {
  it('runs overdue (most first), running by due date, awaiting paperwork by reference, then the rest', () => {
    expect(walksClockParts(caseloadQuerySchema.parse({ sort: 'due_date' }))).toBe(true);
    expect(names({ sort: 'due_date', direction: 'asc' })).toEqual(CLOCK_ORDER);
    expect(names({ sort: 'due_date', direction: 'desc' })).toEqual([...CLOCK_ORDER].reverse());
  });

  it('is the same order when a filter makes it one sorted query', () => {
    const filtered = caseloadSql(
      t.vault.user,
      caseloadQuerySchema.parse({ sort: 'due_date', search: 'NC-2025' }),
      TODAY,
    );
    expect(filtered.parts).toHaveLength(1);
    expect(names({ sort: 'due_date', direction: 'asc', search: 'NC-2025' })).toEqual(CLOCK_ORDER);
    expect(names({ sort: 'due_date', direction: 'desc', search: 'NC-2025' })).toEqual([...CLOCK_ORDER].reverse());
  });

  it('pages across the parts without losing or repeating a case', () => {
    for (const direction of ['asc', 'desc'] as const) {
      const expected = direction === 'asc' ? CLOCK_ORDER : [...CLOCK_ORDER].reverse();
      for (let offset = 0; offset < expected.length; offset++) {
        for (const limit of [1, 2, 3, 5]) {
          const page = list({ sort: 'due_date', direction, offset, limit });
          expect(page.total).toBe(CLOCK_ORDER.length);
          expect(
            page.items.map((c) => c.displayName.replace(/ Test$/, '')),
            `${direction} @${offset} x${limit}`,
          ).toEqual(expected.slice(offset, offset + limit));
        }
      }
    }
  });

  it('reads the same rows with the status order scan as without it', () => {
    const q = caseloadQuerySchema.parse({ status: ['referred', 'accepted', 'active'], sort: 'due_date', limit: 3 });
    for (const offset of [0, 1, 2, 3, 4]) {
      const a = readCaseloadPage(t.vault.db, caseloadSql(t.vault.user, q, TODAY), offset, 3);
      const b = readCaseloadPage(t.vault.db, caseloadSql(t.vault.user, q, TODAY, true), offset, 3);
      expect(b).toEqual(a);
    }
  });
});

describe('my open cases', () => {
  it('are the open cases I lead or am allocated to', () => {
    const open: CaseStatus[] = ['referred', 'accepted', 'active'];
    expect(names({ mine: true, status: open, sort: 'due_date', direction: 'asc' })).toEqual(['Overdue', 'Running']);
    // Without the status filter my closed case is there too (lead worker on it).
    expect(names({ mine: true, sort: 'due_date', direction: 'asc' })).toEqual(['Overdue', 'Running', 'Closed']);
    expect(list({ mine: true }).total).toBe(3);
  });

  it('records that the list was "mine" in the audit row, never who else’s', () => {
    list({ mine: true });
    const row = t.vault.db
      .prepare(`SELECT detail FROM audit_log WHERE action = 'caseload.list' ORDER BY seq DESC LIMIT 1`)
      .get() as { detail: string };
    expect(JSON.parse(row.detail)).toMatchObject({ mine: true });
  });
});
