/**
 * What of the consultations module travels in a case's bundle: the case's consultations, and the
 * sign-off of its reports (signed versions and addenda, which never change once written). Batch
 * agreements and their sessions are the service's own records and never travel with a case.
 * Columns come from the record definitions, so a column added to a table travels with it.
 */
import { tableModule } from '../bundles/modules/table-module';
import { addendumRecord, signoffRecord } from '../reports/signoff/signoff';
import { ukDate } from '../reports/format';
import { signedOffLock } from '../reports/signoff/signoff-lock';
import { consultationRecord } from './consultations.records';
import { CONSULTATION_SUBJECT } from './consultations.service';

const CARRIED_ELSEWHERE = ['id', 'version', 'case_id'];

export const consultationsModule = tableModule({
  name: 'consultations',
  table: consultationRecord.table,
  schemaVersion: 1,
  after: ['case', 'people', 'documents'],
  columns: consultationRecord.storedSchemas(CARRIED_ELSEWHERE),
  order: 't.meeting_date, t.id',
  // A consultation signed off here keeps its content: a bundle's change waits as a conflict.
  lockedBy: (db, r) => signedOffLock(db, { kind: CONSULTATION_SUBJECT, id: r.id }, 'consultation'),
  summarise: (rows) => [
    {
      heading: `Consultations (${rows.length})`,
      lines: rows.map((r) => `${ukDate(String(r.meeting_date))}: ${String(r.suitability).replace(/_/g, ' ')}`),
    },
  ],
});

/** Signed versions of any report of the case (generic sign-off), history only. */
export const reportSignoffsModule = tableModule({
  name: 'report-signoffs',
  table: signoffRecord.table,
  schemaVersion: 1,
  after: ['case', 'consultations'],
  immutable: true,
  columns: signoffRecord.storedSchemas(CARRIED_ELSEWHERE),
  order: 't.subject_id, t.signed_version',
});

/** Addenda to signed reports, history only. */
export const reportAddendaModule = tableModule({
  name: 'report-addenda',
  table: addendumRecord.table,
  schemaVersion: 1,
  after: ['case', 'consultations'],
  immutable: true,
  columns: addendumRecord.storedSchemas(CARRIED_ELSEWHERE),
  order: 't.written_at, t.id',
});

/** The module's entries in the case-file bundle registry, in apply order. */
export const consultationBundleModules = [consultationsModule, reportSignoffsModule, reportAddendaModule] as const;
