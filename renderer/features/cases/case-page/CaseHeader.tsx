import type { ReactNode, Ref } from 'react';
import type { AssessmentClock, CaseDetail } from '../../../../preload/contract';
import { formatDate } from '../../../lib/dates';
import { STATUS_LABELS, clockDetail, clockText } from './labels';
import styles from './CaseHeader.module.css';

/** The young person's name, or their initials on a consultation-only case. */
export function youngPersonName(detail: CaseDetail): string {
  const yp = detail.youngPerson;
  const name = [yp.givenName, yp.familyName].filter(Boolean).join(' ');
  return name || (yp.initials ? `Initials ${yp.initials.toUpperCase()}` : 'Name not recorded');
}

function ageText(detail: CaseDetail): string {
  const yp = detail.youngPerson;
  if (yp.age !== null) return `Age ${yp.age}`;
  return `Age ${detail.ageAtReferral} at referral`;
}

/** The 12-week clock in words: the status is in text, never only in colour. */
export function ClockSummary({ clock }: { clock: AssessmentClock }) {
  const { status } = clock;
  // Declined, consultation-only and no-assessment cases have no clock to show.
  if (status === 'none') return null;
  const detail = clockDetail(clock);
  return (
    <div className={`${styles.clock} ${styles[`clock_${status}`] ?? ''}`} data-testid="assessment-clock">
      <p className={styles.clockTitle}>Assessment (12 weeks from paperwork complete)</p>
      <p className={styles.clockStatus}>
        <span className={`${styles.badge} ${styles[`badge_${status}`] ?? ''}`}>{clockText(clock)}</span>
      </p>
      <p className={styles.clockDetail}>{detail}</p>
    </div>
  );
}

/** Age, and the date of birth when known: "14 (born 14/03/2012)". */
function ageAndBirth(detail: CaseDetail): string {
  const dob = detail.youngPerson.dateOfBirth;
  const age = ageText(detail).replace(/^Age /, '');
  return dob ? `${age} (born ${formatDate(dob)})` : age;
}

/**
 * Who the case is about, where it stands, the assessment clock and the open flags, in one
 * compact block so the tabs stay on the first screen: line one says who (name, reference,
 * status, age, lead worker), line two where the case stands (the clock beside the open flags,
 * and the case's actions). The referral date and the rest are on the Overview tab. The name
 * comes first, so a screen reader hears who before the reference.
 */
export function CaseHeader({
  detail,
  headingRef,
  actions,
  flags,
}: {
  detail: CaseDetail;
  headingRef: Ref<HTMLHeadingElement>;
  /** Buttons for the whole case (e.g. Share this case), at the end of the second line. */
  actions?: ReactNode;
  /** The open-flags summary, beside the clock. */
  flags?: ReactNode;
}) {
  return (
    <div className={styles.header} role="group" aria-label="Case summary">
      <div className={styles.who}>
        <h2 className={styles.name} ref={headingRef} tabIndex={-1}>
          {youngPersonName(detail)}
        </h2>
        <p className={styles.ref}>
          <span className="mono">{detail.reference}</span>
          <span className={`${styles.statusTag} ${styles[`status_${detail.status}`] ?? ''}`}>
            {STATUS_LABELS[detail.status]}
          </span>
          {detail.consultationOnly && <span className="tag tag--grey">Consultation only</span>}
        </p>
        <dl className={styles.facts}>
          <div>
            <dt>Age</dt>
            <dd>{ageAndBirth(detail)}</dd>
          </div>
          <div>
            <dt>Lead worker</dt>
            <dd>{detail.leadWorkerName ?? 'Not allocated'}</dd>
          </div>
        </dl>
      </div>
      <div className={styles.state}>
        <ClockSummary clock={detail.clock} />
        {flags && <div className={styles.flags}>{flags}</div>}
        {actions && <div className={styles.actions}>{actions}</div>}
      </div>
    </div>
  );
}
