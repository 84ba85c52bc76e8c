/**
 * Issue 10's assessment remainders on a real vault: removing a behaviour, undoing a stage marked
 * done (and "report sent" with the case's clock), the case's completed date owned by the pathway,
 * and the chronology's consultation and assessment filter groups.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AssessmentView, StageView } from '../../../../preload/contract/assessment-records';
import { addBehaviour, removeBehaviour } from '../../../../main/core/assessments/assessment-content.service';
import { reopenStage } from '../../../../main/core/assessments/assessment-reopen.service';
import { signOffAssessment } from '../../../../main/core/assessments/assessment-signoff.service';
import { completeStage, getAssessment, openAssessment } from '../../../../main/core/assessments/assessments.service';
import { getCase, updateCaseFields } from '../../../../main/core/cases/cases.service';
import { CHRONOLOGY_KINDS } from '../../../../preload/contract/chronology-kinds';
import { CHRONOLOGY_GROUPS } from '../../../../preload/contract/chronology';
import { auditActions, makeVault, newCase, type TestVault } from '../cases/fixtures';
import { assessmentCase, completeThrough, moveTo, readyForSignOff } from './fixtures';

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

function auditDetail(action: string): Record<string, unknown>[] {
  const rows = t.vault.db.prepare('SELECT detail FROM audit_log WHERE action = ? ORDER BY seq').all(action) as {
    detail: string;
  }[];
  return rows.map((r) => JSON.parse(r.detail) as Record<string, unknown>);
}

const behaviour = {
  occurredOn: '2025-04-02',
  description: 'Recorded in error.',
  setting: 'School',
  harmed: null,
  thirdParty: false,
  hackett: 'inappropriate',
  brookVersion: '2012',
  brookBand: '13-17',
  brookColour: 'amber',
} as const;

describe('removing a behaviour', () => {
  it('removes it, audited with what it was but never its text', () => {
    const a = openAssessment(t.vault, assessmentCase(t.vault).id);
    const b = addBehaviour(t.vault, a.id, behaviour);
    expect(removeBehaviour(t.vault, b.id, b.version)).toEqual({ removed: true });
    expect(getAssessment(t.vault, a.caseId)?.behaviours).toEqual([]);
    const [detail] = auditDetail('assessment.behaviour_remove');
    expect(detail).toEqual({
      occurredOn: '2025-04-02',
      hackett: 'inappropriate',
      brookVersion: '2012',
      brookBand: '13-17',
      brookColour: 'amber',
      thirdParty: false,
      version: 1,
    });
    expect(JSON.stringify(detail)).not.toContain('Recorded in error');
  });

  it('refuses a stale version and a removal after sign-off, naming the sign-off', () => {
    const a = openAssessment(t.vault, assessmentCase(t.vault).id);
    const b = addBehaviour(t.vault, a.id, behaviour);
    expect(() => removeBehaviour(t.vault, b.id, b.version + 1)).toThrow(/Someone changed this assessment/);
    const ready = readyForSignOff(t.vault, a);
    signOffAssessment(t.vault, ready.id, ready.version);
    expect(() => removeBehaviour(t.vault, b.id, b.version)).toThrow(
      /This assessment report was signed off by .* on \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}, so it can no longer be changed\. Add an addendum/,
    );
    expect(getAssessment(t.vault, a.caseId)?.behaviours).toHaveLength(1);
  });
});

describe('undoing a stage marked done', () => {
  it('undoes only the latest stage done, with the reason in the audit', () => {
    const a = completeThrough(
      t.vault,
      openAssessment(t.vault, assessmentCase(t.vault).id),
      'psychometrics',
      '2025-05-10',
    );
    expect(a.stages.find((s) => s.stage === 'psychometrics')?.actualDate).toBe('2025-05-10');
    const meeting = stage(a, 'professionals_meeting');
    expect(() => reopenStage(t.vault, meeting.id, meeting.version, 'Wrong date.')).toThrow(
      /Only the latest stage done can be undone: Psychometric assessments was done after Professionals meeting\. Undo that first\./,
    );
    const psy = stage(a, 'psychometrics');
    expect(() => reopenStage(t.vault, psy.id, psy.version, '   ')).toThrow(/Say why the stage is being undone/);
    const view = reopenStage(t.vault, psy.id, psy.version, 'Marked on the wrong day.');
    expect(stage(view, 'psychometrics').actualDate).toBeNull();
    expect(stage(view, 'psychometrics').isNext).toBe(true);
    expect(auditDetail('assessment.stage_reopen')).toEqual([
      {
        stage: 'psychometrics',
        wasDoneOn: '2025-05-10',
        reason: 'Marked on the wrong day.',
        assessmentReopened: false,
      },
    ]);
    // Marked done again on the right day.
    const again = completeStage(t.vault, psy.id, stage(view, 'psychometrics').version, '2025-05-12');
    expect(stage(again, 'psychometrics').actualDate).toBe('2025-05-12');
  });

  it('undoes one interview while the others stay done, and refuses a stage not done or the paperwork', () => {
    const a = completeThrough(
      t.vault,
      openAssessment(t.vault, assessmentCase(t.vault).id),
      'clinical_interviews',
      '2025-05-10',
    );
    const jo = stage(a, 'clinical_interviews', 'Jo Hughes');
    const view = reopenStage(t.vault, jo.id, jo.version, 'Interview postponed.');
    expect(view.stages.filter((s) => s.stage === 'clinical_interviews').map((s) => [s.subject, s.actualDate])).toEqual([
      ['Young person', '2025-05-10'],
      ['Jo Hughes', null],
      ['Sam Hughes', '2025-05-10'],
    ]);
    const row = t.vault.db.prepare('SELECT stage_reached FROM assessments WHERE id = ?').get(a.id) as {
      stage_reached: string;
    };
    expect(row.stage_reached).toBe('psychometrics');
    const formulation = stage(view, 'formulation');
    expect(() => reopenStage(t.vault, formulation.id, formulation.version, 'x')).toThrow(/has not been marked done/);
    const paperwork = stage(view, 'paperwork_complete');
    expect(() => reopenStage(t.vault, paperwork.id, paperwork.version, 'x')).toThrow(/follows the Paperwork tab/);
  });

  it('undoes quality assurance after sign-off: the report stays signed', () => {
    const c = assessmentCase(t.vault);
    const ready = readyForSignOff(t.vault, openAssessment(t.vault, c.id));
    signOffAssessment(t.vault, ready.id, ready.version);
    const a = completeThrough(t.vault, getAssessment(t.vault, c.id) ?? ready, 'quality_assurance', '2025-06-01');
    const qa = stage(a, 'quality_assurance');
    const view = reopenStage(t.vault, qa.id, qa.version, 'QA was not finished.');
    expect(stage(view, 'quality_assurance').actualDate).toBeNull();
    expect(view.signoff.locked).toBe(true);
  });

  it('refuses earlier stages once the report is sent; undoing "report sent" reopens the assessment and restarts the clock together', () => {
    const c = assessmentCase(t.vault);
    const a = completeThrough(
      t.vault,
      readyForSignOff(t.vault, openAssessment(t.vault, c.id)),
      'report_sent',
      '2025-06-10',
    );
    expect(getCase(t.vault, c.id).clock.status).toBe('complete');
    const qa = stage(a, 'quality_assurance');
    expect(() => reopenStage(t.vault, qa.id, qa.version, 'x')).toThrow(
      /The report was sent on 10\/06\/2025, so the 12-week clock has stopped\. Undo “Report sent” first/,
    );
    const sent = stage(a, 'report_sent');
    const view = reopenStage(t.vault, sent.id, sent.version, 'The report went to the wrong address and was recalled.');
    expect(view).toMatchObject({ state: 'open', reportSentDate: null, completedInDays: null });
    const detail = getCase(t.vault, c.id);
    expect(detail.clock).toMatchObject({ status: 'on_track', assessmentCompletedDate: null });
    expect(auditDetail('assessment.stage_reopen')[0]).toMatchObject({ stage: 'report_sent', assessmentReopened: true });
    // Sent again: the clock stops on the new date.
    completeStage(t.vault, sent.id, stage(view, 'report_sent').version, '2025-06-12');
    expect(getCase(t.vault, c.id).clock).toMatchObject({ status: 'complete', assessmentCompletedDate: '2025-06-12' });
  });

  it('refuses undoing "report sent" on a closed case', () => {
    const c = assessmentCase(t.vault);
    const a = completeThrough(
      t.vault,
      readyForSignOff(t.vault, openAssessment(t.vault, c.id)),
      'report_sent',
      '2025-06-10',
    );
    moveTo(t.vault, c.id, ['closed']);
    const sent = stage(a, 'report_sent');
    expect(() => reopenStage(t.vault, sent.id, sent.version, 'x')).toThrow(/This case is closed: reopen the case/);
    expect(getCase(t.vault, c.id).clock.assessmentCompletedDate).toBe('2025-06-10');
  });
});

describe('the case completed date once there is an assessment', () => {
  it('refuses setting or clearing it through the case, saying the report sent stage sets it', () => {
    const c = assessmentCase(t.vault);
    openAssessment(t.vault, c.id);
    const version = getCase(t.vault, c.id).version;
    expect(() => updateCaseFields(t.vault, c.id, version, { assessmentCompletedDate: '2025-06-01' })).toThrow(
      /This case has an assessment, so its completed date is set by the assessment’s “Report sent” stage/,
    );
    expect(getCase(t.vault, c.id).clock.assessmentCompletedDate).toBeNull();
    const before = auditActions(t.vault, c.id).filter((x) => x === 'case.update').length;
    // Other fields, and the date sent unchanged, still save.
    updateCaseFields(t.vault, c.id, version, { referralReason: 'Changed.', assessmentCompletedDate: null });
    expect(auditActions(t.vault, c.id).filter((x) => x === 'case.update').length).toBe(before + 1);

    const sent = completeThrough(
      t.vault,
      readyForSignOff(t.vault, getAssessment(t.vault, c.id) as AssessmentView),
      'report_sent',
      '2025-06-10',
    );
    expect(sent.state).toBe('complete');
    expect(() =>
      updateCaseFields(t.vault, c.id, getCase(t.vault, c.id).version, { assessmentCompletedDate: null }),
    ).toThrow(/completed date is set by the assessment’s “Report sent” stage/);
    expect(getCase(t.vault, c.id).clock.assessmentCompletedDate).toBe('2025-06-10');
  });

  it('still accepts it on a case without an assessment', () => {
    const c = newCase(t.vault, { servicesRequested: ['assessment'] });
    const d = updateCaseFields(t.vault, c.id, getCase(t.vault, c.id).version, {
      assessmentCompletedDate: '2025-06-01',
    });
    expect(d.clock.assessmentCompletedDate).toBe('2025-06-01');
  });
});

describe('chronology filter groups', () => {
  it('put consultations in their own group and the assessment with psychometrics in another, before "other"', () => {
    // The clinical work in the order it happens, with "other" last (interventions come between).
    const at = (g: (typeof CHRONOLOGY_GROUPS)[number]) => CHRONOLOGY_GROUPS.indexOf(g);
    expect(at('consultation')).toBeGreaterThan(at('documents'));
    expect(at('assessment')).toBe(at('consultation') + 1);
    expect(CHRONOLOGY_GROUPS.at(-1)).toBe('other');
    const groupOf = (k: keyof typeof CHRONOLOGY_KINDS) => CHRONOLOGY_KINDS[k].group;
    expect([groupOf('consultation'), groupOf('consultation_signed'), groupOf('batch_discussed')]).toEqual([
      'consultation',
      'consultation',
      'consultation',
    ]);
    expect([
      groupOf('assessment_stage_done'),
      groupOf('hsb_behaviour_recorded'),
      groupOf('psychometric_administered'),
    ]).toEqual(['assessment', 'assessment', 'assessment']);
  });
});
