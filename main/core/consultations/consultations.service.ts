/**
 * A case's professional consultations: recording and editing them (optimistic versions, the
 * audit row in the write's transaction), signing the report off and adding addenda (the
 * generic sign-off in `../reports/signoff/`), and the Consultations area's list.
 */
import { randomUUID } from 'node:crypto';
import type { Page } from '../../../preload/contract/case-records';
import type {
  ConsultationContent,
  ConsultationListItem,
  ConsultationView,
} from '../../../preload/contract/consultations';
import { auditedRead, requireCase, today } from '../cases/cases.service';
import type { Db } from '../db/connection';
import { AppError } from '../errors';
import { assertEditable, signoffState } from '../reports/signoff/signoff';
import { addAddendumAudited, signAudited } from '../reports/signoff/signoff-audited';
import type { OpenVault } from '../vault/vault';
import {
  caseConsultations,
  caseDocuments,
  findConsultation,
  insertConsultation,
  networkPeople,
  pageAllConsultations,
  reviseConsultation,
  type ConsultationRow,
} from './consultations.repo';

/** The sign-off subject kind of a consultation (also its report kind's id). */
export const CONSULTATION_SUBJECT = 'consultation';
const WHAT = 'consultation';

function requireConsultation(db: Db, id: string): ConsultationRow {
  const row = findConsultation(db, id);
  if (!row) throw new AppError('NOT_FOUND', 'That consultation does not exist. It may have been removed.');
  return row;
}

/** The date is not in the future, the attendees are the case's network, the documents the case's. */
function checkContent(vault: OpenVault, caseId: string, c: ConsultationContent): void {
  if (c.meetingDate > today(vault)) {
    throw new AppError(
      'INVALID_INPUT',
      'The meeting date is in the future. Record a consultation once it has taken place.',
    );
  }
  const network = new Set(networkPeople(vault.db, caseId).map((p) => p.id));
  if (c.attendeeIds.some((id) => !network.has(id))) {
    throw new AppError(
      'INVALID_INPUT',
      'Attendees must be professionals on this case’s People tab. Add them there first, then choose them here.',
    );
  }
  const documents = new Set(caseDocuments(vault.db, caseId).map((d) => d.id));
  if (c.documentIds.some((id) => !documents.has(id))) {
    throw new AppError(
      'INVALID_INPUT',
      'The documents read must be documents of this case that have not been removed.',
    );
  }
  if (new Set(c.attendeeIds).size !== c.attendeeIds.length || new Set(c.documentIds).size !== c.documentIds.length) {
    throw new AppError('INVALID_INPUT', 'An attendee or a document is listed twice. List each once.');
  }
}

/** The reason only when the suitability needs one, so a changed answer leaves no stale reason. */
function normalised(c: ConsultationContent): ConsultationContent {
  const needsReason = c.suitability === 'later' || c.suitability === 'not_suitable';
  return { ...c, suitabilityReason: needsReason ? c.suitabilityReason : null };
}

function userName(db: Db, id: string): string {
  const row = db.prepare('SELECT display_name AS n FROM users WHERE id = ?').get(id) as { n: string } | undefined;
  return row?.n ?? '';
}

/** A consultation as the screen shows it: names for ids, and its sign-off. */
export function consultationView(db: Db, row: ConsultationRow): ConsultationView {
  const people = new Map(networkPeople(db, row.caseId).map((p) => [p.id, p]));
  const documents = new Map(caseDocuments(db, row.caseId).map((d) => [d.id, d]));
  return {
    id: row.id,
    caseId: row.caseId,
    meetingDate: row.meetingDate,
    meetingMode: row.meetingMode,
    attendeeIds: row.attendeeIds,
    documentIds: row.documentIds,
    policeInvestigation: row.policeInvestigation,
    reason: row.reason,
    networkQuestions: row.networkQuestions,
    discussion: row.discussion,
    recommendations: row.recommendations,
    suitability: row.suitability,
    suitabilityReason: row.suitabilityReason,
    attendees: row.attendeeIds.flatMap((id) => {
      const p = people.get(id);
      return p ? [{ id, name: p.name, role: p.role, agency: p.agency }] : [];
    }),
    documents: row.documentIds.flatMap((id) => {
      const d = documents.get(id);
      return d ? [{ id, title: d.title }] : [];
    }),
    createdByName: userName(db, row.createdBy),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
    signoff: signoffState(db, CONSULTATION_SUBJECT, row.id),
  };
}

