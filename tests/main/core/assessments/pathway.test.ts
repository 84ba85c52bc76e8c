import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AssessmentView, StageView } from '../../../../preload/contract/assessment-records';
import { addRecommendation } from '../../../../main/core/assessments/assessment-content.service';
import {
  completeStage,
  getAssessment,
  openAssessment,
  planStage,
  updateAssessment,
} from '../../../../main/core/assessments/assessments.service';
import { getCase } from '../../../../main/core/cases/cases.service';
import { listCaseload } from '../../../../main/core/cases/caseload.service';
import { caseloadQuerySchema } from '../../../../preload/contract/cases';
import { RECOMMENDATION_GROUPS } from '../../../../preload/contract/assessment-records';
import { auditActions, makeVault, newCase, type TestVault } from '../cases/fixtures';
import { assessmentCase, moveTo } from './fixtures';

let t: TestVault;
beforeEach(async () => {
  t = await makeVault('2025-06-15T10:00:00Z');
});
afterEach(() => t.cleanup());

const stage = (a: AssessmentView, name: StageView['stage'], subject?: string) => {
  const s = a.stages.find((x) => x.stage === name && (subject === undefined || x.subject === subject));
  if (!s) throw new Error(`no stage ${name}`);
  return s;
};

/** Complete every stage up to and including `last`, on consecutive days from `from`. */
function completeThrough(a: AssessmentView, last: StageView['stage'], dates: string[]): AssessmentView {
  let view = a;
  let i = 0;
  for (const s of a.stages) {
    if (s.stage === 'paperwork_complete') continue;
    const current = view.stages.find((x) => x.id === s.id);
    if (!current) throw new Error('stage vanished');
    view = completeStage(t.vault, s.id, current.version, dates[Math.min(i, dates.length - 1)] ?? '2025-06-01');
    i += 1;
    if (s.stage === last && view.stages.filter((x) => x.stage === last).every((x) => x.actualDate)) break;
  }
  return view;
}

function readyForSignOff(a: AssessmentView): AssessmentView {
  let view = updateAssessment(t.vault, a.id, a.version, {
    formulation: 'Making sense of the behaviour.',
    riskToOthers: 'medium',
    riskToOthersRationale: 'Why.',
    riskToSelf: 'low',
    riskFromOthers: 'low',
  });
  for (const group of RECOMMENDATION_GROUPS) {
    addRecommendation(t.vault, view.id, { group, text: `Do ${group}`, owner: 'Social worker', timescale: '4 weeks' });
  }
  view = getAssessment(t.vault, view.caseId) ?? view;
  return view;
}

