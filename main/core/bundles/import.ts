/**
 * Import a bundle: preview what it would do, then apply it in one transaction. Documents are
 * staged (encrypted) while the file is read and become visible only when that transaction
 * commits; on any failure they are removed and the vault is exactly as before.
 */
import type { BundlePreviewView, SenderStatus } from '../../../preload/contract/bundles';
import { randomUUID } from 'node:crypto';
import { findColleagueBySigningKey } from '../keys/colleagues';
import { loadUserKeys } from '../keys/user-keys';
import type { OpenVault } from '../vault/vault';
import { BundleError } from './bundle-error';
import type { BundleLimits, Manifest } from './manifest';
import { readBundle, type BundleContents } from './read-bundle';
import { closeSuperseded } from './conflicts';
import { applyOrder, type AfterCommit, type ApplyContext, type BundleRecord, type BundleRegistry } from './registry';
import { contentHash, decide, setSyncBase, syncBase, type RecordDecision } from './sync-state';

/** How far the sender can be trusted. */
export type { SenderStatus } from '../../../preload/contract/bundles';

export interface ImportOptions {
  passphrase?: string;
  /** Needed for a sender who is not a verified colleague: the person has checked the fingerprint. */
  acceptUnverifiedSender?: boolean;
  limits?: Partial<BundleLimits>;
}

/** The preview shown before applying: the contract's view, built here. */
export type ImportPreview = BundlePreviewView;

export interface ImportResult {
  preview: ImportPreview;
  applied: boolean;
  /** The case's reference in this vault after the import (null when nothing was applied to a new case). */
  localReference: string | null;
}

function senderStatus(vault: OpenVault, manifest: Manifest): SenderStatus {
  const own = vault.db.prepare('SELECT 1 FROM user_keys WHERE signing_public = ?').get(manifest.sender.signingKey);
  if (own) return 'self';
  const colleague = findColleagueBySigningKey(vault.db, manifest.sender.signingKey);
  if (!colleague) return 'unknown';
  return colleague.status;
}

function checkSender(status: SenderStatus, manifest: Manifest, accept: boolean): void {
  if (status === 'revoked') {
    throw new BundleError(
      'sender-revoked',
      `The sender's key card (${manifest.sender.name}, ${manifest.sender.fingerprint}) has been revoked. The bundle was not imported.`,
    );
  }
  if ((status === 'unknown' || status === 'unverified') && !accept) {
    const who = status === 'unknown' ? 'is not in your colleague directory' : 'is in your directory but not verified';
    throw new BundleError(
      'sender-not-accepted',
      `The sender, ${manifest.sender.name} (${manifest.sender.service}), ${who}. Their fingerprint is ${manifest.sender.fingerprint}. ` +
        'Compare it with them by phone or in person, then accept the sender to import.',
    );
  }
}

const zeroCounts = (): Record<RecordDecision, number> => ({
  new: 0,
  update: 0,
  unchanged: 0,
  'keep-local': 0,
  conflict: 0,
});

interface Planned {
  module: string;
  record: BundleRecord;
  local: BundleRecord | null;
  decision: RecordDecision;
}

function plan(vault: OpenVault, registry: BundleRegistry, contents: BundleContents): Planned[] {
  const out: Planned[] = [];
  for (const module of applyOrder(registry.modules)) {
    for (const record of contents.records.get(module.name) ?? []) {
      const local = module.get(vault.db, record.id);
      const decided: RecordDecision =
        module.insertOnly && local
          ? 'unchanged'
          : decide(
              local ? { version: local.version, hash: contentHash(local) } : null,
              { version: record.version, hash: contentHash(record) },
              syncBase(vault.db, module.name, record.id),
            );
      // A record locked here (signed off) is never overwritten: the change waits as a conflict.
      const locked = decided === 'update' && local !== null && module.lockedBy?.(vault.db, record);
      // Nor is one the module cannot update in place (a document's content): a person chooses.
      const unmergeable =
        (decided === 'update' || decided === 'conflict') &&
        local !== null &&
        (module.mustConflict?.(vault.db, local, record) ?? false);
      const decision: RecordDecision = locked || unmergeable ? 'conflict' : decided;
      out.push({ module: module.name, record, local, decision });
    }
  }
  return out;
}

