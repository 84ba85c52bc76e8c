/**
 * A Safe Home group of two families in a real vault, written through the Safe Home repos, for
 * the tests of what leaves the module (chronology, report, bundle): family A (Sam Ashworth, with
 * Helen and Mark Ashworth) and family B (Leo Brennan, with Grace Brennan) in one 13-session run
 * from 03/03/2025, all sessions held and the run closed on 02/06/2025.
 *
 * - Helen attends every session but the 5th (apologies): she completes by the default rule.
 * - Mark attends 1-4 and withdraws on 31/03/2025.
 * - Grace attends all but the 4th (did not attend), then has a catch-up for it.
 * - Each family has its own notes and safety plan; B's hold words that must never reach A.
 */
import { addPerson } from '../../../../main/core/cases/people.service';
import { createCase } from '../../../../main/core/cases/cases.service';
import { seededThemeId } from '../../../../main/core/db/migrations/m0130-safe-home';
import {
  insertEnrolment,
  insertGoal,
  insertSafetyPlan,
  putRegisterEntry,
} from '../../../../main/core/safe-home/families.repo';
import { insertRun, insertSession, putGroupNote } from '../../../../main/core/safe-home/runs.repo';
import type { OpenVault } from '../../../../main/core/vault/vault';
import { referralSchema } from '../../../../preload/contract';
import { SEEDED_THEMES, type RegisterState } from '../../../../preload/contract/safe-home-records';
import { referral } from '../cases/fixtures';
import { randomUUID } from 'node:crypto';

/** Words of family B that no output of family A may contain. */
export const B_WORDS = ['Brennan', 'Grace', 'Leo', 'GRACE-PRIVATE-NOTE', 'BRENNAN-SAFETY-PLAN', 'BRENNAN-DNA-REASON'];
/** Words of family A that A's outputs do contain (the positive control). */
export const A_WORDS = ['Helen Ashworth', 'Mark Ashworth', 'HELEN-OWN-NOTE', 'ASHWORTH-SAFETY-PLAN'];
export const GROUP_NOTE = 'The group worked through the continuum of behaviour with the card sort.';

export interface Family<Carer extends string> {
  caseId: string;
  reference: string;
  enrolments: Record<Carer, string>;
}
export interface TwoFamilies {
  runId: string;
  sessionIds: string[];
  catchUpId: string;
  a: Family<'helen' | 'mark'>;
  b: Family<'grace'>;
}

const themeId = (key: string) => seededThemeId(SEEDED_THEMES.findIndex((t) => t.key === key));
const addDays = (d: string, n: number) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

function familyCase(vault: OpenVault, given: string, family: string, carers: [string, string][]) {
  const c = createCase(
    vault,
    referralSchema.parse(referral({ servicesRequested: ['safe_home'] }, { givenName: given, familyName: family })),
  );
  const people = carers.map(([name, relationship]) =>
    addPerson(vault, c.id, { kind: 'parent_carer', name, relationship, parentalResponsibility: true }),
  );
  return { caseId: c.id, reference: c.reference, people };
}

