/** Explicit fixtures for intervention tests: a real case with a professional network and a plan. */
import { personSchema } from '../../../../preload/contract/case-records';
import {
  concernSchema,
  interventionSessionSchema,
  planSchema,
  type ConcernInput,
  type InterventionSessionInput,
  type PlanInput,
} from '../../../../preload/contract/interventions';
import { addPerson } from '../../../../main/core/cases/people.service';
import type { OpenVault } from '../../../../main/core/vault/vault';
import { newCase } from '../cases/fixtures';

export interface InterventionCase {
  caseId: string;
  reference: string;
  socialWorkerId: string;
  teacherId: string;
}

export function interventionCase(vault: OpenVault): InterventionCase {
  const c = newCase(vault, { servicesRequested: ['intervention'] });
  const person = (name: string, role: 'social_worker' | 'school', agency: string) =>
    addPerson(vault, c.id, personSchema.parse({ kind: 'professional', name, role, agency })).id;
  return {
    caseId: c.id,
    reference: c.reference,
    socialWorkerId: person('Priya Shah', 'social_worker', 'Leeds Children’s Services'),
    teacherId: person('Mr Owen Price', 'school', 'Park View Academy'),
  };
}

export function plan(vault: OpenVault, n: InterventionCase, overrides: Partial<PlanInput> = {}) {
  return planSchema.parse({
    planType: 'individual',
    startDate: '2025-05-01',
    clinicianIds: [vault.user.id],
    networkCare: [{ personId: n.socialWorkerId, care: 'Child in need plan; fortnightly visits.' }],
    goals: [
      { area: 'making_sense', description: 'Understand what led to the behaviour.', baselineRating: 2 },
      { area: 'healthy_strategies', description: 'Find safe ways to deal with boredom.', baselineRating: 4 },
      { area: 'emotions_relationships', description: 'Talk to mum when I feel angry.', baselineRating: 3 },
    ],
    ...overrides,
  });
}

export function session(overrides: Partial<InterventionSessionInput> = {}) {
  return interventionSessionSchema.parse({
    sessionDate: '2025-06-02',
    startTime: '16:00',
    durationMinutes: 60,
    sessionType: 'individual',
    attendees: 'Young person; clinician',
    venue: 'clinic',
    attendance: 'attended',
    content: 'Worked on the timeline of the week before the behaviour.',
    observations: 'Engaged well; quieter when talking about home.',
    nextSteps: 'Bring the feelings diary next time.',
    ...overrides,
  });
}

export function concern(vault: OpenVault, n: InterventionCase, overrides: Partial<ConcernInput> = {}) {
  return concernSchema.parse({
    description: 'Disclosed that an older cousin has been staying over and shares his room.',
    actionTaken: 'Spoke to the duty social worker the same afternoon.',
    informedPersonIds: [n.socialWorkerId],
    informedAt: '2025-06-02T17:30:00Z',
    followUp: {
      title: 'Check the sleeping arrangements with the social worker',
      ownerId: vault.user.id,
      dueDate: '2025-06-20',
    },
    ...overrides,
  });
}

/** The item at `i`, or a test failure saying it is missing (instead of a non-null assertion). */
export function nth<T>(items: readonly T[], i: number): T {
  const item = items[i];
  if (item === undefined) throw new Error(`Expected an item at ${i}; there are ${items.length}.`);
  return item;
}
