/**
 * Attachment (DMM) assessments with the database: open the case's one attachment assessment,
 * change its formulation, add, change and remove procedures, and read them (the assessment and
 * the family view). Every write is one immediate transaction with its audit row inside it (as
 * `updateCaseFields`); a stale `expectedVersion` is CONFLICT. Audit rows name the procedure and
 * the fields, never a classification or clinical text. Every read is audited as a read of the case.
 */
import { randomUUID } from 'node:crypto';
import type { ChannelParsedInput } from '../../../preload/contract';
import type { AttachmentView, FamilyView, ProcedureView } from '../../../preload/contract/attachment';
import { auditedRead, requireCase } from '../cases/cases.service';
import { findYoungPerson } from '../cases/cases.repo';
import { AppError } from '../errors';
import type { OpenVault } from '../vault/vault';
import { displayName } from '../../../preload/contract/young-person-name';
import type { AttachmentRow, ProcedureRecordView } from './attachment.records';
import {
  deleteProcedureRow,
  findAttachmentByCase,
  findProcedure,
  insertAttachment,
  insertProcedure,
  listParentCarers,
  listProcedures,
  updateAttachmentFields,
  updateProcedureRow,
  type StoredProcedure,
} from './attachment.repo';
import { checkProcedure } from './attachment.rules';
import { attachmentView, familyView as buildFamilyView, procedureView } from './attachment-view';

type ProcedureSave = ChannelParsedInput<'attachment:addProcedure'>['procedure'];
type AttachmentFields = ChannelParsedInput<'attachment:update'>['fields'];

const stale = (what: string) =>
  new AppError('CONFLICT', `Someone changed this ${what} while you were working on it. Reload it and try again.`);

function requireProcedure(vault: OpenVault, id: string): StoredProcedure {
  const found = findProcedure(vault.db, id);
  if (!found) throw new AppError('NOT_FOUND', 'That procedure does not exist. It may have been removed.');
  return found;
}

/** The case's attachment assessment, created (and audited) if it has none yet. Inside a transaction. */
function ensureAttachment(vault: OpenVault, caseId: string): AttachmentRow {
  const { db } = vault;
  requireCase(db, caseId);
  const existing = findAttachmentByCase(db, caseId);
  if (existing) return existing;
  const at = vault.now().toISOString();
  const row: AttachmentRow = {
    id: randomUUID(),
    case_id: caseId,
    formulation: null,
    strategy_summary: null,
    opened_at: at,
    opened_by: vault.user.id,
    updated_at: at,
    updated_by: vault.user.id,
    version: 1,
  };
  insertAttachment(db, row);
  vault.audit({ action: 'attachment.open', entityType: 'attachment', entityId: row.id, caseId });
  return row;
}

function loadView(vault: OpenVault, row: AttachmentRow): AttachmentView {
  return attachmentView(row, listProcedures(vault.db, row.case_id));
}

/** The case's attachment assessment with its procedures, or null. Audited as `case.read`. */
export function getAttachment(vault: OpenVault, caseId: string): AttachmentView | null {
  return auditedRead(vault, caseId, 'attachment', () => {
    const row = findAttachmentByCase(vault.db, caseId);
    return row ? loadView(vault, row) : null;
  });
}

/** Start the case's attachment assessment; an existing one is returned as it is (and the read audited). */
export function openAttachment(vault: OpenVault, caseId: string): AttachmentView {
  return vault.db
    .transaction(() => {
      requireCase(vault.db, caseId);
      if (findAttachmentByCase(vault.db, caseId)) {
        vault.audit({
          action: 'case.read',
          entityType: 'case',
          entityId: caseId,
          caseId,
          detail: { view: 'attachment' },
        });
      }
      return loadView(vault, ensureAttachment(vault, caseId));
    })
    .immediate();
}

/** Change the functional formulation and the strategy summary. */
export function updateAttachment(
  vault: OpenVault,
  caseId: string,
  expectedVersion: number,
  fields: AttachmentFields,
): AttachmentView {
  const { db } = vault;
  return db
    .transaction(() => {
      requireCase(db, caseId);
      const row = findAttachmentByCase(db, caseId);
      if (!row) throw new AppError('NOT_FOUND', 'This case has no attachment assessment yet. Start one first.');
      if (row.version !== expectedVersion) throw stale('attachment assessment');
      const updated: AttachmentRow = {
        ...row,
        formulation: fields.formulation,
        strategy_summary: fields.strategySummary,
        updated_at: vault.now().toISOString(),
        updated_by: vault.user.id,
      };
      if (!updateAttachmentFields(db, updated, expectedVersion)) throw stale('attachment assessment');
      vault.audit({
        action: 'attachment.update',
        entityType: 'attachment',
        entityId: row.id,
        caseId,
        detail: { fields: Object.keys(fields) },
      });
      return loadView(vault, findAttachmentByCase(db, caseId) as AttachmentRow);
    })
    .immediate();
}

