/**
 * The NHS number rule, in one place for the core (validation of every write and import) and
 * the renderer (checking as the clinician types and showing the number).
 *
 * An NHS number is 10 digits, the last a Modulus 11 check digit: weight the first nine digits
 * 10, 9, ... 2, sum them, and take 11 - (sum mod 11); 11 means a check digit of 0, and 10 means
 * no valid number starts with those nine digits. It is stored as the bare 10 digits and shown
 * in the 3-3-4 groups people read aloud and write on letters (`943 476 5919`).
 */
import { z } from 'zod';

export const NHS_NUMBER_CHECK_DIGIT_MESSAGE = 'This is not a valid NHS number: the check digit does not match.';
export const NHS_NUMBER_LENGTH_MESSAGE = 'An NHS number has 10 digits, for example 943 476 5919.';

/** The number with spaces taken out (people copy it from letters as `943 476 5919`). */
export function compactNhsNumber(input: string): string {
  return input.replace(/\s+/g, '');
}

/**
 * The check digit the first nine digits call for, or null when they call for 10 (no NHS
 * number begins with those nine digits).
 */
export function nhsCheckDigit(firstNine: string): number | null {
  if (!/^\d{9}$/.test(firstNine)) throw new Error('nhsCheckDigit needs exactly nine digits');
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(firstNine[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 11) return 0;
  return check === 10 ? null : check;
}

/** Why the text is not an NHS number, or null when it is one (spaces allowed). */
export function nhsNumberProblem(input: string): string | null {
  const digits = compactNhsNumber(input);
  if (!/^\d{10}$/.test(digits)) return NHS_NUMBER_LENGTH_MESSAGE;
  const expected = nhsCheckDigit(digits.slice(0, 9));
  return expected === Number(digits[9]) ? null : NHS_NUMBER_CHECK_DIGIT_MESSAGE;
}

export function isValidNhsNumber(input: string): boolean {
  return nhsNumberProblem(input) === null;
}

/** `9434765919` -> `943 476 5919`. Text that is not 10 digits is returned as it is. */
export function formatNhsNumber(input: string): string {
  const digits = compactNhsNumber(input);
  return /^\d{10}$/.test(digits) ? `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}` : input;
}

/**
 * An NHS number as typed (with or without spaces), checked and stored as its 10 digits. The
 * messages say which part is wrong, so a clinician can tell a typo from a short number.
 */
export const nhsNumberSchema = z
  .string()
  .transform(compactNhsNumber)
  .superRefine((digits, ctx) => {
    const problem = nhsNumberProblem(digits);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
