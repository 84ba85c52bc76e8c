/**
 * Every case has its young person, and a bundle keeps it so: the caseload's counts read cases
 * alone on that rule (caseload.repo.ts), so a case record without one is refused on import, and
 * a case that somehow lost its young person is not bundled half-made.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { caseModule, caseRecordSchema } from '../../../../main/core/bundles/modules/case-module';
import { generateDemoData } from '../../../../main/core/demo/generate';
import { makeVault, type TestVault } from '../cases/fixtures';

describe('a case record carries its young person', () => {
  let t: TestVault;
  let caseId: string;
  beforeEach(async () => {
    t = await makeVault('2026-01-10T09:00:00Z');
    generateDemoData(t.vault, { cases: 1, seed: 7, notesPerCase: [0, 0], referenceDate: '2025-12-31' });
    caseId = (t.vault.db.prepare('SELECT id FROM cases').get() as { id: string }).id;
  });
  afterEach(() => t.cleanup());

  it('a record with its young person is valid; without one it is refused, naming the field', () => {
    const record = caseModule.get(t.vault.db, caseId);
    expect(caseRecordSchema.safeParse(record).success).toBe(true);
    const without = caseRecordSchema.safeParse({ ...record, youngPerson: null });
    expect(without.success).toBe(false);
    expect(without.error?.issues[0]?.path).toEqual(['youngPerson']);
  });

  it('a case whose young person is missing is not read into a bundle', () => {
    t.vault.db.prepare('DELETE FROM young_people WHERE case_id = ?').run(caseId);
    expect(() => caseModule.get(t.vault.db, caseId)).toThrow(/has no young person recorded/);
  });
});
