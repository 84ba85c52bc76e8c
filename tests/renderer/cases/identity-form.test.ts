import { describe, expect, it } from 'vitest';
import type { CaseDetail, PersonView } from '../../../preload/contract';
import { checkReferral, emptyDraft, type ReferralDraft } from '../../../renderer/features/cases/referral-draft';
import { checkIdentity, EMPTY_IDENTITY, identityValuesOf } from '../../../renderer/features/cases/identity-form';
import { unansweredQuestions, unansweredSentence } from '../../../renderer/features/cases/case-page/unanswered';

const NOW = new Date(2026, 10, 26);
const named = (patch: Partial<ReferralDraft>): ReferralDraft => ({
  ...emptyDraft(NOW),
  givenName: 'Jamie',
  familyName: 'Hughes',
  dateOfBirth: '07/03/2012',
  ...patch,
});

describe('a new referral’s clinical selects', () => {
  it('start unanswered and send null, not "none"', () => {
    expect(emptyDraft(NOW)).toMatchObject({ legalStatus: '', placement: '', consentStatus: '' });
    const { errors, input } = checkReferral(named({}));
    expect(errors).toEqual({});
    expect(input?.youngPerson).toMatchObject({
      legalStatus: null,
      placement: null,
      consentStatus: null,
      nhsNumber: null,
    });
  });

  it('take "Not known" as an answer', () => {
    const { input } = checkReferral(
      named({ legalStatus: 'not_known', placement: 'not_known', consentStatus: 'not_known' }),
    );
    expect(input?.youngPerson).toMatchObject({
      legalStatus: 'not_known',
      placement: 'not_known',
      consentStatus: 'not_known',
    });
  });
});

describe('identity on the referral form', () => {
  it('refuses an NHS number with a wrong check digit and keeps a valid one as 10 digits', () => {
    expect(checkReferral(named({ nhsNumber: '943 476 5918' })).errors.nhsNumber).toBe(
      'This is not a valid NHS number: the check digit does not match.',
    );
    expect(checkReferral(named({ nhsNumber: '94347' })).errors.nhsNumber).toMatch(/10 digits/);
    expect(checkReferral(named({ nhsNumber: '943 476 5919' })).input?.youngPerson.nhsNumber).toBe('9434765919');
  });

  it('needs the consent date for consent given or refused, a status for a date, and limits written down', () => {
    const today = '2026-11-26';
    const v = (patch: Partial<typeof EMPTY_IDENTITY>) => checkIdentity({ ...EMPTY_IDENTITY, ...patch }, today);
    expect(v({ consentStatus: 'given' })).toEqual({ consentDate: 'Enter the date consent was given.' });
    expect(v({ consentStatus: 'refused', consentDate: '20/11/2026' })).toEqual({});
    expect(v({ consentDate: '20/11/2026' }).consentStatus).toMatch(/Choose the consent status/);
    expect(v({ consentStatus: 'given', consentDate: '27/11/2026' }).consentDate).toBe(
      'The consent date (27/11/2026) is in the future. Enter the date it was recorded.',
    );
    expect(v({ consentStatus: 'given_with_limits', consentDate: '20/11/2026' }).consentDetails).toMatch(/limits/);
    expect(v({ consentStatus: 'not_yet_sought' })).toEqual({});
    expect(v({ gpPracticeOdsCode: 'B8-6' }).gpPracticeOdsCode).toMatch(/ODS code/);
  });

  it('keeps no NHS number, address or GP on a consultation-only referral', () => {
    const { input } = checkReferral(
      named({
        consultationOnly: true,
        initials: 'JH',
        nhsNumber: '943 476 5919',
        address: '1 Mill Lane',
        gpPracticeName: 'Riverside Surgery',
      }),
    );
    expect(input?.youngPerson).toMatchObject({ nhsNumber: null, address: null, gpPracticeName: null });
  });

  it('shows a stored NHS number in its 3-3-4 groups and a consent date as dd/mm/yyyy', () => {
    expect(identityValuesOf({ nhsNumber: '9434765919', consentDate: '2026-01-10' })).toMatchObject({
      nhsNumber: '943 476 5919',
      consentDate: '10/01/2026',
    });
  });
});

describe('what the Overview lists as not answered yet', () => {
  const parent = (name: string, pr: boolean | null) =>
    ({ kind: 'parent_carer', name, parentalResponsibility: pr }) as PersonView;
  const detail = (yp: Partial<CaseDetail['youngPerson']>, consultationOnly = false, people: PersonView[] = []) =>
    ({
      consultationOnly,
      people,
      youngPerson: { legalStatus: null, placement: null, consentStatus: null, ...yp },
    }) as unknown as CaseDetail;

  it('names each empty answer, and "Not known" is not one of them', () => {
    const all = unansweredQuestions(detail({}, false, [parent('Jo Hughes', null), parent('Sam Hughes', true)]));
    expect(all).toEqual({
      youngPerson: ['legal status', 'placement', 'consent to share information'],
      parentalResponsibility: ['Jo Hughes'],
    });
    expect(unansweredSentence(all)).toBe(
      'legal status, placement, consent to share information and parental responsibility (Jo Hughes)',
    );
    const known = detail({ legalStatus: 'not_known', placement: 'not_known', consentStatus: 'not_known' });
    expect(unansweredSentence(unansweredQuestions(known))).toBeNull();
  });

  it('does not chase consent on a consultation-only case', () => {
    expect(unansweredQuestions(detail({ legalStatus: 'none' }, true)).youngPerson).toEqual(['placement']);
  });
});
