/**
 * The people who wrote a case's records (authors, lead worker, flag raisers ...). Their ids are
 * kept so every record stays attributed; a colleague who is not a user of the receiving vault is
 * added there as a disabled, read-only account that cannot sign in (no key slot), shown with
 * "(other service)" after their name. Existing users are never changed by a bundle.
 */
import { z } from 'zod';
import type { Db } from '../../db/connection';
import type { BundleModule } from '../registry';

export const userRecordSchema = z
  .object({ id: z.uuid(), version: z.literal(1), displayName: z.string().trim().min(1).max(100), caseId: z.uuid() })
  .strict();
export type UserRecord = z.infer<typeof userRecordSchema>;

/** Every user-id column that a case's records can refer to. */
const REFERENCES = `
  SELECT lead_worker_id AS u FROM cases WHERE id = @c UNION SELECT updated_by FROM cases WHERE id = @c
  UNION SELECT user_id FROM case_clinicians WHERE case_id = @c
  UNION SELECT consent_recorded_by FROM young_people WHERE case_id = @c
  UNION SELECT changed_by FROM case_status_history WHERE case_id = @c
  UNION SELECT updated_by FROM case_people WHERE case_id = @c
  UNION SELECT updated_by FROM case_paperwork WHERE case_id = @c
  UNION SELECT raised_by FROM flags WHERE case_id = @c UNION SELECT cleared_by FROM flags WHERE case_id = @c
  UNION SELECT updated_by FROM flags WHERE case_id = @c
  UNION SELECT owner_id FROM tasks WHERE case_id = @c UNION SELECT done_by FROM tasks WHERE case_id = @c
  UNION SELECT updated_by FROM tasks WHERE case_id = @c
  UNION SELECT author_id FROM notes WHERE case_id = @c UNION SELECT updated_by FROM notes WHERE case_id = @c
  UNION SELECT r.written_by FROM note_revisions r JOIN notes n ON n.id = r.note_id WHERE n.case_id = @c
  UNION SELECT r.replaced_by FROM note_revisions r JOIN notes n ON n.id = r.note_id WHERE n.case_id = @c
  UNION SELECT uploaded_by FROM documents WHERE case_id = @c UNION SELECT updated_by FROM documents WHERE case_id = @c
  UNION SELECT deleted_by FROM documents WHERE case_id = @c`;

/** A UUID as the vault writes them (lower case), anywhere in a record's JSON. */
const UUID_IN_TEXT = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** The carried shape of a user row. */
function carriedUsers(db: Db, ids: readonly string[], caseId: string): UserRecord[] {
  if (ids.length === 0) return [];
  const rows = db
    .prepare('SELECT id, display_name FROM users WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id')
    .all(JSON.stringify(ids)) as { id: string; display_name: string }[];
  return rows.map((u) => ({
    id: u.id,
    version: 1 as const,
    displayName: u.display_name.replace(/ \(other service\)$/, ''),
    caseId,
  }));
}

export const usersModule: BundleModule<UserRecord> = {
  name: 'users',
  schemaVersion: 1,
  schema: userRecordSchema,
  insertOnly: true,
  collect: (db, caseId) =>
    (
      db.prepare(`SELECT id, display_name FROM users WHERE id IN (${REFERENCES}) ORDER BY id`).all({ c: caseId }) as {
        id: string;
        display_name: string;
      }[]
    ).map((u) => ({
      id: u.id,
      version: 1 as const,
      displayName: u.display_name.replace(/ \(other service\)$/, ''),
      caseId,
    })),
  // Every user any carried record names, whatever its column is called (signers of sign-offs,
  // session authors, facilitators ...): ids are random UUIDs, so a value equal to a user's id is
  // that user. Without them the receiving vault refuses the import on its foreign keys.
  referencedBy: (db, caseId, others) =>
    carriedUsers(db, [...new Set(JSON.stringify(others).match(UUID_IN_TEXT) ?? [])], caseId),
  get: (db: Db, id) => {
    const row = db.prepare('SELECT id FROM users WHERE id = ?').get(id) as { id: string } | undefined;
    return row ? { id: row.id, version: 1, displayName: '', caseId: '' } : null;
  },
  belongsTo: (r, caseId) => r.caseId === caseId,
  insert(db, r, ctx) {
    db.prepare(
      `INSERT INTO users (id, username, display_name, role, created_at, disabled) VALUES (?, ?, ?, 'read-only', ?, 1)`,
    ).run(r.id, `x-${r.id.replace(/-/g, '').slice(0, 16)}`, `${r.displayName} (other service)`, ctx.now);
  },
  update: () => undefined,
};
