import { describe, expect, it } from 'vitest';
import { checkReferral, emptyDraft, type ReferralDraft } from '../../../renderer/features/cases/referral-draft';

const NOW = new Date(2026, 10, 26);
const draft = (patch: Partial<ReferralDraft>): ReferralDraft => ({ ...emptyDraft(NOW), ...patch });

describe('checkReferral', () => {
  it('starts with today as the referral date, dd/mm/yyyy', () => {
    expect(emptyDraft(NOW).referralDate).toBe('26/11/2026');
  });

  it('needs names and a date of birth, and builds the contract input from dd/mm/yyyy', () => {
    expect(Object.keys(checkReferral(draft({})).errors).sort()).toEqual(['dateOfBirth', 'familyName', 'givenName']);
    const { errors, input } = checkReferral(
      draft({ givenName: ' Jamie ', familyName: 'Hughes', dateOfBirth: '7/3/2012', referrerName: 'Ann Lee' }),
    );
    expect(errors).toEqual({});
    expect(input).toMatchObject({
      referralDate: '2026-11-26',
      youngPerson: { givenName: 'Jamie', dateOfBirth: '2012-03-07', initials: null, ageAtReferral: null },
      referrer: { name: 'Ann Lee', role: null },
    });
  });

  it('refuses dates that do not exist and a birth after the referral', () => {
    const e = checkReferral(draft({ givenName: 'A', familyName: 'B', dateOfBirth: '29/02/2013' })).errors;
    expect(e.dateOfBirth).toBe('29/02/2013 is not a real date: February 2013 has 28 days.');
    const typo = checkReferral(draft({ givenName: 'A', familyName: 'B', dateOfBirth: '29/2/13' })).errors;
    expect(typo.dateOfBirth).toBe('Enter the date of birth as dd/mm/yyyy, for example 27/03/2010.');
    const referral = checkReferral(draft({ givenName: 'A', familyName: 'B', referralDate: '31/04/2026' })).errors;
    expect(referral.referralDate).toBe('31/04/2026 is not a real date: April has 30 days.');
    const later = checkReferral(draft({ givenName: 'A', familyName: 'B', dateOfBirth: '01/01/2027' })).errors;
    expect(later.dateOfBirth).toBe('The date of birth is after the referral date. Check both dates.');
  });

  it('takes 21-year-olds and refuses from the 22nd birthday, in the core’s words', () => {
    const ok = checkReferral(draft({ givenName: 'A', familyName: 'B', dateOfBirth: '26/11/2005' }));
    expect(ok.errors).toEqual({});
    const old = checkReferral(draft({ givenName: 'A', familyName: 'B', dateOfBirth: '25/11/2004' }));
    expect(old.errors.dateOfBirth).toBe(
      'The service works with young people up to 21. This young person (born 25/11/2004) was 22 on the referral date (26/11/2026), so the referral cannot be accepted.',
    );
  });

  it('asks only for initials and an age on a consultation-only case', () => {
    const e = checkReferral(draft({ consultationOnly: true })).errors;
    expect(Object.keys(e).sort()).toEqual(['ageAtReferral', 'initials']);
    const { input } = checkReferral(draft({ consultationOnly: true, initials: 'JH', ageAtReferral: '15' }));
    expect(input?.youngPerson).toMatchObject({ initials: 'JH', ageAtReferral: 15, givenName: null, dateOfBirth: null });
    expect(
      checkReferral(draft({ consultationOnly: true, initials: 'J.H.', ageAtReferral: '15' })).errors.initials,
    ).toBe('Initials are 1-4 letters.');
    expect(
      checkReferral(draft({ consultationOnly: true, initials: 'JH', ageAtReferral: '22' })).errors.ageAtReferral,
    ).toMatch(/up to 21/);
  });

  it('needs the referrer’s name once any referrer detail is given', () => {
    const e = checkReferral(
      draft({ givenName: 'A', familyName: 'B', dateOfBirth: '01/01/2012', referrerAgency: 'CAMHS' }),
    );
    expect(e.errors.referrerName).toMatch(/referrer’s name/);
  });
});
