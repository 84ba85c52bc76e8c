/**
 * Conflicts left by an import: a record both sides changed since they last shared it, or a
 * document whose content differs from ours. The local version stays in force until a person
 * chooses, for each one, to keep theirs here ("keep mine"), to take the sender's ("take
 * theirs") or, where the module offers it (documents), to keep both. Each choice is audited;
 * when the last open conflict of a case is resolved the registry is told (the case file clears
 * its flag). A module with its own `conflicts` handler closes its conflicts itself (documents
 * drop or adopt the sender's staged content); files it removes go only after the commit.
 */
import type { ConflictView } from '../../../preload/contract/bundles';
import { AppError } from '../errors';
import type { OpenVault } from '../vault/vault';
import { canonicalJson } from './manifest';
import type {
  AfterCommit,
  ApplyContext,
  BundleModule,
  BundleRecord,
  BundleRegistry,
  ClosingConflict,
} from './registry';

export type ConflictResolution = 'keep-mine' | 'take-theirs' | 'keep-both';

export type { ConflictView } from '../../../preload/contract/bundles';
export type ConflictDifference = ConflictView['differences'][number];

/** A `bundle_conflicts` row with its bundle's sender. */
export interface StoredConflict {
  id: string;
  bundle_id: string;
  case_id: string;
  module: string;
  record_id: string;
  local_version: number;
  local_record: string;
  incoming_version: number;
  incoming_record: string;
  created_at: string;
  resolved_at: string | null;
  sender_name: string | null;
}

const HIDDEN_FIELDS = new Set(['id', 'version', 'case_id', 'caseId']);
const MAX_SHOWN = 300;

function shown(value: unknown): string {
  const text =
    value === null || value === undefined ? '(empty)' : typeof value === 'string' ? value : canonicalJson(value);
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
}

/** The fields that differ between two versions of a record, in a stable order. */
export function differences(mine: Record<string, unknown>, theirs: Record<string, unknown>): ConflictDifference[] {
  const fields = [...new Set([...Object.keys(mine), ...Object.keys(theirs)])]
    .filter((f) => !HIDDEN_FIELDS.has(f))
    .sort();
  return fields
    .filter((f) => canonicalJson(mine[f] ?? null) !== canonicalJson(theirs[f] ?? null))
    .map((f) => ({ field: f, mine: shown(mine[f]), theirs: shown(theirs[f]) }));
}

const SELECT = `SELECT c.*, i.sender_name FROM bundle_conflicts c LEFT JOIN bundle_imports i ON i.bundle_id = c.bundle_id`;

function view(registry: BundleRegistry, vault: OpenVault, row: StoredConflict): ConflictView {
  const module = registry.modules.find((m) => m.name === row.module);
  // Compare with the record as it is now (it may have been edited since the import).
  const current = module?.get(vault.db, row.record_id) ?? (JSON.parse(row.local_record) as BundleRecord);
  const incoming = JSON.parse(row.incoming_record) as BundleRecord;
  return {
    id: row.id,
    caseId: row.case_id,
    module: row.module,
    recordId: row.record_id,
    bundleId: row.bundle_id,
    senderName: row.sender_name,
    createdAt: row.created_at,
    localVersion: current.version,
    incomingVersion: row.incoming_version,
    differences: differences(
      current as unknown as Record<string, unknown>,
      incoming as unknown as Record<string, unknown>,
    ),
    keepBoth: module?.conflicts?.offersKeepBoth(vault.db, closingConflict(row)) ?? false,
    ...lockedNote(vault, module, incoming),
  };
}

export function closingConflict(row: StoredConflict): ClosingConflict {
  return {
    id: row.id,
    bundleId: row.bundle_id,
    caseId: row.case_id,
    recordId: row.record_id,
    senderName: row.sender_name,
    createdAt: row.created_at,
  };
}

/**
 * Inside an import's transaction: let the module drop what it kept for the open conflicts on
 * this record, which the newer bundle's conflict is about to supersede.
 */