/** The stored record of a checked procedure (everything but its identity and audit columns). */
function recordFields(p: ProcedureSave, checked: ReturnType<typeof checkProcedure>) {
  return {
    procedure: p.procedure,
    subjectKind: p.subjectKind,
    subjectPersonId: p.subjectPersonId,
    figurePersonId: p.figurePersonId,
    figureName: p.figureName,
    figureIsYoungPerson: p.figureIsYoungPerson,
    administeredOn: p.administeredOn,
    administeredBy: p.administeredBy,
    recordingDocumentIds: p.recordingDocumentIds,
    transcriptStatus: p.transcriptStatus,
    coderName: p.coderName,
    coderReliable: p.coderReliable,
    blindCoded: p.blindCoded,
    secondCoderName: p.secondCoding?.coderName ?? null,
    secondCoderAgreement: p.secondCoding?.agreement ?? null,
    secondCoderResolution: p.secondCoding?.resolution ?? null,
    classification: checked.classification,
    modifiers: p.modifiers,
    careIndex: p.careIndex,
    warnings: checked.warnings,
    notes: p.notes,
  } satisfies Partial<ProcedureRecordView>;
}

/** Add a procedure (starting the case's attachment assessment if it has none). */
export function addProcedure(
  vault: OpenVault,
  caseId: string,
  procedure: ProcedureSave,
  acknowledgeWarnings: boolean,
): ProcedureView {
  const { db } = vault;
  return db
    .transaction(() => {
      const attachment = ensureAttachment(vault, caseId);
      const checked = checkProcedure(vault, caseId, procedure, acknowledgeWarnings, {
        warnings: [],
        administeredBy: null,
      });
      const at = vault.now().toISOString();
      const id = randomUUID();
      insertProcedure(db, {
        id,
        attachmentId: attachment.id,
        caseId,
        ...recordFields(procedure, checked),
        createdAt: at,
        createdBy: vault.user.id,
        updatedAt: at,
        updatedBy: vault.user.id,
        version: 1,
      });
      vault.audit({
        action: 'attachment.procedure.add',
        entityType: 'attachment_procedure',
        entityId: id,
        caseId,
        detail: {
          procedure: procedure.procedure,
          subjectKind: procedure.subjectKind,
          warnings: checked.warnings.length,
        },
      });
      return procedureView(requireProcedure(vault, id));
    })
    .immediate();
}

/** Change a procedure with the same rules; warnings acknowledged before stay acknowledged. */
export function updateProcedure(
  vault: OpenVault,
  procedureId: string,
  expectedVersion: number,
  procedure: ProcedureSave,
  acknowledgeWarnings: boolean,
): ProcedureView {
  const { db } = vault;
  return db
    .transaction(() => {
      const current = requireProcedure(vault, procedureId).record;
      if (current.version !== expectedVersion) throw stale('procedure');
      const checked = checkProcedure(vault, current.caseId, procedure, acknowledgeWarnings, current);
      const updated: ProcedureRecordView = {
        ...current,
        ...recordFields(procedure, checked),
        updatedAt: vault.now().toISOString(),
        updatedBy: vault.user.id,
      };
      if (!updateProcedureRow(db, updated, expectedVersion)) throw stale('procedure');
      const changed = (Object.keys(procedure) as (keyof ProcedureSave)[]).filter(
        (k) => JSON.stringify(procedure[k]) !== JSON.stringify(currentInputValue(current, k)),
      );
      vault.audit({
        action: 'attachment.procedure.update',
        entityType: 'attachment_procedure',
        entityId: procedureId,
        caseId: current.caseId,
        detail: { procedure: procedure.procedure, fields: changed, warnings: checked.warnings.length },
      });
      return procedureView(requireProcedure(vault, procedureId));
    })
    .immediate();
}

/** A stored procedure's value of an input field, to name the fields a change touched in the audit row. */
function currentInputValue(r: ProcedureRecordView, key: keyof ProcedureSave): unknown {
  if (key === 'secondCoding') {
    return r.secondCoderName
      ? { coderName: r.secondCoderName, agreement: r.secondCoderAgreement, resolution: r.secondCoderResolution }
      : null;
  }
  return r[key];
}

/** Remove a procedure entered in error; the audit row says which procedure of whom it was. */
export function removeProcedure(vault: OpenVault, procedureId: string, expectedVersion: number): { removed: true } {
  const { db } = vault;
  return db
    .transaction(() => {
      const current = requireProcedure(vault, procedureId).record;
      if (current.version !== expectedVersion) throw stale('procedure');
      if (!deleteProcedureRow(db, procedureId, expectedVersion)) throw stale('procedure');
      vault.audit({
        action: 'attachment.procedure.remove',
        entityType: 'attachment_procedure',
        entityId: procedureId,
        caseId: current.caseId,
        detail: {
          procedure: current.procedure,
          subjectKind: current.subjectKind,
          subjectPersonId: current.subjectPersonId,
          administeredOn: current.administeredOn,
        },
      });
      return { removed: true as const };
    })
    .immediate();
}

/** The family view of the case (two queries). Audited as `case.read`. */
export function getFamilyView(vault: OpenVault, caseId: string): FamilyView {
  return auditedRead(vault, caseId, 'attachment-family', () => {
    const yp = findYoungPerson(vault.db, caseId);
    const name = yp ? displayName(yp.givenName, yp.familyName, yp.initials ?? '') : 'The young person';
    return buildFamilyView(caseId, name, listParentCarers(vault.db, caseId), listProcedures(vault.db, caseId));
  });
}
