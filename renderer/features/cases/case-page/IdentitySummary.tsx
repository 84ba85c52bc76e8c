/** The young person's identity and consent on the Overview, under their details. */
import type { CaseDetail } from '../../../../preload/contract';
import { formatNhsNumber } from '../../../../preload/contract/nhs-number';
import { formatDate, formatDateTime } from '../../../lib/dates';
import styles from './IdentitySummary.module.css';
import { CONSENT_STATUS_LABELS } from './labels';
import { SummaryList } from './SummaryList';

export function IdentitySummary({ detail }: { detail: CaseDetail }) {
  const yp = detail.youngPerson;
  const consent = yp.consentStatus ? (
    <>
      {CONSENT_STATUS_LABELS[yp.consentStatus]}
      {yp.consentDate && <> on {formatDate(yp.consentDate)}</>}
      {yp.consentRecordedByName && yp.consentRecordedAt && (
        <span className="muted">
          {' '}
          (recorded by {yp.consentRecordedByName}, {formatDateTime(yp.consentRecordedAt)})
        </span>
      )}
    </>
  ) : (
    <span className="muted">Not answered</span>
  );
  const gp = [yp.gpPracticeName, yp.gpPracticeOdsCode && `ODS code ${yp.gpPracticeOdsCode}`].filter(Boolean).join(', ');
  return (
    <>
      <h4 className={styles.heading}>Identity and consent</h4>
      <SummaryList
        label="Identity and consent"
        rows={[
          ['NHS number', yp.nhsNumber ? <span className={styles.nhsNumber}>{formatNhsNumber(yp.nhsNumber)}</span> : ''],
          ['Home address', yp.address ? <span className={styles.address}>{yp.address}</span> : ''],
          ['GP practice', gp],
          ['Consent and information sharing', consent],
          ...(yp.consentDetails ? ([['What was agreed', yp.consentDetails]] as [string, string][]) : []),
        ]}
      />
    </>
  );
}
