/**
 * Signing and addenda as a service does them: the sign-off row (or addendum) and its audit row,
 * by the signed-in user at the vault's clock. The caller runs it inside its own transaction,
 * after its own checks (the record's version, what may be signed).
 */
import type { OpenVault } from '../../vault/vault';
import { addAddendum, signSubject, type SignoffSubject } from './signoff';

/**
 * Sign `subject` at `recordVersion` with `content` as the signed content, and audit
 * `report.sign` against `entityType`. Returns the signed version's number.
 */
export function signAudited(
  vault: OpenVault,
  subject: SignoffSubject,
  recordVersion: number,
  content: unknown,
  what: string,
  entityType: string,
): number {
  const signedVersion = signSubject(
    vault.db,
    subject,
    recordVersion,
    content,
    vault.user.id,
    vault.now().toISOString(),
    what,
  );
  vault.audit({
    action: 'report.sign',
    entityType,
    entityId: subject.id,
    caseId: subject.caseId,
    detail: { kind: subject.kind, signedVersion, recordVersion },
  });
  return signedVersion;
}

/** Add an addendum to the signed `subject` and audit `report.addendum`. Returns its id. */
export function addAddendumAudited(
  vault: OpenVault,
  subject: SignoffSubject,
  text: string,
  what: string,
  entityType: string,
): string {
  const addendumId = addAddendum(vault.db, subject, text, vault.user.id, vault.now().toISOString(), what);
  vault.audit({
    action: 'report.addendum',
    entityType,
    entityId: subject.id,
    caseId: subject.caseId,
    detail: { kind: subject.kind, addendumId },
  });
  return addendumId;
}
