/** A case with a professional, an intervention plan and a session, made through the router of a laptop. */
import type { InterventionSessionView, PlanView } from '../../../../preload/contract';
import { makeCase, type Laptop } from '../bundles/app-fixtures';

export interface ChannelCase {
  caseId: string;
  personId: string;
  plan: PlanView;
  session: InterventionSessionView;
}

export const SESSION_INPUT = {
  sessionDate: '2026-03-02',
  startTime: '16:00',
  durationMinutes: 50,
  sessionType: 'individual',
  venue: 'clinic',
  attendance: 'attended',
  content: 'Timeline work.',
  nextSteps: 'Feelings diary.',
} as const;

export async function caseWithPlan(l: Laptop, userId: string): Promise<ChannelCase> {
  const made = await makeCase(l, 'Hughes');
  const person = await l.call<{ id: string }>('person:add', {
    caseId: made.id,
    person: { kind: 'professional', name: 'Priya Shah', role: 'social_worker', agency: 'Leeds' },
  });
  const plan = await l.call<PlanView>('intervention:create', {
    caseId: made.id,
    plan: {
      planType: 'individual',
      startDate: '2026-02-01',
      clinicianIds: [userId],
      networkCare: [{ personId: person.id, care: 'Child in need visits.' }],
      goals: [{ area: 'making_sense', description: 'Understand what happened.', baselineRating: 2 }],
    },
  });
  const goalId = plan.goals[0]?.id ?? '';
  const session = await l.call<InterventionSessionView>('interventionSession:create', {
    planId: plan.id,
    session: { ...SESSION_INPUT, goalIds: [goalId], ratings: [{ goalId, rating: 6 }] },
  });
  return { caseId: made.id, personId: person.id, plan, session };
}

export async function whoAmI(l: Laptop): Promise<string> {
  const status = await l.call<{ user: { id: string } | null }>('vault:status', {});
  return status.user?.id ?? '';
}
