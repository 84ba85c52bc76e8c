/**
 * Export a case as a `.ncatsbundle`: an age file whose plaintext is a tar archive of
 * manifest.json, manifest.sig, records/*.json, summary.pdf and documents/*. Documents are
 * streamed from the document store through the tar writer into age and onto the disk, so
 * memory use does not grow with their size.
 */
import { createHash, randomUUID } from 'node:crypto';
import { AppError } from '../errors';
import { findColleague } from '../keys/colleagues';
import { ageRecipientSchema } from '../keys/key-card';
import { ensureUserKeys, myKeyCard, signBytes } from '../keys/user-keys';
import type { OpenVault } from '../vault/vault';
import { encryptToFile, type BundleKeying } from './age-stream';
import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  MANIFEST_NAME,
  SIGNATURE_NAME,
  SUMMARY_NAME,
  documentEntryName,
  recordsEntryName,
  type Manifest,
  type ManifestEntry,
} from './manifest';
import { MIN_PASSPHRASE_LENGTH } from './passphrase';
import type { BundleModule, BundleRecord, BundleRegistry, CollectOptions, DocumentBlob } from './registry';
import { buildSummaryPdf } from './summary';
import { contentHash, setSyncBase } from './sync-state';
import { slices, writeTar, type TarEntrySource } from './tar-writer';

export type ExportRecipient = { kind: 'colleague'; nameOrId: string } | { kind: 'raw'; recipient: string };

export interface ExportRequest {
  caseReference: string;
  /** Colleagues and/or raw age1 recipients; or a passphrase instead (never both). */
  recipients?: readonly ExportRecipient[];
  passphrase?: string;
  /** Passphrase bundles may be forbidden by policy. */
  allowPassphrase?: boolean;
  /** The Caldicott basis for sharing, recorded in the bundle and the audit log. */
  basis: string;
  /** Module names to include (default: all). */
  modules?: readonly string[];
  includeThirdPartySensitive?: boolean;
  documentIds?: readonly string[];
  /** Where to write; or a function of the new bundle's id (the app names outbox files by it). */
  outFile: string | ((bundleId: string) => string);
}

export interface ExportResult {
  bundleId: string;
  caseReference: string;
  records: number;
  documents: number;
  documentBytes: number;
  recipients: string[];
}

