/**
 * The Interventions tab's form drafts: typed text to the contract's inputs (plan, session,
 * safeguarding concern), each refusal said by its field in the contract's words.
 */
import { describe, expect, it } from 'vitest';
import {
  attendanceSummary,
  planSchema,
  startFromLastSession,
  type InterventionSessionContent,
  type PlanView,
} from '../../../preload/contract/interventions';
import { checkConcern, newConcernDraft } from '../../../renderer/features/interventions/concern-draft';
import {
  checkPlan,
  goalField,
  newPlanDraft,
  nextGoalKey,
  planDraftOf,
  ratingOf,
} from '../../../renderer/features/interventions/plan-draft';
import {
  checkSession,
  ratingField,
  sessionDraftOf,
  type SessionDraft,
} from '../../../renderer/features/interventions/session-draft';

const ME = '5d0c7a52-3f4e-4b6a-9c10-000000000001';
const SW = '5d0c7a52-3f4e-4b6a-9c10-000000000002';
const G1 = '5d0c7a52-3f4e-4b6a-9c10-0000000000a1';
const G2 = '5d0c7a52-3f4e-4b6a-9c10-0000000000a2';
const TODAY = '2026-02-10';

describe('the plan draft', () => {
  it('starts a new plan today with the clinician and a goal in each of the service’s three aims', () => {
    const d = newPlanDraft('10/02/2026', ME);
    expect(d.clinicianIds).toEqual([ME]);
    expect(d.goals.map((g) => g.area)).toEqual(['making_sense', 'healthy_strategies', 'emotions_relationships']);
    expect(nextGoalKey(d.goals)).toBe(4);
  });

  it('gives the contract’s input: the date as ISO, baselines as numbers (blank: none)', () => {
    const d = newPlanDraft('10/02/2026', ME);
    d.planType = 'individual';
    d.networkCare = [{ personId: SW, care: 'Child in need visits.' }];
    d.goals = d.goals.map((g, i) => ({ ...g, description: `Goal ${i + 1}`, baseline: i === 2 ? '' : String(i + 2) }));
    const { errors, input } = checkPlan(d);
    expect(errors).toEqual({});
    expect(input).toEqual(
      planSchema.parse({
        planType: 'individual',
        startDate: '2026-02-10',
        clinicianIds: [ME],
        networkCare: [{ personId: SW, care: 'Child in need visits.' }],
        goals: [
          { area: 'making_sense', description: 'Goal 1', baselineRating: 2 },
          { area: 'healthy_strategies', description: 'Goal 2', baselineRating: 3 },
          { area: 'emotions_relationships', description: 'Goal 3', baselineRating: null },
        ],
      }),
    );
  });

  it('says each problem by its field: type, date, clinicians, a goal without words, a baseline out of range, care without words', () => {
    const d = newPlanDraft('31/02/2026', null);
    d.goals = [{ key: 1, id: null, area: 'making_sense', description: '  ', baseline: '11' }];
    d.networkCare = [{ personId: SW, care: '' }];
    const { errors, input } = checkPlan(d);
    expect(input).toBeNull();
    expect(errors).toEqual({
      planType: 'Choose the type of intervention: individual, family or both.',
      startDate: '31/02/2026 is not a real date: February 2026 has 28 days.',
      clinicianIds: 'Choose at least one clinician for the intervention.',
      [goalField(1, 'description')]: 'Write the goal in the young person’s words.',
      [goalField(1, 'baseline')]: 'A goal rating is a whole number from 0 to 10.',
      [`care-${SW}`]: 'Say what care or support the agency gives alongside the intervention.',
    });
  });

  it('refuses a plan without goals, and keeps an edited goal’s id without a baseline', () => {
    const d = newPlanDraft('10/02/2026', ME);
    d.planType = 'family';
    expect(checkPlan({ ...d, goals: [] }).errors.goals).toBe('Set at least one goal.');
    const view: PlanView = {
      id: G2,
      caseId: SW,
      planType: 'both',
      startDate: '2026-01-05',
      clinicians: [{ id: ME, name: 'Sam Patel' }],
      networkCare: [],
      goals: [{ id: G1, seq: 1, area: 'other', description: 'Back to football.', ratings: [], change: null }],
      reviews: [],
      closure: null,
      attendance: attendanceSummary([]),
      nextSessionDate: null,
      version: 1,
    };
    const edited = planDraftOf(view);
    expect(edited.startDate).toBe('05/01/2026');
    expect(checkPlan(edited).input?.goals).toEqual([
      { id: G1, area: 'other', description: 'Back to football.', baselineRating: null },
    ]);
  });

  it('reads a rating: whole numbers 0-10, blank for none', () => {
    expect([ratingOf(''), ratingOf(' 0 '), ratingOf('10'), ratingOf('11'), ratingOf('4.5'), ratingOf('-1')]).toEqual([
      null,
      0,
      10,
      undefined,
      undefined,
      undefined,
    ]);
  });
});

