/**
 * Enrolling a parent or carer from their case, their ratings and goals, and withdrawing them.
 *
 * Who can be enrolled (chosen where the issue was silent): a person on the case's People tab
 * whose kind is "parent or carer" (not a professional, a referrer, a sibling or another child);
 * once per run; from a case that is not closed or declined; on a date not after today. A run for
 * one family takes carers of one case only. The run's title and venue, which every family sees,
 * may not name the new family's people.
 */
import { randomUUID } from 'node:crypto';
import type { ChannelParsedInput } from '../../../preload/contract';
import { WITHDRAWAL_REASON_LABELS, type RunView } from '../../../preload/contract/safe-home-records';
import { today } from '../cases/cases.service';
import { formatUkDate } from '../cases/dates';
import { findCase } from '../cases/cases.repo';
import { findPerson } from '../cases/people.repo';
import type { Db } from '../db/connection';
import { AppError } from '../errors';
import type { OpenVault } from '../vault/vault';
import {
  enrolmentOfPerson,
  findEnrolment,
  goalsOf,
  insertEnrolment,
  insertGoal,
  putRegisterEntry,
  rateGoal,
  reviseEnrolment,
  runEnrolments,
  type EnrolmentRow,
} from './families.repo';
import { auditForCases, notAfterToday, requireOpenRun, stale } from './guards';
import { runView } from './run-view';
import { findSession, type SessionRow } from './runs.repo';
import { checkRunWords } from './run-plan';
import { stmt } from '../db/statements';

type Enrolment = ChannelParsedInput<'safeHomeEnrolment:create'>['enrolment'];
type Outcome = ChannelParsedInput<'safeHomeEnrolment:rate'>['outcome'];
type Withdrawal = ChannelParsedInput<'safeHomeEnrolment:withdraw'>['withdrawal'];

export function requireEnrolment(db: Db, id: string): EnrolmentRow {
  const e = findEnrolment(db, id);
  if (!e) throw new AppError('NOT_FOUND', 'That carer is not enrolled in a Safe Home run. They may have been removed.');
  return e;
}

export function enrolCarer(vault: OpenVault, runId: string, input: Enrolment): RunView {
  const { db } = vault;
  return db
    .transaction(() => {
      const run = requireOpenRun(db, runId);
      const c = findCase(db, input.caseId);
      if (!c) throw new AppError('NOT_FOUND', 'That case does not exist. It may have been removed.');
      if (c.status === 'closed' || c.status === 'declined') {
        throw new AppError(
          'INVALID_INPUT',
          `Case ${c.reference} is ${c.status}, so its carers cannot be enrolled. Reopen the case first if the family is to join.`,
        );
      }
      const person = findPerson(db, input.personId);
      if (!person || person.caseId !== input.caseId) {
        throw new AppError(
          'INVALID_INPUT',
          `That person is not on case ${c.reference}’s People tab. Add them there first.`,
        );
      }
      if (person.kind !== 'parent_carer') {
        throw new AppError(
          'INVALID_INPUT',
          `${person.name} is not recorded as a parent or carer on the People tab. Safe Home enrols parents and carers.`,
        );
      }
      if (enrolmentOfPerson(db, runId, input.personId)) {
        throw new AppError('INVALID_INPUT', `${person.name} is already enrolled in this run.`);
      }
      const others = runEnrolments(db, runId).filter((e) => e.caseId !== input.caseId);
      if (run.delivery === 'family' && others.length > 0) {
        throw new AppError(
          'INVALID_INPUT',
          'This run is for one family and another family’s carers are enrolled. Enrol this carer in a group run, or a run of their own.',
        );
      }
      notAfterToday(input.enrolledOn, today(vault), 'The enrolment date');
      if (input.goals.some((g) => g.id !== null)) {
        throw new AppError('INVALID_INPUT', 'A new enrolment’s goals are new: leave out their ids.');
      }
      checkRunWords(db, run, [input.caseId]);
      const id = randomUUID();
      const at = vault.now().toISOString();
      const by = vault.user.id;
      insertEnrolment(db, {
        id,
        runId,
        caseId: input.caseId,
        personId: input.personId,
        enrolledOn: input.enrolledOn,
        confidenceBefore: input.confidenceBefore,
        knowledgeBefore: input.knowledgeBefore,
        confidenceAfter: null,
        knowledgeAfter: null,
        withdrawnOn: null,
        withdrawalReason: null,
        withdrawalDetail: null,
        createdAt: at,
        createdBy: by,
        updatedAt: at,
        updatedBy: by,
        version: 1,
      });
      input.goals.forEach((g, i) =>
        insertGoal(db, {
          id: randomUUID(),
          caseId: input.caseId,
          enrolmentId: id,
          seq: i + 1,
          description: g.description,
          baselineRating: g.baselineRating,
          latestRating: null,
          version: 1,
        }),
      );
      auditForCases(
        vault,
        { action: 'safeHomeEnrolment.create', entityType: 'safeHomeEnrolment', entityId: id, runId },
        [input.caseId],
      );
      return runView(db, runId);
    })
    .immediate();
}

