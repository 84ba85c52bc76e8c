/**
 * The assessment clock in SQL, for the caseload: which cases have a clock (the same rule as
 * `assessmentApplies` / `readClock` in dates.ts), and the clock order, "what is due next".
 */
import type { CaseloadQuery } from '../../../preload/contract/cases';

/** Statuses of a case still being worked: "open" on the caseload. */
export const OPEN_STATUSES = ['referred', 'accepted', 'active'] as const;
export const OPEN_SQL = OPEN_STATUSES.map((s) => `'${s}'`).join(', ');

/**
 * The case has a 12-week assessment clock: not consultation only, and an assessment among the
 * services asked for or given (one primary-key lookup in case_services). Same rule as
 * `assessmentApplies` in dates.ts.
 */
export const CLOCK_APPLIES = `(c.consultation_only = 0 AND EXISTS (SELECT 1 FROM case_services s WHERE s.case_id = c.id AND s.service = 'assessment'))`;

/** The key of the cases_due index: cases without a due date sort after every date. */
export const DUE_KEY = `coalesce(c.assessment_due_date, '9999-12-31')`;
export const NO_DUE = `'9999-12-31'`;

/**
 * The clock order ("what is due next"), read as three index-ordered parts one after another:
 * running clocks (overdue first, by how long overdue, then by due date), then cases awaiting
 * paperwork, then everything out of the way (completed, closed not assessed, declined, no
 * clock). Each part is read in an index's order (CLOCK_PART_ORDER: cases_due, or the reference
 * for cases awaiting paperwork), so a page walks that index and stops, with no sort of every case. The status tests of the later parts are written `+c.status` so that they never
 * drive a part from the status index; the first part's is the partial index's own term. Same states as `readClock` in dates.ts.
 */
export const CLOCK_PARTS = [
  // Written as the partial index cases_clock_open's own terms (m0280), so SQLite walks that
  // index (the few hundred running clocks) rather than every dated case along cases_due. The
  // same rows as `${DUE_KEY} < ${NO_DUE}`: a due date sorts below the no-date key.
  `c.assessment_due_date IS NOT NULL AND c.assessment_completed_date IS NULL AND c.status IN (${OPEN_SQL}) AND ${CLOCK_APPLIES}`,
  `${DUE_KEY} = ${NO_DUE} AND +c.status IN (${OPEN_SQL}) AND c.assessment_completed_date IS NULL AND ${CLOCK_APPLIES}`,
  `NOT (+c.status IN (${OPEN_SQL}) AND c.assessment_completed_date IS NULL AND ${CLOCK_APPLIES})`,
];

/** The part of the clock order a case is in (0, 1 or 2): the sort key of a filtered page. */
export const CLOCK_RANK = `(CASE WHEN c.status NOT IN (${OPEN_SQL}) OR c.assessment_completed_date IS NOT NULL OR NOT ${CLOCK_APPLIES} THEN 2
  WHEN c.assessment_due_date IS NULL THEN 1 ELSE 0 END)`;

/**
 * The order inside each part of the clock order: by due date along cases_due, except cases
 * awaiting paperwork (no due date to go by), which go by reference, oldest referral first,
 * along the reference index.
 */
export const CLOCK_PART_ORDER = [
  // Every case in the first part has a due date, so this is the DUE_KEY order, along cases_clock_open.
  (d: string) => `c.assessment_due_date ${d}, c.id ${d}`,
  (d: string) => `c.reference ${d}`,
  (d: string) => `${DUE_KEY} ${d}, c.id ${d}`,
];

/**
 * The index each part is read along, when SQLite would otherwise choose worse: for the first,
 * cases_clock_open (m0280). Its terms alone did not do it: SQLite drove the part from the
 * status index and sorted every open case (4.6 against about 1 ms at 10,000 cases).
 * INDEXED BY fails loudly if the part's terms ever stop implying the index's.
 */
export const CLOCK_PART_INDEX: readonly (string | null)[] = ['cases_clock_open', null, null];

/**
 * Whether the clock order is read part by part along cases_due ({@link CLOCK_PARTS}) rather
 * than as one sorted query. Only when nothing but status or service narrows the list: then the
 * walk stops after a page. Any other filter (mine, lead worker, overdue, flagged, a search)
 * drives the query from its own index, and sorting the few cases it finds once is cheaper than
 * reading them three times.
 */
export function walksClockParts(q: CaseloadQuery): boolean {
  return !q.mine && !q.leadWorkerId && !q.overdue && !q.flagged && q.search.trim() === '';
}