function buildPreview(
  vault: OpenVault,
  registry: BundleRegistry,
  contents: BundleContents,
  planned: Planned[],
  status: SenderStatus,
  documentsPresent: number,
): ImportPreview {
  const { manifest } = contents;
  const counts = zeroCounts();
  const byModule = new Map<string, Record<RecordDecision, number>>();
  for (const p of planned) {
    counts[p.decision] += 1;
    const m = byModule.get(p.module) ?? zeroCounts();
    m[p.decision] += 1;
    byModule.set(p.module, m);
  }
  const already =
    vault.db.prepare('SELECT 1 FROM bundle_imports WHERE bundle_id = ?').get(manifest.bundleId) !== undefined;
  const exists = registry.cases.exists(vault.db, manifest.case.id);
  const holder = exists ? null : registry.cases.findByReference(vault.db, manifest.case.reference);
  const referenceClash = holder !== null && holder.id !== manifest.case.id;
  return {
    bundleId: manifest.bundleId,
    caseId: manifest.case.id,
    caseReference: manifest.case.reference,
    caseAction: exists ? 'update' : 'new',
    localReference: exists
      ? (registry.cases.referenceOf?.(vault.db, manifest.case.id) ?? manifest.case.reference)
      : referenceClash
        ? null
        : manifest.case.reference,
    referenceClash,
    caseTitle: registry.cases.describe?.(contents.records) ?? null,
    alreadyImported: already,
    sender: {
      name: manifest.sender.name,
      service: manifest.sender.service,
      fingerprint: manifest.sender.fingerprint,
      status,
    },
    created: manifest.created,
    basis: manifest.basis,
    counts,
    documents: { new: manifest.counts.documents - documentsPresent, present: documentsPresent },
    modules: [...byModule].map(([module, c]) => ({ module, counts: c })),
  };
}

/**
 * Read, check and (unless `dryRun`) apply a bundle. A preview alone needs no acceptance of an
 * unknown sender (it shows the fingerprint); applying does.
 */
