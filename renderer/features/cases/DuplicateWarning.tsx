import { useEffect, useState } from 'react';
import type { DuplicateCandidate } from '../../../preload/contract';
import { compactNhsNumber, isValidNhsNumber } from '../../../preload/contract/nhs-number';
import { call } from '../../lib/api';
import { formatDate } from '../../lib/dates';
import { STATUS_LABELS } from './case-page/labels';
import { parseUkDate } from './case-page/uk-date';
import type { ReferralDraft } from './referral-draft';
import { useDebouncedValue } from './useDebouncedValue';
import styles from './DuplicateWarning.module.css';

const REASONS: Record<DuplicateCandidate['reason'], string> = {
  same_nhs_number: 'same NHS number',
  same_dob_similar_name: 'same date of birth and a similar-sounding name',
  same_name_same_local_authority: 'same name and the same local authority',
};

interface Probe {
  givenName: string | null;
  familyName: string | null;
  dateOfBirth: string | null;
  localAuthority: string | null;
  nhsNumber: string | null;
}

/** What to ask about: a name with a date of birth, or a full name with a local authority. */
function probeOf(d: ReferralDraft): Probe | null {
  const givenName = d.givenName.trim() || null;
  const familyName = d.familyName.trim() || null;
  const dateOfBirth = parseUkDate(d.dateOfBirth);
  const localAuthority = d.localAuthority.trim() || null;
  const withDob = (givenName || familyName) && dateOfBirth;
  const withLa = givenName && familyName && localAuthority;
  // Only a whole, valid NHS number is asked about: a half-typed one matches nothing.
  const nhsNumber = !d.consultationOnly && isValidNhsNumber(d.nhsNumber) ? compactNhsNumber(d.nhsNumber) : null;
  return withDob || withLa || nhsNumber ? { givenName, familyName, dateOfBirth, localAuthority, nhsNumber } : null;
}

/** Ask case:checkDuplicates whenever the identifying details settle; [] when there is nothing to ask. */
function useDuplicates(draft: ReferralDraft): DuplicateCandidate[] {
  const probe = probeOf(draft);
  const liveKey = probe ? JSON.stringify(probe) : '';
  const key = useDebouncedValue(liveKey, 300);
  // Answers are kept with the question they answer, so a stale answer never shows.
  const [answer, setAnswer] = useState<{ key: string; found: DuplicateCandidate[] }>({ key: '', found: [] });
  useEffect(() => {
    if (!key) return;
    let current = true;
    call('case:checkDuplicates', JSON.parse(key) as Probe)
      .then((found) => {
        if (current) setAnswer({ key, found });
      })
      // A failed check must not stop a referral: the warning is a help, not a gate.
      .catch(() => {
        if (current) setAnswer({ key, found: [] });
      });
    return () => {
      current = false;
    };
  }, [key]);
  // Shown only while it answers what is typed now: never a warning about a previous date of birth.
  return liveKey && answer.key === liveKey ? answer.found : [];
}

/**
 * Possible duplicates of the referral being typed, in a polite live region: a warning with
 * links to the cases, never a block (siblings and namesakes are real).
 */
export function DuplicateWarning({ draft, onOpen }: { draft: ReferralDraft; onOpen: (caseId: string) => void }) {
  const found = useDuplicates(draft);
  return (
    <div aria-live="polite" data-testid="duplicate-region">
      {found.length > 0 && (
        <div className={styles.box} role="group" aria-labelledby="duplicates-heading">
          <h3 id="duplicates-heading" className={styles.heading}>
            {found.length === 1
              ? 'A possible duplicate: check it first'
              : `${found.length} possible duplicates: check them first`}
          </h3>
          <p>
            This young person may already have a case file. Open it to check (what you have typed here is kept), or
            carry on if it is someone else.
          </p>
          <ul className={styles.list}>
            {found.map((c) => (
              <li key={c.caseId}>
                <a
                  href={`#case-${c.reference}`}
                  onClick={(e) => {
                    e.preventDefault();
                    onOpen(c.caseId);
                  }}
                >
                  {c.reference}
                </a>
                : initials {c.initials}, born {c.dateOfBirth ? formatDate(c.dateOfBirth) : 'date not recorded'},{' '}
                {STATUS_LABELS[c.status].toLowerCase()}. Matched on the {REASONS[c.reason]}.
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
