/**
 * Taking (or correcting) a session's register: the carers' states, their own notes, the group
 * note and the themes covered, with an audit row for each case touched, all in one immediate
 * transaction: a refusal or a failure leaves the register as it was.
 *
 * Who is on a register: for a planned session, every carer enrolled on or before its date; for
 * a catch-up, the carers it is for. Each must be marked. A carer who withdrew on or before the
 * session's date is withdrawn (filled in when left out); marking a carer "withdrawn" who has not
 * withdrawn withdraws them from the session's date, with the entry's reason.
 */
import type { ChannelParsedInput } from '../../../preload/contract';
import { WITHDRAWAL_REASON_LABELS, type RunView } from '../../../preload/contract/safe-home-records';
import { groupNoteNamesProblem } from '../../../preload/contract/safe-home-rules';
import { randomUUID } from 'node:crypto';
import { today } from '../cases/cases.service';
import { formatUkDate } from '../cases/dates';
import { AppError } from '../errors';
import type { OpenVault } from '../vault/vault';
import { withdrawInTransaction } from './enrolments.service';
import {
  deleteRegisterEntry,
  findEnrolment,
  putRegisterEntry,
  runEnrolments,
  sessionRegister,
  type EnrolmentRow,
} from './families.repo';
import { auditForCases, familyNames, requireOpenRun, stale, wordList } from './guards';
import { carerIdentities, runView } from './run-view';
import { findSession, findTheme, markRegisterTaken, putGroupNote } from './runs.repo';

type Register = ChannelParsedInput<'safeHomeSession:takeRegister'>['register'];
type Entry = Register['entries'][number];

