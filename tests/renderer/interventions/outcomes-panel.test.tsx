import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { attendanceSummary, gboChange, type GoalView, type PlanView } from '../../../preload/contract';
import { OutcomesPanel } from '../../../renderer/features/interventions/outcomes/OutcomesPanel';

function goalView(id: string, seq: number, ratings: [string, number][]): GoalView {
  const rated = ratings.map(([ratedOn, rating], i) => ({ ratedOn, rating, sessionId: i === 0 ? null : `s${i}` }));
  return { id, seq, area: 'making_sense', description: `Goal words ${seq}`, ratings: rated, change: gboChange(rated) };
}

function plan(goals: GoalView[]): PlanView {
  return {
    id: 'plan1',
    caseId: 'case1',
    planType: 'individual',
    startDate: '2026-01-05',
    clinicians: [],
    networkCare: [],
    goals,
    reviews: [],
    closure: null,
    attendance: attendanceSummary(['attended', 'attended', 'did_not_attend', 'cancelled_by_service', 'planned']),
    nextSessionDate: null,
    version: 1,
  };
}

describe('OutcomesPanel', () => {
  const html = renderToStaticMarkup(
    <OutcomesPanel
      plan={plan([
        goalView('g1', 1, [
          ['2026-01-05', 2],
          ['2026-02-02', 3],
          ['2026-03-02', 6],
        ]),
        goalView('g2', 2, [
          ['2026-01-05', 5],
          ['2026-03-02', 6],
        ]),
        goalView('g3', 3, []),
      ])}
      sessions={[]}
    />,
  );

  it('writes each goal’s first, latest and change, the reliable one said in words', () => {
    expect(html).toContain('First 2, latest 6 out of 10: Reliable improvement (+4).');
    expect(html).toContain('First 5, latest 6 out of 10: Improvement, not reliable (+1).');
    expect(html).toContain('Not rated yet.');
    expect(html.match(/>Reliable change</g)).toHaveLength(1);
  });

  it('gives every figure of the chart in a table, and hides the chart itself from assistive technology', () => {
    const tables = html.match(/<table[\s\S]*?<\/table>/g) ?? [];
    // Two rated goals and the attendance.
    expect(tables).toHaveLength(3);
    expect(tables[0]).toContain('<caption');
    for (const cell of [
      '05/01/2026',
      '02/02/2026',
      '02/03/2026',
      '2 out of 10',
      '6 out of 10',
      'Reliable improvement (+4)',
    ])
      expect(tables[0]).toContain(cell);
    expect(tables[0]).toContain('Baseline, when the goal was set');
    const charts = html.match(/<div[^>]*data-testid="goal-chart"[^>]*>/g) ?? [];
    expect(charts).toHaveLength(2);
    for (const c of charts) expect(c).toContain('aria-hidden="true"');
  });

  it('shows the attendance figures with the DNA rate and its working', () => {
    const attendance = (html.match(/<table[^>]*data-testid="attendance-figures"[\s\S]*?<\/table>/) ?? [''])[0];
    expect(attendance).toContain('<th scope="row">Sessions offered</th><td>4</td>');
    expect(attendance).toContain('<th scope="row">Did not attend</th><td>1</td>');
    expect(attendance).toContain('33% (1 of 3 sessions the young person or family could come to)');
  });
});
