/** A run's details and plan as the forms hold them, and the input they send. */
import { describe, expect, it } from 'vitest';
import {
  detailsDraftOf,
  planDateId,
  planRowsOf,
  resizePlan,
  runInputOf,
} from '../../../renderer/features/safe-home/run-plan';
import { found, id, sampleRun } from './run-fixture';

describe('the run forms', () => {
  it('a new run sends no plan, so that the core lays out weekly sessions', () => {
    const draft = { ...detailsDraftOf(null, id('u1')), title: 'Spring group', startDate: '12/01/2026', venue: 'Leeds' };
    expect(draft.plannedSessions).toBe('13');
    const made = runInputOf(draft, null);
    expect(made.input).toMatchObject({
      title: 'Spring group',
      startDate: '2026-01-12',
      plannedSessions: 13,
      sessions: [],
      facilitatorIds: [id('u1')],
    });
  });

  it('says what is missing, by field', () => {
    const made = runInputOf(detailsDraftOf(null, null), null);
    expect(Object.keys(made.errors ?? {})).toEqual(['run-title', 'run-facilitators', 'run-start', 'run-venue']);
  });

  it('keeps the planned sessions’ ids, and a longer run gains weekly sessions after the last', () => {
    const run = sampleRun();
    const rows = planRowsOf(run);
    expect(rows.map((r) => r.id)).toEqual([id('s1'), id('s2'), id('s3')]);
    const longer = resizePlan(rows, 5, '2026-01-12');
    expect(longer.map((r) => [r.id, r.sessionDate])).toEqual([
      [id('s1'), '12/01/2026'],
      [id('s2'), '19/01/2026'],
      [id('s3'), '26/01/2026'],
      [null, '02/02/2026'],
      [null, '09/02/2026'],
    ]);
    const made = runInputOf(detailsDraftOf(run, null), rows);
    expect(made.input?.sessions).toHaveLength(13);
    expect(made.input?.sessions?.[0]).toEqual({ id: id('s1'), sessionDate: '2026-01-12', themeIds: [id('t1')] });
  });

  it('refuses a session out of date order, by its date field', () => {
    const run = sampleRun();
    const rows = planRowsOf(run);
    rows[2] = { ...found(rows[2], 'row 2'), sessionDate: '15/01/2026' };
    const made = runInputOf(detailsDraftOf(run, null), rows);
    expect(made.errors?.[planDateId(2)]).toBe('Session 3 is before session 2: list the sessions in date order.');
  });
});
