/** The demo generator fills the young person's identity and consent for a realistic share of cases. */
import { afterEach, describe, expect, it } from 'vitest';
import { isValidNhsNumber } from '../../../../preload/contract/nhs-number';
import { generateDemoData } from '../../../../main/core/demo/generate';
import { makeVault, type TestVault } from '../cases/fixtures';

const open: TestVault[] = [];
afterEach(() => {
  for (const t of open.splice(0)) t.cleanup();
});

interface Row {
  consultation_only: number;
  nhs_number: string | null;
  address: string | null;
  gp_practice_name: string | null;
  gp_practice_ods_code: string | null;
  consent_status: string | null;
  consent_date: string | null;
  consent_recorded_by: string | null;
  legal_status: string | null;
  referral_date: string;
}

describe('demo identity', () => {
  it('gives most assessment cases a valid NHS number, address, GP practice and consent, and consultations almost none', async () => {
    const t = await makeVault('2025-12-31T12:00:00Z');
    open.push(t);
    generateDemoData(t.vault, { cases: 120, seed: 'identity', batchSize: 40 });
    const rows = t.vault.db
      .prepare(
        `SELECT c.consultation_only, c.referral_date, y.nhs_number, y.address, y.gp_practice_name, y.gp_practice_ods_code,
                y.consent_status, y.consent_date, y.consent_recorded_by, y.legal_status
         FROM cases c JOIN young_people y ON y.case_id = c.id`,
      )
      .all() as Row[];
    const full = rows.filter((r) => r.consultation_only === 0);
    const consultations = rows.filter((r) => r.consultation_only === 1);
    const share = (list: Row[], test: (r: Row) => boolean) => list.filter(test).length / list.length;

    expect(share(full, (r) => r.nhs_number !== null)).toBeGreaterThan(0.7);
    expect(share(full, (r) => r.nhs_number !== null)).toBeLessThan(1);
    for (const r of rows) if (r.nhs_number) expect(isValidNhsNumber(r.nhs_number), r.nhs_number).toBe(true);
    expect(share(full, (r) => /\n[A-Z]{1,2}\d{1,2} \d[A-Z]{2}$/.test(r.address ?? ''))).toBeGreaterThan(0.8);
    expect(share(full, (r) => r.gp_practice_name !== null)).toBeGreaterThan(0.7);
    for (const r of rows) if (r.gp_practice_ods_code) expect(r.gp_practice_ods_code).toMatch(/^[A-Z]\d{5}$/);
    expect(new Set(full.map((r) => r.consent_status))).toEqual(
      new Set(['given', 'given_with_limits', 'refused', 'not_yet_sought', 'not_known', null]),
    );
    for (const r of rows) {
      expect(r.consent_recorded_by !== null, 'recorded by whoever answered').toBe(r.consent_status !== null);
      if (r.consent_date) expect(r.consent_date <= '2025-12-31' && r.consent_date >= r.referral_date).toBe(true);
    }
    expect(consultations.length).toBeGreaterThan(0);
    expect(consultations.every((r) => r.nhs_number === null && r.address === null)).toBe(true);
    expect(rows.some((r) => r.legal_status === 'not_known')).toBe(true);
  });
});