/** Turn each `--to` into an age recipient, refusing revoked and unverified colleagues. */
function resolveRecipients(vault: OpenVault, request: ExportRequest): { keying: BundleKeying; described: string[] } {
  const hasRecipients = (request.recipients?.length ?? 0) > 0;
  if (request.passphrase !== undefined) {
    if (hasRecipients) throw new AppError('INVALID_INPUT', 'Choose recipients or a passphrase, not both.');
    if (request.allowPassphrase === false)
      throw new AppError(
        'FORBIDDEN',
        'Passphrase bundles are not allowed on this computer. Send it to a colleague’s key card instead.',
      );
    if (request.passphrase.length < MIN_PASSPHRASE_LENGTH) {
      throw new AppError(
        'INVALID_INPUT',
        `A bundle passphrase must be at least ${MIN_PASSPHRASE_LENGTH} characters. Use the suggested one.`,
      );
    }
    return { keying: { kind: 'passphrase', passphrase: request.passphrase }, described: ['passphrase'] };
  }
  if (!hasRecipients) throw new AppError('INVALID_INPUT', 'Choose at least one recipient, or a passphrase.');
  const recipients: string[] = [];
  const described: string[] = [];
  for (const r of request.recipients ?? []) {
    if (r.kind === 'raw') {
      const parsed = ageRecipientSchema.safeParse(r.recipient);
      if (!parsed.success) throw new AppError('INVALID_INPUT', `"${r.recipient}" is not an age recipient (age1...).`);
      recipients.push(parsed.data);
      described.push(parsed.data);
      continue;
    }
    const colleague = findColleague(vault.db, r.nameOrId);
    if (colleague.status === 'revoked')
      throw new AppError('FORBIDDEN', `${colleague.name}'s key card was revoked. It cannot be sent to.`);
    if (colleague.status !== 'verified') {
      throw new AppError(
        'FORBIDDEN',
        `${colleague.name}'s key card has not been verified. Compare the fingerprint ${colleague.fingerprint} with them, then mark it verified.`,
      );
    }
    recipients.push(colleague.ageRecipient);
    described.push(`${colleague.name} (${colleague.fingerprint})`);
  }
  return { keying: { kind: 'recipients', recipients: [...new Set(recipients)] }, described };
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * A document's plaintext, checked against its recorded size as it streams. It is not hashed
 * again: the store authenticates every chunk of the blob (ChaCha20-Poly1305 under the
 * document's own identity, or AES-GCM bound to its id) and checks the blob's exact length, so
 * what comes out is byte for byte what was hashed when it was stored. The receiver still checks
 * each document's SHA-256 against the signed manifest.
 */
async function* checkedDocument(doc: DocumentBlob): AsyncGenerator<Uint8Array> {
  let size = 0;
  for await (const chunk of await doc.open()) {
    const bytes = chunk as Buffer;
    size += bytes.length;
    if (size > doc.size) break;
    yield* slices(bytes);
  }
  if (size !== doc.size) {
    throw new AppError(
      'VAULT_CORRUPT',
      `Document ${doc.id} does not match its recorded size, so the export was stopped. Check the vault with \`ncats verify\`.`,
    );
  }
}

/** Each module's records plus those it carries because the others name them (`referencedBy`). */
function withReferenced(
  vault: OpenVault,
  caseId: string,
  collected: { module: BundleModule; records: BundleRecord[] }[],
): { module: BundleModule; records: BundleRecord[] }[] {
  return collected.map((entry) => {
    if (!entry.module.referencedBy) return entry;
    const others = collected.filter((o) => o !== entry).flatMap((o) => o.records);
    const have = new Set(entry.records.map((r) => r.id));
    const extra = entry.module.referencedBy(vault.db, caseId, others).filter((r) => !have.has(r.id));
    return { module: entry.module, records: [...entry.records, ...extra] };
  });
}

export async function exportBundle(
  vault: OpenVault,
  registry: BundleRegistry,
  request: ExportRequest,
): Promise<ExportResult> {
  const basis = request.basis.trim();
  if (basis.length < 3)
    throw new AppError(
      'INVALID_INPUT',
      'Record the basis for sharing (for example: "Transfer of care to the receiving clinician; duty to share").',
    );
  const found = registry.cases.findByReference(vault.db, request.caseReference);
  if (!found) throw new AppError('NOT_FOUND', `There is no case ${request.caseReference}.`);
  const { keying, described } = resolveRecipients(vault, request);
  const keys = await ensureUserKeys(vault);
  const sender = await myKeyCard(vault);
  const options: CollectOptions = {
    includeThirdPartySensitive: request.includeThirdPartySensitive ?? false,
    ...(request.documentIds ? { documentIds: request.documentIds } : {}),
  };
  const chosen = registry.modules.filter((m) => !request.modules || request.modules.includes(m.name));
  const collected = withReferenced(
    vault,
    found.id,
    chosen.map((module) => ({ module, records: module.collect(vault.db, found.id, options) })),
  );
  const documents =
    registry.documents && (!request.modules || request.modules.includes('documents'))
      ? registry.documents.list(vault.db, found.id, options)
      : [];

  const bundleId = randomUUID();
  const created = vault.now().toISOString();
  const recordFiles = collected.map(({ module, records }) => {
    const bytes = Buffer.from(
      JSON.stringify({ module: module.name, schemaVersion: module.schemaVersion, records }),
      'utf8',
    );
    return { module, count: records.length, bytes };
  });
  const summary = await buildSummaryPdf({
    caseReference: found.reference,
    senderName: sender.name,
    senderService: sender.service,
    senderFingerprint: sender.fingerprint,
    created,
    basis,
    bundleId,
    modules: collected,
    documents: documents.map((d) => ({ id: d.id, size: d.size })),
  });
  const entries: ManifestEntry[] = [
    ...recordFiles.map((f): ManifestEntry => ({
      kind: 'records',
      name: recordsEntryName(f.module.name),
      module: f.module.name,
      schemaVersion: f.module.schemaVersion,
      count: f.count,
      size: f.bytes.length,
      sha256: sha256(f.bytes),
    })),
    { kind: 'summary', name: SUMMARY_NAME, size: summary.length, sha256: sha256(summary) },
    ...documents.map((d): ManifestEntry => ({
      kind: 'document',
      name: documentEntryName(d.id),
      documentId: d.id,
      size: d.size,
      sha256: d.sha256,
    })),
  ];
  const manifest: Manifest = {
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    bundleId,
    created,
    sender,
    case: { id: found.id, reference: found.reference },
    basis,
    includesThirdPartySensitive: options.includeThirdPartySensitive,
    counts: { records: recordFiles.reduce((n, f) => n + f.count, 0), documents: documents.length },
    entries,
  };
  const manifestBytes = Buffer.from(JSON.stringify(manifest, null, 2), 'utf8');
  const signature = Buffer.from(`${signBytes(keys, manifestBytes)}\n`, 'utf8');

  function* sources(): Generator<TarEntrySource> {
    yield { name: MANIFEST_NAME, size: manifestBytes.length, body: slices(manifestBytes) };
    yield { name: SIGNATURE_NAME, size: signature.length, body: [signature] };
    for (const f of recordFiles)
      yield { name: recordsEntryName(f.module.name), size: f.bytes.length, body: slices(f.bytes) };
    yield { name: SUMMARY_NAME, size: summary.length, body: slices(summary) };
    for (const d of documents) yield { name: documentEntryName(d.id), size: d.size, body: checkedDocument(d) };
  }
  const outFile = typeof request.outFile === 'function' ? request.outFile(bundleId) : request.outFile;
  await encryptToFile(writeTar(sources(), new Date(created)), keying, outFile);

  vault.db
    .transaction(() => {
      for (const { module, records } of collected) {
        for (const r of records)
          setSyncBase(vault.db, module.name, r.id, { version: r.version, contentHash: contentHash(r) });
      }
      vault.audit({
        action: 'bundle.export',
        entityType: 'bundle',
        entityId: bundleId,
        caseId: found.id,
        detail: {
          caseReference: found.reference,
          recipients: described,
          basis,
          records: manifest.counts.records,
          documents: documents.length,
          includesThirdPartySensitive: options.includeThirdPartySensitive,
        },
      });
    })
    .immediate();
  return {
    bundleId,
    caseReference: found.reference,
    records: manifest.counts.records,
    documents: documents.length,
    documentBytes: documents.reduce((n, d) => n + d.size, 0),
    recipients: described,
  };
}
