/**
 * When a closed case's records come up for review (NHS Records Management Code of Practice, as
 * DOMAIN.md states it): children's records to the 25th birthday (26th if 17 at discharge),
 * mental-health records 20 years after care ends, 8 years after death; the latest applies.
 *
 * One pure function over calendar dates (`YYYY-MM-DD`), so the rules are tested with hand-made
 * dates and the core only stores what it returns. Each rule is an entry in `RETENTION_RULES`:
 * a new rule is a new entry, and the review date is always the latest of them.
 *
 * Two choices lean towards keeping records longer, because disposing of them too early cannot be
 * undone (the wrongful-disposal hazard in docs/clinical-safety.md):
 * - a recorded death adds the 8-year rule beside the others; it never shortens retention, even
 *   where the Code would allow it (a mistaken date of death must not bring a disposal forward);
 * - an unknown date of birth uses the latest date of birth the age at referral allows, and the
 *   26th birthday, so the date can only be later than the true one.
 *
 * A referral declined without care (`careEnded: 'declined'`): the service still holds the
 * referral, often with police and social-care papers about the child, so its records are kept by
 * the same rules. Care "ends" on the day the referral was declined: no care followed, and no later
 * day marks an end. Age "at discharge" is the age that day. Until this was written down, declined
 * cases had no review date at all, so they were kept for ever without anyone deciding to.
 *
 * The care-experienced flag does not change the date: DOMAIN.md gives no other period for a care
 * leaver's health records, so the rules stay as they are. What it changes is disposal (`disposalRefusal` in
 * retention.service.ts): a care-experienced person often asks for their records as an adult, to
 * piece together their childhood, so their records are never disposed of on the ordinary date
 * alone. An administrator must first record a check for this review date (for example with the
 * leaving-care team: has the person asked for their records, or might they?).
 */

/** What the rules read from a case. Dates are calendar dates in England (`YYYY-MM-DD`). */
export interface RetentionFacts {
  /** The young person's date of birth, or null when nobody recorded it. */
  dateOfBirth: string | null;
  /**
   * The day care ended: when the case was last closed, or when its referral was declined; null
   * when it is neither (open, or reopened).
   */
  closedOn: string | null;
  /** How care ended: closed after work, or a referral declined (no care given); null when open. */
  careEnded: CareEnded | null;
  /** The date of death, when one has been recorded. */
  dateOfDeath: string | null;
  /** The referral date and the age then: the bounds on an unknown date of birth. */
  referralDate: string;
  ageAtReferral: number;
}

/** How a case's care came to an end, when it has. */
export type CareEnded = 'closed' | 'declined';

export type RetentionRuleId = 'childrens_records' | 'mental_health' | 'after_death';

export interface RetentionCandidate {
  rule: RetentionRuleId;
  /** The date this rule keeps the records until. */
  date: string;
  /** Why, in words for the administrator (dates dd/mm/yyyy). */
  because: string;
}

export interface RetentionOutcome {
  /** The latest candidate's date; null when the case is not closed or declined (nothing to review). */
  reviewDate: string | null;
  /** How care ended (the reason the date counts from `closedOn`); null when it has not. */
  careEnded: CareEnded | null;
  /** The rule that gave the review date. */
  decidedBy: RetentionRuleId | null;
  /** Every rule that applied, latest first. */
  candidates: RetentionCandidate[];
  /** True when the date of birth was unknown and the conservative bound was used instead. */
  dateOfBirthUnknown: boolean;
  /** Whole years of age on the day of closure (from the latest possible date of birth when unknown). */
  ageAtDischarge: number | null;
}

interface ClosedFacts extends RetentionFacts {
  closedOn: string;
  careEnded: CareEnded;
  /** The real date of birth, or the latest one the age at referral allows. */
  birth: string;
  birthKnown: boolean;
  ageAtDischarge: number;
}

