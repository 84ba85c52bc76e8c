import type { RetentionDetailView } from '../../../preload/contract/retention';
import { call } from '../../lib/api';
import { formatDate, formatDateTime } from '../../lib/dates';
import { ReasonForm } from './ReasonForm';
import styles from './Retention.module.css';

/**
 * The care-experienced flag and, once the review date is reached, the check its disposal needs
 * (retention.rules.ts says why).
 */
export function CareExperienced({
  detail,
  onSaved,
}: {
  detail: RetentionDetailView;
  onSaved: (d: RetentionDetailView) => void;
}) {
  const { caseId } = detail;
  return (
    <>
      <h3>Care-experienced</h3>
      {detail.careExperienced ? (
        <>
          <p>
            <span className={styles.tag}>Care-experienced:</span> the young person has been in care. People who were in
            care often ask for their records as adults, so the records are not disposed of on the review date without a
            documented check.
          </p>
          {detail.careCheck ? (
            <p data-testid="care-check">
              Checked by {detail.careCheck.checkedByName} on {formatDateTime(detail.careCheck.checkedAt)} for the review
              date {formatDate(detail.careCheck.forReviewDate)}: {detail.careCheck.note}
            </p>
          ) : detail.due ? (
            <ReasonForm
              id="care-check-note"
              label="The check made (for example: leaving-care team asked whether the person has asked for their records)"
              button="Record the check"
              onSubmit={async (note) => onSaved(await call('retention:recordCareCheck', { caseId, note }))}
            />
          ) : (
            <p>The check is recorded once the review date is reached.</p>
          )}
          <ReasonForm
            id="care-clear-reason"
            label="Why the flag is cleared"
            button="Clear care-experienced"
            onSubmit={async (reason) =>
              onSaved(await call('retention:setCareExperienced', { caseId, careExperienced: false, reason }))
            }
          />
        </>
      ) : (
        <ReasonForm
          id="care-set-reason"
          label="Why the young person is care-experienced (for example: looked after by the local authority)"
          button="Mark care-experienced"
          onSubmit={async (reason) =>
            onSaved(await call('retention:setCareExperienced', { caseId, careExperienced: true, reason }))
          }
        />
      )}
    </>
  );
}