export function closeSuperseded(
  vault: OpenVault,
  module: BundleModule,
  record: BundleRecord,
  ctx: ApplyContext,
): AfterCommit[] {
  if (!module.conflicts) return [];
  const open = vault.db
    .prepare(`${SELECT} WHERE c.module = ? AND c.record_id = ? AND c.resolved_at IS NULL`)
    .all(module.name, record.id) as StoredConflict[];
  const out: AfterCommit[] = [];
  for (const row of open) {
    const done = module.conflicts.close(vault.db, closingConflict(row), 'superseded', record, ctx);
    if (done) out.push(done);
  }
  return out;
}

/** Why the local record cannot take the sender's version (see `BundleModule.lockedBy`). */
function lockedNote(vault: OpenVault, module: BundleModule | undefined, incoming: BundleRecord): { locked?: string } {
  const why = module?.lockedBy?.(vault.db, incoming);
  return why ? { locked: why } : {};
}

/** The open conflicts of a case, oldest first. Audited as a read of the case. */
export function listConflicts(vault: OpenVault, registry: BundleRegistry, caseId: string): ConflictView[] {
  const rows = vault.db
    .prepare(`${SELECT} WHERE c.case_id = ? AND c.resolved_at IS NULL ORDER BY c.created_at, c.module, c.record_id`)
    .all(caseId) as StoredConflict[];
  vault.audit({
    action: 'case.read',
    entityType: 'case',
    entityId: caseId,
    caseId,
    detail: { view: 'bundle-conflicts' },
  });
  return rows.map((r) => view(registry, vault, r));
}

/** Resolve one conflict; returns the case's conflicts still open. */
export function resolveConflict(
  vault: OpenVault,
  registry: BundleRegistry,
  conflictId: string,
  resolution: ConflictResolution,
): { caseId: string; remaining: number } {
  const row = vault.db.prepare(`${SELECT} WHERE c.id = ?`).get(conflictId) as StoredConflict | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'That conflict does not exist.');
  if (row.resolved_at) throw new AppError('CONFLICT', 'That conflict has already been resolved.');
  const module = registry.modules.find((m) => m.name === row.module);
  if (!module)
    throw new AppError('INTERNAL', `Records of kind "${row.module}" cannot be changed by this version of the app.`);
  const incoming = module.schema.safeParse(JSON.parse(row.incoming_record));
  if (!incoming.success) throw new AppError('VAULT_CORRUPT', 'The stored copy of the sender’s version is damaged.');
  const locked = resolution === 'take-theirs' ? module.lockedBy?.(vault.db, incoming.data) : null;
  if (locked)
    throw new AppError('INVALID_INPUT', `${locked} Keep yours, and add an addendum if the sender’s change is needed.`);
  const closing = closingConflict(row);
  if (resolution === 'keep-both' && !module.conflicts?.offersKeepBoth(vault.db, closing))
    throw new AppError('INVALID_INPUT', 'Keeping both versions is offered only for a document whose content differs.');
  const now = vault.now().toISOString();
  const ctx = { userId: vault.user.id, now, bundleId: row.bundle_id };
  const afterCommit: AfterCommit[] = [];
  const result = vault.db
    .transaction(() => {
      if (module.conflicts) {
        const done = module.conflicts.close(vault.db, closing, resolution, incoming.data, ctx);
        if (done) afterCommit.push(done);
      } else if (resolution === 'take-theirs') {
        if (module.get(vault.db, row.record_id)) module.update(vault.db, incoming.data, ctx);
        else module.insert(vault.db, incoming.data, ctx);
      }
      vault.db
        .prepare('UPDATE bundle_conflicts SET resolved_at = ?, resolved_by = ?, resolution = ? WHERE id = ?')
        .run(now, vault.user.id, resolution, row.id);
      vault.audit({
        action: 'bundle.conflict.resolve',
        entityType: row.module,
        entityId: row.record_id,
        caseId: row.case_id,
        detail: { conflictId: row.id, bundleId: row.bundle_id, resolution },
      });
      const remaining = (
        vault.db
          .prepare('SELECT count(*) AS n FROM bundle_conflicts WHERE case_id = ? AND resolved_at IS NULL')
          .get(row.case_id) as { n: number }
      ).n;
      if (remaining === 0) registry.conflicts?.allResolved(vault.db, row.case_id, ctx);
      return { caseId: row.case_id, remaining };
    })
    .immediate();
  // Only now that the choice is committed: a file removed before would leave a row without it.
  for (const done of afterCommit) done();
  return result;
}
