/**
 * One run as the contract's `RunView`: the plan, the carers with their progress, the register
 * grid and the themes delivered. A fixed number of queries whatever the run's size (the run,
 * its sessions, group notes, carers, their goals, the register, the carers' names, the themes,
 * the rule, the facilitators), no query per carer or per session. No audit row: the callers
 * decide (a read audits each enrolled case; a write has its own row).
 */
import type { RegisterState, RunView } from '../../../preload/contract/safe-home-records';
import type { Db } from '../db/connection';
import { stmt } from '../db/statements';
import { AppError } from '../errors';
import { goalsOf, runEnrolments, runRegister, type EnrolmentRow } from './families.repo';
import { carerProgressOf, isHeld, progressSessions, runStatus, sessionThemes, withdrawalOf } from './progress';
import {
  findRun,
  listThemes,
  readCompletionRule,
  runGroupNotes,
  runSessions,
  userNames,
  type RunRow,
} from './runs.repo';

export function requireRun(db: Db, runId: string): RunRow {
  const run = findRun(db, runId);
  if (!run) throw new AppError('NOT_FOUND', 'That Safe Home run does not exist. It may have been removed.');
  return run;
}

export interface CarerIdentity {
  name: string;
  relationship: string | null;
  caseReference: string;
}

/** The enrolled carers' names, relationships and case references, in one query. */
export function carerIdentities(db: Db, enrolments: readonly EnrolmentRow[]): Map<string, CarerIdentity> {
  if (enrolments.length === 0) return new Map();
  const rows = stmt(
    db,
    `SELECT p.id, p.name, p.relationship, c.reference FROM case_people p JOIN cases c ON c.id = p.case_id
      WHERE p.id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(enrolments.map((e) => e.personId))) as {
    id: string;
    name: string;
    relationship: string | null;
    reference: string;
  }[];
  return new Map(rows.map((r) => [r.id, { name: r.name, relationship: r.relationship, caseReference: r.reference }]));
}

export function runView(db: Db, runId: string): RunView {
  const run = requireRun(db, runId);
  const sessions = runSessions(db, runId);
  const notes = runGroupNotes(db, runId);
  const enrolments = runEnrolments(db, runId);
  const goals = goalsOf(
    db,
    enrolments.map((e) => e.id),
  );
  const entries = runRegister(db, runId);
  const themes = new Map(listThemes(db).map((t) => [t.id, t]));
  const rule = readCompletionRule(db);
  const identities = carerIdentities(db, enrolments);
  const facilitators = userNames(db, run.facilitatorIds);

  const statesByEnrolment = new Map<string, Map<string, RegisterState>>();
  for (const g of entries) {
    const states = statesByEnrolment.get(g.enrolmentId) ?? new Map<string, RegisterState>();
    states.set(g.sessionId, g.state);
    statesByEnrolment.set(g.enrolmentId, states);
  }
  const forProgress = progressSessions(sessions, themes);

  const delivered = new Map<string, RunView['themesDelivered'][number]>();
  for (const s of sessions) {
    if (s.kind !== 'planned' || !isHeld(s)) continue;
    for (const t of sessionThemes(s, themes)) {
      const d = delivered.get(t.id) ?? { theme: t, sessions: 0 };
      d.sessions += 1;
      delivered.set(t.id, d);
    }
  }

  return {
    id: run.id,
    title: run.title,
    delivery: run.delivery,
    facilitators: run.facilitatorIds.map((id) => ({ id, name: facilitators.get(id) ?? 'A former user' })),
    startDate: run.startDate,
    plannedSessions: run.plannedSessions,
    venue: run.venue,
    status: runStatus(run, sessions),
    closedOn: run.closedOn,
    sessions: sessions.map((s) => ({
      id: s.id,
      kind: s.kind,
      seq: s.seq,
      sessionDate: s.sessionDate,
      themes: sessionThemes(s, themes),
      registerTakenAt: s.registerTakenAt,
      forEnrolmentIds: s.forEnrolmentIds,
      groupNote: notes.get(s.id)?.text ?? '',
      version: s.version,
    })),
    enrolments: enrolments.map((e) => {
      const who = identities.get(e.personId);
      return {
        id: e.id,
        runId: e.runId,
        caseId: e.caseId,
        caseReference: who?.caseReference ?? '',
        personId: e.personId,
        carerName: who?.name ?? '',
        relationship: who?.relationship ?? null,
        enrolledOn: e.enrolledOn,
        withdrawal: withdrawalOf(e),
        progress: carerProgressOf({
          run,
          sessions: forProgress,
          enrolment: e,
          goals: goals.get(e.id) ?? [],
          states: statesByEnrolment.get(e.id) ?? new Map(),
          rule,
        }),
        version: e.version,
      };
    }),
    register: entries.map((g) => ({
      sessionId: g.sessionId,
      enrolmentId: g.enrolmentId,
      state: g.state,
      reason: g.reason,
      cancelledAt: g.cancelledAt,
      carerNote: g.carerNote,
    })),
    themesDelivered: [...delivered.values()].sort((a, b) => {
      const pa = themes.get(a.theme.id)?.position ?? 0;
      const pb = themes.get(b.theme.id)?.position ?? 0;
      return pa - pb;
    }),
    version: run.version,
  };
}

/** The cases a run's carers come from, each once (for audit rows). */
export function runCaseIds(db: Db, runId: string): string[] {
  return (
    stmt(db, 'SELECT DISTINCT case_id FROM safe_home_enrolments WHERE run_id = ? ORDER BY case_id').all(runId) as {
      case_id: string;
    }[]
  ).map((r) => r.case_id);
}
