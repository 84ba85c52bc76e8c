/**
 * "Choose a new password before you go on": after an administrator resets a user's password,
 * that user may sign in with the temporary password but do nothing except change it (or lock).
 * The rule is kept here and enforced in `ipc/access.ts` for every channel and byte route, so a
 * renderer that skipped the screen still could not read a case.
 */
import type { Db } from '../db/connection';

/** Channels a user who must change their password may still call (besides public ones). */
export const ALLOWED_WHILE_PASSWORD_CHANGE_REQUIRED: ReadonlySet<string> = new Set([
  'user:changePassword',
  'vault:lock',
  'session:touch',
  'policy:get',
]);

export const PASSWORD_CHANGE_REQUIRED_MESSAGE =
  'Your password was reset by an administrator. Choose a new password before you go on.';

export function passwordChangeRequired(db: Db, userId: string): boolean {
  return db.prepare('SELECT 1 FROM password_change_required WHERE user_id = ?').get(userId) !== undefined;
}

export function requirePasswordChange(db: Db, userId: string, by: string, at: string): void {
  db.prepare(
    `INSERT INTO password_change_required (user_id, required_at, required_by) VALUES (?, ?, ?)
     ON CONFLICT (user_id) DO UPDATE SET required_at = excluded.required_at, required_by = excluded.required_by`,
  ).run(userId, at, by);
}

export function clearPasswordChange(db: Db, userId: string): void {
  db.prepare('DELETE FROM password_change_required WHERE user_id = ?').run(userId);
}
