/**
 * Home's booked sessions start from `intervention_plan_clinicians` (migration 290): each plan's
 * clinician list as rows, kept by triggers. On a generated demo vault, and after plans' clinicians
 * change and plans are deleted (with their case, too), the rows are exactly the plans' JSON lists.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '../../../../main/core/core';
import { generateDemoData } from '../../../../main/core/demo/generate';
import { makeVault, type TestVault } from '../cases/fixtures';

let t: TestVault;
beforeAll(async () => {
  t = await makeVault('2025-12-31T12:00:00Z');
  generateDemoData(t.vault, { cases: 150, seed: 'plan-clinicians', batchSize: 50, notesPerCase: [0, 1] });
}, 120_000);
afterAll(() => t.cleanup());

function expectRowsAreTheLists(): void {
  const db = t.vault.db;
  const kept = db.prepare('SELECT user_id, plan_id FROM intervention_plan_clinicians ORDER BY 1, 2').all();
  const lists = db
    .prepare('SELECT DISTINCT j.value AS user_id, p.id AS plan_id FROM intervention_plans p, json_each(p.clinician_ids) j ORDER BY 1, 2')
    .all();
  expect(kept).toEqual(lists);
}

describe('the plans’ clinicians as rows', () => {
  it('are the plans’ lists on the demo data', () => {
    expect((t.vault.db.prepare('SELECT count(*) AS n FROM intervention_plan_clinicians').get() as { n: number }).n).toBeGreaterThan(0);
    expectRowsAreTheLists();
  });

  it('follow a change of clinicians, a plan deleted and a case deleted', () => {
    const db = t.vault.db;
    const me = t.vault.user.id;
    db.transaction(() => {
      db.prepare(`UPDATE intervention_plans SET clinician_ids = json_array(?, ?) WHERE id IN (SELECT id FROM intervention_plans LIMIT 5)`).run(me, me);
      db.prepare(`UPDATE intervention_plans SET clinician_ids = '[]' WHERE id IN (SELECT id FROM intervention_plans ORDER BY id DESC LIMIT 2)`).run();
      db.pragma('defer_foreign_keys = ON');
      db.prepare('DELETE FROM intervention_plans WHERE id = (SELECT id FROM intervention_plans ORDER BY id LIMIT 1 OFFSET 7)').run();
      db.prepare('DELETE FROM cases WHERE id = (SELECT case_id FROM intervention_plans ORDER BY id LIMIT 1 OFFSET 9)').run();
    })();
    expectRowsAreTheLists();
  });
});
