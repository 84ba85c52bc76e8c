/**
 * Plans and sessions as the contract shows them: names for ids, each goal's ratings and change,
 * the plan's attendance and next session, each session's concerns and sign-off. Reads only; the
 * callers audit.
 */
import type {
  ConcernView,
  GoalView,
  InterventionSessionView,
  PlanView,
} from '../../../preload/contract/intervention-records';
import { attendanceSummary, gboChange } from '../../../preload/contract/intervention-outcomes';
import type { Attendance } from '../../../preload/contract/intervention-records';
import type { SignoffView } from '../../../preload/contract/signoff';
import { networkPeople } from '../consultations/consultations.repo';
import type { Db } from '../db/connection';
import { signoffState } from '../reports/signoff/signoff';
import {
  planAttendance,
  planGoals,
  planRatings,
  planReviews,
  ratingsOfSessions,
  userNames,
  type PlanRow,
} from './interventions.repo';
import { concernsOf, sessionsWithSignoff, type SessionRow } from './sessions.repo';

/** Where a note stands before anyone signs it or adds to it (what `signoffState` would say). */
const unsigned = (): SignoffView => ({ locked: false, signedVersions: [], addenda: [], canSignAgain: false });

/** The sign-off subject kind of a session note. */
export const SESSION_SUBJECT = 'intervention_session';

export function planView(db: Db, plan: PlanRow, today: string): PlanView {
  const ratings = planRatings(db, plan.id);
  const goals: GoalView[] = planGoals(db, plan.id).map((g) => {
    const mine = ratings
      .filter((r) => r.goalId === g.id)
      .map((r) => ({ ratedOn: r.ratedOn, rating: r.rating, sessionId: r.sessionId }));
    return { id: g.id, seq: g.seq, area: g.area, description: g.description, ratings: mine, change: gboChange(mine) };
  });
  const people = new Map(networkPeople(db, plan.caseId).map((p) => [p.id, p]));
  const reviews = planReviews(db, plan.id);
  const names = userNames(db, [...plan.clinicianIds, ...reviews.map((r) => r.createdBy)]);
  const { attendances, next } = planAttendance(db, plan.id, today);
  return {
    id: plan.id,
    caseId: plan.caseId,
    planType: plan.planType,
    startDate: plan.startDate,
    clinicians: plan.clinicianIds.map((id) => ({ id, name: names.get(id) ?? '' })),
    networkCare: plan.networkCare.map((c) => {
      const p = people.get(c.personId);
      return { ...c, name: p?.name ?? 'No longer on the People tab', role: p?.role ?? null, agency: p?.agency ?? null };
    }),
    goals,
    reviews: reviews.map((r) => ({
      id: r.id,
      reviewDate: r.reviewDate,
      attendees: r.attendees,
      progress: r.progress,
      changes: r.changes,
      recommendations: r.recommendations,
      createdByName: names.get(r.createdBy) ?? '',
    })),
    closure:
      plan.state === 'closed' && plan.closedOn && plan.closureReason
        ? {
            closedOn: plan.closedOn,
            reason: plan.closureReason,
            summary: plan.closingSummary ?? '',
            recommendations: plan.closingRecommendations ?? '',
          }
        : null,
    attendance: attendanceSummary(attendances as Attendance[]),
    nextSessionDate: next,
    version: plan.version,
  };
}

/** Sessions with their ratings, concerns and sign-off; the network's names read once for all. */
export function sessionViews(db: Db, rows: readonly SessionRow[]): InterventionSessionView[] {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const concerns = concernsOf(db, ids);
  const ratings = ratingsOfSessions(db, ids);
  const signed = sessionsWithSignoff(db, SESSION_SUBJECT, ids);
  const caseId = (rows[0] as SessionRow).caseId;
  const people = new Map(networkPeople(db, caseId).map((p) => [p.id, p]));
  const names = userNames(db, [
    ...new Set([...rows.map((r) => r.createdBy), ...[...concerns.values()].flat().map((c) => c.createdBy)]),
  ]);
  return rows.map((s) => ({
    id: s.id,
    planId: s.planId,
    caseId: s.caseId,
    sessionDate: s.sessionDate,
    startTime: s.startTime,
    durationMinutes: s.durationMinutes,
    sessionType: s.sessionType,
    attendees: s.attendees,
    venue: s.venue,
    attendance: s.attendance,
    attendanceReason: s.attendanceReason,
    goalIds: s.goalIds,
    content: s.content,
    observations: s.observations,
    ratings: (ratings.get(s.id) ?? []).map((r) => ({ goalId: r.goalId, rating: r.rating })),
    nextSteps: s.nextSteps,
    concerns: (concerns.get(s.id) ?? []).map((c): ConcernView => ({
      id: c.id,
      description: c.description,
      actionTaken: c.actionTaken,
      informed: c.informedPersonIds.flatMap((id) => {
        const p = people.get(id);
        return p ? [{ id, name: p.name, role: p.role, agency: p.agency }] : [];
      }),
      informedAt: c.informedAt,
      flagId: c.flagId,
      taskId: c.taskId,
      raisedByName: names.get(c.createdBy) ?? '',
      raisedAt: c.createdAt,
    })),
    createdByName: names.get(s.createdBy) ?? '',
    createdAt: s.createdAt,
    version: s.version,
    signoff: signed.has(s.id) ? signoffState(db, SESSION_SUBJECT, s.id) : unsigned(),
  }));
}
