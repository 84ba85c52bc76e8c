/**
 * The case itself: the `cases` row with its young person, services, allocated clinicians and
 * paperwork checklist carried as one record (those tables are keyed by the case, not by ids of
 * their own), validated with the contract's field schemas.
 */
import { z } from 'zod';
import { isoDateSchema, serviceSchema } from '../../../../preload/contract/case-records';
import { formatNhsNumber } from '../../../../preload/contract/nhs-number';
import type { Db } from '../../db/connection';
import { initialsOf, phoneticKey, searchKey } from '../../cases/phonetic';
import { caseRecord, youngPersonRecord } from '../../cases/case.record';
import { nextReference } from '../../cases/cases.repo';
import type { BundleModule } from '../registry';
import { ukDate } from '../summary';
import { bit, nullableText, userRef } from './table-module';

const isoDateTime = z.string().min(10).max(40);

/** The young person's columns as they travel (without the case id, and the derived search keys). */
const youngPersonRowSchema = z.object(youngPersonRecord.storedSchemas(['case_id'])).strict();

/** The case's columns in the order a bundle has always carried them: the version after the id. */
const CASE_COLUMNS = ['id', 'version', ...caseRecord.except(['id', 'version'])] as const;

export const caseRecordSchema = z
  .object({
    id: caseRecord.columns.id.stored,
    version: caseRecord.columns.version.stored,
    ...caseRecord.storedSchemas(['id', 'version']),
    // Every case has its young person (a case is created with one): a record without is refused,
    // so the caseload's counts can read cases alone and still count what its pages list.
    youngPerson: youngPersonRowSchema,
    services: z.array(z.object({ service: serviceSchema, requested: bit, provided: bit }).strict()).max(10),
    clinicians: z.array(userRef).max(100),
    paperwork: z
      .array(
        z
          .object({
            type_id: z.string().regex(/^[a-z0-9_-]{1,64}$/),
            received_date: isoDateSchema.nullable(),
            notes: nullableText(2000),
            updated_at: isoDateTime,
            updated_by: userRef,
            version: z.int().min(1),
          })
          .strict(),
      )
      .max(200),
  })
  .strict();
export type CaseRecord = z.infer<typeof caseRecordSchema>;

const YP_COLUMNS = Object.keys(youngPersonRowSchema.shape);

function load(db: Db, id: string): CaseRecord | null {
  const row = db.prepare(`SELECT ${CASE_COLUMNS.join(', ')} FROM cases WHERE id = ?`).get(id) as
    Omit<CaseRecord, 'youngPerson' | 'services' | 'clinicians' | 'paperwork'> | undefined;
  if (!row) return null;
  const yp = db.prepare(`SELECT ${YP_COLUMNS.join(', ')} FROM young_people WHERE case_id = ?`).get(id) as
    CaseRecord['youngPerson'] | undefined;
  if (!yp) throw new Error(`Case ${row.reference} has no young person recorded; it cannot be put in a bundle.`);
  return {
    ...row,
    youngPerson: yp,
    services: db
      .prepare('SELECT service, requested, provided FROM case_services WHERE case_id = ? ORDER BY service')
      .all(id) as CaseRecord['services'],
    clinicians: (
      db.prepare('SELECT user_id FROM case_clinicians WHERE case_id = ? ORDER BY user_id').all(id) as {
        user_id: string;
      }[]
    ).map((r) => r.user_id),
    paperwork: db
      .prepare(
        'SELECT type_id, received_date, notes, updated_at, updated_by, version FROM case_paperwork WHERE case_id = ? ORDER BY type_id',
      )
      .all(id) as CaseRecord['paperwork'],
  };
}

