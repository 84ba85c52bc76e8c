import { afterEach, describe, expect, it } from 'vitest';
import { caseloadQuerySchema } from '../../../../preload/contract/cases';
import { listCaseload } from '../../../../main/core/cases/caseload.service';
import { getCase } from '../../../../main/core/cases/cases.service';
import { ageOn } from '../../../../preload/contract/age';
import { generateDemoData } from '../../../../main/core/demo/generate';
import { Random } from '../../../../main/core/demo/prng';
import { verifyAuditChain } from '../../../../main/core/vault/audit';
import { makeVault, type TestVault } from '../cases/fixtures';

const open: TestVault[] = [];
afterEach(() => {
  for (const t of open.splice(0)) t.cleanup();
});

async function demoVault(seed: string, cases = 40): Promise<TestVault> {
  const t = await makeVault('2025-12-31T12:00:00Z');
  open.push(t);
  generateDemoData(t.vault, { cases, seed, batchSize: 15 });
  return t;
}

/** Content that must not depend on anything but the seed (user ids differ between vaults). */
function fingerprint(t: TestVault): unknown[] {
  return t.vault.db
    .prepare(
      `SELECT c.id, c.reference, c.status, c.referral_date, c.assessment_due_date, y.given_name, y.family_name,
              y.date_of_birth, (SELECT group_concat(text, '|') FROM (SELECT text FROM notes n WHERE n.case_id = c.id ORDER BY seq)) AS notes
       FROM cases c JOIN young_people y ON y.case_id = c.id ORDER BY c.reference`,
    )
    .all();
}

describe('demo data', () => {
  it('is the same for the same seed and different for another', async () => {
    const a = await demoVault('alpha');
    const b = await demoVault('alpha');
    const c = await demoVault('beta');
    expect(fingerprint(a)).toEqual(fingerprint(b));
    expect(fingerprint(a)).not.toEqual(fingerprint(c));
  });

  it('is plausible: ages 8-21 at referral, 20-30 notes per case, dates within five years, rules respected', async () => {
    const t = await demoVault('plausible', 60);
    const rows = t.vault.db
      .prepare(
        `SELECT c.id, c.status, c.referral_date, y.date_of_birth, c.paperwork_complete_date, c.assessment_due_date,
                c.closure_reason, c.closing_summary, c.decline_reason,
                (SELECT count(*) FROM notes n WHERE n.case_id = c.id) AS notes,
                (SELECT count(*) FROM case_people p WHERE p.case_id = c.id AND p.kind = 'sibling' AND p.third_party = 0) AS bad_siblings
         FROM cases c JOIN young_people y ON y.case_id = c.id`,
      )
      .all() as Record<string, string | number | null>[];
    expect(rows).toHaveLength(60);
    for (const r of rows) {
      const age = ageOn(r.date_of_birth as string, r.referral_date as string);
      expect(age).toBeGreaterThanOrEqual(8);
      expect(age).toBeLessThanOrEqual(21);
      expect((r.referral_date as string) >= '2020-12-31' && (r.referral_date as string) <= '2025-12-31').toBe(true);
      expect(r.notes).toBeGreaterThanOrEqual(20);
      expect(r.notes).toBeLessThanOrEqual(30);
      expect(r.bad_siblings).toBe(0);
      if (r.status === 'closed') expect(r.closure_reason && r.closing_summary).toBeTruthy();
      if (r.status === 'declined') expect(r.decline_reason).toBeTruthy();
      if (r.paperwork_complete_date) expect(r.assessment_due_date).not.toBeNull();
    }
    expect(new Set(rows.map((r) => r.status)).size).toBeGreaterThanOrEqual(3);
    // Demo cases read back through the normal services.
    const first = rows[0]?.id as string;
    expect(getCase(t.vault, first).people.length).toBeGreaterThan(0);
    expect(listCaseload(t.vault, caseloadQuerySchema.parse({})).total).toBe(60);
    // One summary audit row per batch (60 cases in batches of 15), and the chain still verifies.
    const demoRows = t.vault.db.prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'demo.generate'`).get();
    expect(demoRows).toEqual({ n: 4 });
    expect(verifyAuditChain(t.vault.db).ok).toBe(true);
  });

  it('draws from a seeded generator', () => {
    const a = new Random('x');
    const b = new Random('x');
    const seq = Array.from({ length: 5 }, () => a.int(0, 1000));
    expect(Array.from({ length: 5 }, () => b.int(0, 1000))).toEqual(seq);
    expect(new Random('x').uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
