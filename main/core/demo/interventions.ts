/**
 * Demo interventions: about four in five active or closed cases that asked for intervention
 * have a plan with one to three goals (baselines low, drifting up over the work), weekly
 * sessions from the start (most attended, some DNAs and cancellations, each with a reason),
 * ratings every few sessions, a review now and then, and for about one plan in eight a
 * safeguarding concern with its flag and follow-up task. Active plans have their next session
 * booked; a closed case's plan is closed after its last session. Each case draws from its own
 * random stream, keyed by its id, so the rest of the demo data for a seed is unchanged.
 */
import type { Attendance, PlanType, SessionType, Venue } from '../../../preload/contract/intervention-records';
import { concernFlagReason } from '../interventions/concerns.service';
import { addDays } from '../cases/dates';
import { insertFlag } from '../casework/flags.repo';
import { insertTask } from '../casework/tasks.repo';
import type { Db } from '../db/connection';
import { stmt } from '../db/statements';
import { insertGoal, insertPlan, insertRating, insertReview } from '../interventions/interventions.repo';
import { insertConcern, insertSession } from '../interventions/sessions.repo';
import { stamp, type DemoContext } from './case-writer';
import { createHash } from 'node:crypto';
import { CONTENT, GOALS, NEXT_STEPS, OBSERVATIONS, REASONS } from './intervention-words';
import { Random } from './prng';

function reasonFor(r: Random, a: Attendance): string | null {
  return a === 'attended' || a === 'planned' ? null : r.pick(REASONS[a]);
}

/**
 * Record ids for one case's interventions: a SHA-256 of the case id and a counter, shaped as a
 * version-4 UUID. Deterministic like the rest of the demo, and unlike the PRNG's own `uuid()`
 * never the same across cases: its 32-bit state lets two cases' streams overlap, and a long
 * session log draws enough numbers for that to happen at 10,000 cases.
 */
function idMaker(caseId: string): () => string {
  let n = 0;
  return () => {
    const hex = createHash('sha256').update(`${caseId}:interventions:${n++}`).digest('hex').slice(0, 32).split('');
    hex[12] = '4';
    hex[16] = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
    const h = hex.join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  };
}

interface InterventionCase {
  id: string;
  status: 'active' | 'closed';
  paperwork_complete_date: string | null;
  referral_date: string;
}

/** Write the interventions of the cases just written (by reference), inside the caller's transaction. */
export function writeDemoInterventions(ctx: DemoContext, references: readonly string[]): number {
  let written = 0;
  for (const reference of references) {
    const c = interventionCase(ctx.db, reference);
    if (!c) continue;
    const r = new Random(`${c.id}:interventions`);
    if (!r.chance(0.8)) continue;
    if (writePlan(ctx, r, c)) written++;
  }
  return written;
}

function writePlan(ctx: DemoContext, r: Random, c: InterventionCase): boolean {
  const { db } = ctx;
  const ids = idMaker(c.id);
  const start = addDays(c.paperwork_complete_date ?? c.referral_date, r.int(14, 90));
  if (start >= ctx.today) return false;
  const weeks = r.int(4, 30);
  const lastHeld = [addDays(start, (weeks - 1) * 7), addDays(ctx.today, -1)].sort()[0] as string;
  const worker = r.pick(ctx.workers.length > 0 ? ctx.workers : [ctx.by]);
  const network = stmt(
    db,
    "SELECT id FROM case_people WHERE case_id = ? AND kind IN ('professional', 'referrer') ORDER BY id",
  ).all(c.id) as { id: string }[];
  const closed = c.status === 'closed';
  const planId = ids();
  const at = stamp(r, start);
  insertPlan(db, {
    id: planId,
    caseId: c.id,
    planType: r.weighted<PlanType>([
      ['individual', 6],
      ['both', 3],
      ['family', 1],
    ]),
    startDate: start,
    clinicianIds: [worker],
    networkCare: network
      .slice(0, r.int(0, 2))
      .map((p) => ({ personId: p.id, care: 'Regular visits and review meetings.' })),
    state: closed ? 'closed' : 'active',
    closedOn: closed ? lastHeld : null,
    closureReason: closed ? r.pick(['goals_met', 'goals_partly_met', 'disengaged'] as const) : null,
    closingSummary: closed ? 'The work ended as planned; the network was told of the progress.' : null,
    closingRecommendations: closed ? 'The network keeps the safety plan under review.' : null,
    createdAt: at,
    createdBy: worker,
    updatedAt: at,
    updatedBy: worker,
    version: 1,
  });
  const goals = [...GOALS]
    .sort(() => r.next() - 0.5)
    .slice(0, r.int(1, 3))
    .map(([area, description], i) => {
      const id = ids();
      insertGoal(db, { id, caseId: c.id, planId, seq: i + 1, area, description, version: 1 });
      const baseline = r.int(0, 4);
      insertRating(db, {
        id: ids(),
        caseId: c.id,
        goalId: id,
        sessionId: null,
        ratedOn: start,
        rating: baseline,
        version: 1,
      });
      return { id, rating: baseline, gain: r.next() * 0.5 };
    });
  let concernAt = r.chance(0.125) ? r.int(1, weeks) : -1;
  let held = 0;
  for (let w = 0; w < weeks; w++) {
    const on = addDays(start, w * 7);
    if (on > lastHeld) break;
    const attendance = r.weighted<Attendance>([
      ['attended', 75],
      ['did_not_attend', 10],
      ['cancelled_by_family', 8],
      ['cancelled_by_service', 7],
    ]);
    const sessionId = ids();
    const ratedNow = attendance === 'attended' && ++held % 4 === 0;
    writeSession(ctx, r, { caseId: c.id, planId, sessionId, on, attendance, worker, goalIds: goals.map((g) => g.id) });
    if (ratedNow) {
      for (const g of goals) {
        g.rating = Math.min(10, Math.max(0, Math.round(g.rating + g.gain * 4 + (r.next() - 0.4) * 2)));
        insertRating(db, {
          id: ids(),
          caseId: c.id,
          goalId: g.id,
          sessionId,
          ratedOn: on,
          rating: g.rating,
          version: 1,
        });
      }
    }
    if (attendance === 'attended' && w >= concernAt && concernAt >= 0 && network.length > 0) {
      writeConcern(ctx, r, ids, { caseId: c.id, sessionId, on, worker, informed: (network[0] as { id: string }).id });
      concernAt = -1;
    }
    if (w > 0 && w % 12 === 0) {
      insertReview(db, {
        id: ids(),
        caseId: c.id,
        planId,
        reviewDate: on,
        attendees: 'Young person; carer; lead clinician; social worker',
        progress: 'Steady progress on the goals; attendance discussed.',
        changes: '',
        recommendations: 'Continue the plan for a further twelve weeks.',
        createdAt: stamp(r, on),
        createdBy: worker,
        version: 1,
      });
    }
  }
  if (!closed) {
    const next = addDays(ctx.today, r.int(1, 7));
    writeSession(ctx, r, {
      caseId: c.id,
      planId,
      sessionId: ids(),
      on: next,
      attendance: 'planned',
      worker,
      goalIds: [],
    });
  }
  return true;
}