/** Write the parts keyed by the case: replaced whole, since the record carries them whole. */
function writeParts(db: Db, r: CaseRecord): void {
  db.prepare('DELETE FROM young_people WHERE case_id = ?').run(r.id);
  const yp = r.youngPerson;
  const search = {
    search_given: searchKey(yp.given_name ?? ''),
    search_family: searchKey(yp.family_name ?? ''),
    search_la: searchKey(yp.local_authority ?? ''),
    phon_given: phoneticKey(yp.given_name ?? ''),
    phon_family: phoneticKey(yp.family_name ?? ''),
  };
  const cols = ['case_id', ...YP_COLUMNS, ...Object.keys(search)];
  db.prepare(`INSERT INTO young_people (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run({
    case_id: r.id,
    ...yp,
    initials: yp.initials || initialsOf(yp.given_name, yp.family_name),
    ...search,
  });
  db.prepare('DELETE FROM case_services WHERE case_id = ?').run(r.id);
  for (const s of r.services)
    db.prepare('INSERT INTO case_services (case_id, service, requested, provided) VALUES (?, ?, ?, ?)').run(
      r.id,
      s.service,
      s.requested,
      s.provided,
    );
  db.prepare('DELETE FROM case_clinicians WHERE case_id = ?').run(r.id);
  for (const u of r.clinicians) db.prepare('INSERT INTO case_clinicians (case_id, user_id) VALUES (?, ?)').run(r.id, u);
  db.prepare('DELETE FROM case_paperwork WHERE case_id = ?').run(r.id);
  for (const p of r.paperwork) {
    db.prepare(
      'INSERT OR IGNORE INTO paperwork_item_types (id, name, required, sort_order) VALUES (?, ?, 0, 1000)',
    ).run(p.type_id, p.type_id.replace(/[_-]/g, ' '));
    db.prepare(
      'INSERT INTO case_paperwork (case_id, type_id, received_date, notes, updated_at, updated_by, version) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run(r.id, p.type_id, p.received_date, p.notes, p.updated_at, p.updated_by, p.version);
  }
}

function caseParams(r: CaseRecord): Record<string, unknown> {
  return Object.fromEntries(CASE_COLUMNS.map((c) => [c, r[c]]));
}

export const caseModule: BundleModule<CaseRecord> = {
  name: 'case',
  schemaVersion: 1,
  schema: caseRecordSchema,
  after: ['users'],
  collect: (db, caseId) => {
    const r = load(db, caseId);
    return r ? [r] : [];
  },
  get: load,
  belongsTo: (r, caseId) => r.id === caseId,
  insert(db, r) {
    // A different case here already has the sender's number (each vault numbers its own cases):
    // the incoming case gets the next free local number. It keeps its UUID, so every later
    // bundle of the same case updates this one; the sender's reference stays in bundle_imports
    // and shows in the chronology.
    // A reference of a case disposed of here is never given again (m0200), so that is a clash too.
    const clash = db
      .prepare(
        `SELECT id FROM cases WHERE reference = @reference OR (ref_year = @year AND ref_seq = @seq)
         UNION ALL SELECT id FROM disposal_tombstones WHERE reference = @reference`,
      )
      .get({ reference: r.reference, year: r.ref_year, seq: r.ref_seq });
    const local = clash ? nextReference(db, r.ref_year) : { reference: r.reference, seq: r.ref_seq };
    db.prepare(
      `INSERT INTO cases (${CASE_COLUMNS.join(', ')}) VALUES (${CASE_COLUMNS.map((c) => `@${c}`).join(', ')})`,
    ).run({ ...caseParams(r), reference: local.reference, ref_seq: local.seq });
    writeParts(db, r);
  },
  update(db, r) {
    // The local reference is kept: it is how people here know the case.
    const set = CASE_COLUMNS.filter((c) => !['id', 'reference', 'ref_year', 'ref_seq'].includes(c))
      .map((c) => `${c} = @${c}`)
      .join(', ');
    db.prepare(`UPDATE cases SET ${set} WHERE id = @id`).run(caseParams(r));
    writeParts(db, r);
  },
  summarise(records) {
    return records.map((r) => {
      const yp = r.youngPerson;
      const name = yp ? [yp.given_name, yp.family_name].filter(Boolean).join(' ') || yp.initials : 'not recorded';
      return {
        heading: `Case ${r.reference}`,
        lines: [
          `Young person: ${name}${yp?.date_of_birth ? `, born ${ukDate(yp.date_of_birth)}` : ''}; age at referral ${r.age_at_referral}.`,
          `Status: ${r.status}. Referred on ${ukDate(r.referral_date)}${r.referral_source ? ` by ${r.referral_source}` : ''}.`,
          ...(r.referral_reason ? [`Reason for referral: ${r.referral_reason}`] : []),
          ...(yp
            ? [
                `Legal status: ${yp.legal_status?.replace(/_/g, ' ') ?? 'not answered'}. Placement: ${yp.placement?.replace(/_/g, ' ') ?? 'not recorded'}. Local authority: ${yp.local_authority ?? 'not recorded'}.`,
                `NHS number: ${yp.nhs_number ? formatNhsNumber(yp.nhs_number) : 'not recorded'}. Consent and information sharing: ${yp.consent_status?.replace(/_/g, ' ') ?? 'not answered'}${yp.consent_date ? ` (${ukDate(yp.consent_date)})` : ''}.`,
              ]
            : []),
          `Services: ${r.services.map((s) => `${s.service.replace(/_/g, ' ')}${s.provided ? ' (provided)' : s.requested ? ' (requested)' : ''}`).join(', ') || 'none recorded'}.`,
          ...(r.assessment_due_date ? [`Assessment due by ${ukDate(r.assessment_due_date)}.`] : []),
          ...(r.closing_summary ? [`Closing summary: ${r.closing_summary}`] : []),
        ],
      };
    });
  },
};

/** Find a case by its reference, for export. */
export const caseLocator = {
  findByReference: (db: Db, reference: string) =>
    (db.prepare('SELECT id, reference FROM cases WHERE reference = ?').get(reference.trim().toUpperCase()) as
      { id: string; reference: string } | undefined) ?? null,
  exists: (db: Db, caseId: string) => db.prepare('SELECT 1 FROM cases WHERE id = ?').get(caseId) !== undefined,
  describe: (records: ReadonlyMap<string, readonly { id: string }[]>) => {
    const parsed = caseRecordSchema.safeParse(records.get('case')?.[0]);
    const yp = parsed.success ? parsed.data.youngPerson : null;
    if (!yp) return null;
    const name = [yp.given_name, yp.family_name].filter(Boolean).join(' ') || yp.initials;
    return `${name}${yp.date_of_birth ? `, born ${ukDate(yp.date_of_birth)}` : ''}`;
  },
  referenceOf: (db: Db, caseId: string) =>
    (db.prepare('SELECT reference FROM cases WHERE id = ?').get(caseId) as { reference: string } | undefined)
      ?.reference ?? null,
};
