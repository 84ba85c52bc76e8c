/** The pure rules both sides use: GBO range and change, reliable change, attendance and the DNA rate, a new note's structure. */
import { describe, expect, it } from 'vitest';
import {
  attendanceSummary,
  changeWords,
  dnaRateWords,
  gboChange,
  interventionSessionSchema,
  isReliableChange,
  planSchema,
  startFromLastSession,
} from '../../../../preload/contract/interventions';
import { session } from './fixtures';

describe('Goal Based Outcomes', () => {
  it('accept whole numbers from 0 to 10 only, saying so', () => {
    for (const bad of [-1, 11, 4.5]) {
      const r = interventionSessionSchema.safeParse({
        ...session(),
        ratings: [{ goalId: '7f8c7d4e-1f0a-4b7a-9a64-111111111111', rating: bad }],
      });
      expect(r.success).toBe(false);
      expect(r.error?.issues[0]?.message).toBe('A goal rating is a whole number from 0 to 10.');
    }
  });

  it('allow at most three goals a plan', () => {
    const goal = { area: 'other', description: 'A goal.' };
    const r = planSchema.safeParse({
      planType: 'family',
      startDate: '2025-01-01',
      clinicianIds: ['7f8c7d4e-1f0a-4b7a-9a64-111111111111'],
      goals: [goal, goal, goal, goal],
    });
    expect(r.error?.issues[0]?.message).toBe('A plan has at most 3 Goal Based Outcomes.');
  });

  it('read first, latest and change in date order', () => {
    const c = gboChange([
      { ratedOn: '2025-03-01', rating: 6 },
      { ratedOn: '2025-01-01', rating: 2 },
      { ratedOn: '2025-02-01', rating: 4 },
    ]);
    expect(c).toMatchObject({ first: 2, latest: 6, change: 4, reliable: true, words: 'Reliable improvement (+4)' });
    expect(gboChange([])).toBeNull();
    expect(gboChange([{ ratedOn: '2025-01-01', rating: 5 }])).toMatchObject({ change: 0, reliable: false });
  });

  it('count a change of 3 points or more either way as reliable, and 2 as not', () => {
    expect([2, 3, -3, -2, 0].map(isReliableChange)).toEqual([false, true, true, false, false]);
    expect(changeWords(2)).toBe('Improvement, not reliable (+2)');
    expect(changeWords(-3)).toBe('Reliable deterioration (-3)');
    expect(changeWords(0)).toBe('No change (0)');
  });
});

describe('attendance and the DNA rate', () => {
  it('leave planned sessions and service cancellations out of the rate', () => {
    const a = attendanceSummary([
      'attended',
      'attended',
      'did_not_attend',
      'cancelled_by_family',
      'cancelled_by_service',
      'planned',
    ]);
    expect(a).toEqual({
      offered: 5,
      attended: 2,
      cancelledByFamily: 1,
      cancelledByService: 1,
      didNotAttend: 1,
      dnaRate: 0.25,
    });
    expect(dnaRateWords(a.dnaRate)).toBe('25%');
  });

  it('have no rate before a session counts', () => {
    expect(attendanceSummary(['planned', 'cancelled_by_service']).dnaRate).toBeNull();
    expect(dnaRateWords(null)).toBe('No sessions yet');
  });
});

describe('start from the last session', () => {
  it('carries the structure and the next steps, not the ratings or observations', () => {
    const goal = '7f8c7d4e-1f0a-4b7a-9a64-111111111111';
    const gone = '7f8c7d4e-1f0a-4b7a-9a64-222222222222';
    const last = session({
      venue: 'school',
      sessionType: 'family',
      goalIds: [goal, gone],
      ratings: [{ goalId: goal, rating: 7 }],
    });
    const next = startFromLastSession(last, '2025-06-09', [goal]);
    expect(next).toMatchObject({
      sessionDate: '2025-06-09',
      startTime: '16:00',
      venue: 'school',
      sessionType: 'family',
      attendance: 'attended',
      goalIds: [goal],
      ratings: [],
      observations: '',
      nextSteps: '',
      content: 'Planned from the last session: Bring the feelings diary next time.',
    });
    expect(interventionSessionSchema.safeParse(next).success).toBe(true);
    expect(startFromLastSession(null, '2025-06-09', [goal])).toMatchObject({ goalIds: [goal], venue: 'clinic' });
  });
});
