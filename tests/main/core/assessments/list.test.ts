import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assessmentListSql, listAssessments } from '../../../../main/core/assessments/assessments-list';
import { openAssessment } from '../../../../main/core/assessments/assessments.service';
import { assessmentListQuerySchema } from '../../../../preload/contract/assessments';
import { auditActions, makeVault, type TestVault } from '../cases/fixtures';
import { assessmentCase, moveTo } from './fixtures';

let t: TestVault;
beforeEach(async () => {
  t = await makeVault('2025-06-15T10:00:00Z');
});
afterEach(() => t.cleanup());

const list = (q: Record<string, unknown> = {}) => listAssessments(t.vault, assessmentListQuerySchema.parse(q));

describe('the Assessments list', () => {
  it('lists open assessments soonest due first, waiting for paperwork last, with the 12-week status', () => {
    const overdue = assessmentCase(t.vault, '2025-03-01', 'Olly');
    const soon = assessmentCase(t.vault, '2025-03-30', 'Sian');
    const track = assessmentCase(t.vault, '2025-05-20', 'Tom');
    const waiting = assessmentCase(t.vault, null, 'Wyn');
    const closed = assessmentCase(t.vault, '2025-02-01', 'Cara');
    for (const c of [track, waiting, soon, overdue, closed]) openAssessment(t.vault, c.id);
    moveTo(t.vault, closed.id, ['closed']);
    assessmentCase(t.vault, '2025-04-01', 'Nia'); // no assessment started

    const page = list();
    expect(page.total).toBe(4);
    expect(page.items.map((i) => [i.reference, i.status, i.daysRemaining, i.stageReached])).toEqual([
      [overdue.reference, 'overdue', -22, 'paperwork_complete'],
      [soon.reference, 'due_soon', 7, 'paperwork_complete'],
      [track.reference, 'on_track', 58, 'paperwork_complete'],
      [waiting.reference, 'awaiting_paperwork', null, null],
    ]);
    expect(page.items[0]).toMatchObject({
      youngPersonName: 'Olly Hughes',
      leadWorkerName: 'Ada Admin',
      dueDate: '2025-05-24',
    });
    expect(list({ status: 'overdue' }).items.map((i) => i.reference)).toEqual([overdue.reference]);
    expect(list({ status: 'awaiting_paperwork' }).total).toBe(1);
    expect(list({ clinicianId: t.vault.user.id }).total).toBe(4);
    expect(list({ clinicianId: '3f1c1d2e-8a55-4a0e-9c8e-0d6f5b1a2c3d' }).total).toBe(0);
    const second = list({ limit: 2, offset: 2 });
    expect(second.items.map((i) => i.reference)).toEqual([track.reference, waiting.reference]);
    expect(auditActions(t.vault).filter((a) => a === 'assessment.list').length).toBeGreaterThan(5);
  });

  it('walks the open cases in the list order, reading the young person only for the page', () => {
    const sql = assessmentListSql(assessmentListQuerySchema.parse({}));
    const plan = (
      t.vault.db
        .prepare(`EXPLAIN QUERY PLAN ${sql.page}`)
        .all({ today: '2025-06-15', soon: '2025-06-29', clinician: null, limit: 50, offset: 0 }) as { detail: string }[]
    ).map((r) => r.detail);
    expect(plan.join(' | ')).toMatch(/SCAN c USING COVERING INDEX cases_open_assessment_order/);
  });
});