export async function importBundle(
  vault: OpenVault,
  registry: BundleRegistry,
  file: string,
  options: ImportOptions & { dryRun?: boolean },
): Promise<ImportResult> {
  // Never create keys here: a refused import must leave the vault exactly as it was.
  const keys = loadUserKeys(vault);
  const dryRun = options.dryRun ?? false;
  let status: SenderStatus = 'unknown';
  let documentsPresent = 0;
  let skipApply = false;
  let caseId = '';
  const store = registry.documents;
  const contents = await readBundle(file, registry, {
    identities: keys ? [keys.ageIdentity] : [],
    ...(options.passphrase !== undefined ? { passphrase: options.passphrase } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
    onManifest(manifest) {
      status = senderStatus(vault, manifest);
      caseId = manifest.case.id;
      skipApply =
        dryRun ||
        vault.db.prepare('SELECT 1 FROM bundle_imports WHERE bundle_id = ?').get(manifest.bundleId) !== undefined;
      if (!dryRun) checkSender(status, manifest, options.acceptUnverifiedSender ?? false);
      if (status === 'revoked') checkSender(status, manifest, false);
    },
    async documentSink(entry, body) {
      if (store?.has(vault.db, entry.documentId, entry.sha256)) {
        documentsPresent += 1;
        for await (const piece of body) void piece;
        return null;
      }
      if (skipApply || !store) {
        if (!store)
          throw new BundleError(
            'unknown-format',
            'The bundle holds documents, which this version of the app cannot store.',
          );
        for await (const piece of body) void piece;
        return null;
      }
      return store.stage(entry.documentId, { size: entry.size, sha256: entry.sha256, caseId }, body);
    },
  });
  const planned = plan(vault, registry, contents);
  const preview = buildPreview(vault, registry, contents, planned, status, documentsPresent);
  if (skipApply) {
    for (const blob of contents.staged) blob.discard();
    const localReference = registry.cases.exists(vault.db, preview.caseId)
      ? (registry.cases.referenceOf?.(vault.db, preview.caseId) ?? preview.caseReference)
      : null;
    return { preview, applied: false, localReference };
  }
  let afterCommit: AfterCommit[];
  try {
    afterCommit = apply(vault, registry, contents, planned, preview);
  } catch (err) {
    for (const blob of contents.staged) blob.discard();
    throw err;
  }
  for (const done of afterCommit) done();
  for (const blob of contents.staged) blob.committed?.();
  return {
    preview,
    applied: true,
    localReference: registry.cases.referenceOf?.(vault.db, preview.caseId) ?? preview.caseReference,
  };
}

function apply(
  vault: OpenVault,
  registry: BundleRegistry,
  contents: BundleContents,
  planned: Planned[],
  preview: ImportPreview,
): AfterCommit[] {
  const { manifest } = contents;
  const now = vault.now().toISOString();
  const ctx: ApplyContext = { userId: vault.user.id, now, bundleId: manifest.bundleId };
  let conflicts = 0;
  const afterCommit: AfterCommit[] = [];
  vault.db
    .transaction(() => {
      for (const p of planned) {
        const module = registry.modules.find((m) => m.name === p.module);
        if (!module) continue;
        if (p.decision === 'new') module.insert(vault.db, p.record, ctx);
        else if (p.decision === 'update') module.update(vault.db, p.record, ctx);
        else if (p.decision === 'conflict' && p.local) {
          conflicts += 1;
          // A newer bundle's conflict on the same record replaces an older unresolved one.
          afterCommit.push(...closeSuperseded(vault, module, p.record, ctx));
          vault.db
            .prepare(
              `UPDATE bundle_conflicts SET resolved_at = ?, resolved_by = ?, resolution = 'superseded'
               WHERE module = ? AND record_id = ? AND resolved_at IS NULL`,
            )
            .run(now, vault.user.id, p.module, p.record.id);
          vault.db
            .prepare(
              `INSERT INTO bundle_conflicts (id, bundle_id, case_id, module, record_id, local_version, local_record, incoming_version, incoming_record, created_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
            )
            .run(
              randomUUID(),
              manifest.bundleId,
              manifest.case.id,
              p.module,
              p.record.id,
              p.local.version,
              JSON.stringify(p.local),
              p.record.version,
              JSON.stringify(p.record),
              now,
            );
        }
        // The incoming version is now known to both sides, whatever was decided.
        setSyncBase(vault.db, p.module, p.record.id, { version: p.record.version, contentHash: contentHash(p.record) });
      }
      // After the records and conflicts, so a staged document can see whether a conflict keeps it.
      for (const blob of contents.staged) blob.commit(vault.db, ctx);
      if (conflicts > 0) registry.conflicts?.raised(vault.db, manifest.case.id, conflicts, ctx);
      const localReference = registry.cases.referenceOf?.(vault.db, manifest.case.id) ?? manifest.case.reference;
      vault.db
        .prepare(
          `INSERT INTO bundle_imports (bundle_id, case_id, case_reference, sender_name, sender_fingerprint, sender_status, imported_at, imported_by, summary)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          manifest.bundleId,
          manifest.case.id,
          manifest.case.reference,
          manifest.sender.name,
          manifest.sender.fingerprint,
          preview.sender.status,
          now,
          vault.user.id,
          JSON.stringify(preview.counts),
        );
      vault.audit({
        action: 'bundle.import',
        entityType: 'bundle',
        entityId: manifest.bundleId,
        caseId: manifest.case.id,
        detail: {
          caseReference: manifest.case.reference,
          localReference,
          sender: `${manifest.sender.name} (${manifest.sender.fingerprint})`,
          senderStatus: preview.sender.status,
          basis: manifest.basis,
          counts: preview.counts,
          documents: preview.documents,
        },
      });
    })
    .immediate();
  return afterCommit;
}
