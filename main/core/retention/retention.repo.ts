/**
 * SQL of the retention module. Review dates are stored in `case_retention` and recomputed here
 * from `retentionOutcome` whenever a trigger has marked a row stale, so the list is an indexed
 * range read and the rules are stated once, in TypeScript.
 */
import type { Db } from '../db/connection';
import { boundedTotal, type BoundedTotal } from '../db/bounded-count';
import { stmt } from '../db/statements';
import { localDate } from '../cases/dates';
import { retentionOutcome, type RetentionFacts, type RetentionOutcome } from './retention.rules';
import { caseRetentionRecord, tombstoneRecord, type CaseRetentionRow, type TombstoneRow } from './retention.records';

interface FactsRow {
  case_id: string;
  status: string;
  referral_date: string;
  age_at_referral: number;
  date_of_birth: string | null;
  date_of_death: string | null;
  closed_at: string | null;
}

// When care ended: the last change to the case's present status, closed or declined (a declined
// referral's care ends the day it was declined: retention.rules.ts). A case without a history row
// (older imports) falls back to its last update, which is no earlier than the change.
const FACTS_SQL = `
  SELECT c.id AS case_id, c.status, c.referral_date, c.age_at_referral, y.date_of_birth, r.date_of_death,
    CASE WHEN c.status IN ('closed', 'declined') THEN coalesce(
      (SELECT max(h.changed_at) FROM case_status_history h WHERE h.case_id = c.id AND h.to_status = c.status),
      c.updated_at) END AS closed_at
  FROM cases c LEFT JOIN young_people y ON y.case_id = c.id LEFT JOIN case_retention r ON r.case_id = c.id`;

function factsOf(row: FactsRow): RetentionFacts {
  return {
    dateOfBirth: row.date_of_birth,
    // A closure time is UTC; the closing day is the day in England.
    closedOn: row.closed_at === null ? null : localDate(new Date(row.closed_at)),
    careEnded: row.closed_at === null ? null : row.status === 'declined' ? 'declined' : 'closed',
    dateOfDeath: row.date_of_death,
    referralDate: row.referral_date,
    ageAtReferral: row.age_at_referral,
  };
}

/** The facts and outcome for one case, or null when there is no such case. */
export function caseOutcome(
  db: Db,
  caseId: string,
): { facts: RetentionFacts; outcome: RetentionOutcome; status: string } | null {
  const row = stmt(db, `${FACTS_SQL} WHERE c.id = ?`).get(caseId) as FactsRow | undefined;
  if (!row) return null;
  const facts = factsOf(row);
  return { facts, outcome: retentionOutcome(facts), status: row.status };
}

/** Recompute every stale review date (a handful, normally: those changed since the last read). */
export function refreshStale(db: Db): number {
  const stale = stmt(
    db,
    `${FACTS_SQL} WHERE c.id IN (SELECT case_id FROM case_retention WHERE stale = 1)`,
  ).all() as FactsRow[];
  if (stale.length === 0) return 0;
  const write = stmt(
    db,
    'UPDATE case_retention SET closed_on = ?, review_date = ?, dob_unknown = ?, stale = 0 WHERE case_id = ?',
  );
  db.transaction(() => {
    for (const row of stale) {
      const facts = factsOf(row);
      const out = retentionOutcome(facts);
      write.run(
        out.reviewDate === null ? null : facts.closedOn,
        out.reviewDate,
        out.dateOfBirthUnknown ? 1 : 0,
        row.case_id,
      );
    }
  }).immediate();
  return stale.length;
}

/** The retention row of a case, made (stale, so it is computed) when the case has none yet. */
export function ensureRetentionRow(db: Db, caseId: string): CaseRetentionRow {
  stmt(db, 'INSERT INTO case_retention (case_id) VALUES (?) ON CONFLICT (case_id) DO NOTHING').run(caseId);
  return stmt(db, `SELECT ${caseRetentionRecord.select()} FROM case_retention WHERE case_id = ?`).get(
    caseId,
  ) as CaseRetentionRow;
}

export function retentionRow(db: Db, caseId: string): CaseRetentionRow | null {
  return (
    (stmt(db, `SELECT ${caseRetentionRecord.select()} FROM case_retention WHERE case_id = ?`).get(caseId) as
      CaseRetentionRow | undefined) ?? null
  );
}

export interface CareCheckRow {
  care_check_note: string;
  checked_by_name: string;
  care_checked_at: string;
  care_checked_for: string;
}

