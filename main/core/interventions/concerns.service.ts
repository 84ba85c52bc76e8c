/**
 * A safeguarding concern raised in a session. Saving it raises a case flag and creates the
 * follow-up task in the same immediate transaction, flag first, then task, then the concern
 * naming both (NOT NULL foreign keys): if any of the three writes fails, none is kept, so a
 * concern can never exist without its flag and task.
 */
import { randomUUID } from 'node:crypto';
import type { ChannelParsedInput } from '../../../preload/contract';
import type { InterventionSessionView } from '../../../preload/contract/intervention-records';
import { isCaseWorker } from '../cases/cases.repo';
import { today } from '../cases/cases.service';
import { formatUkDate } from '../cases/dates';
import { insertFlag } from '../casework/flags.repo';
import { insertTask } from '../casework/tasks.repo';
import { networkPeople } from '../consultations/consultations.repo';
import { AppError } from '../errors';
import { clipSummary } from '../notes/summary';
import type { OpenVault } from '../vault/vault';
import { insertConcern } from './sessions.repo';
import { oneSessionView, requireSession } from './sessions.service';

/** How much of the description the flag's reason repeats (the concern keeps all of it). */
const FLAG_DESCRIPTION_CHARS = 300;

/** The flag's reason: what the Flags tab and the chronology show for the concern. */
export function concernFlagReason(sessionDate: string, description: string): string {
  return `Safeguarding concern raised in the session of ${formatUkDate(sessionDate)}: ${clipSummary(description, FLAG_DESCRIPTION_CHARS)}`;
}

export function raiseConcern(
  vault: OpenVault,
  sessionId: string,
  concern: ChannelParsedInput<'interventionSession:raiseConcern'>['concern'],
): InterventionSessionView {
  const { db } = vault;
  return db
    .transaction(() => {
      const session = requireSession(db, sessionId);
      if (session.attendance === 'planned') {
        throw new AppError(
          'INVALID_INPUT',
          'This session has not happened yet. Raise the concern in the session it came up in, or raise a flag on the case.',
        );
      }
      const network = new Set(networkPeople(db, session.caseId).map((p) => p.id));
      if (concern.informedPersonIds.some((id) => !network.has(id))) {
        throw new AppError(
          'INVALID_INPUT',
          'The people informed must be professionals on this case’s People tab. Add them there first.',
        );
      }
      if (concern.informedAt.slice(0, 10) < session.sessionDate || new Date(concern.informedAt) > vault.now()) {
        throw new AppError(
          'INVALID_INPUT',
          'They must have been informed on or after the session, and not in the future.',
        );
      }
      const { followUp } = concern;
      if (!isCaseWorker(db, followUp.ownerId)) {
        throw new AppError('INVALID_INPUT', 'The follow-up task must belong to an active clinician or administrator.');
      }
      if (followUp.dueDate && followUp.dueDate < today(vault)) {
        throw new AppError('INVALID_INPUT', 'The follow-up task’s due date is in the past.');
      }
      const at = vault.now().toISOString();
      const by = vault.user.id;
      const caseId = session.caseId;
      const flagId = randomUUID();
      insertFlag(db, {
        id: flagId,
        caseId,
        reason: concernFlagReason(session.sessionDate, concern.description),
        addressBy: followUp.dueDate,
        at,
        by,
      });
      vault.audit({ action: 'flag.raise', entityType: 'flag', entityId: flagId, caseId });
      const taskId = randomUUID();
      insertTask(db, { id: taskId, caseId, ...followUp, at, by });
      vault.audit({ action: 'task.create', entityType: 'task', entityId: taskId, caseId });
      const id = randomUUID();
      insertConcern(db, {
        id,
        caseId,
        sessionId,
        description: concern.description,
        actionTaken: concern.actionTaken,
        informedPersonIds: concern.informedPersonIds,
        informedAt: concern.informedAt,
        flagId,
        taskId,
        createdAt: at,
        createdBy: by,
        version: 1,
      });
      vault.audit({
        action: 'interventionSession.concern',
        entityType: 'intervention_concern',
        entityId: id,
        caseId,
        detail: { sessionId, flagId, taskId },
      });
      return oneSessionView(db, sessionId);
    })
    .immediate();
}
