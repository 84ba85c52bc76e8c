/**
 * The received date of a paperwork item: never in the future (England's date), and before the
 * referral date only once the user has acknowledged the warning, because it starts the clock.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setPaperworkReceived } from '../../../../main/core/cases/paperwork.service';
import { handlers } from '../../../../main/core/core';
import { AppError } from '../../../../main/core/errors';
import { createRouter } from '../../../../main/core/ipc/router';
import { SessionManager } from '../../../../main/core/session/session-manager';
import { ADMIN, FAST, tempDirs, vaultDirIn } from '../temp-vault';
import { auditActions, makeVault, newCase, type TestVault } from './fixtures';

const dirs = tempDirs();
let t: TestVault;
beforeEach(async () => {
  t = await makeVault('2026-12-01T10:00:00Z');
});
afterEach(() => {
  t.cleanup();
  dirs.cleanup();
});

const REQUIRED = ['referral_form', 'chronology', 'police_disclosure', 'school_report', 'social_care_assessment'];

function caught(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected an AppError');
}

describe('paperwork received dates', () => {
  it('refuses a date in the future, saying what today is, and changes nothing', () => {
    const c = newCase(t.vault, { referralDate: '2025-03-12' });
    const before = auditActions(t.vault).length;
    const err = caught(() =>
      setPaperworkReceived(t.vault, {
        caseId: c.id,
        typeId: 'chronology',
        receivedDate: '2026-12-02',
        notes: null,
        acknowledgeBeforeReferral: false,
      }),
    );
    expect(err.code).toBe('INVALID_INPUT');
    expect(err.message).toBe('The date received cannot be in the future (today is 01/12/2026).');
    // Acknowledging the referral warning does not let a future date through either.
    expect(() =>
      setPaperworkReceived(t.vault, {
        caseId: c.id,
        typeId: 'chronology',
        receivedDate: '2027-01-01',
        notes: null,
        acknowledgeBeforeReferral: true,
      }),
    ).toThrow(/cannot be in the future/);
    const d = setPaperworkReceived(t.vault, {
      caseId: c.id,
      typeId: 'chronology',
      receivedDate: '2026-12-01',
      notes: null,
      acknowledgeBeforeReferral: false,
    });
    expect(d.paperwork.find((p) => p.typeId === 'chronology')?.receivedDate).toBe('2026-12-01');
    expect(auditActions(t.vault).length).toBe(before + 1);
  });

  it("takes today as England's date: just after midnight in summer, London is an hour ahead of UTC", () => {
    const c = newCase(t.vault, { referralDate: '2025-03-12' });
    // 23:30 UTC on 30 June is 00:30 on 1 July in London (BST).
    t.setNow('2026-06-30T23:30:00Z');
    const d = setPaperworkReceived(t.vault, {
      caseId: c.id,
      typeId: 'chronology',
      receivedDate: '2026-07-01',
      notes: null,
      acknowledgeBeforeReferral: false,
    });
    expect(d.paperwork.find((p) => p.typeId === 'chronology')?.receivedDate).toBe('2026-07-01');
    expect(() =>
      setPaperworkReceived(t.vault, {
        caseId: c.id,
        typeId: 'school_report',
        receivedDate: '2026-07-02',
        notes: null,
        acknowledgeBeforeReferral: false,
      }),
    ).toThrow('The date received cannot be in the future (today is 01/07/2026).');
  });

  it('asks for confirmation of a date before the referral, saves nothing without it, and saves it with it', () => {
    const c = newCase(t.vault, { referralDate: '2025-03-12' });
    const before = auditActions(t.vault).length;
    const err = caught(() =>
      setPaperworkReceived(t.vault, {
        caseId: c.id,
        typeId: 'chronology',
        receivedDate: '2025-03-11',
        notes: null,
        acknowledgeBeforeReferral: false,
      }),
    );
    expect(err.code).toBe('CONFIRMATION_REQUIRED');
    expect(err.message).toBe(
      'This is before the referral date (12/03/2025): the 12-week clock will start from the latest item received. Save anyway?',
    );
    expect(auditActions(t.vault).length).toBe(before);

    // The referral date itself needs no confirmation.
    setPaperworkReceived(t.vault, {
      caseId: c.id,
      typeId: 'referral_form',
      receivedDate: '2025-03-12',
      notes: null,
      acknowledgeBeforeReferral: false,
    });
    for (const typeId of REQUIRED.filter((id) => id !== 'referral_form')) {
      setPaperworkReceived(t.vault, {
        caseId: c.id,
        typeId,
        receivedDate: '2025-02-20',
        notes: null,
        acknowledgeBeforeReferral: true,
      });
    }
    const d = setPaperworkReceived(t.vault, {
      caseId: c.id,
      typeId: 'referral_form',
      receivedDate: '2025-03-12',
      notes: null,
      acknowledgeBeforeReferral: false,
    });
    // The clock starts from the latest item received, as the warning said.
    expect(d.clock).toMatchObject({ paperworkCompleteDate: '2025-03-12', assessmentDueDate: '2025-06-04' });
    const audited = t.vault.db
      .prepare(`SELECT detail FROM audit_log WHERE action = 'paperwork.set' ORDER BY seq`)
      .all() as { detail: string }[];
    const early = audited.filter((a) => JSON.parse(a.detail).beforeReferral === true);
    expect(early).toHaveLength(REQUIRED.length - 1);
  });

  it('applies the same rules through the router, whose input carries the acknowledgement', async () => {
    const manager = new SessionManager(vaultDirIn(dirs.make()), { vault: FAST });
    try {
      const router = createRouter(handlers, manager, () => undefined);
      expect(await router('vault:create', ADMIN)).toMatchObject({ ok: true });
      const made = (await router('case:create', {
        referralDate: '2025-03-12',
        referralSource: 'Children’s social care',
        servicesRequested: ['assessment'],
        youngPerson: { givenName: 'Jamie', familyName: 'Hughes', dateOfBirth: '2012-03-27', localAuthority: 'Leeds' },
      })) as { ok: true; value: { id: string } };
      expect(made).toMatchObject({ ok: true });
      const early = { caseId: made.value.id, typeId: 'chronology', receivedDate: '2025-03-01' };
      expect(await router('paperwork:setReceived', early)).toMatchObject({
        ok: false,
        error: { code: 'CONFIRMATION_REQUIRED', message: expect.stringContaining('(12/03/2025)') },
      });
      expect(await router('paperwork:setReceived', { ...early, acknowledgeBeforeReferral: 'yes' })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
      expect(await router('paperwork:setReceived', { ...early, acknowledgeBeforeReferral: true })).toMatchObject({
        ok: true,
        value: {
          paperwork: expect.arrayContaining([
            expect.objectContaining({ typeId: 'chronology', receivedDate: '2025-03-01' }),
          ]),
        },
      });
    } finally {
      manager.dispose();
    }
  });
});
