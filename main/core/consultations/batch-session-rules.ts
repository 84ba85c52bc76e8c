/**
 * The rules a batch session's content is held to whether it is recorded or changed: its date
 * within the agreement's, each linked case listed once and real; and the rows of the cases
 * discussed it stores. Kept apart from the services so both can use it without a cycle.
 */
import { randomUUID } from 'node:crypto';
import type { AgreementView, sessionSchema } from '../../../preload/contract/consultations';
import type { z } from 'zod';
import { requireCase } from '../cases/cases.service';
import type { Db } from '../db/connection';
import { AppError } from '../errors';
import type { DiscussedCaseRow } from './batch.repo';

export type SessionFields = z.output<typeof sessionSchema>;

/** Refuse a session the agreement cannot hold; returns the linked case ids. */
export function checkSession(db: Db, agreement: AgreementView, s: SessionFields): string[] {
  if (s.sessionDate < agreement.startDate || (agreement.endDate !== null && s.sessionDate > agreement.endDate)) {
    throw new AppError('INVALID_INPUT', 'The session date is outside the agreement’s start and end dates.');
  }
  const linked = s.discussedCases.flatMap((c) => (c.caseId ? [c.caseId] : []));
  if (new Set(linked).size !== linked.length) {
    throw new AppError('INVALID_INPUT', 'A case is listed twice among the cases discussed. List each case once.');
  }
  for (const caseId of linked) requireCase(db, caseId);
  return linked;
}

/**
 * The stored rows of the cases discussed. A row that was there before (the same linked case, or
 * the same anonymous reference) keeps its id, so a linked case's chronology line stays the same
 * line when the session is edited.
 */
export function discussedRows(
  sessionId: string,
  discussed: SessionFields['discussedCases'],
  before: readonly DiscussedCaseRow[] = [],
): DiscussedCaseRow[] {
  const unused = [...before];
  return discussed.map((c) => {
    const anonymousRef = c.caseId ? null : c.anonymousRef;
    const i = unused.findIndex((b) =>
      c.caseId ? b.caseId === c.caseId : b.caseId === null && b.anonymousRef === anonymousRef,
    );
    const id = i >= 0 ? (unused.splice(i, 1)[0] as DiscussedCaseRow).id : randomUUID();
    return { id, sessionId, caseId: c.caseId, anonymousRef, discussion: c.discussion };
  });
}
