/**
 * Hand-made records for the Home tests, made through the real router of a vault whose clock the
 * test sets: a clinician (Cal) and a colleague (Col), and cases allocated to one or the other.
 */
import type { CaseDetail } from '../../../../preload/contract/case-records';
import type { PlanView } from '../../../../preload/contract';
import type { ShFixture } from '../safe-home/fixture';

export const CAL = {
  username: 'cal',
  displayName: 'Cal Clinician',
  password: 'clinician password 1',
  role: 'clinician',
};
export const COL = { username: 'col', displayName: 'Col League', password: 'colleague password 1', role: 'clinician' };

export interface People {
  cal: string;
  col: string;
}

export async function makePeople(f: ShFixture): Promise<People> {
  const cal = await f.ok<{ id: string }>('user:create', CAL);
  const col = await f.ok<{ id: string }>('user:create', COL);
  return { cal: cal.id, col: col.id };
}

/** A case referred on 01/03/2026 with an assessment asked for, allocated as given. */
export async function allocatedCase(
  f: ShFixture,
  familyName: string,
  allocation: { lead: string | null; allocated?: string[] },
): Promise<CaseDetail> {
  const made = await f.ok<CaseDetail>('case:create', {
    referralDate: '2026-03-01',
    youngPerson: { givenName: 'Alex', familyName, dateOfBirth: '2012-05-01' },
  });
  return f.ok<CaseDetail>('case:update', {
    caseId: made.id,
    expectedVersion: made.version,
    patch: {
      leadWorkerId: allocation.lead,
      allocatedClinicianIds: allocation.allocated ?? [],
      servicesRequested: ['assessment', 'intervention'],
    },
  });
}

/** Close a case: accepted, made active, then closed with its reason and summary. */
export async function closeCase(f: ShFixture, c: CaseDetail): Promise<void> {
  let current = c;
  for (const status of ['accepted', 'active', 'closed']) {
    current = await f.ok<CaseDetail>('case:setStatus', {
      caseId: c.id,
      expectedVersion: current.version,
      status,
      reason: 'Work finished.',
      closingSummary: status === 'closed' ? 'Closed for the test.' : null,
    });
  }
}

/**
 * Open the case's assessment and start its clock so that it is due on `due` (a hand-made
 * paperwork date: the Paperwork tab's checklist is not what these tests are about).
 */
export async function assessmentDue(f: ShFixture, caseId: string, due: string | null): Promise<void> {
  await f.ok('assessment:open', { caseId });
  if (due === null) return;
  f.vault()
    .db.prepare(
      "UPDATE cases SET assessment_due_date = @due, paperwork_complete_date = date(@due, '-84 days') WHERE id = @id",
    )
    .run({ due, id: caseId });
}

export async function task(
  f: ShFixture,
  caseId: string,
  ownerId: string,
  dueDate: string | null,
  title = 'Call the school',
) {
  return f.ok<{ id: string; version: number }>('task:create', { caseId, task: { title, ownerId, dueDate } });
}

/** An intervention plan on the case delivered by `clinicians`, starting on `startDate`. */
export async function plan(f: ShFixture, caseId: string, clinicians: string[], startDate: string): Promise<PlanView> {
  return f.ok<PlanView>('intervention:create', {
    caseId,
    plan: {
      planType: 'individual',
      startDate,
      clinicianIds: clinicians,
      networkCare: [],
      goals: [{ area: 'making_sense', description: 'Understand what happened.', baselineRating: 2 }],
    },
  });
}

/** Book a session of the plan (the clock must be on or before the date). */
export async function book(f: ShFixture, planId: string, sessionDate: string, startTime = '16:00') {
  return f.ok<{ id: string }>('interventionSession:create', {
    planId,
    session: {
      sessionDate,
      startTime,
      durationMinutes: 50,
      sessionType: 'individual',
      venue: 'clinic',
      attendance: 'planned',
    },
  });
}