/** Write the group into `vault` (its signed-in user facilitates and writes everything). */
export function writeTwoFamilies(vault: OpenVault): TwoFamilies {
  const { db } = vault;
  const by = vault.user.id;
  const at = '2025-02-20T10:00:00.000Z';
  const a = familyCase(vault, 'Sam', 'Ashworth', [
    ['Helen Ashworth', 'Mother'],
    ['Mark Ashworth', 'Father'],
  ]);
  const b = familyCase(vault, 'Leo', 'Brennan', [['Grace Brennan', 'Mother']]);
  const runId = randomUUID();
  const start = '2025-03-03';
  const stamps = { createdAt: at, createdBy: by, updatedAt: at, updatedBy: by, version: 1 };
  insertRun(db, {
    id: runId,
    title: 'Spring group 2025 (north)',
    delivery: 'group',
    facilitatorIds: [by],
    startDate: start,
    plannedSessions: 13,
    venue: 'Family centre, Mill Lane',
    closedOn: '2025-06-02',
    ...stamps,
  });
  const themes = (seq: number) =>
    seq === 11 || seq === 12
      ? [themeId('safety_plan')]
      : seq === 2
        ? [themeId('behaviour_continuum')]
        : [themeId('processing')];
  const sessionIds = Array.from({ length: 13 }, (_, i) => {
    const id = randomUUID();
    const date = addDays(start, i * 7);
    insertSession(db, {
      id,
      runId,
      kind: 'planned',
      seq: i + 1,
      sessionDate: date,
      themeIds: themes(i + 1),
      coveredThemeIds: null,
      forSessionId: null,
      forEnrolmentIds: [],
      registerTakenAt: `${date}T18:00:00.000Z`,
      registerTakenBy: by,
      ...stamps,
    });
    putGroupNote(db, {
      sessionId: id,
      runId,
      text: `${GROUP_NOTE} (session ${i + 1})`,
      writtenAt: `${date}T18:00:00.000Z`,
      writtenBy: by,
    });
    return id;
  });
  const enrol = (caseId: string, personId: string, extra: Partial<Parameters<typeof insertEnrolment>[1]> = {}) => {
    const id = randomUUID();
    insertEnrolment(db, {
      id,
      runId,
      caseId,
      personId,
      enrolledOn: '2025-02-17',
      confidenceBefore: 3,
      knowledgeBefore: 4,
      confidenceAfter: null,
      knowledgeAfter: null,
      withdrawnOn: null,
      withdrawalReason: null,
      withdrawalDetail: null,
      ...stamps,
      ...extra,
    });
    return id;
  };
  const person = (f: typeof a, i: number) => {
    const p = f.people[i];
    if (!p) throw new Error('the fixture adds its carers');
    return p;
  };
  const [helen, mark, grace] = [person(a, 0), person(a, 1), person(b, 0)];
  const helenId = enrol(a.caseId, helen.id, { confidenceAfter: 8, knowledgeAfter: 9 });
  const markId = enrol(a.caseId, mark.id, {
    withdrawnOn: '2025-03-31',
    withdrawalReason: 'practical',
    withdrawalDetail: 'New shifts at work.',
  });
  const graceId = enrol(b.caseId, grace.id);
  insertGoal(db, {
    id: randomUUID(),
    caseId: a.caseId,
    enrolmentId: helenId,
    seq: 1,
    description: 'Talk with Sam about what happened.',
    baselineRating: 2,
    latestRating: 7,
    version: 1,
  });
  insertGoal(db, {
    id: randomUUID(),
    caseId: b.caseId,
    enrolmentId: graceId,
    seq: 1,
    description: 'Grace wants Leo to feel safe at home.',
    baselineRating: 1,
    latestRating: null,
    version: 1,
  });
  const mark_ = (
    session: number,
    enrolmentId: string,
    caseId: string,
    state: RegisterState,
    extra: { reason?: string; carerNote?: string } = {},
  ) => {
    const sessionId = sessionIds[session - 1] as string;
    putRegisterEntry(db, {
      id: randomUUID(),
      caseId,
      sessionId,
      enrolmentId,
      state,
      reason: extra.reason ?? (state === 'withdrawn' ? 'Withdrew.' : null),
      cancelledAt: state === 'apologies' ? `${addDays(start, (session - 1) * 7 - 1)}T09:00:00.000Z` : null,
      carerNote: extra.carerNote ?? '',
      updatedAt: at,
      updatedBy: by,
    });
  };
  for (let s = 1; s <= 13; s++) {
    mark_(s, helenId, a.caseId, s === 5 ? 'apologies' : 'attended', {
      ...(s === 5 ? { reason: 'Unwell.' } : {}),
      ...(s === 3 ? { carerNote: 'HELEN-OWN-NOTE: asked about online safety.' } : {}),
    });
    mark_(s, markId, a.caseId, s <= 4 ? 'attended' : 'withdrawn');
    mark_(s, graceId, b.caseId, s === 4 ? 'did_not_attend' : 'attended', {
      ...(s === 4 ? { reason: 'BRENNAN-DNA-REASON: no answer.' } : {}),
      ...(s === 6 ? { carerNote: 'GRACE-PRIVATE-NOTE: Grace Brennan spoke about Leo at school.' } : {}),
    });
  }
  const catchUpId = randomUUID();
  insertSession(db, {
    id: catchUpId,
    runId,
    kind: 'catch_up',
    seq: 4,
    sessionDate: '2025-03-27',
    themeIds: themes(4),
    coveredThemeIds: null,
    forSessionId: sessionIds[3] as string,
    forEnrolmentIds: [graceId],
    registerTakenAt: '2025-03-27T12:00:00.000Z',
    registerTakenBy: by,
    ...stamps,
  });
  putRegisterEntry(db, {
    id: randomUUID(),
    caseId: b.caseId,
    sessionId: catchUpId,
    enrolmentId: graceId,
    state: 'attended',
    reason: null,
    cancelledAt: null,
    carerNote: '',
    updatedAt: at,
    updatedBy: by,
  });
  const plan = (caseId: string, versionDate: string, content: string, reviewedIn: number | null) =>
    insertSafetyPlan(db, {
      id: randomUUID(),
      runId,
      caseId,
      versionDate,
      content,
      reviewedInSessionId: reviewedIn === null ? null : (sessionIds[reviewedIn - 1] as string),
      ...stamps,
    });
  plan(a.caseId, '2025-04-14', 'ASHWORTH-SAFETY-PLAN version one: doors open, devices downstairs.', 11);
  plan(a.caseId, '2025-05-12', 'ASHWORTH-SAFETY-PLAN version two: devices checked weekly.', 13);
  plan(b.caseId, '2025-04-14', 'BRENNAN-SAFETY-PLAN: Leo stays with his grandmother at weekends.', 12);
  return {
    runId,
    sessionIds,
    catchUpId,
    a: { caseId: a.caseId, reference: a.reference, enrolments: { helen: helenId, mark: markId } },
    b: { caseId: b.caseId, reference: b.reference, enrolments: { grace: graceId } },
  };
}
