/**
 * The last scheduled (or "Back up now") attempt, kept in the vault so that a failure still
 * warns the administrator after the app restarts: otherwise a full disk found at 2 a.m. would be
 * forgotten by the morning's start, and the screen would show only "next backup due".
 *
 * Where: the vault's `settings` table (one row, `backup.lastAttempt`), beside the `backups`
 * history the status is read from. A machine fact, not case data: a time, whether it worked, and
 * the reason in words (a folder that is not there, a disk that is full), never a case's
 * contents. Kept there rather than in a table of its own because one row is all there is to
 * keep (no migration); the `backup.failed` audit rows keep the history.
 */
import { z } from 'zod';
import type { BackupAttemptView, BackupView } from '../../../preload/contract/backup';
import type { Db } from '../db/connection';

export const LAST_ATTEMPT_SETTING = 'backup.lastAttempt';

/** The longest reason kept: the scheduler's sentences are far shorter; a stray stack is cut. */
export const MAX_REASON_LENGTH = 500;

const attemptSchema = z
  .object({ at: z.iso.datetime(), ok: z.boolean(), reason: z.string().max(MAX_REASON_LENGTH).optional() })
  .strict();

/** The attempt as it is stored: only the three fields, the reason cut to its maximum. */
function toStored(attempt: BackupAttemptView): BackupAttemptView {
  return {
    at: attempt.at,
    ok: attempt.ok,
    ...(attempt.ok || attempt.reason === undefined ? {} : { reason: attempt.reason.slice(0, MAX_REASON_LENGTH) }),
  };
}

/** Keep `attempt` as the last; call inside the transaction that writes its audit row, if any. */
export function saveBackupAttempt(db: Db, attempt: BackupAttemptView): void {
  db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(LAST_ATTEMPT_SETTING, JSON.stringify(toStored(attempt)));
}

/** The last attempt kept, or null: none yet, or a value that is not one (it is then ignored). */
export function savedBackupAttempt(db: Db): BackupAttemptView | null {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(LAST_ATTEMPT_SETTING) as
    { value: string } | undefined;
  if (!row) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(row.value);
  } catch {
    return null;
  }
  const attempt = attemptSchema.safeParse(parsed);
  return attempt.success ? attempt.data : null;
}

/**
 * The attempt the screen should report, given the newest backup in the history. A failure
 * older than that backup is over: a backup made since (by `ncats backup`, or the one a restored
 * vault came from, whose copy of this row predates it) shows the problem was mended. One at the
 * same instant is still reported: better a warning too many than a failure hidden.
 */
export function attemptInForce(attempt: BackupAttemptView | null, last: BackupView | null): BackupAttemptView | null {
  if (!attempt || attempt.ok || !last) return attempt;
  return Date.parse(attempt.at) >= Date.parse(last.takenAt) ? attempt : null;
}