describe('the assessment pathway', () => {
  it('opens with every stage, and a clinical interview for the young person and each parent or carer', () => {
    const c = assessmentCase(t.vault);
    const a = openAssessment(t.vault, c.id);
    expect(a.stages.map((s) => [s.stage, s.subject])).toEqual([
      ['paperwork_complete', null],
      ['professionals_meeting', null],
      ['psychometrics', null],
      ['clinical_interviews', 'Young person'],
      ['clinical_interviews', 'Jo Hughes'],
      ['clinical_interviews', 'Sam Hughes'],
      ['formulation', null],
      ['report_drafted', null],
      ['quality_assurance', null],
      ['report_sent', null],
    ]);
    // The paperwork stage is the case's paperwork; the plan defaults run to the due date.
    expect(stage(a, 'paperwork_complete').actualDate).toBe('2025-05-01');
    expect(a.dueDate).toBe('2025-07-24');
    expect(stage(a, 'report_sent')).toMatchObject({
      plannedDate: '2025-07-24',
      plannedIsDefault: true,
      daysAgainstDue: 0,
    });
    expect(stage(a, 'professionals_meeting')).toMatchObject({
      plannedDate: '2025-05-15',
      timing: 'past_plan',
      isNext: true,
    });
    expect(stage(a, 'psychometrics').isNext).toBe(false);
    expect(auditActions(t.vault, c.id)).toContain('assessment.open');
  });

  it('allows one open assessment per case, and none on a consultation-only or closed case', () => {
    const c = assessmentCase(t.vault);
    openAssessment(t.vault, c.id);
    expect(() => openAssessment(t.vault, c.id)).toThrow(/already has an open assessment/);
    const consult = newCase(
      t.vault,
      { consultationOnly: true, servicesRequested: ['consultation'] },
      { initials: 'AB' },
    );
    expect(() => openAssessment(t.vault, consult.id)).toThrow(/no assessment among its services/);
    const closed = assessmentCase(t.vault, null, 'Ben');
    moveTo(t.vault, closed.id, ['closed']);
    expect(() => openAssessment(t.vault, closed.id)).toThrow(/closed: reopen it/);
  });

  it('completes stages in order only, with a clear error', () => {
    const a = openAssessment(t.vault, assessmentCase(t.vault).id);
    const psych = stage(a, 'psychometrics');
    expect(() => completeStage(t.vault, psych.id, psych.version, '2025-06-01')).toThrow(
      'Psychometric assessments cannot be done yet: first Professionals meeting. Stages are done in order.',
    );
    const meeting = stage(a, 'professionals_meeting');
    expect(() => completeStage(t.vault, meeting.id, meeting.version, '2025-04-30')).toThrow(
      /before Paperwork complete \(01\/05\/2025\)/,
    );
    expect(() => completeStage(t.vault, meeting.id, meeting.version, '2025-07-01')).toThrow(/in the future/);
    let view = completeStage(t.vault, meeting.id, meeting.version, '2025-05-20');
    expect(stage(view, 'professionals_meeting')).toMatchObject({ actualDate: '2025-05-20', timing: 'done_late' });
    expect(() => completeStage(t.vault, meeting.id, meeting.version, '2025-05-21')).toThrow(/CONFLICT|changed/);
    view = completeStage(t.vault, psych.id, psych.version, '2025-05-30');
    // The interviews can be done in any order among themselves, but all before the formulation.
    const sam = stage(view, 'clinical_interviews', 'Sam Hughes');
    view = completeStage(t.vault, sam.id, sam.version, '2025-06-02');
    const form = stage(view, 'formulation');
    expect(() => completeStage(t.vault, form.id, form.version, '2025-06-03')).toThrow(
      /first Clinical interview \(Young person\), Clinical interview \(Jo Hughes\)/,
    );
    expect(stage(view, 'clinical_interviews', 'Young person').isNext).toBe(true);
    expect(stage(view, 'clinical_interviews', 'Jo Hughes').isNext).toBe(true);
  });

  it('needs a paperwork-complete date before any other stage', () => {
    const a = openAssessment(t.vault, assessmentCase(t.vault, null).id);
    const meeting = stage(a, 'professionals_meeting');
    expect(meeting.plannedDate).toBeNull();
    expect(() => completeStage(t.vault, meeting.id, meeting.version, '2025-06-01')).toThrow(/first Paperwork complete/);
  });

  it('plans a stage with a date and an owner', () => {
    const a = openAssessment(t.vault, assessmentCase(t.vault).id);
    const m = stage(a, 'professionals_meeting');
    const view = planStage(t.vault, m.id, m.version, { plannedDate: '2025-06-20', ownerId: t.vault.user.id });
    expect(stage(view, 'professionals_meeting')).toMatchObject({
      plannedDate: '2025-06-20',
      plannedIsDefault: false,
      timing: 'planned',
      ownerName: 'Ada Admin',
      daysAgainstDue: -34,
    });
    const p = stage(a, 'paperwork_complete');
    expect(() => planStage(t.vault, p.id, p.version, { plannedDate: null, ownerId: null })).toThrow(/Paperwork tab/);
  });

  it('refuses quality assurance until canSignOff is satisfied, listing why', () => {
    const a = openAssessment(t.vault, assessmentCase(t.vault).id);
    const view = completeThrough(a, 'report_drafted', ['2025-05-10', '2025-05-20', '2025-06-01']);
    const qa = stage(view, 'quality_assurance');
    expect(view.signOffBlockers).toContain('Add at least one placement recommendation.');
    expect(() => completeStage(t.vault, qa.id, qa.version, '2025-06-10')).toThrow(
      /cannot be signed off yet\. Write the formulation\. Rate the risk of harm to others, to self, from others\. Add at least one case management recommendation\./,
    );
    const ready = readyForSignOff(view);
    expect(ready.signOffBlockers).toEqual([]);
    const done = completeStage(t.vault, qa.id, stage(ready, 'quality_assurance').version, '2025-06-10');
    expect(stage(done, 'quality_assurance').actualDate).toBe('2025-06-10');
  });

  it('stops the clock when the report is sent: completed in N days, on time, on the case and the caseload', () => {
    const c = assessmentCase(t.vault);
    const a = readyForSignOff(openAssessment(t.vault, c.id));
    expect(getCase(t.vault, c.id).clock.status).toBe('on_track');
    const view = completeThrough(a, 'report_sent', ['2025-05-10', '2025-05-20', '2025-06-01', '2025-06-10']);
    expect(view).toMatchObject({
      state: 'complete',
      reportSentDate: '2025-06-10',
      completedInDays: 40,
      completedOnTime: true,
    });
    const clock = getCase(t.vault, c.id).clock;
    expect(clock).toMatchObject({
      status: 'complete',
      completedInDays: 40,
      completedOnTime: true,
      assessmentCompletedDate: '2025-06-10',
    });
    const row = listCaseload(t.vault, caseloadQuerySchema.parse({})).items.find((s) => s.id === c.id);
    expect(row?.clock).toMatchObject({ status: 'complete', completedInDays: 40, completedOnTime: true });
    // Complete means closed to edits.
    expect(() => updateAssessment(t.vault, view.id, view.version, { formulation: 'x' })).toThrow(
      /can no longer be changed/,
    );
    expect(() => openAssessment(t.vault, c.id)).toThrow(/A new assessment needs a new referral/);
    expect(auditActions(t.vault, c.id).filter((x) => x === 'assessment.stage_complete')).toHaveLength(9);
  });

  it('marks a report sent after the due date late', () => {
    const c = assessmentCase(t.vault, '2025-01-02');
    t.setNow('2025-06-15T10:00:00Z');
    const a = readyForSignOff(openAssessment(t.vault, c.id));
    expect(getCase(t.vault, c.id).clock.status).toBe('overdue');
    completeThrough(a, 'report_sent', ['2025-03-01', '2025-04-01', '2025-05-01', '2025-06-01']);
    expect(getCase(t.vault, c.id).clock).toMatchObject({
      status: 'complete',
      completedInDays: 150,
      completedOnTime: false,
    });
  });

  it('shows a case closed without its report sent as not assessed, never overdue', () => {
    const c = assessmentCase(t.vault, '2025-01-02');
    openAssessment(t.vault, c.id);
    expect(getCase(t.vault, c.id).clock.status).toBe('overdue');
    moveTo(t.vault, c.id, ['closed']);
    expect(getCase(t.vault, c.id).clock.status).toBe('not_assessed');
    const overdue = listCaseload(t.vault, caseloadQuerySchema.parse({ overdue: true }));
    expect(overdue.items.map((s) => s.id)).not.toContain(c.id);
  });

  it('audits every read of the assessment as a case read', () => {
    const c = assessmentCase(t.vault);
    expect(getAssessment(t.vault, c.id)).toBeNull();
    openAssessment(t.vault, c.id);
    getAssessment(t.vault, c.id);
    const reads = t.vault.db
      .prepare(`SELECT detail FROM audit_log WHERE case_id = ? AND action = 'case.read'`)
      .all(c.id) as { detail: string }[];
    expect(reads.filter((r) => r.detail.includes('"assessment"'))).toHaveLength(2);
  });
});