/** The care-experienced check recorded for a case, with who made it, or null when there is none. */
export function careCheckOf(db: Db, caseId: string): CareCheckRow | null {
  return (
    (stmt(
      db,
      `SELECT r.care_check_note, u.display_name AS checked_by_name, r.care_checked_at, r.care_checked_for
       FROM case_retention r JOIN users u ON u.id = r.care_checked_by
       WHERE r.case_id = ? AND r.care_check_note IS NOT NULL`,
    ).get(caseId) as CareCheckRow | undefined) ?? null
  );
}

export interface ProposalRow {
  id: string;
  reason: string;
  proposed_by: string;
  proposed_by_name: string;
  proposed_at: string;
}

export function proposalOf(db: Db, caseId: string): ProposalRow | null {
  return (
    (stmt(
      db,
      `SELECT p.id, p.reason, p.proposed_by, u.display_name AS proposed_by_name, p.proposed_at
       FROM disposal_proposals p JOIN users u ON u.id = p.proposed_by WHERE p.case_id = ?`,
    ).get(caseId) as ProposalRow | undefined) ?? null
  );
}

export interface ReviewRow {
  case_id: string;
  reference: string;
  status: string;
  closed_on: string;
  review_date: string;
  dob_unknown: 0 | 1;
  legal_hold: 0 | 1;
  hold_reason: string | null;
  care_experienced: 0 | 1;
  care_checked_for: string | null;
  proposal_reason: string | null;
  proposed_by: string | null;
  proposed_by_name: string | null;
  proposed_at: string | null;
}

/** The review list's page query (exported for its query-plan test). */
export const REVIEW_PAGE_SQL = (dir: 'ASC' | 'DESC'): string =>
  `SELECT r.case_id, c.reference, c.status, r.closed_on, r.review_date, r.dob_unknown, r.legal_hold, r.hold_reason,
       r.care_experienced, r.care_checked_for, p.reason AS proposal_reason, p.proposed_by,
       u.display_name AS proposed_by_name, p.proposed_at
     FROM case_retention r
     JOIN cases c ON c.id = r.case_id
     LEFT JOIN disposal_proposals p ON p.case_id = r.case_id
     LEFT JOIN users u ON u.id = p.proposed_by
     WHERE r.review_date IS NOT NULL AND r.review_date <= ?
     ORDER BY r.review_date ${dir}, r.case_id ${dir}
     LIMIT ? OFFSET ?`;

/** The rows the review list's count reads, bounded when it runs (exported for its query-plan test). */
export const REVIEW_COUNT_ROWS_SQL =
  'SELECT 1 FROM case_retention WHERE review_date IS NOT NULL AND review_date <= @until';

/** One page of closed cases whose review date is on or before `until`, in review-date order. */
export function reviewPage(
  db: Db,
  q: { until: string; order: 'asc' | 'desc'; offset: number; limit: number },
): { rows: ReviewRow[] } & BoundedTotal {
  const dir = q.order === 'asc' ? 'ASC' : 'DESC';
  // The range and the order both come from case_retention_review; cases and proposals are
  // looked up by primary key for the page's rows only.
  const rows = stmt(db, REVIEW_PAGE_SQL(dir)).all(q.until, q.limit, q.offset) as ReviewRow[];
  return { rows, ...boundedTotal(db, REVIEW_COUNT_ROWS_SQL, { until: q.until }, q) };
}

export interface TombstoneNamedRow extends TombstoneRow {
  proposed_by_name: string;
  approved_by_name: string;
}

const TOMBSTONE_SELECT = `SELECT ${tombstoneRecord.select('t')}, pu.display_name AS proposed_by_name, au.display_name AS approved_by_name
  FROM disposal_tombstones t JOIN users pu ON pu.id = t.proposed_by JOIN users au ON au.id = t.approved_by`;

export function tombstonePage(db: Db, offset: number, limit: number): { rows: TombstoneNamedRow[]; total: number } {
  const rows = stmt(db, `${TOMBSTONE_SELECT} ORDER BY t.approved_at DESC, t.id LIMIT ? OFFSET ?`).all(
    limit,
    offset,
  ) as TombstoneNamedRow[];
  const total = (stmt(db, 'SELECT count(*) AS n FROM disposal_tombstones').get() as { n: number }).n;
  return { rows, total };
}

export function tombstoneById(db: Db, id: string): TombstoneNamedRow | null {
  return (stmt(db, `${TOMBSTONE_SELECT} WHERE t.id = ?`).get(id) as TombstoneNamedRow | undefined) ?? null;
}
