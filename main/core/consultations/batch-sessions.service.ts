/**
 * Changing and removing a batch session. The session belongs to the service, not to a case, but
 * what it says about a linked case is written against that case: each linked case, before the
 * change or after it, gets its own audit row, and its chronology line ("Discussed in a batch
 * consultation with ...") follows the session's date, or goes with the session or the listing.
 * Each write is one immediate transaction with its audit rows inside it.
 */
import type { AgreementDetail } from '../../../preload/contract/consultations';
import type { Db } from '../db/connection';
import { AppError } from '../errors';
import type { OpenVault } from '../vault/vault';
import { deleteSession, findSession, reviseSession, sessionDiscussed, type SessionRow } from './batch.repo';
import { checkSession, discussedRows, type SessionFields } from './batch-session-rules';
import { auditLinkedCases, detail, requireAgreement } from './batch.service';

function requireSession(db: Db, id: string): SessionRow {
  const found = findSession(db, id);
  if (!found) throw new AppError('NOT_FOUND', 'That session is no longer recorded. It may have been removed.');
  return found;
}

function stale(): AppError {
  return new AppError(
    'CONFLICT',
    'Someone changed this session while you were editing it. Reload the agreement to see their changes, then try again.',
  );
}

type Change = 'added' | 'updated' | 'removed';

/** One audit row against each linked case the write touched, saying how. */
function auditCases(vault: OpenVault, sessionId: string, changes: ReadonlyMap<string, Change>): void {
  for (const [caseId, change] of changes) {
    vault.audit({
      action: 'case.discussed',
      entityType: 'case',
      entityId: caseId,
      caseId,
      detail: { sessionId, change },
    });
  }
}

/** The session's fields that differ, by name (never their text). */
function changedFields(before: SessionRow, after: SessionFields, discussedChanged: boolean): string[] {
  const names = (['sessionDate', 'attendees', 'themes', 'reflectiveNotes', 'advice'] as const).filter(
    (k) => before[k] !== after[k],
  );
  return discussedChanged ? [...names, 'discussedCases'] : names;
}

/** Change a session's date, content and cases discussed. */
export function updateSession(
  vault: OpenVault,
  sessionId: string,
  expectedVersion: number,
  s: SessionFields,
): AgreementDetail {
  const { db } = vault;
  return db
    .transaction(() => {
      const before = requireSession(db, sessionId);
      if (before.version !== expectedVersion) throw stale();
      const linked = checkSession(db, requireAgreement(db, before.agreementId), s);
      const discussedBefore = sessionDiscussed(db, sessionId);
      const rows = discussedRows(sessionId, s.discussedCases, discussedBefore);
      const { discussedCases: _d, ...fields } = s;
      const ok = reviseSession(
        db,
        { ...before, ...fields, updatedAt: vault.now().toISOString(), updatedBy: vault.user.id },
        expectedVersion,
        rows,
      );
      if (!ok) throw stale();
      const wasLinked = new Set(discussedBefore.flatMap((d) => (d.caseId ? [d.caseId] : [])));
      const changes = new Map<string, Change>();
      for (const caseId of wasLinked) changes.set(caseId, linked.includes(caseId) ? 'updated' : 'removed');
      for (const caseId of linked) if (!wasLinked.has(caseId)) changes.set(caseId, 'added');
      const comparable = (
        list: readonly { caseId: string | null; anonymousRef: string | null; discussion: string }[],
      ) => JSON.stringify(list.map(({ caseId, anonymousRef, discussion }) => [caseId, anonymousRef, discussion]));
      vault.audit({
        action: 'batch.session_update',
        entityType: 'batch_session',
        entityId: sessionId,
        detail: {
          agreementId: before.agreementId,
          fields: changedFields(before, s, comparable(discussedBefore) !== comparable(rows)),
        },
      });
      auditCases(vault, sessionId, changes);
      const d = detail(db, before.agreementId);
      auditLinkedCases(vault, d);
      return d;
    })
    .immediate();
}

/** Remove a session entered in error or not held; the audit keeps the reason and its date. */
export function removeSession(
  vault: OpenVault,
  sessionId: string,
  expectedVersion: number,
  reason: string,
): AgreementDetail {
  const { db } = vault;
  return db
    .transaction(() => {
      const before = requireSession(db, sessionId);
      if (before.version !== expectedVersion) throw stale();
      const discussed = sessionDiscussed(db, sessionId);
      if (!deleteSession(db, sessionId, expectedVersion)) throw stale();
      vault.audit({
        action: 'batch.session_remove',
        entityType: 'batch_session',
        entityId: sessionId,
        detail: {
          agreementId: before.agreementId,
          reason,
          sessionDate: before.sessionDate,
          casesDiscussed: discussed.length,
          version: before.version,
        },
      });
      const linked = discussed.flatMap((d) => (d.caseId ? [d.caseId] : []));
      auditCases(vault, sessionId, new Map(linked.map((caseId) => [caseId, 'removed' as const])));
      const d = detail(db, before.agreementId);
      auditLinkedCases(vault, d);
      return d;
    })
    .immediate();
}