export function listCaseConsultations(vault: OpenVault, caseId: string): ConsultationView[] {
  return auditedRead(vault, caseId, 'consultations', () =>
    caseConsultations(vault.db, caseId).map((r) => consultationView(vault.db, r)),
  );
}

export function createConsultation(vault: OpenVault, caseId: string, input: ConsultationContent): ConsultationView {
  const { db } = vault;
  const content = normalised(input);
  return db
    .transaction(() => {
      requireCase(db, caseId);
      checkContent(vault, caseId, content);
      const id = randomUUID();
      const at = vault.now().toISOString();
      const by = vault.user.id;
      insertConsultation(db, {
        ...content,
        id,
        caseId,
        createdAt: at,
        createdBy: by,
        updatedAt: at,
        updatedBy: by,
        version: 1,
      });
      vault.audit({ action: 'consultation.create', entityType: 'consultation', entityId: id, caseId });
      return consultationView(db, requireConsultation(db, id));
    })
    .immediate();
}

function staleConsultation(): AppError {
  return new AppError(
    'CONFLICT',
    'Someone changed this consultation while you were editing it. Reload it to see their changes, then try again.',
  );
}

export function updateConsultation(
  vault: OpenVault,
  id: string,
  expectedVersion: number,
  input: ConsultationContent,
): ConsultationView {
  const { db } = vault;
  const content = normalised(input);
  return db
    .transaction(() => {
      const row = requireConsultation(db, id);
      assertEditable(db, { kind: CONSULTATION_SUBJECT, id }, WHAT);
      if (row.version !== expectedVersion) throw staleConsultation();
      checkContent(vault, row.caseId, content);
      if (!reviseConsultation(db, id, expectedVersion, content, vault.user.id, vault.now().toISOString()))
        throw staleConsultation();
      vault.audit({
        action: 'consultation.update',
        entityType: 'consultation',
        entityId: id,
        caseId: row.caseId,
        // Field names only: never clinical text in the audit log.
        detail: { fields: Object.keys(content) },
      });
      return consultationView(db, requireConsultation(db, id));
    })
    .immediate();
}

/** Sign the consultation report off: keeps the content as signed and locks the record. */
export function signConsultation(vault: OpenVault, id: string, expectedVersion: number): ConsultationView {
  const { db } = vault;
  return db
    .transaction(() => {
      const row = requireConsultation(db, id);
      if (row.version !== expectedVersion) throw staleConsultation();
      const view = consultationView(db, row);
      const { signoff: _s, ...content } = view;
      signAudited(
        vault,
        { kind: CONSULTATION_SUBJECT, id, caseId: row.caseId },
        row.version,
        content,
        WHAT,
        'consultation',
      );
      return consultationView(db, row);
    })
    .immediate();
}

export function addConsultationAddendum(vault: OpenVault, id: string, text: string): ConsultationView {
  const { db } = vault;
  return db
    .transaction(() => {
      const row = requireConsultation(db, id);
      addAddendumAudited(vault, { kind: CONSULTATION_SUBJECT, id, caseId: row.caseId }, text, WHAT, 'consultation');
      return consultationView(db, row);
    })
    .immediate();
}

/** The Consultations area: every visible case's consultations, newest first. One audit row a page. */
export function listAllConsultations(vault: OpenVault, limit: number, offset: number): Page<ConsultationListItem> {
  return vault.db
    .transaction(() => {
      const { rows, total, moreThan } = pageAllConsultations(vault.db, vault.user, limit, offset);
      vault.audit({
        action: 'consultation.list',
        detail: { offset, limit, cases: [...new Set(rows.map((r) => r.caseReference))] },
      });
      return { items: rows, total, moreThan, offset, limit };
    })
    .immediate();
}
