/**
 * The new-referral form's state (strings as typed), its checks, and its conversion to the
 * contract's ReferralInput. The checks say in plain words what the core would refuse, before
 * the round trip; the core checks again regardless.
 */
import type { LegalStatus, Placement, ProfessionalRole, Service } from '../../../preload/contract';
import { ageLimitMessage, ageOn, withinAgeLimit } from '../../../preload/contract/age';
import { referralSchema, type ReferralInput } from '../../../preload/contract/case-records';
import { EMPTY_IDENTITY, checkIdentity, identityInput, type IdentityValues } from './identity-form';
import { explainBadUkDate, parseUkDate, todayUk } from './case-page/uk-date';

export interface ReferralDraft extends IdentityValues {
  referralDate: string;
  referralSource: string;
  referralReason: string;
  consultationOnly: boolean;
  servicesRequested: Service[];
  leadWorkerId: string;
  givenName: string;
  familyName: string;
  initials: string;
  dateOfBirth: string;
  ageAtReferral: string;
  gender: string;
  ethnicity: string;
  firstLanguage: string;
  developmentalNeeds: string;
  learningNeeds: string;
  communicationNeeds: string;
  /** '' until someone answers ("Not known" is an answer). */
  legalStatus: LegalStatus | '';
  placement: Placement | '';
  localAuthority: string;
  school: string;
  referrerName: string;
  referrerRole: ProfessionalRole | '';
  referrerAgency: string;
  referrerPhone: string;
  referrerEmail: string;
  referrerSharingBasis: string;
}

export type DraftField = keyof ReferralDraft;
export type DraftErrors = Partial<Record<DraftField, string>>;

export function emptyDraft(now = new Date()): ReferralDraft {
  return {
    referralDate: todayUk(now),
    referralSource: '',
    referralReason: '',
    consultationOnly: false,
    servicesRequested: [],
    leadWorkerId: '',
    givenName: '',
    familyName: '',
    initials: '',
    dateOfBirth: '',
    ageAtReferral: '',
    gender: '',
    ethnicity: '',
    firstLanguage: '',
    developmentalNeeds: '',
    learningNeeds: '',
    communicationNeeds: '',
    legalStatus: '',
    placement: '',
    localAuthority: '',
    school: '',
    ...EMPTY_IDENTITY,
    referrerName: '',
    referrerRole: '',
    referrerAgency: '',
    referrerPhone: '',
    referrerEmail: '',
    referrerSharingBasis: '',
  };
}

/** The form's fields in page order: the error summary lists errors in this order. */
export const FIELD_ORDER: DraftField[] = Object.keys(emptyDraft()) as DraftField[];

/** The id of the input for a field (the error summary links to it). */
export function fieldId(field: DraftField): string {
  return `referral-${field}`;
}

const text = (s: string): string | null => (s.trim() ? s.trim() : null);

/**
 * The identity the form shows: a consultation-only referral offers only consent, so an NHS
 * number, address or GP typed before ticking "consultation only" is not kept (data minimisation).
 */
function shownIdentity(d: ReferralDraft): IdentityValues {
  if (!d.consultationOnly) return d;
  return { ...d, nhsNumber: '', address: '', gpPracticeName: '', gpPracticeOdsCode: '' };
}

export function toReferralInput(d: ReferralDraft): ReferralInput {
  const age = d.ageAtReferral.trim() ? Number(d.ageAtReferral.trim()) : null;
  const referrerGiven = [
    d.referrerName,
    d.referrerAgency,
    d.referrerPhone,
    d.referrerEmail,
    d.referrerSharingBasis,
  ].some((s) => s.trim());
  return {
    referralDate: parseUkDate(d.referralDate) ?? d.referralDate,
    referralSource: text(d.referralSource),
    referralReason: text(d.referralReason),
    consultationOnly: d.consultationOnly,
    servicesRequested: d.servicesRequested,
    leadWorkerId: d.leadWorkerId || null,
    youngPerson: {
      givenName: text(d.givenName),
      familyName: text(d.familyName),
      initials: d.consultationOnly ? text(d.initials) : null,
      dateOfBirth: d.dateOfBirth.trim() ? (parseUkDate(d.dateOfBirth) ?? d.dateOfBirth) : null,
      ageAtReferral: d.consultationOnly && age !== null && Number.isInteger(age) ? age : null,
      gender: text(d.gender),
      ethnicity: text(d.ethnicity),
      firstLanguage: text(d.firstLanguage),
      developmentalNeeds: text(d.developmentalNeeds),
      learningNeeds: text(d.learningNeeds),
      communicationNeeds: text(d.communicationNeeds),
      legalStatus: d.legalStatus || null,
      placement: d.placement || null,
      localAuthority: text(d.localAuthority),
      school: text(d.school),
      ...identityInput(shownIdentity(d)),
    },
    referrer:
      referrerGiven || d.referrerRole
        ? {
            name: d.referrerName.trim(),
            role: d.referrerRole || null,
            agency: text(d.referrerAgency),
            phone: text(d.referrerPhone),
            email: text(d.referrerEmail),
            sharingBasis: text(d.referrerSharingBasis),
          }
        : null,
  };
}

