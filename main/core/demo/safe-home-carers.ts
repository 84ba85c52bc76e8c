/**
 * One demo carer in a Safe Home run: the enrolment with ratings before (and after, once the run
 * is closed), one to three goals, a register entry for every session held (attended mostly,
 * some apologies and DNAs, "withdrawn" after a withdrawal), the odd note of their own, and now
 * and then a catch-up for a missed session. Called by `safe-home.ts` with the run's stream.
 */
import type { RegisterState, WithdrawalReason } from '../../../preload/contract/safe-home-records';
import { addDays } from '../cases/dates';
import { insertEnrolment, insertGoal, putRegisterEntry } from '../safe-home/families.repo';
import { insertSession } from '../safe-home/runs.repo';
import { stamp, type DemoContext } from './case-writer';
import type { Random } from './prng';
import * as W from './safe-home-words';

export function writeCarer(
  ctx: DemoContext,
  r: Random,
  ids: () => string,
  c: {
    runId: string;
    caseId: string;
    personId: string;
    start: string;
    sessions: { id: string; seq: number; date: string; themeIds: string[] }[];
    closed: boolean;
    by: string;
  },
): void {
  const { db } = ctx;
  const enrolmentId = ids();
  const keen = 0.7 + r.next() * 0.27;
  const withdrawAt = r.chance(0.12) ? r.int(3, 10) : null;
  const withdrawSession = withdrawAt === null ? undefined : c.sessions.find((s) => s.seq === withdrawAt);
  const enrolledOn = addDays(c.start, -r.int(7, 28));
  const at = stamp(r, enrolledOn);
  const confidenceBefore = r.int(1, 5);
  const knowledgeBefore = r.int(1, 5);
  const ratedAfter = c.closed && !withdrawSession;
  insertEnrolment(db, {
    id: enrolmentId,
    runId: c.runId,
    caseId: c.caseId,
    personId: c.personId,
    enrolledOn,
    confidenceBefore,
    knowledgeBefore,
    confidenceAfter: ratedAfter ? Math.min(10, confidenceBefore + r.int(1, 5)) : null,
    knowledgeAfter: ratedAfter ? Math.min(10, knowledgeBefore + r.int(2, 5)) : null,
    withdrawnOn: withdrawSession ? withdrawSession.date : null,
    withdrawalReason: withdrawSession
      ? r.weighted<WithdrawalReason>([
          ['carer_choice', 3],
          ['practical', 3],
          ['moved_away', 1],
          ['other', 1],
        ])
      : null,
    withdrawalDetail: withdrawSession ? r.pick(W.WITHDRAWAL_DETAILS) || null : null,
    createdAt: at,
    createdBy: c.by,
    updatedAt: at,
    updatedBy: c.by,
    version: 1,
  });
  const goals = [...W.GOALS].sort(() => r.next() - 0.5).slice(0, r.int(1, 3));
  goals.forEach((description, i) => {
    const baseline = r.int(1, 5);
    insertGoal(db, {
      id: ids(),
      caseId: c.caseId,
      enrolmentId,
      seq: i + 1,
      description,
      baselineRating: baseline,
      latestRating: ratedAfter ? Math.min(10, baseline + r.int(1, 5)) : null,
      version: 1,
    });
  });
  for (const s of c.sessions) {
    const withdrawn = withdrawSession !== undefined && s.seq >= withdrawSession.seq;
    const state: RegisterState = withdrawn
      ? 'withdrawn'
      : r.chance(keen)
        ? 'attended'
        : r.weighted<RegisterState>([
            ['apologies', 3],
            ['did_not_attend', 2],
          ]);
    const reason =
      state === 'apologies'
        ? r.pick(W.APOLOGIES)
        : state === 'did_not_attend'
          ? r.pick(W.DNA_REASONS)
          : state === 'withdrawn'
            ? 'Withdrew from the programme.'
            : null;
    putRegisterEntry(db, {
      id: ids(),
      caseId: c.caseId,
      sessionId: s.id,
      enrolmentId,
      state,
      reason,
      cancelledAt: state === 'apologies' ? stamp(r, addDays(s.date, -1)) : null,
      carerNote: state === 'attended' && r.chance(0.08) ? r.pick(W.CARER_NOTES) : '',
      updatedAt: stamp(r, s.date),
      updatedBy: c.by,
    });
    // A missed session is caught up now and then.
    if (state !== 'attended' && !withdrawn && r.chance(0.15))
      writeCatchUp(ctx, r, ids, { ...c, enrolmentId, session: s });
  }
}

function writeCatchUp(
  ctx: DemoContext,
  r: Random,
  ids: () => string,
  c: {
    runId: string;
    caseId: string;
    enrolmentId: string;
    by: string;
    session: { id: string; seq: number; date: string; themeIds: string[] };
  },
): void {
  const on = addDays(c.session.date, r.int(2, 5));
  if (on >= ctx.today) return;
  const id = ids();
  const at = stamp(r, on);
  insertSession(ctx.db, {
    id,
    runId: c.runId,
    kind: 'catch_up',
    seq: c.session.seq,
    sessionDate: on,
    themeIds: c.session.themeIds,
    coveredThemeIds: null,
    forSessionId: c.session.id,
    forEnrolmentIds: [c.enrolmentId],
    registerTakenAt: at,
    registerTakenBy: c.by,
    createdAt: at,
    createdBy: c.by,
    updatedAt: at,
    updatedBy: c.by,
    version: 1,
  });
  putRegisterEntry(ctx.db, {
    id: ids(),
    caseId: c.caseId,
    sessionId: id,
    enrolmentId: c.enrolmentId,
    state: 'attended',
    reason: null,
    cancelledAt: null,
    carerNote: '',
    updatedAt: at,
    updatedBy: c.by,
  });
}
