/**
 * Plans and the session log on a real encrypted vault: goals with their ratings and change,
 * attendance and the DNA rate, one active plan per case, closure, signing and addenda, and
 * every read and write audited.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import '../../../../main/core/core';
import { closureSchema, reviewSchema } from '../../../../preload/contract/interventions';
import {
  addReview,
  closePlan,
  createPlan,
  listCasePlans,
  updatePlan,
} from '../../../../main/core/interventions/interventions.service';
import {
  addSessionAddendum,
  createSession,
  sessionLog,
  signSession,
  startFromLast,
  updateSession,
} from '../../../../main/core/interventions/sessions.service';
import { auditActions, makeVault, type TestVault } from '../cases/fixtures';
import { interventionCase, nth, plan, session, type InterventionCase } from './fixtures';

let t: TestVault;
let n: InterventionCase;
beforeEach(async () => {
  t = await makeVault('2025-06-15T10:00:00Z');
  n = interventionCase(t.vault);
});
afterEach(() => t.cleanup());

const log = (planId: string | null = null) => sessionLog(t.vault, { caseId: n.caseId, planId, offset: 0, limit: 50 });

describe('intervention plans', () => {
  it('start with their goals and baselines, the network’s care and the clinicians named', () => {
    const p = createPlan(t.vault, n.caseId, plan(t.vault, n));
    expect(p.goals.map((g) => [g.seq, g.area, g.change?.first])).toEqual([
      [1, 'making_sense', 2],
      [2, 'healthy_strategies', 4],
      [3, 'emotions_relationships', 3],
    ]);
    expect(p.networkCare).toEqual([
      expect.objectContaining({ name: 'Priya Shah', agency: 'Leeds Children’s Services' }),
    ]);
    expect(p.clinicians).toEqual([{ id: t.vault.user.id, name: 'Ada Admin' }]);
    expect(auditActions(t.vault, n.caseId)).toContain('intervention.create');
    expect(listCasePlans(t.vault, n.caseId)).toHaveLength(1);
    expect(auditActions(t.vault, n.caseId).at(-1)).toBe('case.read');
  });

  it('allow one active plan a case, and refuse agencies not on the People tab', () => {
    createPlan(t.vault, n.caseId, plan(t.vault, n));
    expect(() => createPlan(t.vault, n.caseId, plan(t.vault, n))).toThrow(/already has an active intervention plan/);
    const other = interventionCase(t.vault);
    expect(() =>
      createPlan(t.vault, other.caseId, plan(t.vault, n, { networkCare: [{ personId: n.socialWorkerId, care: 'x' }] })),
    ).toThrow(/People tab/);
  });

  it('track each goal’s change across sessions, marking reliable change', () => {
    const p = createPlan(t.vault, n.caseId, plan(t.vault, n));
    const g1 = nth(p.goals, 0);
    const g2 = nth(p.goals, 1);
    createSession(t.vault, p.id, session({ sessionDate: '2025-05-20', ratings: [{ goalId: g1.id, rating: 4 }] }));
    createSession(
      t.vault,
      p.id,
      session({
        ratings: [
          { goalId: g1.id, rating: 6 },
          { goalId: g2.id, rating: 5 },
        ],
      }),
    );
    const now = nth(listCasePlans(t.vault, n.caseId), 0);
    expect(nth(now.goals, 0).change).toMatchObject({ first: 2, latest: 6, change: 4, reliable: true });
    expect(nth(now.goals, 1).change).toMatchObject({ first: 4, latest: 5, change: 1, reliable: false });
    expect(nth(now.goals, 0).ratings.map((r) => r.rating)).toEqual([2, 4, 6]);
  });

  it('count attendance and the DNA rate, and show the next planned session', () => {
    const p = createPlan(t.vault, n.caseId, plan(t.vault, n));
    const held = (
      date: string,
      attendance: 'attended' | 'did_not_attend' | 'cancelled_by_service' | 'cancelled_by_family',
    ) =>
      createSession(
        t.vault,
        p.id,
        session({ sessionDate: date, attendance, attendanceReason: attendance === 'attended' ? null : 'Not known' }),
      );
    held('2025-05-05', 'attended');
    held('2025-05-12', 'did_not_attend');
    held('2025-05-19', 'cancelled_by_service');
    held('2025-05-26', 'cancelled_by_family');
    createSession(t.vault, p.id, session({ sessionDate: '2025-06-23', attendance: 'planned' }));
    const now = nth(listCasePlans(t.vault, n.caseId), 0);
    expect(now.attendance).toMatchObject({ offered: 4, attended: 1, didNotAttend: 1, dnaRate: 1 / 3 });
    expect(now.nextSessionDate).toBe('2025-06-23');
  });

  it('refuse a held session dated in the future, a planned one in the past, and another plan’s goal', () => {
    const p = createPlan(t.vault, n.caseId, plan(t.vault, n));
    expect(() => createSession(t.vault, p.id, session({ sessionDate: '2025-06-20' }))).toThrow(/Book it as planned/);
    expect(() => createSession(t.vault, p.id, session({ attendance: 'planned' }))).toThrow(
      /planned session is dated in the past/,
    );
    expect(() => createSession(t.vault, p.id, session({ goalIds: ['7f8c7d4e-1f0a-4b7a-9a64-111111111111'] }))).toThrow(
      /goals of this plan/,
    );
    expect(log().total).toBe(0);
  });

  it('keep a goal that has been rated when an edit leaves it out', () => {
    const p = createPlan(t.vault, n.caseId, plan(t.vault, n));
    const input = plan(t.vault, n);
    const goals = p.goals.map((g) => ({ id: g.id, area: g.area, description: g.description, baselineRating: null }));
    expect(() => updatePlan(t.vault, p.id, p.version, { ...input, goals: goals.slice(0, 2) })).toThrow(
      /Goal 3 has been rated/,
    );
    const edited = updatePlan(t.vault, p.id, p.version, {
      ...input,
      planType: 'both',
      goals: goals.map((g, i) => (i === 0 ? { ...g, description: 'Make sense of what happened.' } : g)),
    });
    expect(edited).toMatchObject({ planType: 'both', version: 2 });
    expect(nth(edited.goals, 0).description).toBe('Make sense of what happened.');
    expect(() => updatePlan(t.vault, p.id, 1, { ...input, goals })).toThrow(/Someone changed this intervention plan/);
  });

  it('refuse closing while a session is still booked after the closing date', () => {
    const p = createPlan(t.vault, n.caseId, plan(t.vault, n));
    const reviewed = addReview(
      t.vault,
      p.id,
      reviewSchema.parse({ reviewDate: '2025-06-01', attendees: 'Mum; Priya Shah', progress: 'Good progress.' }),
    );
    createSession(t.vault, p.id, session({ sessionDate: '2025-06-30', attendance: 'planned' }));
    const closure = closureSchema.parse({ closedOn: '2025-06-14', reason: 'goals_met', summary: 'Goals met.' });
    expect(() => closePlan(t.vault, p.id, reviewed.version, closure)).toThrow(/still booked after the closing date/);
  });

  it('refuse writes to a closed plan, saying when it closed', () => {
    const p = createPlan(t.vault, n.caseId, plan(t.vault, n));
    const closed = closePlan(
      t.vault,
      p.id,
      p.version,
      closureSchema.parse({
        closedOn: '2025-06-14',
        reason: 'goals_met',
        summary: 'Goals met.',
        recommendations: 'Keep going.',
      }),
    );
    expect(closed.closure).toMatchObject({ closedOn: '2025-06-14', reason: 'goals_met' });
    expect(() => createSession(t.vault, p.id, session())).toThrow(/closed on 14\/06\/2025/);
    expect(createPlan(t.vault, n.caseId, plan(t.vault, n, { startDate: '2025-06-15' })).id).not.toBe(p.id);
  });
});

describe('session notes', () => {
  it('lock when signed, and are corrected only by addenda', () => {
    const p = createPlan(t.vault, n.caseId, plan(t.vault, n));
    const s = createSession(t.vault, p.id, session());
    const signed = signSession(t.vault, s.id, s.version);
    expect(signed.signoff).toMatchObject({ locked: true, canSignAgain: false });
    expect(() => updateSession(t.vault, s.id, s.version, session({ content: 'Changed.' }))).toThrow(
      /signed off by Ada Admin on 15\/06\/2025 .*Add an addendum/,
    );
    const added = addSessionAddendum(t.vault, s.id, 'Mum joined for the last ten minutes.');
    expect(added.signoff.addenda.map((a) => a.text)).toEqual(['Mum joined for the last ten minutes.']);
    expect(added.signoff.canSignAgain).toBe(true);
    expect(auditActions(t.vault, n.caseId)).toEqual(expect.arrayContaining(['report.sign', 'report.addendum']));
  });

  it('refuse signing a session that has not happened', () => {
    const p = createPlan(t.vault, n.caseId, plan(t.vault, n));
    const s = createSession(t.vault, p.id, session({ sessionDate: '2025-06-20', attendance: 'planned' }));
    expect(() => signSession(t.vault, s.id, s.version)).toThrow(/not happened yet/);
  });

  it('page the log newest first and start a new note from the last session', () => {
    const p = createPlan(t.vault, n.caseId, plan(t.vault, n));
    createSession(t.vault, p.id, session({ sessionDate: '2025-05-05', nextSteps: 'Old steps.' }));
    createSession(t.vault, p.id, session({ sessionDate: '2025-06-02', venue: 'home', nextSteps: 'Feelings diary.' }));
    const page = sessionLog(t.vault, { caseId: n.caseId, planId: p.id, offset: 0, limit: 1 });
    expect(page).toMatchObject({ total: 2, offset: 0, limit: 1 });
    expect(page.items.map((s) => s.sessionDate)).toEqual(['2025-06-02']);
    const draft = startFromLast(t.vault, p.id);
    expect(draft).toMatchObject({
      sessionDate: '2025-06-15',
      venue: 'home',
      content: 'Planned from the last session: Feelings diary.',
    });
    expect(auditActions(t.vault, n.caseId).at(-1)).toBe('case.read');
  });

  it('move a rating rather than add a second when a note is edited', () => {
    const p = createPlan(t.vault, n.caseId, plan(t.vault, n));
    const g = nth(p.goals, 0).id;
    const s = createSession(t.vault, p.id, session({ ratings: [{ goalId: g, rating: 5 }] }));
    updateSession(t.vault, s.id, s.version, session({ ratings: [{ goalId: g, rating: 7 }] }));
    const now = nth(listCasePlans(t.vault, n.caseId), 0);
    expect(nth(now.goals, 0).ratings.map((r) => r.rating)).toEqual([2, 7]);
  });
});
