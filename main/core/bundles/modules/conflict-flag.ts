/**
 * How the case file shows bundle conflicts: one open flag on the case, "Bundle import conflict:
 * N records differ - review", kept up to date as more arrive, and cleared when the last one is
 * resolved. The flag is an ordinary flag (it shows on the caseload and in the chronology).
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/connection';
import { clearFlagRow, insertFlag } from '../../casework/flags.repo';
import type { ConflictHooks } from '../registry';

export const CONFLICT_FLAG_PREFIX = 'Bundle import conflict:';

export function conflictFlagReason(count: number): string {
  return `${CONFLICT_FLAG_PREFIX} ${count} ${count === 1 ? 'record differs' : 'records differ'} - review`;
}

function openConflictFlag(db: Db, caseId: string): string | null {
  const row = db
    .prepare(
      `SELECT id FROM flags WHERE case_id = ? AND cleared_at IS NULL AND reason LIKE ? ORDER BY raised_at LIMIT 1`,
    )
    .get(caseId, `${CONFLICT_FLAG_PREFIX}%`) as { id: string } | undefined;
  return row?.id ?? null;
}

export const conflictFlag: ConflictHooks = {
  raised(db, caseId, _count, ctx) {
    const open = (
      db
        .prepare('SELECT count(*) AS n FROM bundle_conflicts WHERE case_id = ? AND resolved_at IS NULL')
        .get(caseId) as {
        n: number;
      }
    ).n;
    const existing = openConflictFlag(db, caseId);
    if (existing) {
      db.prepare('UPDATE flags SET reason = ?, updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ?').run(
        conflictFlagReason(open),
        ctx.now,
        ctx.userId,
        existing,
      );
      return;
    }
    insertFlag(db, {
      id: randomUUID(),
      caseId,
      reason: conflictFlagReason(open),
      addressBy: null,
      at: ctx.now,
      by: ctx.userId,
    });
  },
  allResolved(db, caseId, ctx) {
    const existing = openConflictFlag(db, caseId);
    if (existing) clearFlagRow(db, existing, 'All bundle import conflicts were resolved.', ctx.now, ctx.userId);
  },
};
