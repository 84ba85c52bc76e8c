/**
 * Ages and the checks that need more than one table: a person outside a procedure's age range
 * or a code earlier than its usual age (warnings a coder acknowledges), and a classification on
 * a procedure that does not take one (a refusal). Part of the DMM data (`dmm.ts`).
 */
import { DMM_PERIODS, parseClassification, type ParsedClassification } from './dmm-codes';
import { DMM_PROCEDURES, type DmmProcedureCode } from './dmm-procedures';

/** Whole months between a date of birth and a date (ISO yyyy-mm-dd), or null when either is missing. */
export function ageInMonths(dateOfBirth: string | null, on: string | null): number | null {
  if (!dateOfBirth || !on) return null;
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [oy, om, od] = on.split('-').map(Number) as [number, number, number];
  return (oy - by) * 12 + (om - bm) - (od < bd ? 1 : 0);
}

/** "3 years 4 months", "11 months". */
export function ageText(months: number): string {
  const y = Math.floor(months / 12);
  const m = months % 12;
  const years = y === 1 ? '1 year' : `${y} years`;
  const mons = m === 1 ? '1 month' : `${m} months`;
  if (y === 0) return mons;
  return m === 0 ? years : `${years} ${mons}`;
}

/** A warning a coder may acknowledge: never a refusal. `key` is stable, for the acknowledgement. */
export interface DmmWarning {
  key: 'age-outside-procedure' | 'code-earlier-than-usual';
  message: string;
}

/**
 * What a coder should look at again before saving: the person's age outside the procedure's
 * range, or a code earlier than the age it is usually seen from. An unknown age gives none.
 */
export function dmmWarnings(
  procedure: DmmProcedureCode,
  ageMonths: number | null,
  classification: ParsedClassification | null,
): DmmWarning[] {
  if (ageMonths === null) return [];
  const proc = DMM_PROCEDURES[procedure];
  const warnings: DmmWarning[] = [];
  const { from, to } = proc.ageMonths;
  if (ageMonths < from || (to !== null && ageMonths > to)) {
    warnings.push({
      key: 'age-outside-procedure',
      message: `The person was ${ageText(ageMonths)} old; the ${proc.label} is for ${proc.ageLabel}.`,
    });
  }
  if (classification && ageMonths < classification.usualFromMonths) {
    warnings.push({
      key: 'code-earlier-than-usual',
      message: `${classification.text} is usually seen from ${DMM_PERIODS[classification.usualFrom].label}; the person was ${ageText(ageMonths)} old.`,
    });
  }
  return warnings;
}

/** Why a classification cannot be recorded on a procedure (CARE-Index takes none), or null. */
export function classificationProblem(procedure: DmmProcedureCode, text: string | null): string | null {
  const proc = DMM_PROCEDURES[procedure];
  if (proc.output === 'care-index') {
    return text ? `The ${proc.label} gives CARE-Index scales, not an A/B/C classification.` : null;
  }
  if (!text) return null;
  const parsed = parseClassification(text);
  return typeof parsed === 'string' ? parsed : null;
}
