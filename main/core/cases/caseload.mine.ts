/**
 * "My cases" on the caseload: the cases a user leads or is allocated to, tested one of two ways
 * with the same rows (tests/main/core/cases/caseload-mine.test.ts). {@link mineSide} chooses.
 */
import type { Db } from '../db/connection';
import { stmt } from '../db/statements';

/**
 * How "mine" is tested: `user` reads the user's cases from cases_lead_worker and
 * case_clinicians_user and looks each up by id; `case` tests every case the other filters (the
 * status index, a search) find. Same rows either way; {@link mineSide} chooses.
 */
export type MineSide = 'user' | 'case';

/**
 * Up to how many entries on the user's side (cases led plus cases allocated) "mine" is answered
 * from there. That plan reads every case the user holds, open or not (case_clinicians has no
 * status), at about twice the cost of an open case tested from the status index (measured at
 * 10,000 cases, BENCHMARKS.md issue 17). A clinician's caseload of tens or hundreds of cases is
 * far below this; the demo's four clinicians, each holding a quarter of the vault, are above it
 * and keep the per-case test, which is cheaper for them.
 */
export const MINE_USER_SIDE_MAX = 500;

/** Which way to answer "mine" for this user; the counting stops past the bound, so it stays cheap. */
export function mineSide(db: Db, userId: string): MineSide {
  const { n } = stmt(
    db,
    `SELECT (SELECT count(*) FROM (SELECT 1 FROM cases WHERE lead_worker_id = @me LIMIT @cap))
          + (SELECT count(*) FROM (SELECT 1 FROM case_clinicians WHERE user_id = @me LIMIT @cap)) AS n`,
  ).get({ me: userId, cap: MINE_USER_SIDE_MAX + 1 }) as { n: number };
  return n <= MINE_USER_SIDE_MAX ? 'user' : 'case';
}

/**
 * The "mine" condition on `c`, for the user bound as `@me`. From the user's side, their cases
 * come from cases_lead_worker and case_clinicians_user (UNION ALL: the IN list drops repeats)
 * and each is looked up by id, instead of probing every open case (3,113 at 10,000 cases) to
 * find a clinician's few; the caller must then keep the status test from driving the query
 * (`+c.status`). Per case, it is a primary-key probe of each case the status index or a search
 * finds. A MULTI-INDEX OR from the user's side read each case twice (leads are usually
 * allocated too) and was slower at 10,000 cases.
 */
export function mineCondition(side: MineSide): string {
  return side === 'user'
    ? 'c.id IN (SELECT id FROM cases WHERE lead_worker_id = @me UNION ALL SELECT case_id FROM case_clinicians WHERE user_id = @me)'
    : '(c.lead_worker_id = @me OR EXISTS (SELECT 1 FROM case_clinicians cc WHERE cc.case_id = c.id AND cc.user_id = @me))';
}
