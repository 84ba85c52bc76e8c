import { createHash } from 'node:crypto';
import type { Db } from '../db/connection';
import type { AuditVerification } from '../../../preload/contract';

/** The hash a chain starts from. */
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  at: string;
  userId: string | null;
  username: string | null;
  action: string;
  entityType?: string | null;
  entityId?: string | null;
  caseId?: string | null;
  detail?: Record<string, unknown>;
}

interface AuditRow {
  seq: number;
  at: string;
  user_id: string | null;
  username: string | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  case_id: string | null;
  detail: string;
  prev_hash: string;
  hash: string;
}

/**
 * The hash of a row covers its sequence number, the previous row's hash and every field, in a
 * fixed order. Editing a field, deleting a row or swapping two rows all break the chain.
 */
export function rowHash(row: Omit<AuditRow, 'hash'>): string {
  const canonical = JSON.stringify([
    row.seq,
    row.prev_hash,
    row.at,
    row.user_id,
    row.username,
    row.action,
    row.entity_type,
    row.entity_id,
    row.case_id,
    row.detail,
  ]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

/**
 * Append one entry. Call inside the transaction that makes the change being recorded, so the
 * record and its audit row commit or roll back together.
 */
export function appendAudit(db: Db, entry: AuditEntry): void {
  const last = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
    { seq: number; hash: string } | undefined;
  const row: Omit<AuditRow, 'hash'> = {
    seq: (last?.seq ?? 0) + 1,
    prev_hash: last?.hash ?? GENESIS_HASH,
    at: entry.at,
    user_id: entry.userId,
    username: entry.username,
    action: entry.action,
    entity_type: entry.entityType ?? null,
    entity_id: entry.entityId ?? null,
    case_id: entry.caseId ?? null,
    detail: JSON.stringify(entry.detail ?? {}),
  };
  db.prepare(
    `INSERT INTO audit_log (seq, at, user_id, username, action, entity_type, entity_id, case_id, detail, prev_hash, hash)
     VALUES (@seq, @at, @user_id, @username, @action, @entity_type, @entity_id, @case_id, @detail, @prev_hash, @hash)`,
  ).run({ ...row, hash: rowHash(row) });
}

/**
 * Walk the whole chain in sequence order. Reports the first row whose hash does not match its
 * content, whose link does not match the row before, or whose sequence number skips.
 * Truncating the newest rows is not detectable from the chain alone (anyone holding the key
 * could rewrite it whole); the chain catches partial edits made outside the app.
 */
export function verifyAuditChain(db: Db): AuditVerification {
  let expectedPrev = GENESIS_HASH;
  let expectedSeq = 1;
  let rowsChecked = 0;
  for (const row of db.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as IterableIterator<AuditRow>) {
    if (row.seq !== expectedSeq) {
      return { ok: false, rowsChecked, problem: `Row ${expectedSeq} is missing (next row found is ${row.seq}).` };
    }
    if (row.prev_hash !== expectedPrev) {
      return {
        ok: false,
        rowsChecked,
        problem: `Row ${row.seq} does not link to the row before it: rows were removed or reordered.`,
      };
    }
    const { hash, ...rest } = row;
    if (rowHash(rest) !== hash) {
      return { ok: false, rowsChecked, problem: `Row ${row.seq} was altered after it was written.` };
    }
    expectedPrev = hash;
    expectedSeq += 1;
    rowsChecked += 1;
  }
  return { ok: true, rowsChecked, problem: null };
}
