/**
 * Safe Home in the case chronology, from a real vault with a two-family group: each carer's
 * enrolment, the sessions attended (with the group note) and missed (in words), their own note,
 * the withdrawal, the completion by the rule, and the safety-plan versions with their reviews,
 * all in the Safe Home group; and none of the other family's people, notes or plan.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import '../../../../main/core/core';
import { getChronology } from '../../../../main/core/notes/chronology';
import { registerSafeHomeChronology } from '../../../../main/core/safe-home/safe-home.chronology';
import { writeCompletionRule } from '../../../../main/core/safe-home/runs.repo';
import type { ChronologyEvent } from '../../../../preload/contract';
import { makeVault, type TestVault } from '../cases/fixtures';
import { A_WORDS, B_WORDS, GROUP_NOTE, writeTwoFamilies, type TwoFamilies } from './two-families';

let t: TestVault;
let g: TwoFamilies;
registerSafeHomeChronology();

beforeEach(async () => {
  t = await makeVault('2025-06-15T10:00:00Z');
  g = writeTwoFamilies(t.vault);
});
afterEach(() => t.cleanup());

const safeHome = (caseId: string): ChronologyEvent[] =>
  getChronology(t.vault, caseId, 200, 0, { groups: ['safe_home'], thirdParty: 'all' }).items;
const summaries = (caseId: string, kind: ChronologyEvent['kind']) =>
  safeHome(caseId)
    .filter((e) => e.kind === kind)
    .map((e) => `${e.at.slice(0, 10)} ${e.summary}`)
    .sort();

describe('Safe Home in the chronology', () => {
  it('shows each carer’s enrolment, withdrawal and completion by the rule', () => {
    expect(summaries(g.a.caseId, 'safe_home_enrolled')).toEqual([
      '2025-02-17 Helen Ashworth (Mother) enrolled in Safe Home: Spring group 2025 (north) (13 sessions from 03/03/2025)',
      '2025-02-17 Mark Ashworth (Father) enrolled in Safe Home: Spring group 2025 (north) (13 sessions from 03/03/2025)',
    ]);
    expect(summaries(g.a.caseId, 'safe_home_withdrawn')).toEqual([
      '2025-03-31 Mark Ashworth (Father) withdrew from Safe Home, Spring group 2025 (north): New shifts at work.',
    ]);
    // Helen's 10th attended planned session (10 of 13 is 75 %) is the 11th, a safety-plan session.
    expect(summaries(g.a.caseId, 'safe_home_completed')).toEqual([
      '2025-05-12 Helen Ashworth (Mother) completed the Safe Home programme, Spring group 2025 (north), by the completion rule',
    ]);
  });

  it('shows sessions attended with the group note, missed ones in words, and the carer’s own note', () => {
    const sessions = summaries(g.a.caseId, 'safe_home_session');
    // Helen 12 + apologies once, Mark 4 attended; his withdrawn entries are not events.
    expect(sessions).toHaveLength(13 + 4);
    expect(sessions).toContain(
      `2025-03-03 Session 1 of 13, Spring group 2025 (north): Helen Ashworth (Mother) attended. Group note: ${GROUP_NOTE} (session 1)`,
    );
    expect(sessions).toContain(
      '2025-03-31 Session 5 of 13, Spring group 2025 (north): Helen Ashworth (Mother) sent apologies (Unwell.)',
    );
    expect(summaries(g.b.caseId, 'safe_home_session')).toContain(
      '2025-03-24 Session 4 of 13, Spring group 2025 (north): Grace Brennan (Mother) did not attend (BRENNAN-DNA-REASON: no answer.)',
    );
    expect(summaries(g.b.caseId, 'safe_home_session').some((s) => s.includes('Catch-up for session 4'))).toBe(true);
    expect(summaries(g.a.caseId, 'safe_home_carer_note')).toEqual([
      '2025-03-17 Note on Helen Ashworth (Mother), session 3 of 13: HELEN-OWN-NOTE: asked about online safety.',
    ]);
  });

  it('numbers the family’s safety-plan versions and shows the sessions they were reviewed in', () => {
    expect(summaries(g.a.caseId, 'safe_home_safety_plan')).toEqual([
      '2025-04-14 Safety plan, version 1, Spring group 2025 (north): ASHWORTH-SAFETY-PLAN version one: doors open, devices downstairs.',
      '2025-05-12 Safety plan, version 2, Spring group 2025 (north): ASHWORTH-SAFETY-PLAN version two: devices checked weekly.',
    ]);
    expect(summaries(g.a.caseId, 'safe_home_safety_plan_reviewed')).toEqual([
      '2025-05-12 Safety plan of 14/04/2025 reviewed in session 11 of 13',
      '2025-05-26 Safety plan of 12/05/2025 reviewed in session 13 of 13',
    ]);
  });

  it('follows the completion rule an administrator sets', () => {
    writeCompletionRule(t.vault.db, { minAttendancePercent: 100, requireSafetyPlanSession: true });
    expect(summaries(g.a.caseId, 'safe_home_completed')).toEqual([]);
    writeCompletionRule(t.vault.db, { minAttendancePercent: 25, requireSafetyPlanSession: false });
    // 4 of 13 sessions: Helen on session 4; Mark withdrew, so he never completes.
    expect(summaries(g.a.caseId, 'safe_home_completed')).toEqual([
      '2025-03-24 Helen Ashworth (Mother) completed the Safe Home programme, Spring group 2025 (north), by the completion rule',
    ]);
  });

  it('holds nothing of the other family, and family A’s own words (the positive control)', () => {
    const all = getChronology(t.vault, g.a.caseId, 500, 0)
      .items.map((e) => e.summary)
      .join('\n');
    for (const w of A_WORDS.slice(0, 4)) expect(all).toContain(w);
    for (const w of B_WORDS) expect(all).not.toContain(w);
  });
});
