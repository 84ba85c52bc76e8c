import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { caseloadQuerySchema } from '../../../../preload/contract/cases';
import { checkDuplicates, listCaseload } from '../../../../main/core/cases/caseload.service';
import { setCaseStatus } from '../../../../main/core/cases/case-status.service';
import { getCase, updateCaseFields } from '../../../../main/core/cases/cases.service';
import { setPaperworkReceived } from '../../../../main/core/cases/paperwork.service';
import { addPerson, changePerson, removePerson } from '../../../../main/core/cases/people.service';
import { verifyAuditChain } from '../../../../main/core/vault/audit';
import { auditActions, makeVault, newCase, type TestVault } from './fixtures';

let t: TestVault;
beforeEach(async () => {
  t = await makeVault('2025-06-15T10:00:00Z');
});
afterEach(() => t.cleanup());

describe('referral', () => {
  it('numbers cases per referral year and records the first status', () => {
    const a = newCase(t.vault);
    const b = newCase(t.vault, {}, { givenName: 'Ben', familyName: 'Owusu', dateOfBirth: '2011-01-02' });
    const c = newCase(t.vault, { referralDate: '2024-11-30' }, { givenName: 'Cara', familyName: 'Lee' });
    expect([a.reference, b.reference, c.reference]).toEqual(['NC-2025-0001', 'NC-2025-0002', 'NC-2024-0001']);
    expect(a.status).toBe('referred');
    expect(a.statusHistory).toMatchObject([{ fromStatus: null, toStatus: 'referred', changedByName: 'Ada Admin' }]);
    expect(a.youngPerson).toMatchObject({ initials: 'AH', age: 15 });
    expect(a.ageAtReferral).toBe(15);
    expect(a.servicesRequested).toEqual(['assessment']);
    expect(a.clock.status).toBe('not_started');
    expect(auditActions(t.vault, a.id)).toEqual(['case.create']);
  });

  it('refuses a young person of 22 and writes nothing', () => {
    const before = auditActions(t.vault).length;
    expect(() => newCase(t.vault, {}, { dateOfBirth: '2003-06-01' })).toThrow(/up to 21/);
    expect(t.vault.db.prepare('SELECT count(*) AS n FROM cases').get()).toEqual({ n: 0 });
    expect(auditActions(t.vault)).toHaveLength(before);
  });

  it('allows initials and an age only on consultation-only cases', () => {
    const c = newCase(
      t.vault,
      { consultationOnly: true, servicesRequested: ['consultation'] },
      { givenName: null, familyName: null, initials: 'jb', dateOfBirth: null, ageAtReferral: 14 },
    );
    expect(c.youngPerson).toMatchObject({
      initials: 'JB',
      givenName: null,
      dateOfBirth: null,
      ageAtReferral: 14,
      age: null,
    });
    expect(() => newCase(t.vault, {}, { givenName: null, familyName: null, initials: 'JB' })).toThrow(/names/);
  });

  it('adds the referrer as a linked person', () => {
    const c = newCase(t.vault, { referrer: { name: 'Priya Shah', role: 'social_worker', agency: 'Leeds CSC' } });
    expect(c.people).toMatchObject([
      { kind: 'referrer', name: 'Priya Shah', role: 'social_worker', thirdParty: false },
    ]);
  });
});

