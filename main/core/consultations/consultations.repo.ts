/** SQL for a case's professional consultations. Rows map through `consultationRecord`. */
import type { ConsultationContent, ConsultationListItem } from '../../../preload/contract/consultations';
import type { SessionUser } from '../../../preload/contract/common';
import { visibleCaseCondition } from '../cases/visibility';
import type { Db } from '../db/connection';
import type { RowOf, ViewOf } from '../db/record';
import { boundedTotal, type BoundedTotal } from '../db/bounded-count';
import { stmt } from '../db/statements';
import { consultationRecord as rec } from './consultations.records';

export type ConsultationRow = ViewOf<typeof rec.columns>;
type Stored = RowOf<typeof rec.columns>;

/** The people of the professional network a consultation may list as attendees. */
export const NETWORK_KINDS = `('professional', 'referrer')`;

export function findConsultation(db: Db, id: string): ConsultationRow | null {
  const row = stmt(db, `SELECT ${rec.select()} FROM consultations WHERE id = ?`).get(id) as Stored | undefined;
  return row ? rec.toView(row) : null;
}

/** A case's consultations, newest meeting first. */
export function caseConsultations(db: Db, caseId: string): ConsultationRow[] {
  return (
    stmt(
      db,
      `SELECT ${rec.select()} FROM consultations WHERE case_id = ? ORDER BY meeting_date DESC, created_at DESC`,
    ).all(caseId) as Stored[]
  ).map((r) => rec.toView(r));
}

export function insertConsultation(db: Db, row: ConsultationRow): void {
  stmt(db, rec.insertSql()).run(rec.toRow(row));
}

/** Write new content; false when the record moved past `expectedVersion`. */
export function reviseConsultation(
  db: Db,
  id: string,
  expectedVersion: number,
  content: ConsultationContent,
  by: string,
  at: string,
): boolean {
  const row = rec.toRow({ ...content, updatedBy: by, updatedAt: at });
  const set = Object.keys(row)
    .map((c) => `${c} = @${c}`)
    .join(', ');
  return (
    stmt(
      db,
      `UPDATE consultations SET ${set}, version = version + 1 WHERE id = @id AND version = @expectedVersion`,
    ).run({
      ...row,
      id,
      expectedVersion,
    }).changes === 1
  );
}

/** Which of `ids` are professional-network people of the case, with their names. */
export function networkPeople(
  db: Db,
  caseId: string,
): { id: string; name: string; role: string | null; agency: string | null; thirdParty: boolean }[] {
  return (
    stmt(
      db,
      `SELECT id, name, role, agency, third_party AS tp FROM case_people
        WHERE case_id = ? AND kind IN ${NETWORK_KINDS} ORDER BY name, id`,
    ).all(caseId) as { id: string; name: string; role: string | null; agency: string | null; tp: number }[]
  ).map(({ tp, ...p }) => ({ ...p, thirdParty: tp === 1 }));
}

/** The case's documents that have not been removed, with their titles and when they were added. */
export function caseDocuments(db: Db, caseId: string): { id: string; title: string; uploadedAt: string }[] {
  return stmt(
    db,
    `SELECT id, title, uploaded_at AS uploadedAt FROM documents
      WHERE case_id = ? AND deleted_at IS NULL ORDER BY uploaded_at, id`,
  ).all(caseId) as { id: string; title: string; uploadedAt: string }[];
}

/**
 * One page of every case's consultations, newest meeting first (index consultations_date), with
 * the case's reference and the young person's name (initials when there is no name).
 */
export function pageAllConsultations(
  db: Db,
  user: SessionUser,
  limit: number,
  offset: number,
): { rows: ConsultationListItem[] } & BoundedTotal {
  const visible = visibleCaseCondition(user, 'c.case_id');
  // The page's ids come from the index alone (OFFSET skips index entries, not joined rows); only
  // the 25 rows shown are joined to their case and sign-off. CROSS JOIN keeps the page outermost:
  // otherwise the planner scans every consultation in order and looks each up in the page.
  const rows = (
    stmt(
      db,
      `WITH page AS (
         SELECT c.id FROM consultations c INDEXED BY consultations_date
          WHERE ${visible.sql}
          ORDER BY c.meeting_date DESC, c.id LIMIT @limit OFFSET @offset)
       SELECT c.id, c.case_id AS caseId, k.reference AS caseReference,
              trim(coalesce(y.given_name, '') || ' ' || coalesce(y.family_name, '')) AS fullName,
              coalesce(y.initials, '') AS initials,
              c.meeting_date AS meetingDate, c.suitability,
              EXISTS (SELECT 1 FROM report_signoffs s WHERE s.subject_kind = 'consultation' AND s.subject_id = c.id) AS signed
         FROM page CROSS JOIN consultations c ON c.id = page.id
         JOIN cases k ON k.id = c.case_id
         LEFT JOIN young_people y ON y.case_id = c.case_id
        ORDER BY c.meeting_date DESC, c.id`,
    ).all({ ...visible.params, limit, offset }) as (Omit<ConsultationListItem, 'youngPersonName' | 'signed'> & {
      fullName: string;
      initials: string;
      signed: number;
    })[]
  ).map(({ fullName, initials, signed, ...r }) => ({
    ...r,
    youngPersonName: fullName || initials,
    signed: signed === 1,
  }));
  return {
    rows,
    ...boundedTotal(db, `SELECT 1 FROM consultations c WHERE ${visible.sql}`, visible.params, { limit, offset }),
  };
}