function writeSession(
  ctx: DemoContext,
  r: Random,
  s: {
    caseId: string;
    planId: string;
    sessionId: string;
    on: string;
    attendance: Attendance;
    worker: string;
    goalIds: string[];
  },
): void {
  const held = s.attendance === 'attended';
  const at = stamp(r, s.attendance === 'planned' ? addDays(ctx.today, -1) : s.on);
  insertSession(ctx.db, {
    id: s.sessionId,
    caseId: s.caseId,
    planId: s.planId,
    sessionDate: s.on,
    startTime: r.pick(['10:00', '13:30', '15:45', '16:30']),
    durationMinutes: r.pick([45, 50, 60, 90]),
    sessionType: r.weighted<SessionType>([
      ['individual', 7],
      ['family', 2],
      ['parent_carer', 1],
    ]),
    attendees: held ? 'Young person; clinician' : '',
    venue: r.weighted<Venue>([
      ['clinic', 5],
      ['school', 2],
      ['home', 2],
      ['virtual', 1],
    ]),
    attendance: s.attendance,
    attendanceReason: reasonFor(r, s.attendance),
    goalIds: held ? s.goalIds : [],
    content: held ? r.pick(CONTENT) : '',
    observations: held ? r.pick(OBSERVATIONS) : '',
    nextSteps: held ? r.pick(NEXT_STEPS) : '',
    createdAt: at,
    createdBy: s.worker,
    updatedAt: at,
    updatedBy: s.worker,
    version: 1,
  });
}

function writeConcern(
  ctx: DemoContext,
  r: Random,
  ids: () => string,
  c: { caseId: string; sessionId: string; on: string; worker: string; informed: string },
): void {
  const description = 'Said an older cousin has been staying over and shares a bedroom with younger children.';
  const at = stamp(r, c.on);
  const flagId = ids();
  const due = addDays(c.on, 7);
  insertFlag(ctx.db, {
    id: flagId,
    caseId: c.caseId,
    reason: concernFlagReason(c.on, description),
    addressBy: due,
    at,
    by: c.worker,
  });
  const taskId = ids();
  insertTask(ctx.db, {
    id: taskId,
    caseId: c.caseId,
    title: 'Check the sleeping arrangements with the social worker',
    ownerId: c.worker,
    dueDate: due,
    at,
    by: c.worker,
  });
  insertConcern(ctx.db, {
    id: ids(),
    caseId: c.caseId,
    sessionId: c.sessionId,
    description,
    actionTaken: 'Told the duty social worker the same afternoon; the family was told what would happen next.',
    informedPersonIds: [c.informed],
    informedAt: at,
    flagId,
    taskId,
    createdAt: at,
    createdBy: c.worker,
    version: 1,
  });
  ctx.totals.flags++;
  ctx.totals.tasks++;
}

/** The case when it is in (or has finished) intervention work. */
function interventionCase(db: Db, reference: string): InterventionCase | null {
  return (
    (stmt(
      db,
      `SELECT c.id, c.status, c.paperwork_complete_date, c.referral_date FROM cases c
        WHERE c.reference = ? AND c.consultation_only = 0 AND c.status IN ('active', 'closed')
          AND EXISTS (SELECT 1 FROM case_services s WHERE s.case_id = c.id AND s.service = 'intervention')`,
    ).get(reference) as InterventionCase | undefined) ?? null
  );
}
