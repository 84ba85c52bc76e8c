/**
 * The DMM procedures: who each is for (age range in whole months), what it yields (CARE-Index
 * scales or a classification), whom it is about (an attachment figure, a named child, nobody)
 * and the modifiers it takes. Part of the DMM data (`dmm.ts`).
 */
import type { DmmModifierCode } from './dmm-modifiers';

export const DMM_PROCEDURE_CODES = ['ICI', 'TCI', 'PAA', 'SAA', 'TAAI', 'DMM-AAI', 'PI'] as const;
export type DmmProcedureCode = (typeof DMM_PROCEDURE_CODES)[number];

/** What a procedure yields: CARE-Index scales, or a DMM classification. */
export type DmmOutput = 'care-index' | 'classification';

/** Who, besides the person assessed, a procedure is about. */
export type DmmFigureRule =
  /** A child's procedure names the attachment figure the strategy is with (relationship-specific). */
  | 'attachment-figure'
  /** The Parents Interview is a parent speaking about one named child. */
  | 'named-child'
  /** The adult interviews classify a state of mind, not one relationship. */
  | 'none';

export interface DmmProcedure {
  code: DmmProcedureCode;
  label: string;
  /** The usual age range of the person assessed, in whole months, inclusive; `to` null = no upper limit. */
  ageMonths: { from: number; to: number | null };
  /** How the range reads on a form: "0-15 months". */
  ageLabel: string;
  output: DmmOutput;
  figure: DmmFigureRule;
  /** The modifiers a classification from this procedure may carry. */
  modifiers: readonly DmmModifierCode[];
  /** The CARE-Index child scales this procedure uses (CARE-Index only). */
  childScales?: 'infant' | 'toddler';
}

const YEARS = (y: number): number => y * 12;
/** The last month of an age in years: "to 12 years" includes 12 years and 11 months. */
const THROUGH = (y: number): number => y * 12 + 11;

/**
 * The procedures, in developmental order. Which modifiers each takes: DOMAIN.md says the
 * CARE-Index takes none and the SAA takes Ul/Utr, Dp and ina; the TAAI and DMM-AAI take the full
 * range. The PAA and the Parents Interview are listed with a class only, so they take none here.
 */
export const DMM_PROCEDURES: Record<DmmProcedureCode, DmmProcedure> = {
  ICI: {
    code: 'ICI',
    label: 'Infant CARE-Index',
    ageMonths: { from: 0, to: 15 },
    ageLabel: '0-15 months',
    output: 'care-index',
    figure: 'attachment-figure',
    modifiers: [],
    childScales: 'infant',
  },
  TCI: {
    code: 'TCI',
    label: 'Toddler CARE-Index',
    ageMonths: { from: 15, to: THROUGH(6) },
    ageLabel: '15 months - about 6 years',
    output: 'care-index',
    figure: 'attachment-figure',
    modifiers: [],
    childScales: 'toddler',
  },
  PAA: {
    code: 'PAA',
    label: 'Preschool Assessment of Attachment',
    ageMonths: { from: 18, to: THROUGH(5) },
    ageLabel: '18 months - 5 years',
    output: 'classification',
    figure: 'attachment-figure',
    modifiers: [],
  },
  SAA: {
    code: 'SAA',
    label: 'School-age Assessment of Attachment',
    ageMonths: { from: YEARS(5), to: THROUGH(12) },
    ageLabel: 'about 5-12 years',
    output: 'classification',
    figure: 'attachment-figure',
    modifiers: ['Ul', 'Utr', 'Dp', 'ina'],
  },
  TAAI: {
    code: 'TAAI',
    label: 'Transition to Adulthood Attachment Interview',
    ageMonths: { from: YEARS(16), to: THROUGH(25) },
    ageLabel: 'about 16-25 years',
    output: 'classification',
    figure: 'none',
    modifiers: ['Ul', 'Utr', 'Dp', 'DO', 'ina', 'ES', 'R'],
  },
  'DMM-AAI': {
    code: 'DMM-AAI',
    label: 'Adult Attachment Interview (DMM coding)',
    ageMonths: { from: YEARS(18), to: null },
    ageLabel: 'adults',
    output: 'classification',
    figure: 'none',
    modifiers: ['Ul', 'Utr', 'Dp', 'DO', 'ina', 'ES', 'R'],
  },
  PI: {
    code: 'PI',
    label: 'Parents Interview',
    ageMonths: { from: YEARS(16), to: null },
    ageLabel: 'a parent or carer',
    output: 'classification',
    figure: 'named-child',
    modifiers: [],
  },
};

/** "SAA (School-age Assessment of Attachment)". */
export function procedureLabel(code: DmmProcedureCode): string {
  return `${code} (${DMM_PROCEDURES[code].label})`;
}
