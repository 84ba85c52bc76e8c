/**
 * `statistics:compute`'s rows shaped for the dashboard, knowing no module by name: one section
 * per counted measure (its total and each breakdown's groups, in the rows' order), and each rate
 * or median beside the count it is made from (`dependsOn`) or, when it names none, beside the
 * measure before it. A figure in words says what a rate is of ("62 % of 48 assessments").
 */
import type { StatisticRow } from '../../../preload/contract';
import { monthLong } from './periods';

export interface BreakdownFigures {
  id: string;
  label: string;
  /** A month breakdown is drawn as a line over time; the others as bars. */
  overTime: boolean;
  groups: { group: string; value: number }[];
}

export interface KeyFigure {
  measure: string;
  label: string;
  /** The figure in words: "62 % of 48 assessments", "36 days (median of 20 reports sent)". */
  words: string;
}

export interface DashboardSection {
  measure: string;
  label: string;
  total: number | null;
  breakdowns: BreakdownFigures[];
  /** Rates and medians shown with this measure. */
  keyFigures: KeyFigure[];
}

/** The breakdown drawn over time (`yyyy-mm` groups). */
export const MONTH_BREAKDOWN = 'month';

const count = (n: number) => n.toLocaleString('en-GB');

/** A rate, median or count as the dashboard writes it. */
export function figureWords(row: Pick<StatisticRow, 'unit' | 'value' | 'base' | 'baseLabel'>): string {
  const of = row.base === undefined ? '' : `${count(row.base)}${row.baseLabel ? ` ${row.baseLabel}` : ''}`;
  if (row.value === null)
    return row.base === 0 ? `None in this period${row.baseLabel ? ` (no ${row.baseLabel})` : ''}` : 'None';
  if (row.unit === 'rate') return `${Math.round(row.value * 100)} %${of ? ` of ${of}` : ''}`;
  if (row.unit === 'days') {
    const days = Math.round(row.value * 10) / 10;
    return `${days.toLocaleString('en-GB')} ${days === 1 ? 'day' : 'days'}${of ? ` (median of ${of})` : ''}`;
  }
  return count(row.value);
}

/** A group's name for a reader: a month written out, anything else as it is. */
export function groupName(breakdown: string, group: string): string {
  return breakdown === MONTH_BREAKDOWN ? monthLong(group) : group;
}

export function dashboardSections(rows: readonly StatisticRow[]): DashboardSection[] {
  const sections: DashboardSection[] = [];
  const byMeasure = new Map<string, DashboardSection>();
  for (const r of rows) {
    if (r.unit !== 'count') {
      if (r.breakdown !== null) continue;
      const home = byMeasure.get(r.dependsOn?.[0]?.measure ?? '') ?? sections.at(-1);
      const key = { measure: r.measure, label: r.label, words: figureWords(r) };
      if (home) home.keyFigures.push(key);
      else sections.push({ measure: r.measure, label: r.label, total: null, breakdowns: [], keyFigures: [key] });
      continue;
    }
    let section = byMeasure.get(r.measure);
    if (!section) {
      section = { measure: r.measure, label: r.label, total: null, breakdowns: [], keyFigures: [] };
      byMeasure.set(r.measure, section);
      sections.push(section);
    }
    if (r.breakdown === null) {
      section.total = r.value;
      continue;
    }
    let breakdown = section.breakdowns.find((b) => b.id === r.breakdown);
    if (!breakdown) {
      breakdown = {
        id: r.breakdown,
        label: r.breakdownLabel ?? r.breakdown,
        overTime: r.breakdown === MONTH_BREAKDOWN,
        groups: [],
      };
      section.breakdowns.push(breakdown);
    }
    breakdown.groups.push({ group: r.group ?? '', value: r.value ?? 0 });
  }
  // Over time first: "referrals over time" leads its section.
  for (const s of sections) s.breakdowns.sort((a, b) => Number(b.overTime) - Number(a.overTime));
  return sections;
}
