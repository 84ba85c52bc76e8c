/**
 * The young person's identity and consent as a form holds them (strings as typed), the checks
 * a clinician sees before saving, and the conversion to the contract's fields. Shared by the
 * new-referral form and "Change young person's details"; the core checks again regardless.
 */
import { CONSENT_STATUSES, odsCodeSchema, type ConsentStatus, type YoungPersonInput } from '../../../preload/contract';
import { compactNhsNumber, formatNhsNumber, nhsNumberProblem } from '../../../preload/contract/nhs-number';
import { checkUkDate, isoToUk, parseUkDate } from './case-page/uk-date';

export interface IdentityValues {
  nhsNumber: string;
  address: string;
  gpPracticeName: string;
  gpPracticeOdsCode: string;
  consentStatus: ConsentStatus | '';
  /** dd/mm/yyyy as typed. */
  consentDate: string;
  consentDetails: string;
}
export type IdentityField = keyof IdentityValues;
export type IdentityErrors = Partial<Record<IdentityField, string>>;

export const EMPTY_IDENTITY: IdentityValues = {
  nhsNumber: '',
  address: '',
  gpPracticeName: '',
  gpPracticeOdsCode: '',
  consentStatus: '',
  consentDate: '',
  consentDetails: '',
};

/** The stored identity as the form shows it (the NHS number in its 3-3-4 groups). */
export function identityValuesOf(yp: Pick<YoungPersonInput, IdentityField>): IdentityValues {
  return {
    nhsNumber: yp.nhsNumber ? formatNhsNumber(yp.nhsNumber) : '',
    address: yp.address ?? '',
    gpPracticeName: yp.gpPracticeName ?? '',
    gpPracticeOdsCode: yp.gpPracticeOdsCode ?? '',
    consentStatus:
      yp.consentStatus && (CONSENT_STATUSES as readonly string[]).includes(yp.consentStatus) ? yp.consentStatus : '',
    consentDate: isoToUk(yp.consentDate),
    consentDetails: yp.consentDetails ?? '',
  };
}

const text = (s: string): string | null => s.trim() || null;

/** The contract's fields. Text that does not parse is passed on as typed, for the core to refuse. */
export function identityInput(v: IdentityValues): Required<Pick<YoungPersonInput, IdentityField>> {
  return {
    nhsNumber: v.nhsNumber.trim() ? compactNhsNumber(v.nhsNumber) : null,
    address: text(v.address),
    gpPracticeName: text(v.gpPracticeName),
    gpPracticeOdsCode: text(v.gpPracticeOdsCode),
    consentStatus: v.consentStatus || null,
    consentDate: v.consentDate.trim() ? (parseUkDate(v.consentDate) ?? v.consentDate) : null,
    consentDetails: text(v.consentDetails),
  };
}

const DATE_NEEDED: Partial<Record<ConsentStatus, string>> = {
  given: 'Enter the date consent was given.',
  given_with_limits: 'Enter the date consent was given.',
  refused: 'Enter the date consent was refused.',
};

/** The same rules as the core (rules.ts checkConsent, nhs-number.ts), in words for each field. */
export function checkIdentity(v: IdentityValues, todayIso: string): IdentityErrors {
  const e: IdentityErrors = {};
  if (v.nhsNumber.trim()) {
    const problem = nhsNumberProblem(v.nhsNumber);
    if (problem) e.nhsNumber = problem;
  }
  if (v.gpPracticeOdsCode.trim()) {
    const ods = odsCodeSchema.safeParse(v.gpPracticeOdsCode);
    if (!ods.success) e.gpPracticeOdsCode = ods.error.issues[0]?.message ?? 'Check the ODS code.';
  }
  const dateProblem = checkUkDate(v.consentDate, 'consent date', false);
  const dateIso = parseUkDate(v.consentDate);
  if (dateProblem) e.consentDate = dateProblem;
  else if (dateIso && dateIso > todayIso) {
    e.consentDate = `The consent date (${isoToUk(dateIso)}) is in the future. Enter the date it was recorded.`;
  } else if (dateIso && !v.consentStatus) {
    e.consentStatus = 'Choose the consent status that the consent date belongs to, or clear the date.';
  } else if (!dateIso && v.consentStatus && DATE_NEEDED[v.consentStatus]) {
    e.consentDate = DATE_NEEDED[v.consentStatus];
  }
  if (v.consentStatus === 'given_with_limits' && !v.consentDetails.trim()) {
    e.consentDetails = 'Say what the limits on consent are, so everyone can keep to them.';
  }
  return e;
}
