/** SQL of psychometrics: the catalogue and the administrations. Synchronous; the caller holds the transaction. */
import type { Db } from '../db/connection';
import { stmt } from '../db/statements';
import {
  administrationRecord,
  instrumentRecord,
  type AdministrationRecordView,
  type AdministrationRow,
  type InstrumentRecordView,
  type InstrumentRow,
} from './psychometrics.records';

export type StoredInstrument = InstrumentRecordView & { updatedByName: string | null };
export type StoredAdministration = AdministrationRecordView & { administeredByName: string };

const USER_NAME = (column: string) => `(SELECT display_name FROM users u WHERE u.id = ${column})`;

export function listInstruments(db: Db, includeRetired: boolean): StoredInstrument[] {
  const rows = stmt(
    db,
    `SELECT ${instrumentRecord.select('i')}, ${USER_NAME('i.updated_by')} AS updated_by_name
     FROM psychometric_instruments i WHERE i.retired = 0 OR @includeRetired = 1
     ORDER BY i.retired, i.name COLLATE NOCASE, i.respondent, i.version_label`,
  ).all({ includeRetired: includeRetired ? 1 : 0 }) as (InstrumentRow & { updated_by_name: string | null })[];
  return rows.map((r) => ({ ...instrumentRecord.toView(r), updatedByName: r.updated_by_name }));
}

export function findInstrument(db: Db, id: string): StoredInstrument | null {
  const row = stmt(
    db,
    `SELECT ${instrumentRecord.select('i')}, ${USER_NAME('i.updated_by')} AS updated_by_name
     FROM psychometric_instruments i WHERE i.id = ?`,
  ).get(id) as (InstrumentRow & { updated_by_name: string | null }) | undefined;
  return row ? { ...instrumentRecord.toView(row), updatedByName: row.updated_by_name } : null;
}

/** Another current entry with the same name, respondent and version (the unique index's rule). */
export function findCurrentDuplicate(
  db: Db,
  entry: { name: string; respondent: string; versionLabel: string },
  exceptId: string | null,
): boolean {
  return (
    stmt(
      db,
      `SELECT 1 FROM psychometric_instruments WHERE retired = 0 AND name = @name COLLATE NOCASE
         AND respondent = @respondent AND version_label = @versionLabel COLLATE NOCASE AND id IS NOT @exceptId`,
    ).get({ ...entry, exceptId }) !== undefined
  );
}

export function insertInstrument(db: Db, view: InstrumentRecordView): void {
  stmt(db, instrumentRecord.insertSql()).run(instrumentRecord.toRow(view));
}

/** Replace an entry's fields if it is still at `expectedVersion`. False when it moved on. */
export function updateInstrument(db: Db, view: InstrumentRecordView, expectedVersion: number): boolean {
  const result = stmt(
    db,
    `UPDATE psychometric_instruments SET name = @name, respondent = @respondent, version_label = @version_label,
       scales = @scales, retired = @retired, updated_at = @updated_at, updated_by = @updated_by, version = version + 1
     WHERE id = @id AND version = @expected`,
  ).run({ ...instrumentRecord.toRow(view), expected: expectedVersion });
  return result.changes === 1;
}

export function listAdministrations(db: Db, caseId: string): StoredAdministration[] {
  const rows = stmt(
    db,
    `SELECT ${administrationRecord.select('a')}, ${USER_NAME('a.administered_by')} AS administered_by_name
     FROM psychometric_administrations a WHERE a.case_id = ?
     ORDER BY a.administered_on DESC, a.created_at DESC`,
  ).all(caseId) as (AdministrationRow & { administered_by_name: string | null })[];
  return rows.map((r) => ({ ...administrationRecord.toView(r), administeredByName: r.administered_by_name ?? '' }));
}

export function findAdministration(db: Db, id: string): StoredAdministration | null {
  const row = stmt(
    db,
    `SELECT ${administrationRecord.select('a')}, ${USER_NAME('a.administered_by')} AS administered_by_name
     FROM psychometric_administrations a WHERE a.id = ?`,
  ).get(id) as (AdministrationRow & { administered_by_name: string | null }) | undefined;
  return row ? { ...administrationRecord.toView(row), administeredByName: row.administered_by_name ?? '' } : null;
}

export function insertAdministration(db: Db, view: AdministrationRecordView): void {
  stmt(db, administrationRecord.insertSql()).run(administrationRecord.toRow(view));
}

/** The columns a correction may change: never the questionnaire, its copied scales or the case. */
const CORRECTED_COLUMNS = [
  'administered_on',
  'respondent_person_id',
  'respondent_name',
  'administered_by',
  'scores',
  'summary',
  'notes',
  'updated_at',
  'updated_by',
] as const;

/** Write a correction if the administration is still at `expectedVersion`. False when it moved on. */
export function updateAdministration(db: Db, view: AdministrationRecordView, expectedVersion: number): boolean {
  const row = administrationRecord.toRow(view);
  const params: Record<string, unknown> = { id: view.id, expected_version: expectedVersion };
  for (const c of CORRECTED_COLUMNS) params[c] = row[c];
  return stmt(db, administrationRecord.updateSql(CORRECTED_COLUMNS)).run(params).changes === 1;
}

/** Delete an administration if it is still at `expectedVersion`. False when it moved on or went. */
export function deleteAdministration(db: Db, id: string, expectedVersion: number): boolean {
  return (
    stmt(db, 'DELETE FROM psychometric_administrations WHERE id = ? AND version = ?').run(id, expectedVersion)
      .changes === 1
  );
}

/** A person of this case (for the respondent), or null. */
export function findCasePerson(db: Db, caseId: string, personId: string): { name: string; kind: string } | null {
  return (
    (stmt(db, 'SELECT name, kind FROM case_people WHERE id = ? AND case_id = ?').get(personId, caseId) as
      { name: string; kind: string } | undefined) ?? null
  );
}
