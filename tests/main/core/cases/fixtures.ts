/** Explicit fixtures for case tests: a real encrypted vault in a temp folder, with a settable clock. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { referralSchema, type ReferralInput } from '../../../../preload/contract/case-records';
import { createCase } from '../../../../main/core/cases/cases.service';
import { scryptParams } from '../../../../main/core/vault/kdf';
import { createVault, type OpenVault } from '../../../../main/core/vault/vault';

export interface TestVault {
  vault: OpenVault;
  dir: string;
  /** Move the vault's clock (ISO date-time). */
  setNow(iso: string): void;
  cleanup(): void;
}

export async function makeVault(nowIso = '2025-06-15T10:00:00Z'): Promise<TestVault> {
  const dir = mkdtempSync(join(tmpdir(), 'ncats-cases-'));
  let now = new Date(nowIso);
  const { vault } = await createVault(
    join(dir, 'vault'),
    { username: 'admin', displayName: 'Ada Admin', password: 'correct horse battery' },
    { kdf: scryptParams(2 ** 14), now: () => now },
  );
  return {
    vault,
    dir,
    setNow(iso) {
      now = new Date(iso);
    },
    cleanup() {
      vault.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function referral(
  overrides: Partial<ReferralInput> = {},
  yp: Partial<ReferralInput['youngPerson']> = {},
): ReferralInput {
  return {
    referralDate: '2025-06-01',
    referralSource: 'Children’s social care',
    referralReason: 'Concerns raised by school.',
    servicesRequested: ['assessment'],
    ...overrides,
    youngPerson: {
      givenName: 'Amelia',
      familyName: 'Hughes',
      dateOfBirth: '2010-03-14',
      localAuthority: 'Leeds',
      ...yp,
    },
  };
}

export function newCase(
  vault: OpenVault,
  overrides: Partial<ReferralInput> = {},
  yp: Partial<ReferralInput['youngPerson']> = {},
) {
  return createCase(vault, referralSchema.parse(referral(overrides, yp)));
}

export function auditActions(vault: OpenVault, caseId?: string): string[] {
  const rows = (
    caseId
      ? vault.db.prepare('SELECT action FROM audit_log WHERE case_id = ? ORDER BY seq').all(caseId)
      : vault.db.prepare('SELECT action FROM audit_log ORDER BY seq').all()
  ) as { action: string }[];
  return rows.map((r) => r.action);
}