describe('reading and updating', () => {
  it('audits every read of the case page', () => {
    const c = newCase(t.vault);
    getCase(t.vault, c.id);
    getCase(t.vault, c.id);
    expect(auditActions(t.vault, c.id)).toEqual(['case.create', 'case.read', 'case.read']);
    const row = t.vault.db.prepare(`SELECT detail FROM audit_log WHERE action = 'case.read' LIMIT 1`).get() as {
      detail: string;
    };
    expect(JSON.parse(row.detail)).toEqual({ view: 'case' });
  });

  it('fails with NOT_FOUND for an unknown case', () => {
    expect(() => getCase(t.vault, '00000000-0000-4000-8000-000000000000')).toThrow(/does not exist/);
  });

  it('bumps the version on update and refuses a stale one, rolling back its audit row', () => {
    const c = newCase(t.vault);
    const u = updateCaseFields(t.vault, c.id, 1, {
      youngPerson: { school: 'Park Academy' },
      servicesProvided: ['assessment'],
    });
    expect(u.version).toBe(2);
    expect(u.youngPerson.school).toBe('Park Academy');
    expect(u.youngPerson.givenName).toBe('Amelia');
    expect(u.servicesProvided).toEqual(['assessment']);
    const before = auditActions(t.vault);
    expect(() => updateCaseFields(t.vault, c.id, 1, { referralReason: 'x' })).toThrow(/changed this case/);
    expect(auditActions(t.vault)).toEqual(before);
  });

  it('re-checks the age limit when the date of birth changes', () => {
    const c = newCase(t.vault);
    expect(() => updateCaseFields(t.vault, c.id, 1, { youngPerson: { dateOfBirth: '2000-01-01' } })).toThrow(
      /up to 21/,
    );
  });

  it('rolls the write back when its audit row cannot be written', () => {
    // A real trigger in the real database makes the audit insert fail for this one action.
    t.vault.db.exec(`CREATE TEMP TRIGGER fail_audit BEFORE INSERT ON audit_log WHEN new.action = 'case.create'
                     BEGIN SELECT RAISE(ABORT, 'audit unavailable'); END`);
    expect(() => newCase(t.vault)).toThrow(/audit unavailable/);
    expect(t.vault.db.prepare('SELECT count(*) AS n FROM cases').get()).toEqual({ n: 0 });
    expect(t.vault.db.prepare('SELECT count(*) AS n FROM young_people').get()).toEqual({ n: 0 });
    t.vault.db.exec('DROP TRIGGER fail_audit');
    expect(verifyAuditChain(t.vault.db).ok).toBe(true);
  });
});

describe('status workflow', () => {
  it('runs referred -> accepted -> active -> closed with history, and reopens', () => {
    let c = newCase(t.vault);
    c = setCaseStatus(t.vault, {
      caseId: c.id,
      expectedVersion: c.version,
      status: 'accepted',
      reason: null,
      closingSummary: null,
    });
    c = setCaseStatus(t.vault, {
      caseId: c.id,
      expectedVersion: c.version,
      status: 'active',
      reason: null,
      closingSummary: null,
    });
    expect(() =>
      setCaseStatus(t.vault, {
        caseId: c.id,
        expectedVersion: c.version,
        status: 'closed',
        reason: 'Done',
        closingSummary: null,
      }),
    ).toThrow(/closing summary/);
    c = setCaseStatus(t.vault, {
      caseId: c.id,
      expectedVersion: c.version,
      status: 'closed',
      reason: 'Intervention completed',
      closingSummary: 'Goals met.',
    });
    expect(c).toMatchObject({
      status: 'closed',
      closureReason: 'Intervention completed',
      closingSummary: 'Goals met.',
    });
    c = setCaseStatus(t.vault, {
      caseId: c.id,
      expectedVersion: c.version,
      status: 'referred',
      reason: 'Re-referred',
      closingSummary: null,
    });
    expect(c).toMatchObject({ status: 'referred', closureReason: null, closingSummary: null });
    expect(c.statusHistory.map((h) => h.toStatus)).toEqual(['referred', 'accepted', 'active', 'closed', 'referred']);
    expect(auditActions(t.vault, c.id).filter((a) => a === 'case.status')).toHaveLength(4);
  });

  it('needs a reason to decline', () => {
    const c = newCase(t.vault);
    expect(() =>
      setCaseStatus(t.vault, {
        caseId: c.id,
        expectedVersion: 1,
        status: 'declined',
        reason: null,
        closingSummary: null,
      }),
    ).toThrow(/reason for declining/);
    const d = setCaseStatus(t.vault, {
      caseId: c.id,
      expectedVersion: 1,
      status: 'declined',
      reason: 'Out of area',
      closingSummary: null,
    });
    expect(d.declineReason).toBe('Out of area');
  });
});