interface RetentionRule {
  id: RetentionRuleId;
  /** The date the rule keeps records until, or null when it does not apply to this case. */
  until(facts: ClosedFacts): { date: string; because: string } | null;
}

/** The rules, in no particular order: the latest date wins. */
export const RETENTION_RULES: readonly RetentionRule[] = [
  {
    id: 'childrens_records',
    until(f) {
      // Unknown birth: assume 17 at discharge, the longer of the two birthdays.
      const years = !f.birthKnown || f.ageAtDischarge === 17 ? 26 : 25;
      const at = f.careEnded === 'declined' ? 'when the referral was declined' : 'at discharge';
      const why = f.birthKnown
        ? `${years}th birthday (${f.ageAtDischarge} ${at})`
        : `${years}th birthday of the latest date of birth the age at referral allows (${ukDate(f.birth)}); date of birth not recorded`;
      return { date: addYears(f.birth, years), because: `Children's records: ${why}.` };
    },
  },
  {
    id: 'mental_health',
    until: (f) => ({
      date: addYears(f.closedOn, 20),
      because:
        f.careEnded === 'declined'
          ? `Mental-health records: 20 years after the referral was declined (${ukDate(f.closedOn)}): no care was given, so care ended that day.`
          : `Mental-health records: 20 years after care ended (${ukDate(f.closedOn)}).`,
    }),
  },
  {
    id: 'after_death',
    until: (f) =>
      f.dateOfDeath === null
        ? null
        : { date: addYears(f.dateOfDeath, 8), because: `8 years after death (${ukDate(f.dateOfDeath)}).` },
  },
];

/** The review date of a case and how it was reached. */
export function retentionOutcome(facts: RetentionFacts): RetentionOutcome {
  if (facts.closedOn === null || facts.careEnded === null) {
    return {
      reviewDate: null,
      careEnded: null,
      decidedBy: null,
      candidates: [],
      dateOfBirthUnknown: facts.dateOfBirth === null,
      ageAtDischarge: null,
    };
  }
  const birthKnown = facts.dateOfBirth !== null;
  const birth = facts.dateOfBirth ?? latestBirthFor(facts.referralDate, facts.ageAtReferral);
  const closed: ClosedFacts = {
    ...facts,
    closedOn: facts.closedOn,
    careEnded: facts.careEnded,
    birth,
    birthKnown,
    ageAtDischarge: ageOn(birth, facts.closedOn),
  };
  const candidates = RETENTION_RULES.flatMap((rule) => {
    const until = rule.until(closed);
    return until ? [{ rule: rule.id, ...until }] : [];
  }).sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  const first = candidates[0] ?? null;
  return {
    reviewDate: first?.date ?? null,
    careEnded: facts.careEnded,
    decidedBy: first?.rule ?? null,
    candidates,
    dateOfBirthUnknown: !birthKnown,
    ageAtDischarge: closed.ageAtDischarge,
  };
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * The same day `years` later (or earlier). A 29 February that does not exist in the target year
 * becomes 1 March going forward (the later day: English law's birthday for someone born on
 * 29 February, and the longer retention) and 28 February going back (used for the latest
 * possible date of birth, which must not be later than the truth).
 */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const year = y + years;
  if (m === 2 && d === 29 && !isLeap(year)) return years >= 0 ? `${pad(year, 4)}-03-01` : `${pad(year, 4)}-02-28`;
  return `${pad(year, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

/** Whole years of age on `on` for someone born on `birth` (birthdays as `addYears` places them). */
export function ageOn(birth: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birth.slice(0, 4));
  return addYears(birth, years) <= on ? years : years - 1;
}

/**
 * The latest date of birth that makes someone `age` on `referralDate`: the truth is this day or
 * up to a year before it, so every birthday computed from it is on or after the real one.
 */
export function latestBirthFor(referralDate: string, age: number): string {
  return addYears(referralDate, -age);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function ukDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}
