import { describe, expect, it } from 'vitest';
import type { AdministrationView, ScoredScale } from '../../../preload/contract';
import {
  measureChartRows,
  measureGroups,
  seriesKey,
} from '../../../renderer/features/interventions/outcomes/measure-chart-data';

function scale(scaleKey: string, score: number | null, band: string | null = null): ScoredScale {
  return {
    scaleKey,
    scaleName: scaleKey === 'total' ? 'Total difficulties' : 'Emotional',
    min: 0,
    max: scaleKey === 'total' ? 40 : 10,
    score,
    band: band ? { from: 0, to: 40, label: band } : null,
    bandIndex: band ? 2 : null,
    bandCount: band ? 4 : 0,
  };
}

/** Only the fields the grouping reads. */
function administration(
  id: string,
  administeredOn: string,
  respondent: 'young_person' | 'carer',
  scores: ScoredScale[],
): AdministrationView {
  return {
    id,
    administeredOn,
    createdAt: `${administeredOn}T10:00:00Z`,
    instrumentId: 'sdq',
    instrumentName: 'SDQ',
    respondentType: respondent,
    respondentLabel: respondent === 'carer' ? 'Jane Smith' : 'Young person',
    respondentPersonId: respondent === 'carer' ? 'p1' : null,
    respondentName: respondent === 'carer' ? 'Jane Smith' : null,
    scores,
  } as AdministrationView;
}

describe('measureGroups', () => {
  const administrations = [
    administration('c2', '2026-06-01', 'carer', [scale('total', 12, 'close to average')]),
    administration('y1', '2026-01-10', 'young_person', [scale('total', 20, 'high'), scale('emotional', 6)]),
    administration('c1', '2026-01-12', 'carer', [scale('total', 22, 'high')]),
    administration('y3', '2026-06-03', 'young_person', [
      scale('total', 11, 'close to average'),
      scale('emotional', null),
    ]),
    administration('y2', '2026-03-15', 'young_person', [scale('total', 15, 'slightly raised'), scale('emotional', 4)]),
  ];

  it('groups by instrument and respondent, oldest first, pre then mid while the plan is active', () => {
    const groups = measureGroups(administrations, false);
    expect(groups.map((g) => g.title)).toEqual(['SDQ (young person)', 'SDQ (carer, Jane Smith)']);
    const young = groups[0];
    expect(young?.occasions.map((o) => o.label)).toEqual(['Pre, 10/01/2026', 'Mid, 15/03/2026', 'Mid, 03/06/2026']);
    expect(young?.scales.map((s) => [s.scaleName, s.scores])).toEqual([
      ['Total difficulties', [20, 15, 11]],
      ['Emotional', [6, 4, null]],
    ]);
    expect(young?.scales[0]?.cells[1]).toBe('15, slightly raised (band 3 of 4)');
    expect(young?.scales[1]?.cells[2]).toBe('Not scored');
    expect(young?.domain).toEqual([0, 40]);
  });

  it('names the newest administration post once the plan is closed', () => {
    const groups = measureGroups(administrations, true);
    expect(groups[0]?.occasions.map((o) => o.phase)).toEqual(['Pre', 'Mid', 'Post']);
    expect(groups[1]?.occasions.map((o) => o.phase)).toEqual(['Pre', 'Post']);
  });

  it('leaves out a scale never scored, and gives the chart one row per administration', () => {
    const groups = measureGroups(
      [administration('a', '2026-01-01', 'young_person', [scale('total', 9), scale('emotional', null)])],
      false,
    );
    expect(groups[0]?.scales.map((s) => s.scaleKey)).toEqual(['total']);
    expect(groups[0]?.occasions.map((o) => o.phase)).toEqual(['Pre']);
    expect(measureChartRows(groups[0] as NonNullable<(typeof groups)[0]>)).toEqual([
      { index: 0, day: 20454, label: 'Pre, 01/01/2026', [seriesKey('total')]: 9 },
    ]);
  });

  it('is empty without administrations', () => {
    expect(measureGroups([], false)).toEqual([]);
  });
});
