/**
 * What the app's bundle channels do, over the core functions (export, import, conflicts) and
 * the vault folder's inbox and outbox. Files are named here from UUIDs only.
 */
import type { ChannelParsedInput } from '../../../preload/contract';
import type {
  BundleApplyView,
  BundleContentsView,
  BundleExportView,
  BundlePreviewResult,
} from '../../../preload/contract/bundles';
import { requireCase } from '../cases/cases.service';
import { AppError } from '../errors';
import type { OpenVault } from '../vault/vault';
import {
  boxPath,
  ensureBox,
  existingBoxPath,
  isPassphraseBundle,
  removeBoxFile,
  sweepBundleFiles,
} from './bundle-files';
import { exportBundle, type ExportRecipient } from './export';
import { importBundle } from './import';
import { BUNDLE_EXTENSION } from './manifest';
import { caseFileRegistry } from './modules/index';
import type { BundlePolicy } from './policy';

/** Parts that always travel: the case itself and the people named in its records. */
const ALWAYS = ['users', 'case'];
/** Parts chosen together: a note's earlier versions go with it. */
const WITH: Record<string, string[]> = { notes: ['note-revisions'] };
/** Parts not offered as a choice (they always go, or go with another, or are listed per file). */
const NOT_CHOSEN = new Set([...ALWAYS, 'note-revisions', 'documents']);

const SWEEP_EVERY_MS = 60 * 60 * 1000;
const lastSweep = new Map<string, number>();

/**
 * Remove inbox and outbox files older than a day, at most once an hour per vault. Rides on the
 * bundle channels and routes (the first one after unlocking sweeps at once).
 */
export function housekeeping(vault: OpenVault, now = Date.now()): void {
  const last = lastSweep.get(vault.dir) ?? 0;
  if (now - last < SWEEP_EVERY_MS) return;
  lastSweep.set(vault.dir, now);
  sweepBundleFiles(vault.dir, now);
}

function displayName(vault: OpenVault, caseId: string): string {
  const row = vault.db
    .prepare('SELECT given_name, family_name, initials FROM young_people WHERE case_id = ?')
    .get(caseId) as { given_name: string | null; family_name: string | null; initials: string } | undefined;
  if (!row) return '';
  return [row.given_name, row.family_name].filter(Boolean).join(' ') || row.initials;
}

/** What could go into a bundle of this case. Audited as a read of the case. */
export function bundleContents(vault: OpenVault, caseId: string): BundleContentsView {
  const c = requireCase(vault.db, caseId);
  const registry = caseFileRegistry(vault);
  const parts = registry.modules
    .filter((m) => !NOT_CHOSEN.has(m.name))
    .map((m) => {
      const all = m.collect(vault.db, caseId, { includeThirdPartySensitive: true }).length;
      const plain = m.collect(vault.db, caseId, { includeThirdPartySensitive: false }).length;
      return { module: m.name, count: all, thirdParty: all - plain };
    });
  const documents = vault.db
    .prepare(
      `SELECT id, title, original_filename AS originalFilename, size_bytes AS sizeBytes, third_party AS thirdParty
       FROM documents WHERE case_id = ? AND deleted_at IS NULL ORDER BY uploaded_at, id`,
    )
    .all(caseId) as (Omit<BundleContentsView['documents'][number], 'thirdParty'> & { thirdParty: 0 | 1 })[];
  vault.audit({
    action: 'case.read',
    entityType: 'case',
    entityId: caseId,
    caseId,
    detail: { view: 'bundle-contents' },
  });
  return {
    caseId,
    reference: c.reference,
    displayName: displayName(vault, caseId),
    parts,
    documents: documents.map((d) => ({ ...d, thirdParty: d.thirdParty === 1 })),
  };
}

export function outboxFileName(reference: string, created: Date): string {
  return `${reference}-${created.toISOString().slice(0, 10)}${BUNDLE_EXTENSION}`;
}

/** Export a case into the vault's outbox. */
export async function exportToOutbox(
  vault: OpenVault,
  policy: BundlePolicy,
  input: ChannelParsedInput<'bundle:export'>,
): Promise<BundleExportView> {
  housekeeping(vault);
  const c = requireCase(vault.db, input.caseId);
  const recipients: ExportRecipient[] = [
    ...(input.recipients?.colleagueIds ?? []).map((id): ExportRecipient => ({ kind: 'colleague', nameOrId: id })),
    ...(input.recipients?.raw ?? []).map((recipient): ExportRecipient => ({ kind: 'raw', recipient })),
  ];
  const chosen = input.include.modules;
  const modules = chosen ? [...new Set([...ALWAYS, ...chosen, ...chosen.flatMap((m) => WITH[m] ?? [])])] : undefined;
  ensureBox(vault.dir, 'outbox');
  const result = await exportBundle(vault, caseFileRegistry(vault), {
    caseReference: c.reference,
    ...(input.passphrase !== undefined ? { passphrase: input.passphrase } : { recipients }),
    allowPassphrase: policy.allowPassphrase,
    basis: input.basis,
    ...(modules ? { modules } : {}),
    ...(input.include.documentIds ? { documentIds: input.include.documentIds } : {}),
    includeThirdPartySensitive: input.include.thirdParty,
    outFile: (bundleId) => boxPath(vault.dir, 'outbox', bundleId),
  });
  return {
    bundleId: result.bundleId,
    caseReference: result.caseReference,
    fileName: outboxFileName(result.caseReference, vault.now()),
    records: result.records,
    documents: result.documents,
    documentBytes: result.documentBytes,
    recipients: result.recipients,
  };
}

/** Check an uploaded bundle and say what it would do; a passphrase bundle first asks for it. */
export async function previewUpload(
  vault: OpenVault,
  inboxId: string,
  passphrase: string | undefined,
): Promise<BundlePreviewResult> {
  housekeeping(vault);
  const path = existingBoxPath(vault.dir, 'inbox', inboxId);
  if (passphrase === undefined && isPassphraseBundle(path)) return { state: 'passphrase-needed' };
  const result = await importBundle(vault, caseFileRegistry(vault), path, {
    ...(passphrase !== undefined ? { passphrase } : {}),
    dryRun: true,
  });
  return { state: 'ready', preview: result.preview };
}

/** Apply an uploaded bundle, then remove the upload. A refused one stays until discarded or swept. */
export async function applyUpload(
  vault: OpenVault,
  input: ChannelParsedInput<'bundle:apply'>,
): Promise<BundleApplyView> {
  const path = existingBoxPath(vault.dir, 'inbox', input.inboxId);
  if (input.passphrase === undefined && isPassphraseBundle(path)) {
    throw new AppError('INVALID_INPUT', 'This bundle is protected by a passphrase. Enter the passphrase first.');
  }
  const result = await importBundle(vault, caseFileRegistry(vault), path, {
    ...(input.passphrase !== undefined ? { passphrase: input.passphrase } : {}),
    acceptUnverifiedSender: input.acceptUnknownSender,
  });
  removeBoxFile(vault.dir, 'inbox', input.inboxId);
  return {
    caseId: result.preview.caseId,
    localReference: result.localReference,
    applied: result.applied,
    conflicts: result.applied ? result.preview.counts.conflict : 0,
  };
}

export function discardUpload(vault: OpenVault, inboxId: string): void {
  removeBoxFile(vault.dir, 'inbox', inboxId);
  housekeeping(vault);
}
