import type { SessionUser } from '../../../preload/contract';

/**
 * Which cases a user may see, as an SQL condition on a case id column. Today every signed-in
 * user may see every case; when allocation-based access arrives, only this function changes and
 * the caseload, search and chronology queries that call it follow.
 */
export function visibleCaseCondition(
  _user: SessionUser,
  caseIdColumn: string,
): { sql: string; params: Record<string, unknown> } {
  return { sql: `${caseIdColumn} IS NOT NULL`, params: {} };
}
