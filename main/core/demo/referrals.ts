/**
 * Referral dates and case numbers for a demo run, drawn before any case is written. A real
 * service numbers cases as referrals arrive, so within each year NC-YYYY-0001 is the earliest
 * referral; drawing each case's date as it is written would number them in random date order.
 */
import { nextReference } from '../cases/cases.repo';
import { addDays } from '../cases/dates';
import type { Db } from '../db/connection';
import type { Random } from './prng';

/** Referrals are spread over this many days before the reference date. */
const SPREAD_DAYS = 5 * 365;

export interface PlannedReferral {
  referralDate: string;
  reference: string;
  refYear: number;
  refSeq: number;
}

/**
 * `count` referral dates in the order the cases will be written (random, as drawn), each with
 * the case number its date earns. Numbers continue after any case already in the vault for that
 * year: a second demo run into the same vault keeps numbers unique, and is in date order within
 * the run (though not against the cases already there).
 */
export function planReferrals(db: Db, r: Random, count: number, today: string): PlannedReferral[] {
  const drawn = Array.from({ length: count }, (_, i) => ({ i, date: addDays(today, -r.int(0, SPREAD_DAYS)) }));
  // Earliest first; equal dates keep the order they were drawn in, so the plan is deterministic.
  const byDate = [...drawn].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.i - b.i));
  const lastSeq = new Map<number, number>();
  const plan = new Array<PlannedReferral>(count);
  for (const { i, date } of byDate) {
    const year = Number(date.slice(0, 4));
    const seq = (lastSeq.get(year) ?? nextReference(db, year).seq - 1) + 1;
    lastSeq.set(year, seq);
    // The same shape as nextReference gives a case recorded through the app.
    plan[i] = {
      referralDate: date,
      refYear: year,
      refSeq: seq,
      reference: `NC-${year}-${String(seq).padStart(4, '0')}`,
    };
  }
  return plan;
}
