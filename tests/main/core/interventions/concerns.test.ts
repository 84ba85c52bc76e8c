/**
 * A safeguarding concern raised in a session raises a case flag and the follow-up task in the
 * same transaction: the concern is never saved without both, and when the task cannot be
 * written nothing of the three is kept. The chronology shows the sessions and the concern.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import '../../../../main/core/core';
import { caseFlags, caseTasks } from '../../../../main/core/casework/work.service';
import { raiseConcern } from '../../../../main/core/interventions/concerns.service';
import { createPlan } from '../../../../main/core/interventions/interventions.service';
import { createSession, sessionLog } from '../../../../main/core/interventions/sessions.service';
import { getChronology } from '../../../../main/core/notes/chronology';
import { auditActions, makeVault, type TestVault } from '../cases/fixtures';
import { concern, interventionCase, nth, plan, session, type InterventionCase } from './fixtures';

let t: TestVault;
let n: InterventionCase;
let sessionId: string;
beforeEach(async () => {
  t = await makeVault('2025-06-15T10:00:00Z');
  n = interventionCase(t.vault);
  const p = createPlan(t.vault, n.caseId, plan(t.vault, n));
  sessionId = createSession(t.vault, p.id, session()).id;
});
afterEach(() => t.cleanup());

const count = (table: string) => (t.vault.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('a safeguarding concern', () => {
  it('raises a case flag and the follow-up task with it, in one transaction', () => {
    const s = raiseConcern(t.vault, sessionId, concern(t.vault, n));
    const raised = nth(s.concerns, 0);
    expect(raised).toMatchObject({
      description: 'Disclosed that an older cousin has been staying over and shares his room.',
      informed: [expect.objectContaining({ name: 'Priya Shah' })],
      raisedByName: 'Ada Admin',
    });
    const flags = caseFlags(t.vault, n.caseId);
    expect(flags).toEqual([
      expect.objectContaining({
        id: raised.flagId,
        state: 'open',
        addressBy: '2025-06-20',
        reason: expect.stringMatching(/^Safeguarding concern raised in the session of 02\/06\/2025: Disclosed/),
      }),
    ]);
    expect(caseTasks(t.vault, n.caseId)).toEqual([
      expect.objectContaining({ id: raised.taskId, title: 'Check the sleeping arrangements with the social worker' }),
    ]);
    const actions = auditActions(t.vault, n.caseId);
    expect(actions).toEqual(expect.arrayContaining(['flag.raise', 'task.create', 'interventionSession.concern']));
  });

  it('leaves neither flag nor concern when the task cannot be written', () => {
    // Force the task insert (the second of the three writes) to fail, as a full disk would.
    t.vault.db.exec(
      `CREATE TEMP TRIGGER fail_task BEFORE INSERT ON tasks BEGIN SELECT RAISE(ABORT, 'forced task failure'); END`,
    );
    const flagsBefore = count('flags');
    const auditBefore = count('audit_log');
    expect(() => raiseConcern(t.vault, sessionId, concern(t.vault, n))).toThrow(/forced task failure/);
    expect(count('flags')).toBe(flagsBefore);
    expect(count('tasks')).toBe(0);
    expect(count('intervention_concerns')).toBe(0);
    expect(count('audit_log')).toBe(auditBefore);
  });

  it('cannot be stored without its flag (the table refuses it)', () => {
    expect(() =>
      t.vault.db
        .prepare(
          `INSERT INTO intervention_concerns (id, case_id, session_id, description, action_taken, informed_person_ids,
             informed_at, flag_id, task_id, created_at, created_by)
           VALUES ('c1', ?, ?, 'd', 'a', '[]', '2025-06-02T17:00:00Z', NULL, NULL, '2025-06-02T17:00:00Z', ?)`,
        )
        .run(n.caseId, sessionId, t.vault.user.id),
    ).toThrow(/NOT NULL/);
  });

  it('refuses people informed who are not the case’s network, or a time before the session', () => {
    const other = interventionCase(t.vault);
    expect(() =>
      raiseConcern(t.vault, sessionId, concern(t.vault, n, { informedPersonIds: [other.socialWorkerId] })),
    ).toThrow(/People tab/);
    expect(() => raiseConcern(t.vault, sessionId, concern(t.vault, n, { informedAt: '2025-06-01T09:00:00Z' }))).toThrow(
      /on or after the session/,
    );
    expect(count('flags')).toBe(0);
  });

  it('shows in the session log and the chronology, with the session', () => {
    raiseConcern(t.vault, sessionId, concern(t.vault, n));
    const page = sessionLog(t.vault, { caseId: n.caseId, planId: null, offset: 0, limit: 10 });
    expect(nth(page.items, 0).concerns).toHaveLength(1);
    const events = getChronology(t.vault, n.caseId, 50, 0).items;
    const ours = events
      .filter((e) => e.kind.startsWith('intervention') || e.kind === 'safeguarding_concern')
      .map((e) => [e.kind, e.summary]);
    expect(ours).toEqual([
      ['safeguarding_concern', expect.stringMatching(/^Safeguarding concern raised in a session: Disclosed/)],
      ['intervention_session', 'Individual session (Clinic): attended'],
      ['intervention_started', 'Individual intervention started'],
    ]);
  });
});