describe('paperwork and the 12-week clock', () => {
  const required = ['referral_form', 'chronology', 'police_disclosure', 'school_report', 'social_care_assessment'];

  it('starts the clock when the last required item arrives, from the latest date', () => {
    const c = newCase(t.vault, { referralDate: '2024-01-10' });
    t.setNow('2024-03-01T12:00:00Z');
    let d = c;
    const dates = ['2024-01-10', '2024-02-02', '2024-01-20', '2024-02-29', '2024-02-01'];
    required.forEach((typeId, i) => {
      expect(d.clock.status).toBe('not_started');
      d = setPaperworkReceived(t.vault, {
        caseId: c.id,
        typeId,
        receivedDate: dates[i] ?? null,
        notes: null,
        acknowledgeBeforeReferral: false,
      });
    });
    expect(d.clock).toMatchObject({
      paperworkCompleteDate: '2024-02-29',
      assessmentDueDate: '2024-05-23',
      status: 'on_track',
    });
    // The optional item does not hold the clock back.
    expect(d.paperwork.find((p) => p.typeId === 'health_camhs_report')).toMatchObject({
      required: false,
      receivedDate: null,
    });
    t.setNow('2024-05-09T09:00:00Z');
    expect(getCase(t.vault, c.id).clock).toMatchObject({ status: 'due_soon', daysRemaining: 14 });
    t.setNow('2024-05-24T09:00:00Z');
    expect(getCase(t.vault, c.id).clock).toMatchObject({ status: 'overdue', daysRemaining: -1 });
    d = updateCaseFields(t.vault, c.id, getCase(t.vault, c.id).version, { assessmentCompletedDate: '2024-05-24' });
    expect(d.clock.status).toBe('complete');
  });

  it('stops the clock when a required item is cleared, and refuses future dates', () => {
    const c = newCase(t.vault);
    for (const typeId of required)
      setPaperworkReceived(t.vault, {
        caseId: c.id,
        typeId,
        receivedDate: '2025-06-10',
        notes: null,
        acknowledgeBeforeReferral: false,
      });
    expect(getCase(t.vault, c.id).clock.assessmentDueDate).toBe('2025-09-02');
    const d = setPaperworkReceived(t.vault, {
      caseId: c.id,
      typeId: 'chronology',
      receivedDate: null,
      notes: null,
      acknowledgeBeforeReferral: false,
    });
    expect(d.clock).toMatchObject({ status: 'not_started', assessmentDueDate: null, paperworkCompleteDate: null });
    expect(() =>
      setPaperworkReceived(t.vault, {
        caseId: c.id,
        typeId: 'chronology',
        receivedDate: '2025-06-16',
        notes: null,
        acknowledgeBeforeReferral: false,
      }),
    ).toThrow(/future/);
    expect(() =>
      setPaperworkReceived(t.vault, {
        caseId: c.id,
        typeId: 'nope',
        receivedDate: null,
        notes: null,
        acknowledgeBeforeReferral: false,
      }),
    ).toThrow(/not on the checklist/);
  });
});

describe('possible duplicates', () => {
  it('finds the same date of birth with a similar name, and the same name in the same local authority', () => {
    const a = newCase(
      t.vault,
      {},
      { givenName: 'Catherine', familyName: 'Smith', dateOfBirth: '2010-05-05', localAuthority: 'Kent' },
    );
    const b = newCase(
      t.vault,
      {},
      { givenName: 'Jo', familyName: 'Bloggs', dateOfBirth: '2009-01-01', localAuthority: 'Kent' },
    );
    newCase(
      t.vault,
      {},
      { givenName: 'Oliver', familyName: 'Twist', dateOfBirth: '2010-05-05', localAuthority: 'Kent' },
    );
    const byDob = checkDuplicates(t.vault, {
      givenName: 'Kathryn',
      familyName: 'Smyth',
      dateOfBirth: '2010-05-05',
      localAuthority: null,
      nhsNumber: null,
    });
    expect(byDob).toEqual([
      {
        caseId: a.id,
        reference: a.reference,
        initials: 'CS',
        dateOfBirth: '2010-05-05',
        status: 'referred',
        reason: 'same_dob_similar_name',
      },
    ]);
    const byName = checkDuplicates(t.vault, {
      givenName: 'jo',
      familyName: 'BLOGGS',
      dateOfBirth: '2012-12-12',
      localAuthority: 'kent',
      nhsNumber: null,
    });
    expect(byName.map((d) => [d.reference, d.reason])).toEqual([[b.reference, 'same_name_same_local_authority']]);
    expect(
      checkDuplicates(t.vault, {
        givenName: 'Zed',
        familyName: 'Quinn',
        dateOfBirth: '2010-05-05',
        localAuthority: 'Kent',
        nhsNumber: null,
      }),
    ).toEqual([]);
  });
});

