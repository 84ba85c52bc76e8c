/**
 * The case page's Consultation tab: what a consultation is (and is not), the case's
 * consultations newest first, recording and editing them, sign-off and addenda, and the
 * consultation report (previewed here, or saved as PDF or Word).
 */
import { useRef, useState } from 'react';
import { CONSULTATION_STATEMENT, type ConsultationView } from '../../../preload/contract';
import { useCasePageStore } from '../../stores/case-page';
import { useSessionStore } from '../../stores/session';
import { ReportDownloads } from '../reports/ReportDownloads';
import { useFocusLater } from '../cases/case-page/useFocusLater';
import { ConsultationForm } from './ConsultationForm';
import { ConsultationRecord } from './ConsultationRecord';
import { useConsultationsStore } from './consultations-store';
import { ReportPreview } from './ReportPreview';
import styles from './Consultations.module.css';

/** Changes whenever what the report prints changes (an edit, a sign-off, an addendum). */
function revisionOf(list: readonly ConsultationView[]): string {
  const c = list[0];
  return c ? `${c.id}.${c.version}.${c.signoff.signedVersions.length}.${c.signoff.addenda.length}` : 'none';
}

export function ConsultationTab() {
  const caseId = useCasePageStore((s) => s.caseId);
  const people = useCasePageStore((s) => s.detail?.people) ?? [];
  const canWrite = useSessionStore((s) => s.user?.role !== 'read-only');
  const loadedFor = useConsultationsStore((s) => s.caseId);
  const consultations = useConsultationsStore((s) => s.consultations);
  const documents = useConsultationsStore((s) => s.documents) ?? [];
  // null: no form; 'new'; or the id of the consultation being edited.
  const [form, setForm] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  const focusLater = useFocusLater();
  if (!caseId) return null;
  const mine = loadedFor === caseId ? consultations : null;

  function announce(text: string | null) {
    setForm(null);
    if (!text) return;
    setMessage(text);
    focusLater(() => messageRef.current);
  }

  const editing = mine?.find((c) => c.id === form) ?? null;
  return (
    <div className="tab-body">
      <h3>Consultation</h3>
      <p className={`notice ${styles.statement}`} data-testid="consultation-statement">
        {CONSULTATION_STATEMENT}
      </p>
      <div role="status" ref={messageRef} tabIndex={-1} className={message ? 'result result--ok' : 'visually-hidden'}>
        {message}
      </div>
      {mine === null ? (
        <p role="status">Loading the consultations…</p>
      ) : (
        <>
          {canWrite && form === null && (
            <button type="button" className="button" onClick={() => setForm('new')}>
              Record a consultation
            </button>
          )}
          {form !== null && (
            <ConsultationForm
              key={form}
              caseId={caseId}
              editing={editing}
              people={people}
              documents={documents}
              onDone={announce}
            />
          )}
          {mine.length === 0 ? (
            <p className="muted">No consultation has been recorded for this case.</p>
          ) : (
            <>
              <section aria-labelledby="consultation-report-heading" className="case-section">
                <h4 id="consultation-report-heading">The consultation report</h4>
                <p className="muted">The report is of the most recent consultation, with any addenda.</p>
                <ReportPreview
                  caseId={caseId}
                  kind="consultation"
                  name="consultation report"
                  revision={revisionOf(mine)}
                />
                <ReportDownloads kind="consultation" name="consultation report" />
              </section>
              <div className={styles.records}>
                {mine.map((c) => (
                  <ConsultationRecord
                    key={c.id}
                    c={c}
                    canWrite={canWrite}
                    onEdit={() => setForm(c.id)}
                    onMessage={(m) => announce(m)}
                  />
                ))}
              </div>
            </>
          )}
        </>
      )}
    </div>
  );
}
