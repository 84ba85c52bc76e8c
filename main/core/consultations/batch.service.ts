/**
 * Batch (ongoing) consultations with a team or organisation: the agreement, and its sessions
 * with the cases discussed (a case of the service, or an anonymous reference). These are the
 * service's own records: they belong to no case file and never travel in a case's bundle.
 */
import { randomUUID } from 'node:crypto';
import type { Page } from '../../../preload/contract/case-records';
import type {
  AgreementDetail,
  AgreementSummary,
  agreementSchema,
  sessionSchema,
} from '../../../preload/contract/consultations';
import type { z } from 'zod';
import { today } from '../cases/cases.service';
import type { Db } from '../db/connection';
import { AppError } from '../errors';
import type { OpenVault } from '../vault/vault';
import {
  agreementSessions,
  findAgreement,
  insertAgreement,
  insertSession,
  pageAgreements,
  reviseAgreement,
} from './batch.repo';
import { checkSession, discussedRows } from './batch-session-rules';

type Agreement = z.output<typeof agreementSchema>;
type Session = z.output<typeof sessionSchema>;

export function requireAgreement(db: Db, id: string) {
  const a = findAgreement(db, id);
  if (!a) throw new AppError('NOT_FOUND', 'That consultation agreement does not exist.');
  return a;
}

export function detail(db: Db, id: string): AgreementDetail {
  return { ...requireAgreement(db, id), sessions: agreementSessions(db, id) };
}

/** Reading an agreement shows what was said about each linked case: each is a read of that case. */
export function auditLinkedCases(vault: OpenVault, d: AgreementDetail): void {
  const cases = new Set(d.sessions.flatMap((s) => s.discussedCases.flatMap((c) => (c.caseId ? [c.caseId] : []))));
  for (const caseId of cases) {
    vault.audit({
      action: 'case.read',
      entityType: 'case',
      entityId: caseId,
      caseId,
      detail: { view: 'batch_consultation' },
    });
  }
}

export function listAgreements(vault: OpenVault, limit: number, offset: number): Page<AgreementSummary> {
  const { rows, total } = pageAgreements(vault.db, today(vault), limit, offset);
  return { items: rows, total, offset, limit };
}

export function getAgreement(vault: OpenVault, id: string): AgreementDetail {
  return vault.db
    .transaction(() => {
      const d = detail(vault.db, id);
      vault.audit({ action: 'batch.read', entityType: 'batch_agreement', entityId: id });
      auditLinkedCases(vault, d);
      return d;
    })
    .immediate();
}

export function createAgreement(vault: OpenVault, a: Agreement): AgreementDetail {
  const { db } = vault;
  return db
    .transaction(() => {
      const id = randomUUID();
      const at = vault.now().toISOString();
      insertAgreement(db, {
        ...a,
        id,
        createdAt: at,
        createdBy: vault.user.id,
        updatedAt: at,
        updatedBy: vault.user.id,
        version: 1,
      });
      vault.audit({ action: 'batch.create', entityType: 'batch_agreement', entityId: id });
      return detail(db, id);
    })
    .immediate();
}

export function updateAgreement(vault: OpenVault, id: string, expectedVersion: number, a: Agreement): AgreementDetail {
  const { db } = vault;
  return db
    .transaction(() => {
      requireAgreement(db, id);
      const ok = reviseAgreement(db, id, expectedVersion, {
        ...a,
        updatedAt: vault.now().toISOString(),
        updatedBy: vault.user.id,
      });
      if (!ok) {
        throw new AppError(
          'CONFLICT',
          'Someone changed this agreement while you were editing it. Reload it to see their changes, then try again.',
        );
      }
      vault.audit({
        action: 'batch.update',
        entityType: 'batch_agreement',
        entityId: id,
        detail: { fields: Object.keys(a) },
      });
      const d = detail(db, id);
      auditLinkedCases(vault, d);
      return d;
    })
    .immediate();
}

/** Record a session (or plan one: a future date is the agreement's next session). */
export function addSession(vault: OpenVault, agreementId: string, s: Session): AgreementDetail {
  const { db } = vault;
  return db
    .transaction(() => {
      const linked = checkSession(db, requireAgreement(db, agreementId), s);
      const id = randomUUID();
      const at = vault.now().toISOString();
      const { discussedCases, ...fields } = s;
      insertSession(
        db,
        {
          ...fields,
          id,
          agreementId,
          createdAt: at,
          createdBy: vault.user.id,
          updatedAt: at,
          updatedBy: vault.user.id,
          version: 1,
        },
        discussedRows(id, discussedCases),
      );
      vault.audit({ action: 'batch.session', entityType: 'batch_session', entityId: id, detail: { agreementId } });
      // The session is written against each linked case: its access log shows it.
      for (const caseId of linked) {
        vault.audit({
          action: 'case.discussed',
          entityType: 'case',
          entityId: caseId,
          caseId,
          detail: { sessionId: id },
        });
      }
      const d = detail(db, agreementId);
      auditLinkedCases(vault, d);
      return d;
    })
    .immediate();
}
