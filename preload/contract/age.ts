/**
 * The service's age rule, written once for both sides: the core enforces it, and the referral
 * form checks it before the round trip so the clinician sees the same words sooner. Pure (no
 * Node, no DOM): dates are ISO `YYYY-MM-DD` strings, compared as calendar dates.
 */

/** Oldest age, in whole years on the referral date, at which the service takes a young person. */
export const MAX_AGE_AT_REFERRAL = 21;

/**
 * Age in whole years on a date. A birthday not yet reached that year does not count. Someone
 * born on 29 February has their birthday on 1 March in other years (as in UK law): comparing
 * month and day does exactly that, since 28/02 sorts before 29/02 and 01/03 after it.
 */
export function ageOn(dateOfBirth: string, on: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  const beforeBirthday = m < bm || (m === bm && d < bd);
  return y - by - (beforeBirthday ? 1 : 0);
}

/** True when a young person of this age at referral is within the service's age range. */
export function withinAgeLimit(ageAtReferral: number): boolean {
  return ageAtReferral <= MAX_AGE_AT_REFERRAL;
}

/** `YYYY-MM-DD` as the UK writes it, `dd/mm/yyyy`. */
function ukDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${d}/${m}/${y}`;
}

/**
 * Why a referral is refused for age, in the words the clinician sees (the core's error and the
 * form's message are the same). `dateOfBirth` is null when only an age was given.
 */
export function ageLimitMessage(age: number, dateOfBirth: string | null, referralDate: string): string {
  const born = dateOfBirth ? ` (born ${ukDate(dateOfBirth)})` : '';
  return (
    `The service works with young people up to ${MAX_AGE_AT_REFERRAL}. This young person${born} was ${age} ` +
    `on the referral date (${ukDate(referralDate)}), so the referral cannot be accepted.`
  );
}