export function rateCarer(vault: OpenVault, enrolmentId: string, expectedVersion: number, outcome: Outcome): RunView {
  const { db } = vault;
  return db
    .transaction(() => {
      const e = requireEnrolment(db, enrolmentId);
      requireOpenRun(db, e.runId);
      if (e.version !== expectedVersion) throw stale('carer’s enrolment');
      const goals = new Set((goalsOf(db, [e.id]).get(e.id) ?? []).map((g) => g.id));
      if (outcome.goalRatings.some((r) => !goals.has(r.goalId))) {
        throw new AppError('INVALID_INPUT', 'A goal rating names a goal that is not this carer’s.');
      }
      if (new Set(outcome.goalRatings.map((r) => r.goalId)).size !== outcome.goalRatings.length) {
        throw new AppError('INVALID_INPUT', 'A goal is rated twice. Rate each once.');
      }
      const at = vault.now().toISOString();
      if (
        !reviseEnrolment(db, e.id, expectedVersion, { ...outcome, updatedAt: at, updatedBy: vault.user.id }, 'ratings')
      ) {
        throw stale('carer’s enrolment');
      }
      for (const r of outcome.goalRatings) rateGoal(db, r.goalId, r.rating);
      auditForCases(
        vault,
        { action: 'safeHomeEnrolment.rate', entityType: 'safeHomeEnrolment', entityId: e.id, runId: e.runId },
        [e.caseId],
      );
      return runView(db, e.runId);
    })
    .immediate();
}

/** Register entries of a carer in sessions on or after a date (with their sessions), date order. */
function entriesFrom(
  db: Db,
  enrolmentId: string,
  from: string,
): { session: SessionRow; state: string; id: string; carerNote: string }[] {
  const rows = stmt(
    db,
    `SELECT g.id, g.session_id, g.state, g.carer_note FROM safe_home_register g
       JOIN safe_home_sessions s ON s.id = g.session_id
      WHERE g.enrolment_id = ? AND s.session_date >= ? ORDER BY s.session_date`,
  ).all(enrolmentId, from) as { id: string; session_id: string; state: string; carer_note: string }[];
  return rows.flatMap((r) => {
    const session = findSession(db, r.session_id);
    return session ? [{ session, state: r.state, id: r.id, carerNote: r.carer_note }] : [];
  });
}

/**
 * Withdraw a carer from a date. Registers already taken on or after it mark them withdrawn, and
 * later registers will; a carer who attended a session on or after the date cannot be withdrawn
 * from it (choose a later date). In the register's transaction when the register withdraws them.
 */
export function withdrawInTransaction(vault: OpenVault, e: EnrolmentRow, withdrawal: Withdrawal, at: string): void {
  const { db } = vault;
  if (e.withdrawnOn !== null) {
    throw new AppError('INVALID_INPUT', `This carer withdrew on ${formatUkDate(e.withdrawnOn)} already.`);
  }
  notAfterToday(withdrawal.withdrawnOn, today(vault), 'The withdrawal date');
  if (withdrawal.withdrawnOn < e.enrolledOn) {
    throw new AppError(
      'INVALID_INPUT',
      `The carer was enrolled on ${formatUkDate(e.enrolledOn)}: a withdrawal is on or after that day.`,
    );
  }
  const later = entriesFrom(db, e.id, withdrawal.withdrawnOn);
  const attended = later.find((l) => l.state === 'attended');
  if (attended) {
    throw new AppError(
      'INVALID_INPUT',
      `The carer attended session ${attended.session.seq} on ${formatUkDate(attended.session.sessionDate)}, on or after the withdrawal date. Withdraw them from after that session.`,
    );
  }
  if (
    !reviseEnrolment(
      db,
      e.id,
      e.version,
      {
        ...withdrawal,
        withdrawalReason: withdrawal.reason,
        withdrawalDetail: withdrawal.detail,
        updatedAt: at,
        updatedBy: vault.user.id,
      },
      'withdrawal',
    )
  ) {
    throw stale('carer’s enrolment');
  }
  const reason = withdrawal.detail || WITHDRAWAL_REASON_LABELS[withdrawal.reason];
  for (const l of later) {
    putRegisterEntry(db, {
      id: l.id,
      caseId: e.caseId,
      sessionId: l.session.id,
      enrolmentId: e.id,
      state: 'withdrawn',
      reason,
      cancelledAt: null,
      carerNote: l.carerNote,
      updatedAt: at,
      updatedBy: vault.user.id,
    });
  }
}

export function withdrawCarer(
  vault: OpenVault,
  enrolmentId: string,
  expectedVersion: number,
  withdrawal: Withdrawal,
): RunView {
  const { db } = vault;
  return db
    .transaction(() => {
      const e = requireEnrolment(db, enrolmentId);
      requireOpenRun(db, e.runId);
      if (e.version !== expectedVersion) throw stale('carer’s enrolment');
      withdrawInTransaction(vault, e, withdrawal, vault.now().toISOString());
      auditForCases(
        vault,
        {
          action: 'safeHomeEnrolment.withdraw',
          entityType: 'safeHomeEnrolment',
          entityId: e.id,
          runId: e.runId,
          detail: { withdrawnOn: withdrawal.withdrawnOn, reason: withdrawal.reason },
        },
        [e.caseId],
      );
      return runView(db, e.runId);
    })
    .immediate();
}
