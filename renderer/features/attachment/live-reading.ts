/**
 * What the procedure form reads as the coder types, before anything is saved: a CARE-Index
 * scale and each partner's running sum, the classification parsed, and the DMM's warnings.
 */
import {
  DMM_PROCEDURES,
  ageInMonths,
  dmmWarnings,
  parseClassification,
  type DmmWarning,
  type ParsedClassification,
} from '../../../preload/contract/dmm';
import { parseUkDate } from '../cases/case-page/uk-date';
import type { ProcedureDraft } from './procedure-draft';

/** A CARE-Index scale as typed: a whole number 0-14, nothing yet, or a reason it is not one. */
export function scaleValue(text: string): number | null | string {
  const t = text.trim();
  if (t === '') return null;
  if (!/^\d{1,2}$/.test(t) || Number(t) > 14) return `Enter a whole number from 0 to 14 (not ${t}).`;
  return Number(t);
}

/** One partner's scales as typed: the running sum and whether every scale has a number. */
export function partnerSum(sheet: Record<string, string>, keys: readonly string[]): { sum: number; complete: boolean } {
  let sum = 0;
  let complete = true;
  for (const k of keys) {
    const v = scaleValue(sheet[k] ?? '');
    if (typeof v === 'number') sum += v;
    else complete = false;
  }
  return { sum, complete };
}

/** "sum 12 of 14". */
export const sumText = (sum: number): string => `sum ${sum} of 14`;

/** The classification as typed: parsed, a reason it is not one, or null while the field is empty. */
export function classificationPreview(text: string): ParsedClassification | string | null {
  return text.trim() === '' ? null : parseClassification(text);
}

/**
 * The warnings the coder should see as they type (`dmmWarnings`): the person's age on the day
 * outside the procedure's range, or a code earlier than its usual age. None while the procedure,
 * the date or the person's date of birth is not known.
 */
export function draftWarnings(d: ProcedureDraft, subjectDateOfBirth: string | null): DmmWarning[] {
  if (d.procedure === '') return [];
  const age = ageInMonths(subjectDateOfBirth, parseUkDate(d.administeredOn));
  const parsed =
    DMM_PROCEDURES[d.procedure].output === 'classification' ? classificationPreview(d.classification) : null;
  return dmmWarnings(d.procedure, age, parsed && typeof parsed !== 'string' ? parsed : null);
}
