/**
 * Disposal, the second administrator's half: approve a proposed disposal by re-entering one's
 * password. In one immediate transaction, with secure_delete on: the tombstone is written, every
 * row of the case removed (`case-tables.ts`), the audit row appended, and nothing of the case
 * checked to be left. After the commit, the documents' encrypted blobs are removed and the
 * full-text indexes merged so deleted terms do not linger in their old segments.
 */
import { randomUUID } from 'node:crypto';
import type { ChannelParsedInput } from '../../../preload/contract';
import type { TombstoneView } from '../../../preload/contract/retention';
import { AppError } from '../errors';
import type { OpenVault } from '../vault/vault';
import { readHeader } from '../vault/header';
import { openSlot } from '../vault/key-slots';
import { removeBlob } from '../documents/blob-writer';
import { caseFileRegistry } from '../bundles/modules';
import { stmt } from '../db/statements';
import { tombstoneRecord } from './retention.records';
import { caseOutcome, proposalOf, refreshStale, tombstoneById } from './retention.repo';
import { disposalRefusal, tombstoneView } from './retention.service';
import { assertNothingLeft, deleteCaseRows, deletesSecurely, fullTextIndexes } from './case-tables';

/** The signed-in administrator's password, checked against their own key slot (the signature). */
async function checkSignature(vault: OpenVault, password: string): Promise<void> {
  const header = readHeader(vault.dir);
  const slot = header.slots.find((s) => s.userId === vault.user.id);
  const key = slot ? await openSlot(header, slot, password) : null;
  if (!key) throw new AppError('WRONG_PASSWORD', 'That password is not right: the disposal was not approved.');
  key.fill(0);
}

export async function approveDisposal(
  vault: OpenVault,
  input: ChannelParsedInput<'disposal:approve'>,
): Promise<TombstoneView> {
  const { db } = vault;
  const proposal = proposalOf(db, input.caseId);
  if (!proposal) throw new AppError('NOT_FOUND', 'No disposal of this case has been proposed.');
  if (proposal.proposed_by === vault.user.id) {
    throw new AppError(
      'FORBIDDEN',
      'A disposal needs a second administrator: the one who proposed it cannot approve it.',
    );
  }
  try {
    await checkSignature(vault, input.password);
  } catch (err) {
    vault.audit({
      action: 'disposal.approve_refused',
      entityType: 'case',
      entityId: input.caseId,
      caseId: input.caseId,
      detail: { why: 'password' },
    });
    throw err;
  }
  refreshStale(db);
  const registry = caseFileRegistry(vault);
  const tombstoneId = randomUUID();
  let documentBlobIds: string[] = [];
  let incomingBlobIds: string[] = [];
  db.pragma('secure_delete = ON');
  db.transaction(() => {
    // Checked again inside the transaction: a hold placed while the password was being derived wins.
    const current = proposalOf(db, input.caseId);
    if (!current || current.id !== proposal.id)
      throw new AppError('CONFLICT', 'The proposal changed meanwhile: look again.');
    const refusal = disposalRefusal(vault, input.caseId);
    if (refusal) throw new AppError('CONFLICT', refusal);
    const found = caseOutcome(db, input.caseId);
    const kase = stmt(db, 'SELECT reference, referral_date FROM cases WHERE id = ?').get(input.caseId) as {
      reference: string;
      referral_date: string;
    };
    if (!found?.outcome.reviewDate || !found.facts.closedOn)
      throw new AppError('CONFLICT', 'Only a closed case or a declined referral can be disposed of.');
    // The blobs to remove: each document's, and any sender's version kept for an open conflict.
    documentBlobIds = stmt(db, 'SELECT blob_id FROM documents WHERE case_id = ?').pluck().all(input.caseId) as string[];
    incomingBlobIds = stmt(db, 'SELECT blob_id FROM document_incoming_blobs WHERE case_id = ?')
      .pluck()
      .all(input.caseId) as string[];
    stmt(db, tombstoneRecord.insertSql()).run({
      id: tombstoneId,
      reference: kase.reference,
      referral_date: kase.referral_date,
      closed_on: found.facts.closedOn,
      review_date: found.outcome.reviewDate,
      reason: current.reason,
      proposed_by: current.proposed_by,
      proposed_at: current.proposed_at,
      approved_by: vault.user.id,
      approved_at: vault.now().toISOString(),
    });
    const removed = deleteCaseRows(db, input.caseId);
    assertNothingLeft(db, input.caseId, registry);
    const rows = Object.values(removed).reduce((a, b) => a + b, 0);
    vault.audit({
      action: 'case.dispose',
      entityType: 'tombstone',
      entityId: tombstoneId,
      caseId: input.caseId,
      detail: { rows, documents: documentBlobIds.length },
    });
  }).immediate();
  // The rows are gone; now what lives outside them. A blob left by a crash here is encrypted
  // and unreachable (its row is gone); the next disposal does not depend on it.
  for (const blobId of [...documentBlobIds, ...incomingBlobIds]) removeBlob(vault.dir, blobId);
  // The case's terms left each full-text index with its rows (secure-delete). An index added
  // later without it is merged whole instead, so none keeps them in an older segment.
  for (const index of fullTextIndexes(db)) {
    if (!deletesSecurely(db, index)) db.prepare(`INSERT INTO ${index} (${index}) VALUES ('optimize')`).run();
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  const tombstone = tombstoneById(db, tombstoneId);
  if (!tombstone) throw new AppError('INTERNAL', 'The tombstone was not found after the disposal.');
  return tombstoneView(tombstone);
}
