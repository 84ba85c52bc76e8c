import { describe, expect, it } from 'vitest';
import type { GoalView, InterventionSessionView } from '../../../preload/contract';
import {
  dayNumber,
  dayTicks,
  fromFirstWords,
  goalChartData,
  reliableGuides,
} from '../../../renderer/features/interventions/outcomes/goal-chart-data';

function goal(ratings: GoalView['ratings']): GoalView {
  return { id: 'g1', seq: 2, area: 'making_sense', description: 'Understand what happened', ratings, change: null };
}

/** Only the fields the chart reads: id and type. */
function session(id: string, sessionType: InterventionSessionView['sessionType']): InterventionSessionView {
  return { id, sessionType } as InterventionSessionView;
}

describe('goalChartData', () => {
  it('puts the ratings in date order, baseline first on a shared date, each with its change from the first', () => {
    const data = goalChartData(
      goal([
        { ratedOn: '2026-03-10', rating: 6, sessionId: 's2' },
        { ratedOn: '2026-01-05', rating: 2, sessionId: null },
        { ratedOn: '2026-01-05', rating: 3, sessionId: 's1' },
        { ratedOn: '2026-02-02', rating: 4, sessionId: 's1' },
      ]),
      [session('s1', 'individual'), session('s2', 'family')],
    );
    expect(data.name).toBe('Goal 2');
    expect(data.points.map((p) => [p.dateLabel, p.rating, p.fromFirst, p.reliable])).toEqual([
      ['05/01/2026', 2, 0, false],
      ['05/01/2026', 3, 1, false],
      ['02/02/2026', 4, 2, false],
      ['10/03/2026', 6, 4, true],
    ]);
    expect(data.points.map((p) => p.index)).toEqual([0, 1, 2, 3]);
    expect(data.points[0]?.takenAt).toBe('Baseline, when the goal was set');
    expect(data.points[3]?.takenAt).toBe('Family session');
    expect(data.change).toMatchObject({ first: 2, latest: 6, change: 4, reliable: true });
    expect(data.summary).toBe('First 2, latest 6 out of 10: Reliable improvement (+4).');
  });

  it('marks exactly 3 points either way as reliable, and 2 as not', () => {
    const down = goalChartData(
      goal([
        { ratedOn: '2026-01-01', rating: 7, sessionId: null },
        { ratedOn: '2026-01-08', rating: 5, sessionId: 'x' },
        { ratedOn: '2026-01-15', rating: 4, sessionId: 'x' },
      ]),
      [],
    );
    expect(down.points.map((p) => p.reliable)).toEqual([false, false, true]);
    expect(down.points.map(fromFirstWords)).toEqual(['First rating', '-2', 'Reliable deterioration (-3)']);
    // A session not in the log given is still a session.
    expect(down.points[1]?.takenAt).toBe('Session');
    expect(down.summary).toBe('First 7, latest 4 out of 10: Reliable deterioration (-3).');
  });

  it('says so when a goal is not rated yet or rated once', () => {
    expect(goalChartData(goal([]), []).summary).toBe('Not rated yet.');
    const once = goalChartData(goal([{ ratedOn: '2026-01-01', rating: 5, sessionId: null }]), []);
    expect(once.summary).toBe('Rated once: 5 out of 10. Change shows from the second rating.');
    expect(once.points).toHaveLength(1);
  });
});

describe('reliableGuides', () => {
  const points = (first: number) =>
    goalChartData(
      goal([
        { ratedOn: '2026-01-01', rating: first, sessionId: null },
        { ratedOn: '2026-02-01', rating: 5, sessionId: 's' },
      ]),
      [],
    ).points;

  it('draws the first rating plus and minus 3, only where it is on the 0-10 scale', () => {
    expect(reliableGuides(points(5))).toEqual([2, 8]);
    expect(reliableGuides(points(1))).toEqual([4]);
    expect(reliableGuides(points(9))).toEqual([6]);
    expect(reliableGuides(points(3))).toEqual([0, 6]);
  });

  it('draws none before a second rating', () => {
    expect(reliableGuides(points(5).slice(0, 1))).toEqual([]);
    expect(reliableGuides([])).toEqual([]);
  });
});

describe('the chart by date', () => {
  it('places a date by its count of days, the same in any time zone, and ticks each date once', () => {
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('2026-03-29') - dayNumber('2026-03-28')).toBe(1); // the clocks go forward that night
    expect(dayNumber('2026-02-02T09:30:00Z')).toBe(dayNumber('2026-02-02'));
    expect(dayTicks([30, 10, 10, 20])).toEqual([10, 20, 30]);
  });

  it('spaces the ratings as far apart as their dates are', () => {
    const data = goalChartData(
      goal([
        { ratedOn: '2026-01-01', rating: 2, sessionId: null },
        { ratedOn: '2026-01-15', rating: 3, sessionId: 's' },
        { ratedOn: '2026-02-12', rating: 6, sessionId: 's' },
      ]),
      [],
    );
    const [a, b, c] = data.points.map((p) => p.day) as [number, number, number];
    expect([b - a, c - b]).toEqual([14, 28]);
  });
});
