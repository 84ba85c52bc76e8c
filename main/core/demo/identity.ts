/**
 * Synthetic identity for a demo young person: NHS number, address, GP practice and consent.
 * Drawn from a generator of its own (seeded by the case id) so adding these fields does not
 * shift the rest of the demo's random sequence. Every value is made up: the NHS numbers are
 * valid by their check digit only, and the streets, practices and ODS codes are invented.
 */
import type { ConsentStatus, YoungPerson } from '../../../preload/contract/case-records';
import { nhsCheckDigit } from '../../../preload/contract/nhs-number';
import { NO_CONSENT_RECORDED, type ConsentRecorded } from '../cases/cases.repo';
import { addDays } from '../cases/dates';
import { Random } from './prng';

type Identity = Pick<
  YoungPerson,
  'nhsNumber' | 'address' | 'gpPracticeName' | 'gpPracticeOdsCode' | 'consentStatus' | 'consentDate' | 'consentDetails'
>;

const STREETS = ['Church', 'Station', 'Victoria', 'Park', 'Mill', 'Albert', 'Queen’s', 'Oak', 'Meadow', 'Chapel'];
const STREET_KINDS = ['Road', 'Street', 'Lane', 'Avenue', 'Close', 'Grove', 'Crescent', 'Terrace'];
const PRACTICE_NAMES = ['Riverside', 'Park View', 'The Grange', 'Hillside', 'Market Square', 'St John’s', 'Northgate'];
const PRACTICE_KINDS = ['Surgery', 'Medical Centre', 'Health Centre', 'Medical Practice'];
const POSTCODE_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';

/** A made-up NHS number whose check digit is right (first nine digits that call for 10 are redrawn). */
export function demoNhsNumber(r: Random): string {
  for (;;) {
    const nine = `${r.int(4, 9)}${String(r.int(0, 99_999_999)).padStart(8, '0')}`;
    const check = nhsCheckDigit(nine);
    if (check !== null) return `${nine}${check}`;
  }
}

const minDate = (a: string, b: string): string => (a < b ? a : b);

function postcode(r: Random): string {
  const area = r.pick(['LS', 'M', 'B', 'BS', 'S', 'L', 'NE', 'NG', 'CT', 'CM', 'SO', 'GU', 'PR', 'NR', 'EX', 'TR']);
  const letter = () => r.pick(POSTCODE_LETTERS.split(''));
  return `${area}${r.int(1, 28)} ${r.int(1, 9)}${letter()}${letter()}`;
}

/** Identity for one case: most assessment cases have it all; consultations hold almost none. */
export function demoIdentity(
  caseId: string,
  localAuthority: string,
  at: { referral: string; today: string; createdAt: string; by: string },
  consultationOnly: boolean,
): { fields: Identity; recorded: ConsentRecorded } {
  const fields = identityFields(new Random(`${caseId}:identity`), localAuthority, at, consultationOnly);
  const recorded = fields.consentStatus
    ? { consentRecordedBy: at.by, consentRecordedAt: at.createdAt }
    : NO_CONSENT_RECORDED;
  return { fields, recorded };
}

function identityFields(
  r: Random,
  localAuthority: string,
  dates: { referral: string; today: string },
  consultationOnly: boolean,
): Identity {
  if (consultationOnly) {
    // Data minimisation: a consultation keeps initials and an age; consent is about the network.
    return {
      nhsNumber: null,
      address: null,
      gpPracticeName: null,
      gpPracticeOdsCode: null,
      consentStatus: r.chance(0.4) ? 'not_yet_sought' : null,
      consentDate: null,
      consentDetails: null,
    };
  }
  const consentStatus = r.weighted<ConsentStatus | null>([
    ['given', 6],
    ['given_with_limits', 1.5],
    ['refused', 0.5],
    ['not_yet_sought', 1],
    ['not_known', 0.5],
    [null, 1],
  ]);
  const dated = consentStatus === 'given' || consentStatus === 'given_with_limits' || consentStatus === 'refused';
  const practice = r.chance(0.85);
  return {
    nhsNumber: r.chance(0.85) ? demoNhsNumber(r) : null,
    address: r.chance(0.9)
      ? `${r.int(1, 180)} ${r.pick(STREETS)} ${r.pick(STREET_KINDS)}\n${localAuthority}\n${postcode(r)}`
      : null,
    gpPracticeName: practice ? `${r.pick(PRACTICE_NAMES)} ${r.pick(PRACTICE_KINDS)}` : null,
    gpPracticeOdsCode:
      practice && r.chance(0.7) ? `${r.pick('ABCDEFGHJKLMNPY'.split(''))}${r.int(10_000, 99_999)}` : null,
    consentStatus,
    consentDate: dated ? minDate(addDays(dates.referral, r.int(3, 30)), dates.today) : null,
    consentDetails:
      consentStatus === 'given_with_limits'
        ? 'Consents to sharing with social care and school; not with the wider family.'
        : consentStatus === 'refused'
          ? 'Parent declined consent to information sharing; sharing only under the duty to safeguard.'
          : null,
  };
}
