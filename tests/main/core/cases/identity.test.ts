/**
 * The young person's identity and unanswered answers, on a real vault: legal status and
 * placement start unanswered, "Not known" is an answer, the NHS number is checked and stored as
 * 10 digits, and consent records who recorded it (the signed-in user, never the form).
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { casePatchSchema, referralSchema } from '../../../../preload/contract/case-records';
import { createCase, getCase, updateCaseFields } from '../../../../main/core/cases/cases.service';
import { addPerson } from '../../../../main/core/cases/people.service';
import { checkDuplicates } from '../../../../main/core/cases/caseload.service';
import { scryptParams } from '../../../../main/core/vault/kdf';
import { unlockVault } from '../../../../main/core/vault/vault';
import { makeVault, newCase, referral, type TestVault } from './fixtures';

let t: TestVault;
beforeEach(async () => {
  t = await makeVault();
});
afterEach(() => t.cleanup());

const patch = (input: unknown) => casePatchSchema.parse(input);

describe('unanswered clinical answers', () => {
  it('start unanswered: no legal status or placement is recorded until someone answers', () => {
    const c = newCase(t.vault);
    expect(c.youngPerson.legalStatus).toBeNull();
    expect(c.youngPerson.placement).toBeNull();
    expect(c.youngPerson.consentStatus).toBeNull();
    const row = t.vault.db.prepare('SELECT legal_status, placement FROM young_people WHERE case_id = ?').get(c.id);
    expect(row).toEqual({ legal_status: null, placement: null });
  });

  it('take "not known" as an answer beside the real ones', () => {
    const c = newCase(t.vault, {}, { legalStatus: 'not_known', placement: 'not_known', consentStatus: 'not_known' });
    expect(c.youngPerson).toMatchObject({
      legalStatus: 'not_known',
      placement: 'not_known',
      consentStatus: 'not_known',
    });
    const none = newCase(t.vault, {}, { legalStatus: 'none' });
    expect(none.youngPerson.legalStatus).toBe('none');
  });

  it('are not wiped by a patch that leaves them out', () => {
    const c = newCase(t.vault, {}, { legalStatus: 'charged', placement: 'foster', nhsNumber: '9434765919' });
    const updated = updateCaseFields(t.vault, c.id, c.version, patch({ youngPerson: { school: 'Leeds Academy' } }));
    expect(updated.youngPerson).toMatchObject({
      school: 'Leeds Academy',
      legalStatus: 'charged',
      placement: 'foster',
      nhsNumber: '9434765919',
      givenName: 'Amelia',
    });
  });
});

describe('identity', () => {
  it('stores the NHS number as 10 digits whether typed with spaces or not', () => {
    const parsed = referralSchema.parse(referral({}, { nhsNumber: '943 476 5919' }));
    const c = createCase(t.vault, parsed);
    expect(c.youngPerson.nhsNumber).toBe('9434765919');
    expect(getCase(t.vault, c.id).youngPerson.nhsNumber).toBe('9434765919');
  });

  it('refuses an NHS number whose check digit does not match, saying why', () => {
    const bad = referralSchema.safeParse(referral({}, { nhsNumber: '943 476 5918' }));
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]).toMatchObject({
      path: ['youngPerson', 'nhsNumber'],
      message: 'This is not a valid NHS number: the check digit does not match.',
    });
    // The table refuses a malformed number even if something skipped the contract.
    const c = newCase(t.vault);
    expect(() =>
      t.vault.db.prepare(`UPDATE young_people SET nhs_number = '94347659' WHERE case_id = ?`).run(c.id),
    ).toThrow(/CHECK/);
  });

  it('keeps address, GP practice (ODS code in capitals) and consent with its date', () => {
    const c = newCase(
      t.vault,
      {},
      {
        address: '12 Park Lane\nLeeds\nLS6 2AB',
        gpPracticeName: 'Riverside Surgery',
        gpPracticeOdsCode: 'b86001',
        consentStatus: 'given_with_limits',
        consentDate: '2025-06-03',
        consentDetails: 'Not to be shared with the wider family.',
      },
    );
    expect(c.youngPerson).toMatchObject({
      address: '12 Park Lane\nLeeds\nLS6 2AB',
      gpPracticeName: 'Riverside Surgery',
      gpPracticeOdsCode: 'B86001',
      consentStatus: 'given_with_limits',
      consentDate: '2025-06-03',
      consentRecordedBy: t.vault.user.id,
      consentRecordedByName: 'Ada Admin',
      consentRecordedAt: '2025-06-15T10:00:00.000Z',
    });
  });

  it('never needs identity on a consultation-only case', () => {
    const c = newCase(
      t.vault,
      { consultationOnly: true, servicesRequested: ['consultation'] },
      { givenName: null, familyName: null, initials: 'AH', dateOfBirth: null, ageAtReferral: 14, localAuthority: null },
    );
    expect(c.youngPerson).toMatchObject({ nhsNumber: null, address: null, gpPracticeName: null, consentStatus: null });
  });
});

describe('consent', () => {
  it('needs the date it was given or refused, a status for a date, and no future date', () => {
    expect(() => newCase(t.vault, {}, { consentStatus: 'given' })).toThrow('Enter the date consent was given.');
    expect(() => newCase(t.vault, {}, { consentStatus: 'refused' })).toThrow('Enter the date consent was refused.');
    expect(() => newCase(t.vault, {}, { consentDate: '2025-06-01' })).toThrow(/Choose the consent status/);
    expect(() => newCase(t.vault, {}, { consentStatus: 'given', consentDate: '2025-06-16' })).toThrow(
      'The consent date (16/06/2025) is in the future. Enter the date it was recorded.',
    );
    expect(() => newCase(t.vault, {}, { consentStatus: 'given_with_limits', consentDate: '2025-06-02' })).toThrow(
      /what the limits on consent are/,
    );
    // "Not yet sought" has no date of its own.
    expect(newCase(t.vault, {}, { consentStatus: 'not_yet_sought' }).youngPerson.consentStatus).toBe('not_yet_sought');
    expect(t.vault.db.prepare('SELECT count(*) AS n FROM cases').get()).toEqual({ n: 1 });
  });

  it('cannot be attributed by the form: who recorded it is not an input', () => {
    const sneaky = referralSchema.safeParse(referral({}, { consentRecordedBy: t.vault.user.id } as never));
    expect(sneaky.success).toBe(false);
    expect(casePatchSchema.safeParse({ youngPerson: { consentRecordedBy: 'x' } }).success).toBe(false);
  });

  it('is attributed to whoever last changed it, and kept when someone else edits other fields', async () => {
    const c = newCase(t.vault, {}, { consentStatus: 'given', consentDate: '2025-06-02' });
    const other = await t.vault.addUser({
      username: 'clin',
      displayName: 'Cal Clinician',
      password: 'another long password',
      role: 'clinician',
    });
    t.vault.close();
    const as = await unlockVault(join(t.dir, 'vault'), 'clin', 'another long password', {
      kdf: scryptParams(2 ** 14),
      now: () => new Date('2025-06-20T09:00:00Z'),
    });
    try {
      const school = updateCaseFields(as, c.id, c.version, patch({ youngPerson: { school: 'Leeds Academy' } }));
      expect(school.youngPerson).toMatchObject({ consentRecordedByName: 'Ada Admin' });
      const refused = updateCaseFields(
        as,
        c.id,
        school.version,
        patch({
          youngPerson: { consentStatus: 'refused', consentDate: '2025-06-19', consentDetails: 'Father refused.' },
        }),
      );
      expect(refused.youngPerson).toMatchObject({
        consentStatus: 'refused',
        consentRecordedBy: other.id,
        consentRecordedByName: 'Cal Clinician',
        consentRecordedAt: '2025-06-20T09:00:00.000Z',
      });
      const cleared = updateCaseFields(
        as,
        c.id,
        refused.version,
        patch({ youngPerson: { consentStatus: null, consentDate: null } }),
      );
      expect(cleared.youngPerson).toMatchObject({ consentStatus: null, consentRecordedBy: null });
    } finally {
      as.close();
    }
  });
});

describe('parental responsibility', () => {
  it('stays unanswered for a parent or carer when nobody has said (not recorded as "no")', () => {
    const c = newCase(t.vault);
    const mum = addPerson(t.vault, c.id, { kind: 'parent_carer', name: 'Jo Hughes' });
    expect(mum.parentalResponsibility).toBeNull();
    const dad = addPerson(t.vault, c.id, { kind: 'parent_carer', name: 'Sam Hughes', parentalResponsibility: false });
    expect(dad.parentalResponsibility).toBe(false);
  });
});

describe('possible duplicates by NHS number', () => {
  it('finds another case with the same NHS number even under a different name', () => {
    const first = newCase(t.vault, {}, { nhsNumber: '9434765919' });
    const found = checkDuplicates(t.vault, {
      givenName: 'Millie',
      familyName: 'Jones',
      dateOfBirth: null,
      localAuthority: null,
      nhsNumber: '9434765919',
    });
    expect(found).toEqual([expect.objectContaining({ caseId: first.id, reason: 'same_nhs_number' })]);
    // Matching on name and date of birth as well, the NHS number is the reason given.
    const both = checkDuplicates(t.vault, {
      givenName: 'Amelia',
      familyName: 'Hughes',
      dateOfBirth: '2010-03-14',
      localAuthority: 'Leeds',
      nhsNumber: '9434765919',
    });
    expect(both).toEqual([expect.objectContaining({ caseId: first.id, reason: 'same_nhs_number' })]);
    const none = checkDuplicates(t.vault, {
      givenName: null,
      familyName: null,
      dateOfBirth: null,
      localAuthority: null,
      nhsNumber: '4010232137',
    });
    expect(none).toEqual([]);
  });
});
