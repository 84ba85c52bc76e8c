/**
 * The registry of the service's statistical measures. A module contributes its measures from its
 * own folder (`main/core/<module>/<module>.stats.ts`, loaded by the module's ipc file) with one
 * `registerMeasure` call each, as it contributes report kinds and chronology sources; the
 * dashboard, the anonymised export and `ncats stats` find them here and know no module by name.
 */
import type {
  StatisticCellRef,
  StatisticRow,
  StatisticUnit,
  StatisticsPeriod,
} from '../../../preload/contract/stats-records';
import type { Db } from '../db/connection';
import type { Tally } from './month-tallies';

/** One way a measure's total is split: by referral source, by local authority, ... */
export interface MeasureBreakdown {
  /** Lower-case words joined by underscores: the CSV's `breakdown` column, e.g. "source". */
  id: string;
  /** What people call it: "Referral source". */
  label: string;
  /**
   * Whether the groups add up to the total (each record in exactly one group, "Not recorded"
   * included). Suppression protects a small group against subtraction only where they do.
   */
  partition: boolean;
  /**
   * The groups are typed-in text (a referral source, a local authority) rather than a fixed list,
   * so a rare one could name someone. The export pools the groups of fewer than 5 into "Other"
   * before suppression, so no rare typed-in text is published.
   */
  freeText?: boolean;
}

/** The period a measure works out its figures for, and today (what is overdue by now). */
export interface MeasurePeriod extends StatisticsPeriod {
  /** Today in England (`yyyy-mm-dd`), by the vault's clock. */
  today: string;
  /**
   * Work every figure out from the records alone, not from the month tallies (month-tallies.ts):
   * the tests compare the two ways, and the benchmark times the old way beside the new.
   */
  fromRecords?: boolean;
}

/** One figure a measure works out: its total (breakdown null) or one group of a breakdown. */
export interface MeasureFigure {
  breakdown: string | null;
  group: string | null;
  value: number | null;
  /** Rates and medians: how many records they are worked out over. */
  base?: number;
  /** Rates and medians: the count cells they are made from (suppressed with them). */
  dependsOn?: readonly StatisticCellRef[];
}

export interface MeasureDefinition {
  /** Lower-case words joined by underscores: the CSV's `measure` column, e.g. "referrals_received". */
  id: string;
  /** What people call it: "Referrals received". */
  label: string;
  unit: StatisticUnit;
  /** Where the measure stands among the others (the dashboard's and the CSV's order), lowest first. */
  order: number;
  /**
   * Whether the measure may leave the service in the anonymised export. A measure by clinician
   * is not: a clinician is an identifier (and, with a small caseload, so may be their cases).
   */
  exportable: boolean;
  breakdowns?: readonly MeasureBreakdown[];
  /** Rates and medians: what their base counts, plural ("assessments"), for the dashboard's words. */
  baseLabel?: string;
  /**
   * How the measure is aggregated: the month tallies it sums for the whole months of a period
   * (month-tallies.ts; the cut months' days come from its records, so the figures are the same),
   * or none: it reads its records over the whole period (few records, or a snapshot that no sum
   * of months gives; its file says which).
   */
  tallies?: readonly Tally[];
  /**
   * The figures for the period, the total first, read synchronously inside the caller's
   * transaction. A breakdown's groups are in the order to show them; a group with no records may
   * be left out (it is then a published 0 nowhere, which gives nothing away either).
   */
  compute(db: Db, period: MeasurePeriod): MeasureFigure[];
}

const ID = /^[a-z]+(_[a-z0-9]+)*$/;
const measures = new Map<string, MeasureDefinition>();

/** Add a measure (once, when its module loads). A second measure with the same id is a bug. */
export function registerMeasure(measure: MeasureDefinition): void {
  if (!ID.test(measure.id)) throw new Error(`Measure id "${measure.id}" must be lower-case words joined by underscores.`);
  if (measures.has(measure.id)) throw new Error(`Measure "${measure.id}" is registered twice.`);
  for (const b of measure.breakdowns ?? []) {
    if (!ID.test(b.id)) throw new Error(`Breakdown id "${b.id}" of "${measure.id}" must be lower-case words.`);
  }
  measures.set(measure.id, measure);
}

/** Every registered measure, in their order (then by id, so the order never depends on loading). */
export function registeredMeasures(): MeasureDefinition[] {
  return [...measures.values()].sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1));
}

/** A measure's figures as rows, with its label, unit and each breakdown's label filled in. */
export function measureRows(measure: MeasureDefinition, db: Db, period: MeasurePeriod): StatisticRow[] {
  const breakdowns = new Map((measure.breakdowns ?? []).map((b) => [b.id, b]));
  return measure.compute(db, period).map((f) => {
    const breakdown = f.breakdown === null ? undefined : breakdowns.get(f.breakdown);
    if (f.breakdown !== null && !breakdown)
      throw new Error(`Measure "${measure.id}" gave a figure for undeclared breakdown "${f.breakdown}".`);
    return {
      measure: measure.id,
      label: measure.label,
      unit: measure.unit,
      breakdown: f.breakdown,
      breakdownLabel: breakdown?.label ?? null,
      partition: breakdown?.partition ?? true,
      group: f.group,
      value: f.value,
      ...(f.base !== undefined ? { base: f.base } : {}),
      ...(f.dependsOn ? { dependsOn: f.dependsOn } : {}),
      ...(f.base !== undefined && measure.baseLabel ? { baseLabel: measure.baseLabel } : {}),
    };
  });
}
