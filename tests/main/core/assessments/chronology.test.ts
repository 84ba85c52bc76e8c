import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addBehaviour } from '../../../../main/core/assessments/assessment-content.service';
import { completeStage, openAssessment } from '../../../../main/core/assessments/assessments.service';
import '../../../../main/core/assessments/assessments.ipc';
import { getChronology } from '../../../../main/core/notes/chronology';
import { behaviourSchema } from '../../../../preload/contract/assessment-records';
import { makeVault, type TestVault } from '../cases/fixtures';
import { assessmentCase } from './fixtures';

let t: TestVault;
beforeEach(async () => {
  t = await makeVault('2025-06-15T10:00:00Z');
});
afterEach(() => t.cleanup());

describe('the assessment in the chronology', () => {
  it('shows each stage done and each behaviour, the behaviour marked third-party when it names who was harmed', () => {
    const c = assessmentCase(t.vault);
    const a = openAssessment(t.vault, c.id);
    const meeting = a.stages.find((s) => s.stage === 'professionals_meeting');
    if (!meeting) throw new Error('no meeting stage');
    completeStage(t.vault, meeting.id, meeting.version, '2025-05-20');
    addBehaviour(
      t.vault,
      a.id,
      behaviourSchema.parse({
        occurredOn: '2025-02-10',
        description: 'Touched a younger cousin.',
        setting: 'Home',
        harmed: 'A cousin, aged 7',
        hackett: 'abusive',
      }),
    );
    const events = getChronology(t.vault, c.id, 50, 0).items;
    const ours = events.filter((e) => e.kind === 'assessment_stage_done' || e.kind === 'hsb_behaviour_recorded');
    expect(ours.map((e) => [e.at, e.kind, e.summary, e.thirdPartySensitive])).toEqual([
      ['2025-05-20', 'assessment_stage_done', 'Assessment: Professionals meeting done', false],
      ['2025-02-10', 'hsb_behaviour_recorded', 'Abusive behaviour (Home): Touched a younger cousin.', true],
    ]);
    const without = getChronology(t.vault, c.id, 50, 0, { groups: ['assessment'], thirdParty: 'without' }).items;
    expect(without.map((e) => e.kind)).toEqual(['assessment_stage_done']);
    // The assessment's events are in their own filter group, no longer under "other".
    const other = getChronology(t.vault, c.id, 50, 0, { groups: ['other'], thirdParty: 'all' }).items;
    expect(other.map((e) => e.kind)).not.toContain('assessment_stage_done');
  });
});
