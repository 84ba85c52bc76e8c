/**
 * The cases part of the one search box: the caseload's own identity search (reference prefix,
 * name prefixes, or a date of birth typed as dd/mm/yyyy), so a name finds the same cases in both
 * places. It goes through `queryCaseload` with no filter but the search, rather than a second
 * copy of that SQL.
 */
import type { SessionUser } from '../../../preload/contract';
import { caseloadQuerySchema } from '../../../preload/contract/cases';
import type { Page } from '../../../preload/contract/paging';
import type { CaseSearchHit } from '../../../preload/contract/search';
import { displayName } from '../../../preload/contract/young-person-name';
import { queryCaseload } from '../cases/caseload.repo';
import type { Db } from '../db/connection';

/** The caseload's search box takes at most this many characters; no name or reference is longer. */
const IDENTITY_SEARCH_MAX = 100;

/** One page of the cases whose reference, name or date of birth matches, by family name. */
export function searchCasesByIdentity(
  db: Db,
  user: SessionUser,
  text: string,
  limit: number,
  offset: number,
  todayDate: string,
): Page<CaseSearchHit> {
  const search = text.trim();
  if (!search || search.length > IDENTITY_SEARCH_MAX) return { items: [], total: 0, offset, limit };
  // Every status, every service, anyone's case: only the identity search narrows the list.
  const q = caseloadQuerySchema.parse({ search, status: [], sort: 'name', direction: 'asc', limit, offset });
  const { rows, total, moreThan } = queryCaseload(db, user, q, todayDate);
  const items = rows.map((r) => ({
    caseId: r.id,
    reference: r.reference,
    displayName: displayName(r.given_name, r.family_name, r.initials),
    dateOfBirth: r.date_of_birth,
    status: r.status,
    leadWorkerName: r.lead_worker_name,
  }));
  return { items, total, moreThan, offset, limit };
}
