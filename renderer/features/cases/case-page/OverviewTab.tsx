import { useRef, useState } from 'react';
import { formatDate, formatDateTime } from '../../../lib/dates';
import { useCasePageStore } from '../../../stores/case-page';
import { useSessionStore } from '../../../stores/session';
import { useResumedForm } from '../../drafts/drafts-store';
import { EditReferralForm } from './EditReferralForm';
import { EditYoungPersonForm } from './EditYoungPersonForm';
import { IdentitySummary } from './IdentitySummary';
import { LEGAL_STATUS_LABELS, PLACEMENT_LABELS, SERVICE_LABELS, STATUS_LABELS } from './labels';
import { StatusActions } from './StatusActions';
import { SummaryList } from './SummaryList';
import { UnansweredNotice } from './UnansweredNotice';
import { useFocusLater } from './useFocusLater';

const NOT_ANSWERED = <span className="muted">Not answered</span>;

/** The Overview's forms a resumed draft can open. */
const OVERVIEW_FORMS = ['referral', 'young-person'] as const;

/** Status and its workflow, the referral, and the young person. */
export function OverviewTab() {
  const detail = useCasePageStore((s) => s.detail);
  const canWrite = useSessionStore((s) => s.user?.role !== 'read-only');
  // A resumed draft of one of the forms below opens it (see features/drafts).
  const [editing, setEditing] = useState<'referral' | 'young-person' | null>(
    useResumedForm(detail?.id, OVERVIEW_FORMS),
  );
  const referralButton = useRef<HTMLButtonElement>(null);
  const ypButton = useRef<HTMLButtonElement>(null);
  const focusLater = useFocusLater();
  if (!detail) return null;
  const yp = detail.youngPerson;
  const services = (list: string[]) =>
    list.length ? list.map((s) => SERVICE_LABELS[s as keyof typeof SERVICE_LABELS]).join(', ') : 'None';

  function close(which: 'referral' | 'young-person') {
    setEditing(null);
    // Back to the button that opened the form, so keyboard users keep their place.
    focusLater(() => (which === 'referral' ? referralButton : ypButton).current);
  }

  return (
    <div className="tab-body">
      <UnansweredNotice detail={detail} onAnswer={canWrite ? () => setEditing('young-person') : undefined} />
      <section aria-labelledby="status-heading" className="case-section">
        <h3 id="status-heading">Status: {STATUS_LABELS[detail.status]}</h3>
        {detail.status === 'declined' && detail.declineReason && <p>Declined because: {detail.declineReason}</p>}
        {detail.status === 'closed' && (
          <SummaryList
            rows={[
              ['Reason for closing', detail.closureReason ?? ''],
              ['Closing summary', detail.closingSummary ?? ''],
            ]}
          />
        )}
        {canWrite && <StatusActions status={detail.status} />}
        {detail.statusHistory.length > 0 && (
          <details className="history">
            <summary>Status history ({detail.statusHistory.length})</summary>
            <ol className="history__list">
              {[...detail.statusHistory].reverse().map((h) => (
                <li key={h.id}>
                  <strong>{STATUS_LABELS[h.toStatus]}</strong> on {formatDateTime(h.changedAt)} by {h.changedByName}
                  {h.reason && <>: {h.reason}</>}
                </li>
              ))}
            </ol>
          </details>
        )}
      </section>

      <section aria-labelledby="referral-heading" className="case-section">
        <div className="case-section__head">
          <h3 id="referral-heading">Referral</h3>
          {canWrite && editing !== 'referral' && (
            <button
              ref={referralButton}
              type="button"
              className="button button--secondary button--small"
              onClick={() => setEditing('referral')}
            >
              Change referral details
            </button>
          )}
        </div>
        {editing === 'referral' ? (
          <EditReferralForm detail={detail} onDone={() => close('referral')} />
        ) : (
          <SummaryList
            rows={[
              ['Referral date', formatDate(detail.referralDate)],
              ['Referred by', detail.referralSource ?? ''],
              ['Reason for referral', detail.referralReason ?? ''],
              ['Consultation only', detail.consultationOnly ? 'Yes: minimal identity held' : 'No'],
              ['Services requested', services(detail.servicesRequested)],
              ['Services provided', services(detail.servicesProvided)],
              ['Lead worker', detail.leadWorkerName ?? 'Not allocated'],
              [
                'Allocated clinicians',
                detail.allocatedClinicians.map((c) => c.displayName).join(', ') ||
                  (detail.leadWorkerName ? 'Only the lead worker' : 'None allocated'),
              ],
            ]}
          />
        )}
      </section>

      <section aria-labelledby="yp-heading" className="case-section">
        <div className="case-section__head">
          <h3 id="yp-heading">Young person</h3>
          {canWrite && editing !== 'young-person' && (
            <button
              ref={ypButton}
              type="button"
              className="button button--secondary button--small"
              onClick={() => setEditing('young-person')}
            >
              Change young person’s details
            </button>
          )}
        </div>
        {editing === 'young-person' ? (
          <EditYoungPersonForm detail={detail} onDone={() => close('young-person')} />
        ) : (
          <SummaryList
            rows={[
              ['Name', [yp.givenName, yp.familyName].filter(Boolean).join(' ')],
              ['Initials', yp.initials ?? ''],
              ['Date of birth', formatDate(yp.dateOfBirth)],
              ['Age', yp.age !== null ? String(yp.age) : `${detail.ageAtReferral} at referral`],
              ['Gender', yp.gender ?? ''],
              ['Ethnicity', yp.ethnicity ?? ''],
              ['First language', yp.firstLanguage ?? ''],
              ['Developmental needs', yp.developmentalNeeds ?? ''],
              ['Learning needs', yp.learningNeeds ?? ''],
              ['Communication needs', yp.communicationNeeds ?? ''],
              ['Legal status', yp.legalStatus ? LEGAL_STATUS_LABELS[yp.legalStatus] : NOT_ANSWERED],
              ['Placement', yp.placement ? PLACEMENT_LABELS[yp.placement] : NOT_ANSWERED],
              ['Local authority', yp.localAuthority ?? ''],
              ['School or college', yp.school ?? ''],
            ]}
          />
        )}
        {editing !== 'young-person' && <IdentitySummary detail={detail} />}
      </section>
    </div>
  );
}
