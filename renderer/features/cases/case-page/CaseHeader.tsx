import type { Ref } from 'react';
import type { AssessmentClock, CaseDetail } from '../../../../preload/contract';
import { formatDate } from '../../../lib/dates';
import { STATUS_LABELS, clockDetail, clockText } from './labels';

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
    <div className={`case-clock case-clock--${status}`} data-testid="assessment-clock">
      <p className="case-clock__title">Assessment (12 weeks from paperwork complete)</p>
      <p className="case-clock__status">
        <span className={`case-clock__badge case-clock__badge--${status}`}>{clockText(clock)}</span>
      </p>
      <p className="case-clock__detail">{detail}</p>
    </div>
  );
}

/** Who the case is about, where it stands, and the assessment clock. */
export function CaseHeader({ detail, headingRef }: { detail: CaseDetail; headingRef: Ref<HTMLHeadingElement> }) {
  const yp = detail.youngPerson;
  return (
    <div className="case-header">
      <div className="case-header__who">
        <p className="case-header__ref">
          <span className="mono">{detail.reference}</span>
          <span className={`status-tag status-tag--${detail.status}`}>{STATUS_LABELS[detail.status]}</span>
          {detail.consultationOnly && <span className="tag tag--grey">Consultation only</span>}
        </p>
        <h2 className="case-header__name" ref={headingRef} tabIndex={-1}>
          {youngPersonName(detail)}
        </h2>
        <dl className="case-header__facts">
          <div>
            <dt>Age</dt>
            <dd>{ageText(detail).replace(/^Age /, '')}</dd>
          </div>
          <div>
            <dt>Date of birth</dt>
            <dd>{yp.dateOfBirth ? formatDate(yp.dateOfBirth) : 'Not recorded'}</dd>
          </div>
          <div>
            <dt>Lead worker</dt>
            <dd>{detail.leadWorkerName ?? 'Not allocated'}</dd>
          </div>
          <div>
            <dt>Referred</dt>
            <dd>{formatDate(detail.referralDate)}</dd>
          </div>
        </dl>
      </div>
      <ClockSummary clock={detail.clock} />
    </div>
  );
}
