/** Taking a register in the form: its starting point, the errors by field, and the group note's names check. */
import { describe, expect, it } from 'vitest';
import {
  GROUP_NOTE_ID,
  initialDraft,
  registerInput,
  rowFieldId,
} from '../../../renderer/features/safe-home/register-draft';
import { found, id, sampleRun } from './run-fixture';

describe('the register form', () => {
  const run = sampleRun();
  const s2 = found(
    run.sessions.find((s) => s.id === id('s2')),
    'session',
  );
  const s3 = found(
    run.sessions.find((s) => s.id === id('s3')),
    'session',
  );
  const c2 = found(
    run.sessions.find((s) => s.id === id('c2')),
    'session',
  );

  it('starts from the register taken, with the apologies’ time in the laptop’s zone', () => {
    const draft = initialDraft(run, s2);
    expect(draft.rows.map((r) => [r.carerName, r.state])).toEqual([
      ['Kerry Ellis', 'attended'],
      ['Sam Ellis', 'apologies'],
      ['Dana Price', 'did_not_attend'],
    ]);
    expect(draft.rows[1]?.cancelledDate).toMatch(/^19\/01\/2026$/);
    expect(draft.themeIds).toEqual([id('t2')]);
  });

  it('starts a correction from the notes saved, so that nothing written is lost by correcting a state', () => {
    const s1 = found(
      run.sessions.find((s) => s.id === id('s1')),
      'session 1',
    );
    expect(initialDraft(run, s1).groupNote).toBe('The group talked about boundaries at home.');
    expect(initialDraft(run, s2).rows[1]?.carerNote).toBe('Rang the team in the morning.');
  });

  it('guesses no one’s attendance at a session not yet taken, but starts a withdrawn carer as withdrawn', () => {
    const draft = initialDraft(run, s3);
    expect(draft.rows.map((r) => [r.carerName, r.state, r.reason])).toEqual([
      ['Kerry Ellis', '', ''],
      ['Sam Ellis', '', ''],
      ['Dana Price', 'withdrawn', 'Practical reasons (work, travel, childcare): Shift work'],
    ]);
  });

  it('has only the carers a catch-up is for', () => {
    expect(initialDraft(run, c2).rows.map((r) => r.carerName)).toEqual(['Sam Ellis']);
  });

  it('refuses, by each field, a carer not marked, apologies without their time, and a withdrawal without a reason', () => {
    const draft = initialDraft(run, s3);
    draft.rows[1] = { ...found(draft.rows[1], 'row 1'), state: 'apologies' };
    draft.rows[2] = { ...found(draft.rows[2], 'row 2'), reason: '' };
    const made = registerInput(draft, run, s3);
    expect(made.input).toBeNull();
    expect(made.errors).toEqual({
      [rowFieldId(id('e1'), 'state')]: 'Choose whether Kerry Ellis attended.',
      [rowFieldId(id('e2'), 'cancelledDate')]: expect.stringMatching(
        /^Enter the date the apologies were sent as dd\/mm\/yyyy/,
      ),
      [rowFieldId(id('e2'), 'cancelledTime')]: 'Enter the time the apologies were sent as HH:mm, for example 18:30.',
      [rowFieldId(id('e3'), 'reason')]: 'Say why Dana Price withdrew.',
    });
  });

  it('refuses a group note naming an enrolled carer, and says to use the carer’s own note', () => {
    const draft = initialDraft(run, s2);
    draft.groupNote = 'The group talked about boundaries. kerry shared a lot about home.';
    const made = registerInput(draft, run, s2);
    expect(made.errors?.[GROUP_NOTE_ID]).toMatch(
      /cannot name anyone of a family\. Take out: Kerry\. Put what is about one carer in their own note\./,
    );
  });

  it('sends the contract’s input: apologies with an offset time, themes as planned sent as null', () => {
    const draft = initialDraft(run, s3);
    draft.rows[0] = { ...found(draft.rows[0], 'row 0'), state: 'attended', carerNote: 'Brought the plan.' };
    draft.rows[1] = {
      ...found(draft.rows[1], 'row 1'),
      state: 'apologies',
      cancelledDate: '26/01/2026',
      cancelledTime: '09:15',
    };
    draft.groupNote = 'The group drafted their safety plans.';
    const made = registerInput(draft, run, s3);
    expect(made.errors).toBeNull();
    expect(made.input?.themeIdsCovered).toBeNull();
    expect(made.input?.entries[1]).toMatchObject({
      state: 'apologies',
      cancelledAt: expect.stringMatching(/^2026-01-26T09:15:00[+-]\d{2}:\d{2}$/),
    });
    expect(made.input?.entries[0]).toMatchObject({ carerNote: 'Brought the plan.', reason: null });

    draft.themeIds = [id('t8'), id('t1')];
    expect(registerInput(draft, run, s3).input?.themeIdsCovered).toEqual([id('t8'), id('t1')]);
  });
});