export function takeRegister(
  vault: OpenVault,
  sessionId: string,
  expectedVersion: number,
  register: Register,
): RunView {
  const { db } = vault;
  return db
    .transaction(() => {
      const session = findSession(db, sessionId);
      if (!session) throw new AppError('NOT_FOUND', 'That Safe Home session does not exist. It may have been removed.');
      requireOpenRun(db, session.runId);
      if (session.version !== expectedVersion) throw stale('session’s register');
      const what = session.kind === 'planned' ? `Session ${session.seq}` : `The catch-up for session ${session.seq}`;
      if (session.sessionDate > today(vault)) {
        throw new AppError(
          'INVALID_INPUT',
          `${what} is on ${formatUkDate(session.sessionDate)}, after today: take its register on the day or after.`,
        );
      }
      const enrolments = runEnrolments(db, session.runId);
      const byId = new Map(enrolments.map((e) => [e.id, e]));
      const expected = enrolments.filter((e) =>
        session.kind === 'catch_up' ? session.forEnrolmentIds.includes(e.id) : e.enrolledOn <= session.sessionDate,
      );
      const names = carerIdentities(db, enrolments);
      const nameOf = (e: EnrolmentRow) => names.get(e.personId)?.name ?? 'A carer';

      const given = new Map<string, Entry>();
      for (const entry of register.entries) {
        const e = byId.get(entry.enrolmentId);
        if (!e) throw new AppError('INVALID_INPUT', 'The register names a carer who is not enrolled in this run.');
        if (!expected.includes(e)) {
          throw new AppError(
            'INVALID_INPUT',
            session.kind === 'catch_up'
              ? `${nameOf(e)} is not one of the carers this catch-up is for.`
              : `${nameOf(e)} was enrolled on ${formatUkDate(e.enrolledOn)}, after this session, so is not on its register.`,
          );
        }
        given.set(e.id, entry);
      }
      const withdrawnBy = (e: EnrolmentRow) => e.withdrawnOn !== null && e.withdrawnOn <= session.sessionDate;
      const unmarked = expected.filter((e) => !given.has(e.id) && !withdrawnBy(e));
      if (unmarked.length > 0) {
        throw new AppError(
          'INVALID_INPUT',
          `Mark every carer on the register: ${unmarked.map(nameOf).join(', ')} ${unmarked.length > 1 ? 'are' : 'is'} not marked.`,
        );
      }
      for (const e of expected) {
        const entry = given.get(e.id);
        if (withdrawnBy(e) && entry && entry.state !== 'withdrawn') {
          throw new AppError(
            'INVALID_INPUT',
            `${nameOf(e)} withdrew on ${formatUkDate(e.withdrawnOn ?? '')}, so is marked withdrawn from then on.`,
          );
        }
      }

      checkNotes(vault, enrolments, register, byId);
      if (register.themeIdsCovered !== null) {
        if (new Set(register.themeIdsCovered).size !== register.themeIdsCovered.length) {
          throw new AppError('INVALID_INPUT', 'A theme covered is listed twice. List each once.');
        }
        if (register.themeIdsCovered.some((id) => !findTheme(db, id))) {
          throw new AppError('INVALID_INPUT', 'A theme covered is not on the theme list.');
        }
      }

      const at = vault.now().toISOString();
      const by = vault.user.id;
      const previous = new Map(sessionRegister(db, sessionId).map((g) => [g.enrolmentId, g]));
      for (const e of expected) {
        const entry = given.get(e.id);
        if (entry?.state === 'withdrawn' && !withdrawnBy(e)) {
          // This session's own earlier entry (say "attended", being corrected) is not a later attendance.
          deleteRegisterEntry(db, sessionId, e.id);
          withdrawInTransaction(
            vault,
            findEnrolment(db, e.id) ?? e,
            { withdrawnOn: session.sessionDate, reason: 'other', detail: entry.reason ?? '' },
            at,
          );
        }
        const row = entry ?? {
          state: 'withdrawn' as const,
          reason: e.withdrawalDetail || (e.withdrawalReason ? WITHDRAWAL_REASON_LABELS[e.withdrawalReason] : null),
          cancelledAt: null,
          carerNote: previous.get(e.id)?.carerNote ?? '',
        };
        putRegisterEntry(db, {
          id: previous.get(e.id)?.id ?? randomUUID(),
          caseId: e.caseId,
          sessionId,
          enrolmentId: e.id,
          state: row.state,
          reason: row.reason,
          cancelledAt: row.cancelledAt,
          carerNote: row.carerNote,
          updatedAt: at,
          updatedBy: by,
        });
      }
      for (const enrolmentId of previous.keys()) {
        if (!expected.some((e) => e.id === enrolmentId)) deleteRegisterEntry(db, sessionId, enrolmentId);
      }
      putGroupNote(db, { sessionId, runId: session.runId, text: register.groupNote, writtenAt: at, writtenBy: by });
      const corrected = session.registerTakenAt !== null;
      if (
        !markRegisterTaken(db, sessionId, expectedVersion, {
          coveredThemeIds: register.themeIdsCovered,
          registerTakenAt: session.registerTakenAt ?? at,
          registerTakenBy: session.registerTakenBy ?? by,
          updatedAt: at,
          updatedBy: by,
        })
      ) {
        throw stale('session’s register');
      }
      auditForCases(
        vault,
        {
          action: corrected ? 'safeHomeSession.correctRegister' : 'safeHomeSession.takeRegister',
          entityType: 'safeHomeSession',
          entityId: sessionId,
          runId: session.runId,
          detail: { seq: session.seq, kind: session.kind },
        },
        [...expected.map((e) => e.caseId), ...[...previous.values()].map((g) => g.caseId)],
      );
      return runView(db, session.runId);
    })
    .immediate();
}

/**
 * The group note goes to every attending family, so it may name nobody of any enrolled family;
 * a carer's own note goes to their family only, so it may name nobody of another family.
 */
function checkNotes(
  vault: OpenVault,
  enrolments: readonly EnrolmentRow[],
  register: Register,
  byId: ReadonlyMap<string, EnrolmentRow>,
): void {
  const caseIds = [...new Set(enrolments.map((e) => e.caseId))];
  const inGroupNote = groupNoteNamesProblem(register.groupNote, familyNames(vault.db, caseIds));
  if (inGroupNote.length > 0) {
    throw new AppError(
      'INVALID_INPUT',
      `The group note names people of the families in this run (${wordList(inGroupNote)}). It goes on every attending family’s case, so write about the group and move anything about one family into that carer’s own note.`,
    );
  }
  for (const entry of register.entries) {
    if (!entry.carerNote) continue;
    const own = byId.get(entry.enrolmentId)?.caseId;
    const others = caseIds.filter((c) => c !== own);
    const found = groupNoteNamesProblem(entry.carerNote, familyNames(vault.db, others));
    if (found.length > 0) {
      throw new AppError(
        'INVALID_INPUT',
        `A carer’s note names people of another family in this run (${wordList(found)}). A carer’s note goes on their own case only: leave the other family out of it.`,
      );
    }
  }
}
