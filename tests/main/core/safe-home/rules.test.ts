/**
 * The contract's pure Safe Home rules the core relies on: the group-note names check (whole
 * words, any case, possessives and quotes, short names not searched alone) and `completionOf`
 * agreeing with `carerProgress`.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_COMPLETION_RULE } from '../../../../preload/contract/safe-home-records';
import { carerProgress, completionOf, groupNoteNamesProblem } from '../../../../preload/contract/safe-home-rules';

const people = [
  { givenName: 'Kian', familyName: 'Osei' },
  { givenName: 'Siobhan', familyName: "O'Neill" },
  { givenName: 'Al', familyName: null },
];

describe('groupNoteNamesProblem', () => {
  it.each([
    ['Kian’s bedroom came up.', ['Kian']],
    ["We thought about 'Kian' and home.", ['Kian']],
    ['KIAN and the group.', ['Kian']],
    ["Siobhan O'Neill spoke first.", ["Siobhan O'Neill", 'Siobhan', "O'Neill"]],
    ['The Osei’ household', ['Osei']],
    ['Al joined late; the group was calm.', []],
    ['Kiana and Oseiwaa are not these names.', []],
    ['Bedtimes, screens and privacy at home.', []],
  ])('%s', (note, found) => {
    expect(groupNoteNamesProblem(note, people).sort()).toEqual([...found].sort());
  });
});

describe('completionOf', () => {
  it('agrees with carerProgress for every count of sessions attended, with and without the safety-plan session', () => {
    const sessions = Array.from({ length: 13 }, (_, i) => ({
      id: `s${i + 1}`,
      kind: 'planned' as const,
      seq: i + 1,
      held: true,
      themes: i === 11 ? [{ id: 't8', label: 'The safety plan', aim: 'patterns' as const, key: 'safety_plan' }] : [],
    }));
    for (let attended = 0; attended <= 13; attended++) {
      for (const withSafety of [true, false]) {
        const ids = sessions.filter((s) => (withSafety ? s.seq >= 13 - attended : s.seq <= attended && s.seq !== 12));
        const states = new Map(ids.slice(0, attended).map((s) => [s.id, 'attended' as const]));
        for (const runFinished of [false, true]) {
          const p = carerProgress({
            plannedSessions: 13,
            sessions,
            states,
            withdrawn: false,
            runFinished,
            rule: DEFAULT_COMPLETION_RULE,
          });
          expect(
            completionOf({
              sessionsAttended: p.sessionsAttended,
              plannedSessions: 13,
              attendedSafetyPlanSession: p.attendedSafetyPlanSession,
              withdrawn: false,
              runFinished,
              rule: DEFAULT_COMPLETION_RULE,
            }),
          ).toBe(p.completion);
        }
      }
    }
  });
});