describe('people', () => {
  it('flags siblings as third parties and keeps parental responsibility for carers only', () => {
    const c = newCase(t.vault);
    const sib = addPerson(t.vault, c.id, {
      kind: 'sibling',
      name: 'Ella Hughes',
      dateOfBirth: '2014-02-02',
      parentalResponsibility: true,
    });
    expect(sib).toMatchObject({ thirdParty: true, parentalResponsibility: null, version: 1 });
    const mum = addPerson(t.vault, c.id, {
      kind: 'parent_carer',
      name: 'Rachel Hughes',
      relationship: 'Mother',
      parentalResponsibility: true,
    });
    expect(mum.parentalResponsibility).toBe(true);
    const pro = addPerson(t.vault, c.id, {
      kind: 'professional',
      name: 'DC Khan',
      role: 'police',
      sharingBasis: 'Duty to share',
    });
    const changed = changePerson(t.vault, pro.id, 1, {
      name: 'DC Khan',
      role: 'police',
      agency: 'West Yorkshire Police',
    });
    expect(changed).toMatchObject({ agency: 'West Yorkshire Police', version: 2, sharingBasis: null });
    expect(() => changePerson(t.vault, pro.id, 1, { name: 'x' })).toThrow(/changed/);
    removePerson(t.vault, sib.id);
    expect(getCase(t.vault, c.id).people.map((p) => p.name)).toEqual(['Rachel Hughes', 'DC Khan']);
    expect(auditActions(t.vault, c.id)).toContain('person.remove');
  });
});

describe('caseload', () => {
  it('filters, searches and writes one audit row per query', () => {
    const a = newCase(t.vault, {}, { givenName: 'Amelia', familyName: 'Hughes', dateOfBirth: '2010-03-14' });
    newCase(t.vault, {}, { givenName: 'Ben', familyName: 'Amos', dateOfBirth: '2011-04-04' });
    newCase(
      t.vault,
      { servicesRequested: ['safe_home'] },
      { givenName: 'Zoë', familyName: 'Clarke', dateOfBirth: '2012-07-07' },
    );
    const q = (over: object) => listCaseload(t.vault, caseloadQuerySchema.parse(over));
    const before = auditActions(t.vault).length;
    expect(q({}).total).toBe(3);
    expect(
      q({ search: 'am' })
        .items.map((r) => r.displayName)
        .sort(),
    ).toEqual(['Amelia Hughes', 'Ben Amos']);
    expect(q({ search: 'zoe' }).items.map((r) => r.displayName)).toEqual(['Zoë Clarke']);
    expect(q({ search: 'amelia hu' }).items.map((r) => r.id)).toEqual([a.id]);
    expect(q({ search: '14/03/2010' }).items.map((r) => r.id)).toEqual([a.id]);
    expect(q({ search: 'nc-2025-0001' }).items.map((r) => r.id)).toEqual([a.id]);
    expect(q({ search: '2025-0001' }).items.map((r) => r.id)).toEqual([a.id]);
    expect(q({ search: 'NC 2025' }).total).toBe(3);
    expect(q({ service: 'safe_home' }).total).toBe(1);
    expect(q({ sort: 'name', direction: 'asc' }).items.map((r) => r.displayName)).toEqual([
      'Ben Amos',
      'Zoë Clarke',
      'Amelia Hughes',
    ]);
    expect(q({ flagged: true }).total).toBe(0);
    expect(q({ overdue: true }).total).toBe(0);
    expect(auditActions(t.vault).slice(before)).toEqual(Array(12).fill('caseload.list'));
  });
});
