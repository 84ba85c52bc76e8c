/**
 * The access log of a case: who read or changed it, with repeated views in one sign-in session
 * collapsed into one entry. Read from the hash-chained audit log by its case index.
 */
import type { AccessLogEntry } from '../../../preload/contract/cases';
import type { Db } from '../db/connection';
import { stmt } from '../db/statements';

/** The actions that start a sign-in session: creating the vault, unlocking it, recovering it. */
const SIGN_IN_ACTIONS_SQL = `('vault.create', 'session.unlock', 'session.unlock_with_recovery_key')`;

/** Views, which repeat: one entry per person, sign-in session and record viewed, with a count. */
const REPEATED_VIEW_ACTIONS_SQL = `('case.read', 'case.access_log', 'document.read')`;

/**
 * How far back (in audit rows) a view looks for its session's sign-in. Sessions end at the idle
 * lock, so they are short; a view further than this from its sign-in (after a bulk import, say)
 * is shown on its own rather than guessed into a session.
 */
export const SESSION_LOOKBACK_ROWS = 20_000;

/**
 * The access log of one case, newest first, with repeated views collapsed.
 *
 * The audit rows carry no session id, so a sign-in session is defined from the log itself: a
 * user's session is everything they did after one of their sign-in rows and before their next
 * one. A lock ends it, since signing in again writes a new sign-in row. Views of the same
 * record by the same person in the same session become one entry with a count and the first
 * and last times; every change stays an entry of its own.
 *
 * Cost: the case's own rows come from the audit_log_case index; each view then walks back
 * through the log (by sequence number, newest first) to the first sign-in row of its user,
 * so at most the length of its session and never more than SESSION_LOOKBACK_ROWS. The grouped
 * entries are then paged.
 */
export function queryAccessLog(
  db: Db,
  caseId: string,
  limit: number,
  offset: number,
): { rows: AccessLogEntry[]; total: number } {
  const sql = accessLogSql();
  const rows = stmt(db, sql.page).all({ caseId, limit, offset }) as AccessLogEntry[];
  const total = (stmt(db, sql.count).get({ caseId }) as { n: number }).n;
  return { rows, total };
}

/** The statements behind `queryAccessLog` (exported for its query-plan test). */
export function accessLogSql(): { page: string; count: string } {
  const entries = `WITH rows AS (
      SELECT a.seq, a.at, a.user_id, a.username, a.action, a.entity_type, a.entity_id,
        CASE WHEN a.action IN ${REPEATED_VIEW_ACTIONS_SQL} THEN
          (SELECT s.seq FROM audit_log s
            WHERE s.seq < a.seq AND s.seq >= a.seq - ${SESSION_LOOKBACK_ROWS}
              AND s.user_id = a.user_id AND s.action IN ${SIGN_IN_ACTIONS_SQL}
            ORDER BY s.seq DESC LIMIT 1)
        END AS session
      FROM audit_log a WHERE a.case_id = @caseId
    ), entries AS (
      SELECT max(seq) AS seq, min(at) AS firstAt, max(at) AS at, user_id, username, action, entity_type,
        entity_id, count(*) AS count
      FROM rows
      -- A change (or a view whose sign-in is out of reach) has no session: its own sequence
      -- number, negated so that it cannot equal a session's, keeps it apart.
      GROUP BY user_id, action, entity_id, coalesce(session, -seq)
    )`;
  return {
    page: `${entries}
      SELECT e.seq, e.at, e.firstAt, e.count, e.user_id AS userId, e.username,
        coalesce(u.display_name, e.username) AS userDisplayName, e.action, e.entity_type AS entityType,
        e.entity_id AS entityId
      FROM entries e LEFT JOIN users u ON u.id = e.user_id
      ORDER BY e.seq DESC LIMIT @limit OFFSET @offset`,
    count: `${entries} SELECT count(*) AS n FROM entries`,
  };
}
