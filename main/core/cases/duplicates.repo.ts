/**
 * Possible duplicates of a referral, found through the young person's search and phonetic keys
 * (young_people_dob, young_people_family) and the NHS number (young_people_nhs).
 */
import type { DuplicateCandidate } from '../../../preload/contract/case-records';
import type { Db } from '../db/connection';
import { stmt } from '../db/statements';
import { phoneticKey, searchKey } from './phonetic';

/**
 * Possible duplicates of a referral: the same NHS number, same date of birth and a
 * phonetically similar given or family name, or the same full name in the same local authority.
 */
export function findDuplicates(
  db: Db,
  p: {
    givenName: string | null;
    familyName: string | null;
    dateOfBirth: string | null;
    localAuthority: string | null;
    nhsNumber?: string | null;
  },
): DuplicateCandidate[] {
  const out = new Map<string, DuplicateCandidate>();
  const select = `SELECT c.id AS caseId, c.reference, y.initials, y.date_of_birth AS dateOfBirth, c.status
                  FROM young_people y JOIN cases c ON c.id = y.case_id`;
  const pg = phoneticKey(p.givenName);
  const pf = phoneticKey(p.familyName);
  if (p.dateOfBirth && (pg || pf)) {
    const rows = stmt(
      db,
      `${select} WHERE y.date_of_birth = @dob AND ((@pf != '' AND y.phon_family = @pf) OR (@pg != '' AND y.phon_given = @pg))
       ORDER BY c.reference LIMIT 50`,
    ).all({ dob: p.dateOfBirth, pf, pg }) as Omit<DuplicateCandidate, 'reason'>[];
    for (const r of rows) out.set(r.caseId, { ...r, reason: 'same_dob_similar_name' });
  }
  const sg = searchKey(p.givenName);
  const sf = searchKey(p.familyName);
  const sla = searchKey(p.localAuthority);
  if (sg && sf && sla) {
    const rows = stmt(
      db,
      `${select} WHERE y.search_family = ? AND y.search_given = ? AND y.search_la = ? ORDER BY c.reference LIMIT 50`,
    ).all(sf, sg, sla) as Omit<DuplicateCandidate, 'reason'>[];
    for (const r of rows) if (!out.has(r.caseId)) out.set(r.caseId, { ...r, reason: 'same_name_same_local_authority' });
  }
  if (p.nhsNumber) {
    // Last, so the strongest reason replaces a weaker one; young_people_nhs (m0060) avoids a scan.
    const rows = stmt(db, `${select} WHERE y.nhs_number = ? ORDER BY c.reference LIMIT 50`).all(p.nhsNumber) as Omit<
      DuplicateCandidate,
      'reason'
    >[];
    for (const r of rows) out.set(r.caseId, { ...r, reason: 'same_nhs_number' });
  }
  return [...out.values()];
}
