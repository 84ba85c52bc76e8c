/**
 * The case's other outcome measures, as the Outcomes panel shows them: the questionnaires of
 * the case grouped by instrument and respondent (an SDQ the carer answered is a different
 * series from one the young person answered), oldest first, each administration named by its
 * phase of the intervention. Pure: no React, no recharts.
 */
import { formatScore } from '../../../../preload/contract/psychometric-bands';
import { RESPONDENT_LABELS, type AdministrationView } from '../../../../preload/contract';
import { formatDate } from '../../../lib/dates';
import { dayNumber } from './goal-chart-data';

/**
 * Before, during or after the intervention. The oldest administration is the "pre" measure;
 * once the plan is closed the newest is the "post" one; every other is "mid". While the plan is
 * active there is no "post" yet, so the newest is "mid" too.
 */
export type MeasurePhase = 'Pre' | 'Mid' | 'Post';

export interface MeasureOccasion {
  administrationId: string;
  administeredOn: string;
  /** Days since 01/01/1970: the chart's x value. */
  day: number;
  dateLabel: string;
  phase: MeasurePhase;
  /** "Pre, 05/01/2026": the column heading and the axis tick. */
  label: string;
}

export interface MeasureScale {
  scaleKey: string;
  scaleName: string;
  /** The range as the first administration scored it. */
  min: number;
  max: number;
  /** One per occasion, in the same order: null when that occasion did not score the scale. */
  scores: (number | null)[];
  /** Each score as written in the table: "18, slightly raised (band 3 of 4)" or "Not scored". */
  cells: string[];
}

export interface MeasureGroup {
  /** Stable across renders: instrument and respondent. */
  key: string;
  /** "SDQ (carer, Jane Smith)" or "SDQ (young person)". */
  title: string;
  occasions: MeasureOccasion[];
  /** Only scales scored at least once, in the instrument's order. */
  scales: MeasureScale[];
  /** The y axis: lowest min to highest max of the scales shown. */
  domain: [number, number];
}

function groupKey(a: AdministrationView): string {
  return [a.instrumentId ?? a.instrumentName, a.respondentType, a.respondentPersonId ?? a.respondentName ?? ''].join(
    '|',
  );
}

function phaseOf(position: number, count: number, planClosed: boolean): MeasurePhase {
  if (position === 0) return 'Pre';
  if (planClosed && position === count - 1) return 'Post';
  return 'Mid';
}

function cellWords(score: AdministrationView['scores'][number] | undefined): string {
  if (!score || score.score === null) return 'Not scored';
  const band =
    score.band && score.bandIndex !== null
      ? `, ${score.band.label} (band ${score.bandIndex + 1} of ${score.bandCount})`
      : '';
  return `${formatScore(score.score)}${band}`;
}

/**
 * The case's administrations (any order) as one group per instrument and respondent, groups in
 * the order of their first administration.
 */
export function measureGroups(administrations: readonly AdministrationView[], planClosed: boolean): MeasureGroup[] {
  const oldestFirst = [...administrations].sort((a, b) =>
    a.administeredOn < b.administeredOn
      ? -1
      : a.administeredOn > b.administeredOn
        ? 1
        : a.createdAt < b.createdAt
          ? -1
          : 1,
  );
  const byKey = new Map<string, AdministrationView[]>();
  for (const a of oldestFirst) {
    const list = byKey.get(groupKey(a)) ?? [];
    list.push(a);
    byKey.set(groupKey(a), list);
  }
  return [...byKey.entries()].map(([key, list]) => {
    const first = list[0] as AdministrationView;
    const occasions = list.map((a, i) => {
      const phase = phaseOf(i, list.length, planClosed);
      const dateLabel = formatDate(a.administeredOn);
      return {
        administrationId: a.id,
        administeredOn: a.administeredOn,
        day: dayNumber(a.administeredOn),
        dateLabel,
        phase,
        label: `${phase}, ${dateLabel}`,
      };
    });
    const scaleOrder = new Map<string, { name: string; min: number; max: number }>();
    for (const a of list) {
      for (const s of a.scores) {
        if (!scaleOrder.has(s.scaleKey)) scaleOrder.set(s.scaleKey, { name: s.scaleName, min: s.min, max: s.max });
      }
    }
    const scales = [...scaleOrder.entries()]
      .map(([scaleKey, s]) => {
        const found = list.map((a) => a.scores.find((x) => x.scaleKey === scaleKey));
        return {
          scaleKey,
          scaleName: s.name,
          min: s.min,
          max: s.max,
          scores: found.map((x) => x?.score ?? null),
          cells: found.map(cellWords),
        };
      })
      .filter((s) => s.scores.some((x) => x !== null));
    const domain: [number, number] = [
      Math.min(...scales.map((s) => s.min), 0),
      Math.max(...scales.map((s) => s.max), 1),
    ];
    const respondent =
      first.respondentType === 'young_person'
        ? RESPONDENT_LABELS.young_person
        : `${RESPONDENT_LABELS[first.respondentType]}, ${first.respondentLabel}`;
    return { key, title: `${first.instrumentName} (${respondent})`, occasions, scales, domain };
  });
}

/** A scale's key in the chart's rows, apart from the rows' own `index` and `label`. */
export function seriesKey(scaleKey: string): string {
  return `scale:${scaleKey}`;
}

/** The chart's rows: one per occasion, each scale's score under its series key (recharts' data shape). */
export function measureChartRows(group: MeasureGroup): Record<string, number | string | null>[] {
  return group.occasions.map((o, i) => {
    const row: Record<string, number | string | null> = { index: i, day: o.day, label: o.label };
    for (const s of group.scales) row[seriesKey(s.scaleKey)] = s.scores[i] ?? null;
    return row;
  });
}
