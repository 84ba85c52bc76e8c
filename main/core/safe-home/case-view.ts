/**
 * One case's Safe Home: its carers' journeys and the family's safety-plan versions.
 *
 * **Separation.** Everything read here is selected by this case: its enrolments, its register
 * entries (`case_id`), its safety plans. From the run it takes only what no family owns: the
 * title, delivery, the sessions' dates and themes, and the group note of a session this carer
 * attended (a group note names no family: `safeHomeSession:takeRegister` refuses one that does).
 * Another family's catch-ups, states, notes and names never enter the view. Progress is worked
 * out from this carer's own states, so it equals the run overview's.
 */
import type { CarerJourneyView, CaseSafeHomeView, RegisterState } from '../../../preload/contract/safe-home-records';
import { auditedRead } from '../cases/cases.service';
import type { Db } from '../db/connection';
import type { OpenVault } from '../vault/vault';
import { caseEnrolments, caseRegister, caseSafetyPlans, goalsOf, type RegisterEntryRow } from './families.repo';
import { carerProgressOf, progressSessions, sessionThemes, withdrawalOf } from './progress';
import { carerIdentities, requireRun } from './run-view';
import { listThemes, readCompletionRule, runGroupNotes, runSessions, type SessionRow } from './runs.repo';
import { safetyPlanViews } from './safety-plans.service';

export function caseSafeHomeView(db: Db, caseId: string): CaseSafeHomeView {
  const enrolments = caseEnrolments(db, caseId);
  const goals = goalsOf(
    db,
    enrolments.map((e) => e.id),
  );
  const entries = new Map<string, RegisterEntryRow[]>();
  for (const g of caseRegister(db, caseId)) entries.set(g.enrolmentId, [...(entries.get(g.enrolmentId) ?? []), g]);
  const identities = carerIdentities(db, enrolments);
  const themes = new Map(listThemes(db).map((t) => [t.id, t]));
  const rule = readCompletionRule(db);
  const runs = new Map<string, { sessions: SessionRow[]; notes: ReturnType<typeof runGroupNotes> }>();
  const runOf = (runId: string) => {
    let r = runs.get(runId);
    if (!r) {
      r = { sessions: runSessions(db, runId), notes: runGroupNotes(db, runId) };
      runs.set(runId, r);
    }
    return r;
  };

  const journeys = enrolments.map((e): CarerJourneyView => {
    const run = requireRun(db, e.runId);
    const { sessions: all, notes } = runOf(e.runId);
    // This carer's sessions: the plan, and the catch-ups that were for them (not another family's).
    const sessions = all.filter((s) => s.kind === 'planned' || s.forEnrolmentIds.includes(e.id));
    const mine = new Map((entries.get(e.id) ?? []).map((g) => [g.sessionId, g]));
    const states = new Map<string, RegisterState>([...mine].map(([id, g]) => [id, g.state]));
    const who = identities.get(e.personId);
    return {
      enrolmentId: e.id,
      runId: run.id,
      runTitle: run.title,
      delivery: run.delivery,
      carerName: who?.name ?? '',
      relationship: who?.relationship ?? null,
      enrolledOn: e.enrolledOn,
      withdrawal: withdrawalOf(e),
      progress: carerProgressOf({
        run,
        sessions: progressSessions(sessions, themes),
        enrolment: e,
        goals: goals.get(e.id) ?? [],
        states,
        rule,
      }),
      sessions: sessions.map((s) => {
        const entry = mine.get(s.id);
        return {
          sessionId: s.id,
          kind: s.kind,
          seq: s.seq,
          sessionDate: s.sessionDate,
          themes: sessionThemes(s, themes),
          state: entry?.state ?? null,
          reason: entry?.reason ?? null,
          groupNote: entry?.state === 'attended' ? (notes.get(s.id)?.text ?? null) : null,
          carerNote: entry?.carerNote ? entry.carerNote : null,
        };
      }),
    };
  });

  return { caseId, journeys, safetyPlans: safetyPlanViews(db, caseSafetyPlans(db, caseId)) };
}

/** The case page's Safe Home, audited as `case.read` of this case. */
export function getCaseSafeHome(vault: OpenVault, caseId: string): CaseSafeHomeView {
  return auditedRead(vault, caseId, 'safe_home', () => caseSafeHomeView(vault.db, caseId));
}