/** Field names in the contract's error paths -> the form's fields. */
const PATH_TO_FIELD: Record<string, DraftField> = {
  referralDate: 'referralDate',
  referralSource: 'referralSource',
  referralReason: 'referralReason',
  leadWorkerId: 'leadWorkerId',
  'youngPerson.givenName': 'givenName',
  'youngPerson.familyName': 'familyName',
  'youngPerson.initials': 'initials',
  'youngPerson.dateOfBirth': 'dateOfBirth',
  'youngPerson.ageAtReferral': 'ageAtReferral',
  'youngPerson.gender': 'gender',
  'youngPerson.ethnicity': 'ethnicity',
  'youngPerson.firstLanguage': 'firstLanguage',
  'youngPerson.developmentalNeeds': 'developmentalNeeds',
  'youngPerson.learningNeeds': 'learningNeeds',
  'youngPerson.communicationNeeds': 'communicationNeeds',
  'youngPerson.localAuthority': 'localAuthority',
  'youngPerson.school': 'school',
  'youngPerson.nhsNumber': 'nhsNumber',
  'youngPerson.address': 'address',
  'youngPerson.gpPracticeName': 'gpPracticeName',
  'youngPerson.gpPracticeOdsCode': 'gpPracticeOdsCode',
  'youngPerson.consentStatus': 'consentStatus',
  'youngPerson.consentDate': 'consentDate',
  'youngPerson.consentDetails': 'consentDetails',
  'referrer.name': 'referrerName',
  'referrer.agency': 'referrerAgency',
  'referrer.phone': 'referrerPhone',
  'referrer.email': 'referrerEmail',
  'referrer.sharingBasis': 'referrerSharingBasis',
};

/** The rules of the service, as the core applies them, in words for each field. */
function ruleErrors(d: ReferralDraft): DraftErrors {
  const e: DraftErrors = {};
  const referralIso = parseUkDate(d.referralDate);
  if (!d.referralDate.trim()) e.referralDate = 'Enter the referral date.';
  else if (!referralIso) e.referralDate = explainBadUkDate(d.referralDate, 'referral date');

  const named = Boolean(d.givenName.trim() && d.familyName.trim());
  if (!d.consultationOnly) {
    if (!d.givenName.trim()) e.givenName = 'Enter the young person’s given name.';
    if (!d.familyName.trim()) e.familyName = 'Enter the young person’s family name.';
  } else if (!named && !d.initials.trim()) {
    e.initials = 'Enter the young person’s initials (or their given and family names).';
  }

  const dobIso = parseUkDate(d.dateOfBirth);
  if (d.dateOfBirth.trim() && !dobIso) {
    e.dateOfBirth = explainBadUkDate(d.dateOfBirth, 'date of birth', '27/03/2010');
  } else if (dobIso && referralIso && dobIso > referralIso) {
    e.dateOfBirth = 'The date of birth is after the referral date. Check both dates.';
  } else if (dobIso && referralIso) {
    const age = ageOn(dobIso, referralIso);
    if (!withinAgeLimit(age)) e.dateOfBirth = ageLimitMessage(age, dobIso, referralIso);
  } else if (!dobIso && !d.consultationOnly) {
    e.dateOfBirth = 'Enter the young person’s date of birth.';
  }

  if (d.consultationOnly && !d.dateOfBirth.trim()) {
    const ageText = d.ageAtReferral.trim();
    const age = Number(ageText);
    if (!ageText) e.ageAtReferral = 'Enter the young person’s age, or their date of birth.';
    else if (!/^\d{1,3}$/.test(ageText)) e.ageAtReferral = 'Enter the age in whole years, for example 14.';
    else if (!withinAgeLimit(age) && referralIso) e.ageAtReferral = ageLimitMessage(age, null, referralIso);
  }

  Object.assign(e, checkIdentity(shownIdentity(d), parseUkDate(todayUk()) ?? ''));

  const referrerGiven = [d.referrerAgency, d.referrerPhone, d.referrerEmail, d.referrerSharingBasis].some((s) =>
    s.trim(),
  );
  if ((referrerGiven || d.referrerRole) && !d.referrerName.trim()) {
    e.referrerName = 'Enter the referrer’s name, or clear the other referrer details.';
  }
  return e;
}

/**
 * Check the draft. Returns the errors by field (empty when none) and, when there are none,
 * the input for case:create, already parsed by the contract's schema.
 */
export function checkReferral(d: ReferralDraft): { errors: DraftErrors; input: ReferralInput | null } {
  const errors = ruleErrors(d);
  const input = toReferralInput(d);
  const parsed = referralSchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = PATH_TO_FIELD[issue.path.join('.')];
      if (field && !errors[field]) errors[field] = issue.message;
    }
  }
  const ok = Object.keys(errors).length === 0 && parsed.success;
  return { errors, input: ok ? input : null };
}
