/**
 * The shared point of each record between vaults: the version and content hash last sent or
 * received in a bundle. Import compares the local record and the incoming one against it to
 * tell an update from a stale copy from a conflict.
 */
import type { RecordDecision } from '../../../preload/contract/bundles';
import { createHash } from 'node:crypto';
import type { Db } from '../db/connection';
import { canonicalJson } from './manifest';

export function contentHash(record: unknown): string {
  return createHash('sha256').update(canonicalJson(record), 'utf8').digest('hex');
}

export interface SyncBase {
  version: number;
  contentHash: string;
}

export function syncBase(db: Db, module: string, recordId: string): SyncBase | null {
  const row = db
    .prepare('SELECT version, content_hash FROM bundle_sync_state WHERE module = ? AND record_id = ?')
    .get(module, recordId) as { version: number; content_hash: string } | undefined;
  return row ? { version: row.version, contentHash: row.content_hash } : null;
}

export function setSyncBase(db: Db, module: string, recordId: string, base: SyncBase): void {
  db.prepare(
    `INSERT INTO bundle_sync_state (module, record_id, version, content_hash) VALUES (?, ?, ?, ?)
     ON CONFLICT (module, record_id) DO UPDATE SET version = excluded.version, content_hash = excluded.content_hash`,
  ).run(module, recordId, base.version, base.contentHash);
}

export type { RecordDecision } from '../../../preload/contract/bundles';

/**
 * What to do with an incoming record.
 * - no local copy: new;
 * - same content: unchanged;
 * - local unchanged since the shared version: update;
 * - incoming is the shared version (the other side did not change it): keep local;
 * - both changed since the shared version: conflict (both kept);
 * - never shared before: the higher version wins, equal versions with different content conflict.
 */
export function decide(
  local: { version: number; hash: string } | null,
  incoming: { version: number; hash: string },
  base: SyncBase | null,
): RecordDecision {
  if (!local) return 'new';
  if (local.hash === incoming.hash) return 'unchanged';
  if (base) {
    if (local.hash === base.contentHash) return 'update';
    if (incoming.hash === base.contentHash) return 'keep-local';
    return 'conflict';
  }
  if (incoming.version > local.version) return 'update';
  if (incoming.version < local.version) return 'keep-local';
  return 'conflict';
}