function fromLast(over: Partial<InterventionSessionContent> = {}): SessionDraft {
  return sessionDraftOf({ ...startFromLastSession(null, TODAY, [G1, G2]), ...over });
}

describe('the session draft', () => {
  it('starts from the last session’s structure, and gives it back as the contract’s input', () => {
    const last = {
      ...startFromLastSession(null, '2026-02-03', [G1]),
      venue: 'school',
      nextSteps: 'Bring the diary.',
    } as const;
    const d = sessionDraftOf(startFromLastSession(last, TODAY, [G1, G2]));
    expect(d).toMatchObject({ sessionDate: '10/02/2026', venue: 'school', goalIds: [G1], duration: '60' });
    expect(d.content).toBe('Planned from the last session: Bring the diary.');
    d.ratings = { [G1]: '6', [G2]: '' };
    d.startTime = '9:30';
    const { errors, input } = checkSession(d, TODAY);
    expect(errors).toEqual({});
    expect(input).toMatchObject({ sessionDate: TODAY, startTime: '09:30', ratings: [{ goalId: G1, rating: 6 }] });
  });

  it('asks why a session was not attended, and drops goals, ratings and a stale reason where they do not belong', () => {
    const dna = checkSession(fromLast({ attendance: 'did_not_attend' }), TODAY);
    expect(dna.errors).toEqual({
      attendanceReason: 'Say why the session was not attended, if known ("not known" is an answer).',
    });
    const d = fromLast({ attendance: 'did_not_attend', attendanceReason: 'Not known' });
    d.ratings = { [G1]: '99' };
    expect(checkSession(d, TODAY).input).toMatchObject({ attendanceReason: 'Not known', ratings: [], goalIds: [] });
    const attended = fromLast({ attendanceReason: 'left over' });
    expect(checkSession(attended, TODAY).input?.attendanceReason).toBeNull();
  });

  it('says each problem by its field: date against today, time, length, a rating out of range', () => {
    const d = fromLast({ attendance: 'planned', sessionDate: '2026-02-09' });
    d.startTime = '25:00';
    d.duration = '4';
    expect(checkSession(d, TODAY).errors).toEqual({
      sessionDate: 'A planned session cannot be dated in the past. Record whether it was attended instead.',
      startTime: 'Enter the start time as HH:MM (24-hour).',
      duration: 'A session lasts at least 5 minutes.',
    });
    const held = fromLast({ sessionDate: '2026-02-11' });
    held.ratings = { [G2]: 'ten' };
    held.duration = '';
    expect(checkSession(held, TODAY).errors).toEqual({
      sessionDate: 'The session is dated in the future. Book it as planned, and record it once it has happened.',
      duration: 'Enter how long the session lasted, in minutes.',
      [ratingField(G2)]: 'A goal rating is a whole number from 0 to 10.',
    });
  });
});

describe('the safeguarding concern draft', () => {
  const now = new Date(2026, 1, 10, 15, 0).getTime();

  it('names the follow-up task after the session and sends when they were informed with the offset', () => {
    const d = newConcernDraft('2026-02-10', '10/02/2026', '14:30', ME);
    expect(d.taskTitle).toBe('Follow up the safeguarding concern from the session of 10/02/2026');
    const { input } = checkConcern(
      { ...d, description: 'Disclosed contact.', actionTaken: 'Called the duty team.', informedPersonIds: [SW] },
      now,
    );
    expect(input?.informedAt).toMatch(/^2026-02-10T14:30:00[+-]\d\d:\d\d$/);
    expect(input?.followUp).toEqual({
      title: 'Follow up the safeguarding concern from the session of 10/02/2026',
      ownerId: ME,
      dueDate: null,
    });
  });

  it('says each problem by its field, and refuses being informed in the future', () => {
    const d = { ...newConcernDraft('2026-02-10', '10/02/2026', '16:00', ''), taskTitle: '' };
    expect(checkConcern(d, now).errors).toEqual({
      description: 'Describe the safeguarding concern.',
      actionTaken: 'Say what action was taken.',
      informedPersonIds: 'Say who was informed of the concern (from the People tab).',
      informedDate: 'They cannot have been informed in the future. Check the date and time.',
      taskTitle: 'Give the follow-up task a title.',
      taskOwnerId: 'Choose who will follow the concern up.',
    });
    expect(checkConcern({ ...d, informedTime: 'soon' }, now).errors.informedTime).toBe(
      'Enter the time they were informed as HH:MM (24-hour).',
    );
    expect(checkConcern({ ...d, informedTime: 'soon' }, now).errors.informedDate).toBeUndefined();
  });
});
