/**
 * What belongs to one person of a case, for a carer's own subject access request, and whose
 * names the requester must never see: two small registries that modules fill from their own
 * folder (Safe Home fills both in `../../safe-home/safe-home.subject-access.ts`), so a later
 * module that keeps a person's records, or that mixes families, adds one call and the subject
 * access request picks it up.
 */

/**
 * SQL giving `entity_id` for each chronology event of `@caseId` that is `@personId`'s own (their
 * enrolment, their register entries, their family's safety plans in their runs). A carer's copy
 * holds exactly the chronology events whose entity is in the union of these.
 */
const personEntitySql: string[] = [];

/**
 * SQL giving `name` for each person of another case whose name may reach this case's records
 * (another family's carers and young people in the same Safe Home group). Their names are
 * redacted wherever they appear.
 */
const otherFamilySql: string[] = [];

export function registerPersonRecords(sql: string): void {
  personEntitySql.push(sql);
}

export function registerOtherFamilyNames(sql: string): void {
  otherFamilySql.push(sql);
}

/** The union of the person's entity ids (`@caseId`, `@personId`), or null when no module keeps any. */
export function personEntitiesSql(): string | null {
  return personEntitySql.length ? personEntitySql.join('\nUNION\n') : null;
}

/** The union of other families' names (`@caseId`), or null when no module mixes families. */
export function otherFamilyNamesSql(): string | null {
  return otherFamilySql.length ? otherFamilySql.join('\nUNION\n') : null;
}
