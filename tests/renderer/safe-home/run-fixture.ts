/**
 * A run as the core returns it, built by hand for the screens' pure parts: three sessions (the
 * third covering the safety plan), a catch-up of session 2 for one carer, and three carers from
 * two cases, one withdrawn after session 2.
 */
import type { CarerProgress, EnrolmentView, RunView } from '../../../preload/contract/safe-home';

/** A record id (a UUID) for a short name, the same each time. */
export function id(short: string): string {
  const hex = [...short]
    .map((c) => c.charCodeAt(0).toString(16).padStart(2, '0'))
    .join('')
    .slice(-12)
    .padStart(12, '0');
  return `00000000-0000-4000-8000-${hex}`;
}

const progress = (over: Partial<CarerProgress> = {}): CarerProgress => ({
  plannedSessions: 13,
  sessionsHeld: 2,
  sessionsAttended: 1,
  catchUpsAttended: 0,
  themesCovered: [],
  themesMissed: [],
  attendedSafetyPlanSession: false,
  completion: 'in_progress',
  completionWords: 'In progress: 1 of 13 sessions (8 %), safety-plan session not yet attended',
  confidenceBefore: null,
  confidenceAfter: null,
  knowledgeBefore: null,
  knowledgeAfter: null,
  goals: [],
  ...over,
});

const enrolment = (
  enrolmentId: string,
  carerName: string,
  caseReference: string,
  over: Partial<EnrolmentView> = {},
): EnrolmentView => ({
  id: enrolmentId,
  runId: id('run-1'),
  caseId: id(`case-${caseReference}`),
  caseReference,
  personId: id(`person-${enrolmentId}`),
  carerName,
  relationship: 'Mother',
  enrolledOn: '2026-01-05',
  withdrawal: null,
  progress: progress(),
  version: 1,
  ...over,
});

const theme = (themeId: string, label: string) => ({ id: themeId, label, aim: 'knowledge' as const });

/** The value, or a failed test saying what was missing (instead of a non-null assertion). */
export function found<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`The fixture has no ${what}.`);
  return value;
}

export function sampleRun(): RunView {
  return {
    id: id('run-1'),
    title: 'Spring group, north',
    delivery: 'group',
    facilitators: [{ id: id('u1'), name: 'Dr Lena Rowe' }],
    startDate: '2026-01-12',
    plannedSessions: 13,
    venue: 'Leeds service base',
    status: 'in_progress',
    closedOn: null,
    sessions: [
      {
        id: id('s1'),
        kind: 'planned',
        seq: 1,
        sessionDate: '2026-01-12',
        themes: [theme(id('t1'), 'Processing what happened')],
        registerTakenAt: '2026-01-12T19:00:00Z',
        forEnrolmentIds: [],
        groupNote: 'The group talked about boundaries at home.',
        version: 2,
      },
      {
        id: id('s2'),
        kind: 'planned',
        seq: 2,
        sessionDate: '2026-01-19',
        themes: [theme(id('t2'), 'Pathways and risk factors')],
        registerTakenAt: '2026-01-19T19:00:00Z',
        forEnrolmentIds: [],
        groupNote: '',
        version: 2,
      },
      {
        id: id('s3'),
        kind: 'planned',
        seq: 3,
        sessionDate: '2026-01-26',
        themes: [theme(id('t8'), 'The safety plan')],
        registerTakenAt: null,
        forEnrolmentIds: [],
        groupNote: '',
        version: 1,
      },
      {
        id: id('c2'),
        kind: 'catch_up',
        seq: 2,
        sessionDate: '2026-01-22',
        themes: [theme(id('t2'), 'Pathways and risk factors')],
        registerTakenAt: null,
        forEnrolmentIds: [id('e2')],
        groupNote: '',
        version: 1,
      },
    ],
    enrolments: [
      enrolment(id('e1'), 'Kerry Ellis', 'NC-2026-0001'),
      enrolment(id('e2'), 'Sam Ellis', 'NC-2026-0001', { relationship: 'Father' }),
      enrolment(id('e3'), 'Dana Price', 'NC-2026-0002', {
        withdrawal: { withdrawnOn: '2026-01-20', reason: 'practical', detail: 'Shift work' },
        progress: progress({ completion: 'withdrawn', completionWords: 'Withdrew after 1 of 13 sessions (8 %)' }),
      }),
    ],
    register: [
      { sessionId: id('s1'), enrolmentId: id('e1'), state: 'attended', reason: null, cancelledAt: null, carerNote: '' },
      { sessionId: id('s1'), enrolmentId: id('e2'), state: 'attended', reason: null, cancelledAt: null, carerNote: '' },
      { sessionId: id('s1'), enrolmentId: id('e3'), state: 'attended', reason: null, cancelledAt: null, carerNote: '' },
      { sessionId: id('s2'), enrolmentId: id('e1'), state: 'attended', reason: null, cancelledAt: null, carerNote: '' },
      {
        sessionId: id('s2'),
        enrolmentId: id('e2'),
        state: 'apologies',
        reason: 'Ill',
        cancelledAt: '2026-01-19T09:30:00Z',
        carerNote: 'Rang the team in the morning.',
      },
      {
        sessionId: id('s2'),
        enrolmentId: id('e3'),
        state: 'did_not_attend',
        reason: null,
        cancelledAt: null,
        carerNote: '',
      },
    ],
    themesDelivered: [],
    version: 4,
  };
}
