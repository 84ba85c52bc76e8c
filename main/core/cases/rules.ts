/** The case rules that do not need the database: age limit, identity minimum, consent, status workflow. */
import type { CaseStatus, ConsentStatus, YoungPerson } from '../../../preload/contract/case-records';
import { AppError } from '../errors';
import { NO_CONSENT_RECORDED, type ConsentRecorded } from './cases.repo';
import { ageLimitMessage, ageOn, withinAgeLimit } from '../../../preload/contract/age';
import { formatUkDate } from './dates';

/**
 * Allowed status changes. Declined and closed cases may be reopened to `referred`: a declined
 * referral is often reconsidered when missing information arrives, and a young person referred
 * again after closure keeps one case file, so the chronology and the people already known stay
 * together. Every move (including a reopening) is kept in the status history with its reason.
 */
export const TRANSITIONS: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  referred: ['accepted', 'declined'],
  accepted: ['active', 'closed'],
  active: ['closed'],
  declined: ['referred'],
  closed: ['referred'],
};

const LABEL: Record<CaseStatus, string> = {
  referred: 'referred',
  accepted: 'accepted',
  declined: 'declined',
  active: 'active',
  closed: 'closed',
};

/** Throws INVALID_INPUT unless `from -> to` is allowed and carries what it needs. */
export function checkTransition(
  from: CaseStatus,
  to: CaseStatus,
  reason: string | null,
  closingSummary: string | null,
): void {
  if (!TRANSITIONS[from].includes(to)) {
    const allowed = TRANSITIONS[from].map((s) => LABEL[s]).join(' or ');
    throw new AppError('INVALID_INPUT', `A ${LABEL[from]} case cannot become ${LABEL[to]}. It can become ${allowed}.`);
  }
  if (to === 'declined' && !reason) throw new AppError('INVALID_INPUT', 'Give a reason for declining the referral.');
  if (to === 'closed' && !reason) throw new AppError('INVALID_INPUT', 'Give a reason for closing the case.');
  if (to === 'closed' && !closingSummary) throw new AppError('INVALID_INPUT', 'Write a closing summary.');
  if (to === 'referred' && !reason) throw new AppError('INVALID_INPUT', 'Give a reason for reopening the case.');
}

/**
 * Check the young person against the referral and return the age at referral. The service
 * takes young people up to 21: someone who is 21 on the referral date is accepted; from their
 * 22nd birthday they are refused.
 */
export function checkYoungPerson(yp: YoungPerson, referralDate: string, consultationOnly: boolean): number {
  const named = Boolean(yp.givenName && yp.familyName);
  if (!consultationOnly && !named) {
    throw new AppError('INVALID_INPUT', 'Enter the young person’s given and family names.');
  }
  if (consultationOnly && !named && !yp.initials) {
    throw new AppError('INVALID_INPUT', 'Enter the young person’s initials (or their name).');
  }
  let age: number;
  if (yp.dateOfBirth) {
    if (yp.dateOfBirth > referralDate) {
      throw new AppError('INVALID_INPUT', 'The date of birth is after the referral date. Check both dates.');
    }
    age = ageOn(yp.dateOfBirth, referralDate);
  } else if (consultationOnly && yp.ageAtReferral !== null) {
    age = yp.ageAtReferral;
  } else if (consultationOnly) {
    throw new AppError('INVALID_INPUT', 'Enter the young person’s date of birth or their age.');
  } else {
    throw new AppError('INVALID_INPUT', 'Enter the young person’s date of birth.');
  }
  if (!withinAgeLimit(age)) throw new AppError('INVALID_INPUT', ageLimitMessage(age, yp.dateOfBirth, referralDate));
  return age;
}

const CONSENT_DATE_WORDS: Partial<Record<ConsentStatus, string>> = {
  given: 'the date consent was given',
  given_with_limits: 'the date consent was given',
  refused: 'the date consent was refused',
};

/**
 * Check the consent and information-sharing answer. A consent that was given or refused
 * happened on a day, so it needs its date; a date needs a status to say what happened on it;
 * consent given with limits needs the limits written down, or nobody can keep to them.
 */
export function checkConsent(yp: YoungPerson, today: string): void {
  const status = yp.consentStatus;
  if (!status && yp.consentDate) {
    throw new AppError(
      'INVALID_INPUT',
      'Choose the consent status that the consent date belongs to, or clear the date.',
    );
  }
  if (status && !yp.consentDate && CONSENT_DATE_WORDS[status]) {
    throw new AppError('INVALID_INPUT', `Enter ${CONSENT_DATE_WORDS[status]}.`);
  }
  if (yp.consentDate && yp.consentDate > today) {
    throw new AppError(
      'INVALID_INPUT',
      `The consent date (${formatUkDate(yp.consentDate)}) is in the future. Enter the date it was recorded.`,
    );
  }
  if (status === 'given_with_limits' && !yp.consentDetails) {
    throw new AppError('INVALID_INPUT', 'Say what the limits on consent are, so everyone can keep to them.');
  }
}

/** Who recorded the consent answer: whoever saves a changed answer; otherwise as it was. */
export function consentRecording(
  userId: string,
  before: (YoungPerson & ConsentRecorded) | null,
  after: YoungPerson,
  at: string,
): ConsentRecorded {
  if (!after.consentStatus) return NO_CONSENT_RECORDED;
  if (before && !consentChanged(before, after)) {
    return { consentRecordedBy: before.consentRecordedBy, consentRecordedAt: before.consentRecordedAt };
  }
  return { consentRecordedBy: userId, consentRecordedAt: at };
}

/** The consent answer changed (so whoever saves it now becomes the one who recorded it). */
function consentChanged(before: YoungPerson | null, after: YoungPerson): boolean {
  return (
    (before?.consentStatus ?? null) !== after.consentStatus ||
    (before?.consentDate ?? null) !== after.consentDate ||
    (before?.consentDetails ?? null) !== after.consentDetails
  );
}
